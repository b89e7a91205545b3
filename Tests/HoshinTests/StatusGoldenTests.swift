import Foundation
import Testing
import HoshinTestSupport
import HoshinModel
@testable import HoshinRender
import HoshinRepository
import HoshinRollup

/// Every status format on `plans/` at 2026-10-31 matches its golden file in
/// `Tests/Fixtures/golden/`. Run with `HOSHIN_UPDATE_GOLDEN=1` to rewrite them after
/// an intended change, and review the diff.
@Suite struct StatusGoldenTests {
    static let golden = Fixtures.root.appendingPathComponent("golden")

    static func planTree() throws -> StatusTree {
        let result = try RepositoryLoader().load(folder: Fixtures.plans.path, asOf: Fixtures.asOf)
        #expect(result.errorCount == 0)
        return try RollupEngine(repository: try #require(result.repository), asOf: Fixtures.asOf).tree()
    }

    static let cases: [(StatusFormat, Bool, String)] = [
        (.tree, false, "status.tree.txt"),
        (.tree, true, "status.tree.ansi.txt"),
        (.json, false, "status.json"),
        (.markdown, false, "status.md"),
        (.csv, false, "status.csv"),
        (.html, false, "status.html"),
    ]

    @Test(arguments: 0..<cases.count)
    func formatMatchesItsGoldenFile(index: Int) throws {
        let (format, terminal, name) = Self.cases[index]
        let output = format.renderer(terminal: terminal).render(try Self.planTree())
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["HOSHIN_UPDATE_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try Data(output.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(output == expected, "\(name) differs; rerun with HOSHIN_UPDATE_GOLDEN=1 and review the diff")
    }

    @Test func jsonIsByteIdenticalBetweenRunsAndParses() throws {
        let first = JSONStatusRenderer().render(try Self.planTree())
        let second = JSONStatusRenderer().render(try Self.planTree())
        #expect(first == second)
        let object = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
        let root = try #require(object?["root"] as? [String: Any])
        #expect(object?["asOf"] as? String == "2026-10-31")
        #expect(object?["period"] as? Int == 2026)
        for key in ["id", "name", "status", "score", "goals", "units"] { #expect(root[key] != nil, "root lacks \(key)") }
        let goal = try #require((root["goals"] as? [[String: Any]])?.first)
        for key in ["ref", "title", "status", "score", "result", "execution", "supportedBy", "indicators",
                    "successFactors", "activities"] {
            #expect(goal[key] != nil, "goal lacks \(key)")
        }
    }

    @Test func greyNodesHaveANullScoreInJSON() throws {
        let json = JSONStatusRenderer().render(try RollupFixtureTests.tree("rollup"))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let goals = try #require((object?["root"] as? [String: Any])?["goals"] as? [[String: Any]])
        let grey = try #require(goals.first { $0["ref"] as? String == "region/all-grey" })
        #expect(grey["status"] as? String == "grey")
        #expect(grey["score"] is NSNull)
        #expect(grey["assessment"] == nil)
    }

    @Test(arguments: StatusFormat.allCases)
    func scandinavianLettersSurviveEveryFormat(format: StatusFormat) throws {
        let output = format.renderer(terminal: false).render(try Self.planTree())
        for word in ["Jönköpings", "Säker vård – alla gånger", "Höftfrakturpatienter", "Åtgärdspaket"] {
            #expect(output.contains(word), "\(format) lost '\(word)'")
        }
    }

    @Test func danishAndEnglishLabelsFollowTheRepositoryLanguage() throws {
        let unit = "unit: region\nname: Region Midtjylland – Sundhed\ngoals:\n  - id: g\n    title: Den bedste kvalitet – hver gang på den rigtige måde\n"
        for (language, word) in [("da", "Gennemførelse"), ("en", "Execution"), ("sv", "Genomförande")] {
            let result = RepositoryLoader().load(files: [
                InMemoryFile(path: "hoshin.yaml", text: "hoshin: 1\nperiod: 2026\nlanguage: \(language)\n"),
                InMemoryFile(path: "region.yaml", text: unit),
            ], asOf: Fixtures.asOf)
            let tree = try RollupEngine(repository: try #require(result.repository), asOf: Fixtures.asOf).tree()
            let text = TreeRenderer(style: .plain).render(tree)
            #expect(text.contains(word))
            #expect(text.contains("Den bedste kvalitet – hver gang på den rigtige måde"))
        }
    }

    @Test func plainTreeHasNoEscapeCodesAndTerminalTreeHasColour() throws {
        let tree = try Self.planTree()
        let plain = TreeRenderer(style: .plain).render(tree)
        #expect(!plain.contains("\u{1B}["))
        #expect(!plain.contains("├") && !plain.contains("●"))
        let terminal = TreeRenderer(style: .terminal).render(tree)
        #expect(terminal.contains("\u{1B}[31m■"))
        #expect(terminal.contains("├─ "))
    }

    @Test func csvQuotesFieldsWithCommasAndQuotes() {
        #expect(CSVRenderer.field("a,b") == "\"a,b\"")
        #expect(CSVRenderer.field("say \"hej\"") == "\"say \"\"hej\"\"\"")
        #expect(CSVRenderer.field("Säker vård") == "Säker vård")
    }

    @Test func htmlIsSelfContained() throws {
        let html = HTMLRenderer().render(try Self.planTree())
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("<script"))
        #expect(html.contains("<svg class=\"spark\""))
        #expect(html.contains("<meta charset=\"utf-8\">"))
    }
}

/// The example plans show what the variation analysis is for.
@Suite struct ExamplePlanVariationTests {
    @Test func plansUseEveryChartTypeAndShowBothSpecialCauses() throws {
        let tree = try StatusGoldenTests.planTree()
        var indicators: [IndicatorStatus] = []
        func collect(_ unit: UnitStatus) {
            indicators += unit.goals.flatMap(\.indicators)
            unit.units.forEach(collect)
        }
        collect(tree.root)
        #expect(Set(indicators.map(\.chart)) == Set(ChartType.allCases))
        #expect(indicators.contains { $0.spc.variation == .improving })
        #expect(indicators.contains { $0.spc.variation == .deteriorating })
        #expect(indicators.contains { $0.series.count >= 24 })
        let region = try #require(indicators.first { $0.ref == "region/vardskador" })
        #expect(region.freeze == Period("2025-12"))
        #expect(region.spc.baselineCount == 18)
    }

    @Test func jsonCarriesTheSpcObjectOfSection8() throws {
        let json = JSONStatusRenderer().render(try StatusGoldenTests.planTree())
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let goals = try #require((object?["root"] as? [String: Any])?["goals"] as? [[String: Any]])
        let indicator = try #require((goals[0]["indicators"] as? [[String: Any]])?.first)
        let spc = try #require(indicator["spc"] as? [String: Any])
        for key in ["chart", "points", "useful", "centre", "longestRun", "longestRunMax", "crossings", "crossingsMin",
                    "signals", "variation", "lower", "upper"] {
            #expect(spc[key] != nil, "spc lacks \(key)")
        }
        #expect(spc["signals"] as? [String] == ["outside-limits", "shift"])
        #expect(spc["variation"] as? String == "improving")
    }
}
