import Foundation
import Testing
import HoshinTestSupport
import HoshinModel
@testable import HoshinRender
import HoshinRepository
import HoshinRollup
import HoshinVariation

/// `hoshin review` (spec §12): goldens on `plans/`, the sections' content, byte-identical
/// runs, the Markdown limit, PDF without Chromium, and the status bowling chart.
@Suite struct ReviewPackTests {
    static let golden = Fixtures.root.appendingPathComponent("golden")

    static func plans() throws -> PlanRepository {
        let result = try RepositoryLoader().load(folder: Fixtures.plans.path, asOf: Fixtures.asOf)
        #expect(result.errorCount == 0)
        return try #require(result.repository)
    }

    static func pack(unit: String = "region", depth: Int = 2) throws -> ReviewPack {
        try ReviewPack.assemble(repository: try plans(), unit: unit, asOf: Fixtures.asOf, depth: depth,
                                revision: ReviewPack.Revision(hash: "abc1234", date: PlanDate(year: 2026, month: 10, day: 30)!))
    }

    static func compare(_ output: String, golden name: String) throws {
        let url = golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["HOSHIN_UPDATE_GOLDEN"] != nil {
            try Data(output.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(output == expected, "\(name) differs; rerun with HOSHIN_UPDATE_GOLDEN=1 and review the diff")
    }

    @Test func markdownMatchesItsGoldenFile() throws {
        try Self.compare(ReviewMarkdownRenderer().render(try Self.pack()), golden: "review.md")
    }

    @Test func htmlMatchesItsGoldenFile() throws {
        try Self.compare(ReviewHTMLRenderer().render(try Self.pack()), golden: "review.html")
    }

    @Test func sectionsComeInTheSpecsOrder() throws {
        let markdown = ReviewMarkdownRenderer().render(try Self.pack())
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3).prefix(2)) }
        #expect(headings == ["1.", "2.", "3.", "4.", "5.", "6."])
        let html = ReviewHTMLRenderer().render(try Self.pack())
        var last = html.startIndex
        for number in 1...6 {
            let range = try #require(html.range(of: "id=\"section-\(number)\""))
            #expect(range.lowerBound > last)
            last = range.lowerBound
        }
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("break-after: avoid"))
        #expect(html.contains("counter(page)"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
    }

    @Test func periodDefaultsToTheLatestEndedOne() throws {
        let plans = try Self.plans()
        #expect(plans.latestEndedPeriod(asOf: PlanDate(year: 2026, month: 10, day: 31)!).description == "2026-10")
        #expect(plans.latestEndedPeriod(asOf: PlanDate(year: 2026, month: 10, day: 30)!).description == "2026-09")
        #expect(plans.latestEndedPeriod(asOf: PlanDate(year: 2026, month: 1, day: 5)!).description == "2025-12")
        #expect(ReviewPack.changesSince(Period("2026-10")!) == PlanDate(year: 2026, month: 9, day: 30)!)
    }

    @Test func exceptionsHoldRedGoalsAndRedDeterioratingOrFailingIndicators() throws {
        let pack = try Self.pack()
        let flagged = pack.exceptions.flatMap(\.indicators)
        let refs = Set(flagged.map(\.indicator.ref))
        // Every indicator of the pack that is red, deteriorating or failing is in section 2, and nothing else.
        var all: [IndicatorStatus] = []
        func visit(_ unit: UnitStatus) { all += unit.goals.flatMap(\.indicators); unit.units.forEach(visit) }
        visit(pack.tree.root)
        for indicator in all {
            let expected = indicator.status == .red || indicator.spc.variation == .deteriorating || indicator.spc.assurance == .fail
            #expect(refs.contains(indicator.ref) == expected, "\(indicator.ref)")
        }
        // Every red goal is there.
        var goals: [GoalStatus] = []
        func goalsOf(_ unit: UnitStatus) { goals += unit.goals; unit.units.forEach(goalsOf) }
        goalsOf(pack.tree.root)
        let exceptionGoals = Set(pack.exceptions.map(\.goal.ref))
        for goal in goals where goal.figure.status == .red { #expect(exceptionGoals.contains(goal.ref), "\(goal.ref)") }
        // The red indicator without a countermeasure carries the mark; the ones with one do not.
        let waiting = try #require(flagged.first { $0.indicator.ref == "region/vantande-60" })
        #expect(waiting.indicator.missingCountermeasure != nil)
        #expect(waiting.reasons.contains(.red))
        #expect(waiting.reasons.contains(.assuranceFail))
        let hip = try #require(flagged.first { $0.indicator.ref == "ortopedi/hoft-24h" })
        #expect(hip.indicator.missingCountermeasure == nil)
        #expect(hip.reasons.contains(.deteriorating))
        #expect(hip.indicator.comment == "Samma mönster; snabbspåret från akuten är inte i gång ännu.")
        #expect(hip.indicator.countermeasures.map(\.countermeasure.id.value) == ["helgsal"])
        let falls = try #require(flagged.first { $0.indicator.ref == "kardiologi/fallskador" })
        #expect(falls.indicator.countermeasures.first?.overdue == true)
        let markdown = ReviewMarkdownRenderer().render(pack)
        let section2 = try #require(markdown.components(separatedBy: "## 3.").first)
        #expect(section2.contains("Andel väntande längre än 60 dagar till första besök"))
        #expect(section2.contains("⚠ Åtgärd saknas"))
        #expect(section2.contains("Samma mönster; snabbspåret"))
        #expect(section2.contains("⏰ **försenad**"))
        // Section 4: overdue, stale, at risk or off track, with owner and note; section 5: the rest, one line each.
        for item in pack.attention { #expect(ReviewPack.needsAttention(item.activity)) }
        #expect(pack.attention.contains { $0.activity.ref == "kirurgisk-vard/sommarsalar" })
        #expect(pack.others.allSatisfy { $0.activity.map { !ReviewPack.needsAttention($0) } ?? true })
        let counted = pack.counts.values.reduce(0, +)
        #expect(counted == goals.count + all.count + pack.attention.count + pack.others.filter { $0.kind == "activity" }.count)
    }

    @Test func bowlingChartColoursEachPeriodsValue() throws {
        let pack = try Self.pack()
        let chart = BowlingChart(tree: pack.tree, through: pack.period)
        #expect(chart.periods.map(\.description) == (1...10).map { "2026-\($0 < 10 ? "0" : "")\($0)" })
        let waiting = try #require(chart.rows.first { $0.indicator.ref == "region/vantande-60" })
        // Target 10, warning 15, direction down: every month of 2026 is above 15, so red.
        #expect(waiting.cells.allSatisfy { $0.colour == .red })
        let sick = try #require(chart.rows.first { $0.indicator.ref == "region/sjukfranvaro" })
        #expect(sick.cells.map(\.colour).contains(.green) && sick.cells.map(\.colour).contains(.yellow))
        for row in chart.rows {
            for cell in row.cells where cell.value == nil { #expect(cell.colour == .grey) }
        }
    }

    @Test func markdownCutsSectionFiveFirstAndSaysSo() throws {
        let pack = try Self.pack()
        let full = ReviewMarkdownRenderer().render(pack)
        #expect(full.utf16.count < 65_536)
        #expect(!full.contains("Avsnitt 5 (Övrigt) är utelämnat"))
        let section5 = try #require(full.components(separatedBy: "## 5.").last?.components(separatedBy: "## 6.").first)
        let limit = full.utf16.count - section5.utf16.count / 2
        let cut = ReviewMarkdownRenderer(limit: limit).render(pack)
        #expect(cut.utf16.count <= limit)
        #expect(cut.contains("> ⚠ Avsnitt 5 (Övrigt) är utelämnat"))
        // Sections 1–4 and 6 are whole.
        for marker in ["## 2.", "## 3.", "## 4.", "## 6."] {
            let before = full.components(separatedBy: marker).last?.prefix(400)
            #expect(before.map { cut.contains($0) } == true, "\(marker) was cut")
        }
        // Far below that, later sections are cut line by line and the pack still says what it cut.
        let tiny = ReviewMarkdownRenderer(limit: 6_000).render(pack)
        #expect(tiny.utf16.count <= 6_000)
        #expect(tiny.contains("rader utelämnade"))
        #expect(tiny.contains("## 1.") && tiny.contains("## 6."))
    }

    @Test func twoRunsAreByteIdentical() throws {
        for format in ["markdown", "html"] {
            let arguments = ["review", Fixtures.plans.path, "--unit", "region", "--depth", "1", "--as-of", "2026-10-31", "--format", format]
            let first = try HoshinBinary.run(arguments)
            let second = try HoshinBinary.run(arguments)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(!first.stdout.isEmpty)
            #expect(first.stdout == second.stdout)
        }
    }

    @Test func pdfWithoutChromiumExitsTwoWithOneLine() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("hoshin-empty-path-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let run = try HoshinBinary.run(["review", Fixtures.plans.path, "--unit", "region", "--as-of", "2026-10-31", "--format", "pdf"],
                                       environment: ["PATH": empty.path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("chromium"))
    }

    @Test func pdfNormalisationKeepsOffsetsAndDropsDates() {
        let raw = Array("%PDF-1.4\n1 0 obj <</CreationDate (D:20261123145501+00'00') /ModDate (D:20261123145501+00'00')>>\nxref".utf8)
        let normalised = PDFNormaliser.normalise(raw)
        #expect(normalised.count == raw.count)
        let text = String(decoding: normalised, as: UTF8.self)
        #expect(!text.contains("2026"))
        #expect(text.contains("/CreationDate (D:20000101000000Z"))
    }

    @Test func unknownUnitAndBadPeriodExitTwo() throws {
        let unknown = try HoshinBinary.run(["review", Fixtures.plans.path, "--unit", "kardiolgi", "--as-of", "2026-10-31"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("kardiologi"))
        let period = try HoshinBinary.run(["review", Fixtures.plans.path, "--unit", "region", "--period", "2026-Q3", "--as-of", "2026-10-31"])
        #expect(period.status == 2)
    }

    @Test func statusHTMLForAUnitHasTheBowlingChart() throws {
        let run = try HoshinBinary.run(["status", Fixtures.plans.path, "--unit", "medicinsk-vard", "--as-of", "2026-10-31", "--format", "html"],
                                       environment: ["HOSHIN_LANG": ""])
        #expect(run.status == 0)
        #expect(run.stdout.contains("<table class=\"bowling\">"))
        #expect(run.stdout.contains("Bowlingdiagram"))
        let whole = try HoshinBinary.run(["status", Fixtures.plans.path, "--as-of", "2026-10-31", "--format", "html"])
        #expect(!whole.stdout.contains("<table class=\"bowling\">"))
    }

    @Test func statusJSONCarriesNotesCommentsCountermeasuresAndAssurance() throws {
        let tree = try RollupEngine(repository: try Self.plans(), asOf: Fixtures.asOf).tree()
        let json = JSONStatusRenderer().render(tree)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let root = try #require(object["root"] as? [String: Any])
        let goals = try #require(root["goals"] as? [[String: Any]])
        let indicators = goals.flatMap { ($0["indicators"] as? [[String: Any]]) ?? [] }
        let harm = try #require(indicators.first { $0["ref"] as? String == "region/vardskador" })
        #expect(harm["comment"] as? String == "Ökningen i oktober gäller främst trycksår på två avdelningar med många nya vikarier.")
        let harmMeasures = try #require(harm["countermeasures"] as? [[String: Any]])
        #expect(harmMeasures.first?["status"] as? String == "closed")
        #expect(harmMeasures.first?["closed"] as? String == "2026-07-10")
        #expect(harmMeasures.first?["overdue"] as? Bool == false)
        let waiting = try #require(indicators.first { $0["ref"] as? String == "region/vantande-60" })
        #expect((waiting["spc"] as? [String: Any])?["assurance"] as? String == "fail")
        let cost = try #require(indicators.first { $0["ref"] as? String == "region/nettokostnad" })
        let costMeasure = try #require((cost["countermeasures"] as? [[String: Any]])?.first)
        #expect(costMeasure["overdue"] as? Bool == true)
        #expect(costMeasure["due"] as? String == "2026-09-30")
        let sick = try #require(indicators.first { $0["ref"] as? String == "region/sjukfranvaro" })
        #expect(sick["comment"] == nil)
        let activities = goals.flatMap { ($0["activities"] as? [[String: Any]]) ?? [] }
            + goals.flatMap { ($0["successFactors"] as? [[String: Any]]) ?? [] }.flatMap { ($0["activities"] as? [[String: Any]]) ?? [] }
        let training = try #require(activities.first { $0["ref"] as? String == "region/gtt-utbildning" })
        #expect(training["note"] as? String == "Alla fem team utbildade, även i Värnamo och Eksjö.")
        #expect(training["updated"] as? String == "2026-06-20")
    }
}

/// Spec §12's size promise on the benchmark's shape: 500 units, root with `--depth 1`.
@Suite struct ReviewPackSizeTests {
    /// The repository `hoshin-bench --units 500` generates, in memory.
    static func benchmarkFiles(units count: Int) -> [InMemoryFile] {
        var files = [InMemoryFile(path: "hoshin.yaml", bytes: Array("hoshin: 1\nperiod: 2026\norganisation: Region Jönköpings län\n".utf8))]
        for index in 0..<count {
            let id = index == 0 ? "region" : "enhet-\(index)"
            let parent = index == 0 ? nil : (index <= 10 ? "region" : "enhet-\((index - 1) / 10)")
            var text = "unit: \(id)\nname: Enhet \(index) – Länssjukhuset Ryhov\n"
            if let parent { text += "parent: \(parent)\n" }
            text += "owner: Verksamhetschef Åsa Öberg\ngoals:\n"
            for goal in 0..<4 {
                text += "  - id: mal-\(goal)\n    title: Säker vård – alla gånger, del \(goal)\n"
                if let parent { text += "    supports: [\(parent)/mal-\(goal)]\n" }
                text += "    weight: \(goal + 1)\n    indicators:\n"
                for indicator in 0..<2 {
                    text += "      - id: ind-\(goal)-\(indicator)\n        title: Andel vårdtillfällen med vårdskada\n        unit: \"%\"\n        direction: down\n        target: 5.0\n        warning: 6.5\n        chart: p\n        measurements:\n"
                    for month in 0..<24 {
                        let period = "\(2025 + month / 12)-\(month % 12 + 1 < 10 ? "0" : "")\(month % 12 + 1)"
                        text += "          \(period): {num: \(10 + (month * 7 + index) % 9), den: \(140 + (month * 3 + goal) % 20)}\n"
                    }
                }
                text += "    success_factors:\n      - id: sf-\(goal)\n        title: Strukturerad journalgranskning\n        activities:\n"
                for activity in 0..<3 {
                    text += "          - id: akt-\(goal)-\(activity)\n            title: \"Utbilda granskningsteam: omgång \(activity)\"\n            status: on-track\n            start: 2026-01-15\n            due: 2026-12-15\n            progress: \(activity * 30)\n            updated: 2026-10-0\(activity + 1)\n            note: Två av fem team utbildade.\n"
                }
            }
            files.append(InMemoryFile(path: index == 0 ? "region.yaml" : "enhet-\(index / 50)/\(id).yaml", bytes: Array(text.utf8)))
        }
        return files
    }

    @Test func rootWithDepthOneFitsAPullRequestComment() throws {
        let result = RepositoryLoader().load(files: Self.benchmarkFiles(units: 500), asOf: Fixtures.asOf)
        #expect(result.errorCount == 0)
        let pack = try ReviewPack.assemble(repository: try #require(result.repository), unit: "region", asOf: Fixtures.asOf, depth: 1)
        let markdown = ReviewMarkdownRenderer().render(pack)
        #expect(markdown.utf16.count < 65_536)
        #expect(markdown.unicodeScalars.count < 65_536)
        // It says what it cut, and it cut section 5 only.
        #expect(markdown.contains("> ⚠ Avsnitt 5 (Övrigt) är utelämnat"))
        #expect(!markdown.contains("rader utelämnade"))
        for number in 1...6 { #expect(markdown.contains("\n## \(number). ")) }
    }
}
