import Foundation
import Testing
import HoshinTestSupport
import HoshinModel
@testable import HoshinRender
import HoshinRepository
import HoshinRollup
import HoshinVariation

/// Comments and countermeasures (spec §3): decoding, diagnostics, the rules' settings and languages.
@Suite struct CountermeasureTests {
    static func load(_ plan: String, settings: String = "hoshin: 1\nperiod: 2026\n") -> ValidationResult {
        RepositoryLoader().load(files: [InMemoryFile(path: "hoshin.yaml", bytes: Array(settings.utf8)),
                                        InMemoryFile(path: "region.yaml", bytes: Array(plan.utf8))],
                                asOf: Fixtures.asOf)
    }

    static let red = """
    unit: region
    name: Region Jönköpings län
    goals:
      - id: saker-vard
        title: Säker vård
        indicators:
          - id: vardskador
            title: Vårdskador
            direction: down
            target: 5
            measurements:
              2026-08: 6
              2026-09: 7
              2026-10: 8
            comments:
              2026-10: Ökning på två avdelningar.
              2026-09: Oförändrat.

    """

    static func lines(_ result: ValidationResult) -> [String] {
        result.diagnostics.map { "\($0.start.line):\($0.start.column) \($0.rule)" }
    }

    @Test func commentsAreDecodedByPeriod() throws {
        let result = Self.load(Self.red)
        let indicator = try #require(result.repository?.units.first?.goals.first?.indicators.first)
        #expect(indicator.comments.map(\.period.description) == ["2026-10", "2026-09"])
        #expect(indicator.comment(for: Period("2026-10")) == "Ökning på två avdelningar.")
        #expect(indicator.comment(for: Period("2026-08")) == nil)
    }

    @Test func countermeasureAfterComesFromSettings() {
        // Red three months in a row: fires with 2 and 3, not with 4.
        for (after, fires) in [(2, true), (3, true), (4, false)] {
            let result = Self.load(Self.red, settings: "hoshin: 1\nperiod: 2026\nreview:\n  countermeasure_after: \(after)\n")
            #expect(result.diagnostics.contains { $0.rule == RuleID.missingCountermeasure } == fires, "after \(after)")
        }
        let bad = Self.load(Self.red, settings: "hoshin: 1\nperiod: 2026\nreview:\n  countermeasure_after: 0\n")
        #expect(Self.lines(bad).contains("4:25 invalid-value"))
        let unknown = Self.load(Self.red, settings: "hoshin: 1\nperiod: 2026\nreview:\n  countermeasure_afer: 2\n")
        #expect(unknown.diagnostics.contains { $0.rule == RuleID.unknownKey && $0.message.contains("countermeasure_after") })
    }

    @Test func badCountermeasuresGiveOneDiagnosticEach() {
        let plan = """
        unit: region
        name: Region Jönköpings län
        goals:
          - id: saker-vard
            title: Säker vård
            countermeasures:
              - id: saker-vard
                opened: 2026-13
                problem: Problem
                owner: Chefläkare
                status: closed
              - id: utan-datum
                opened: 2026-09
                problem: Problem
                owner: Chefläkare
                status: stängd
              - id: stangd
                opened: 2026-09
                owner: Chefläkare
                status: closed
                closed: 2026-10-01
                resultat: bra
              - id: vardskador
                opened: 2026-09
                problem: Samma id som indikatorn
                owner: Chefläkare
                status: open
            indicators:
              - id: vardskador
                title: Vårdskador
                direction: down
                target: 5
                comments:
                  2026-1: fel
                  2026-10: [inte, text]

        """
        let result = Self.load(plan)
        // One diagnostic a mistake; the countermeasure with a bad period is left out, so its id clashes with nothing.
        #expect(Self.lines(result) == [
            "8:17 invalid-date", "11:17 missing-field", "16:17 invalid-value", "17:9 missing-field",
            "22:9 unknown-key", "29:13 duplicate-id", "34:11 invalid-date", "35:20 invalid-type",
        ])
    }

    @Test func assuranceIsSymmetricUnderNegation() {
        // Negating every value and the target and flipping the direction mirrors the chart:
        // the assurance stays the same on i charts, for many random series.
        var generator = SystemRandomNumberGenerator()
        let analyzer = VariationAnalyzer(minPoints: 10)
        for _ in 0..<200 {
            let count = Int.random(in: 8...30, using: &generator)
            let values = (0..<count).map { _ in Double(Int.random(in: 0...400, using: &generator)) / 10 }
            let target = Double(Int.random(in: -100...500, using: &generator)) / 10
            let direction: Direction = Bool.random(using: &generator) ? .up : .down
            let points = values.enumerated().map { VariationPoint(label: "\($0.offset)", value: $0.element) }
            let mirrored = values.enumerated().map { VariationPoint(label: "\($0.offset)", value: -$0.element) }
            let a = analyzer.analyse(points, chart: .i, direction: direction, target: target)
            let b = analyzer.analyse(mirrored, chart: .i, direction: direction == .up ? .down : .up, target: -target)
            #expect(a.assurance == b.assurance, "\(values) target \(target) \(direction)")
            if a.variation == .insufficientData { #expect(a.assurance == nil) }
        }
    }

    @Test func packSpeaksTheRepositoryLanguage() throws {
        for (language, words) in [("da", ["Månedsopfølgning", "Afvigelser", "Tiltag mangler", "Bowlingdiagram"]),
                                  ("en", ["Monthly review", "Exceptions", "Countermeasure missing", "Bowling chart"]),
                                  ("sv", ["Månadsuppföljning", "Avvikelser", "Åtgärd saknas", "Bowlingdiagram"])] {
            let result = Self.load(Self.red, settings: "hoshin: 1\nperiod: 2026\nlanguage: \(language)\n")
            let pack = try ReviewPack.assemble(repository: try #require(result.repository), unit: "region", asOf: Fixtures.asOf)
            let markdown = ReviewMarkdownRenderer().render(pack)
            let html = ReviewHTMLRenderer().render(pack)
            for word in words {
                #expect(markdown.contains(word), "\(language) markdown lacks \(word)")
                #expect(html.contains(word), "\(language) html lacks \(word)")
            }
            #expect(html.contains("<html lang=\"\(language)\">"))
        }
    }
}
