import Foundation
import Testing
import HoshinText
import HoshinTestSupport
import HoshinModel
@testable import HoshinRender
import HoshinRollup

/// What people read (issue 18): round chart axes, a tree readable without colour that
/// wraps under its own indentation, charts that say what they show, and a report that
/// prints. Golden files: `Tests/Fixtures/golden/` (rewrite with `HOSHIN_UPDATE_GOLDEN=1`).
@Suite struct ReadableOutputTests {
    static func golden(_ name: String, _ output: String) throws {
        let url = StatusGoldenTests.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["HOSHIN_UPDATE_GOLDEN"] != nil {
            try Data(output.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(output == expected, "\(name) differs; rerun with HOSHIN_UPDATE_GOLDEN=1 and review the diff")
    }

    // MARK: nice numbers

    @Test(arguments: [
        (3.33, 12.8, [2.0, 4, 6, 8, 10, 12, 14]),
        (0.0, 1.0, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (96.2, 99.1, [96.0, 97, 98, 99, 100]),
        (-3.0, 7.0, [-4.0, -2, 0, 2, 4, 6, 8]),
        (120.0, 980.0, [0.0, 200, 400, 600, 800, 1000]),
        (5.0, 5.0, [4.4, 4.6, 4.8, 5.0, 5.2, 5.4, 5.6]),
        (0.012, 0.047, [0.01, 0.02, 0.03, 0.04, 0.05]),
    ])
    func niceAxisGivesRoundTicksCoveringTheValues(low: Double, high: Double, ticks: [Double]) {
        let axis = NiceAxis(low: low, high: high)
        #expect(axis.ticks.count == ticks.count, "\(axis.ticks)")
        for (tick, expected) in zip(axis.ticks, ticks) { #expect(abs(tick - expected) < 1e-9, "\(axis.ticks)") }
        #expect(axis.low <= low && axis.high >= high)
    }

    @Test func niceAxisLabelsHaveTheDecimalsTheStepNeeds() {
        #expect(NiceAxis(low: 3.33, high: 12.8).ticks.map(NiceAxis(low: 3.33, high: 12.8).label) == ["2", "4", "6", "8", "10", "12", "14"])
        let fine = NiceAxis(low: 0.012, high: 0.047)
        #expect(fine.ticks.map(fine.label) == ["0.01", "0.02", "0.03", "0.04", "0.05"])
        let half = NiceAxis(low: 1.1, high: 3.2, ticks: 10)
        #expect(half.ticks.map(half.label) == ["1.0", "1.5", "2.0", "2.5", "3.0", "3.5"])
        let bad = NiceAxis(low: .nan, high: 3)
        #expect(!bad.ticks.isEmpty && bad.ticks.allSatisfy(\.isFinite))
    }

    // MARK: the terminal tree

    @Test func everyColourHasItsOwnShapeBesideItsColour() {
        let renderer = TreeRenderer(style: .terminal)
        let shapes = [StatusColour.green, .yellow, .red, .grey].map { renderer.dot($0, ansi: ANSIStyle(enabled: false)) }
        #expect(shapes == ["●", "▲", "■", "○"])
        #expect(renderer.dot(.red, ansi: ANSIStyle(enabled: true)) == "\u{1B}[31m■\u{1B}[0m")
    }

    @Test func theTreeHasNoEmojiAndSaysWhatThePercentageIs() throws {
        let tree = try StatusGoldenTests.planTree()
        for style in [TreeRenderer.Style.terminal, .plain] {
            let text = TreeRenderer(style: style).render(tree)
            let emoji = text.unicodeScalars.filter { $0.properties.isEmojiPresentation }
            #expect(emoji.isEmpty, "\(style): \(emoji.map { String($0) })")
            #expect(text.contains("% = sammanvägd poäng"))
        }
        #expect(ReadingWords.forLanguage(.da).percentLegend.hasPrefix("% = samlet score"))
        #expect(ReadingWords.forLanguage(.en).percentLegend.hasPrefix("% = rollup score"))
    }

    @Test func wrapKeepsColourCodesOutOfTheWidthAndReopensThem() {
        let dim = "\u{1B}[2m"
        let reset = "\u{1B}[0m"
        let lines = TerminalWrap.wrap("● Mål: \(dim)ett långt dimmat stycke text\(reset) slut", first: "├─ ", hanging: "│  ", width: 24)
        #expect(lines.map(TerminalWrap.visibleWidth).allSatisfy { $0 <= 24 }, "\(lines)")
        #expect(lines.count == 3, "\(lines)")
        #expect(lines[0] == "├─ ● Mål: \(dim)ett långt\(reset)")
        #expect(lines[1] == "│  \(dim)dimmat stycke text\(reset)")
        #expect(lines[2] == "│  slut")
        // A word longer than the line stays whole.
        #expect(TerminalWrap.wrap("a Vårdhygienövervakningsprogrammet b", first: "", hanging: "  ", width: 12)
                == ["a", "  Vårdhygienövervakningsprogrammet", "  b"])
    }

    @Test func aNarrowTerminalWrapsEveryLineUnderItsOwnIndentation() throws {
        let tree = try StatusGoldenTests.planTree()
        let text = TreeRenderer(style: .terminal, width: 72).render(tree)
        try Self.golden("status.tree.wrapped.ansi.txt", text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let body = lines.dropFirst().prefix { !$0.isEmpty }
        for line in body {
            #expect(TerminalWrap.visibleWidth(line) <= 72 || !line.contains(" "), "\(line)")
            // No line of the tree starts at column 0 with text: it starts with a branch or a shape.
            let plain = line.replacingOccurrences(of: "\u{1B}[", with: "").drop { $0.isNumber || $0 == "m" || $0 == ";" }
            #expect(plain.first.map { "│├└ ●▲■○".contains($0) } == true, "\(line)")
        }
        #expect(body.count > TreeRenderer(style: .terminal).render(tree).split(separator: "\n").count - 4)
        // The plain tree wraps too, with ASCII branches.
        let plain = TreeRenderer(style: .plain, width: 60).render(tree)
        #expect(plain.split(separator: "\n").allSatisfy { TerminalWrap.visibleWidth(String($0)) <= 60 || $0.count > 60 && !$0.contains("|") })
    }

    @Test func theCommandWrapsAtColumnsAndNotWhenPiped() throws {
        let wide = try HoshinBinary.run(["status", Fixtures.plans.path, "--as-of", "2026-10-31"], environment: ["NO_COLOR": "1", "HOSHIN_LANG": ""])
        let narrow = try HoshinBinary.run(["status", Fixtures.plans.path, "--as-of", "2026-10-31"], environment: ["NO_COLOR": "1", "COLUMNS": "60", "HOSHIN_LANG": ""])
        #expect(wide.stdout.split(separator: "\n").contains { $0.count > 60 })
        #expect(narrow.stdout.split(separator: "\n").allSatisfy { $0.count <= 60 })
    }

    // MARK: charts

    static func indicator(_ ref: String) throws -> IndicatorStatus {
        var pending = [try StatusGoldenTests.planTree().root]
        while let unit = pending.popLast() {
            if let found = unit.goals.flatMap(\.indicators).first(where: { $0.ref == ref }) { return found }
            pending += unit.units
        }
        throw CancellationError()
    }

    @Test func aChartSaysWhatItShows() throws {
        let indicator = try Self.indicator("kardiologi/fallskador")
        let svg = ControlChartSVG(labels: Labels.forLanguage(.sv)).svg(indicator, standalone: true)
        try Self.golden("chart.kardiologi-fallskador.svg", svg + "\n")
        #expect(svg.contains(">\(HTML.escape(indicator.title))"))
        if let unit = indicator.unit { #expect(svg.contains(">\(HTML.escape(unit))</text>")) }
        #expect(svg.contains(">\(indicator.spc.points.last!.label)</text>"))
        #expect(svg.contains(">mål \(Display.value(indicator.target, unit: indicator.unit))</text>"))
        // The y ticks are the nice axis' ticks, not min, centre and max.
        let extent = indicator.spc.points.map(\.value) + [indicator.target]
        let axis = NiceAxis(low: extent.min()!, high: extent.max()!)
        for tick in axis.ticks { #expect(svg.contains("text-anchor=\"end\" font-size=\"10\" fill=\"#4a5563\">\(axis.label(tick))</text>")) }
    }

    // MARK: the printed report

    @Test func theReportPrintsOnA4WithAnOverviewAndLinkedGoals() throws {
        let tree = try StatusGoldenTests.planTree()
        let html = HTMLRenderer().render(tree)
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("counter(page)"))
        #expect(html.contains("break-after: avoid"))
        #expect(html.contains("white-space: pre-line"))
        // The overview: one row per unit, linking to its section.
        var units: [UnitStatus] = []
        var pending = [tree.root]
        while let unit = pending.popLast() { units.append(unit); pending += unit.units }
        let overview = try #require(html.range(of: "<nav class=\"overview\"").map { html[$0.lowerBound...] }?.prefix { _ in true })
        let nav = String(overview[..<overview.range(of: "</nav>")!.upperBound])
        for unit in units {
            #expect(nav.contains("<a href=\"#unit-\(unit.id)\">\(HTML.escape(unit.name))</a>"))
            #expect(html.contains("id=\"unit-\(unit.id)\""))
        }
        // Supported by: "goal title (unit name)", linking to an anchor that exists.
        let goal = try #require(tree.root.goals.first { !$0.supportedBy.isEmpty })
        let directory = GoalDirectory(tree)
        for ref in goal.supportedBy {
            let entry = try #require(directory.entries[ref])
            #expect(html.contains("<a href=\"#goal-\(ref)\">\(HTML.escape(entry.title)) (\(HTML.escape(entry.unitName)))</a>"))
            #expect(html.contains("id=\"goal-\(ref)\""))
        }
        // One column grid for every indicator table.
        #expect(html.components(separatedBy: "<table class=\"indicators\">").count
                == html.components(separatedBy: "<table class=\"indicators\"><colgroup>").count)
    }

    @Test func headingsFollowTheOrganisation() throws {
        let html = HTMLRenderer().render(try StatusGoldenTests.planTree())
        // Each goal heading is one level below the unit heading before it.
        var unitLevel = 0
        var scanner = Substring(html)
        while let range = scanner.range(of: #"<h([1-6]) class="(unit|goal)-title""#, options: .regularExpression) {
            let tag = scanner[range]
            let level = Int(String(tag.dropFirst(2).prefix(1)))!
            if tag.contains("unit-title") { unitLevel = level } else { #expect(level == min(unitLevel + 1, 6), "\(tag)") }
            scanner = scanner[range.upperBound...]
        }
        #expect(html.contains("<h3 class=\"unit-title\">"))
        #expect(html.contains("<h4 class=\"unit-title\">"))
    }

    @Test func thePrintedTitleCannotCloseTheStyleElement() {
        #expect(PrintStyles.cssString("Region \"Nord\" </style><script>x\\y\n") == "Region \\\"Nord\\\" \\3C /style\\3E \\3C script\\3E x\\\\y ")
        let css = PrintStyles.css(page: ReadingWords.forLanguage(.sv).page, title: "A </style> B")
        #expect(!css.contains("</style>"))
        #expect(css.contains("@bottom-left { content: \"A \\3C /style\\3E  B\";"))
    }

    @Test func notesKeepTheirLineBreaksInPrint() throws {
        let html = HTMLRenderer().render(try StatusGoldenTests.planTree())
        #expect(html.contains("ul.activities small, .assessment .note { white-space: pre-line; }"))
    }
}
