import Foundation
import Testing
import HoshinTestSupport
import HoshinModel
import HoshinRepository
import HoshinRules
@testable import HoshinText

/// The message catalogue (issue #14): complete in sv, da and en, every message a person reads
/// found in it, the language chosen as spec §7 says, numbers written as each language writes them.
@Suite struct CatalogueTests {
    @Test func everyEntryHasEveryLanguageAndTheSamePlaceholders() {
        var ids = Set<String>()
        for entry in Catalogue.entries {
            #expect(ids.insert(entry.id).inserted, "id \(entry.id) is used twice")
            #expect(entry.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "." || $0 == "-" }, "id \(entry.id) is not a stable id")
            let english = Template(entry.en).placeholders
            for language in Language.allCases {
                let text = entry.text(language)
                #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(entry.id) has no \(language.rawValue) text")
                #expect(Template(text).placeholders == english,
                        "\(entry.id) in \(language.rawValue) has placeholders \(Template(text).placeholders.sorted()), English \(english.sorted())")
            }
        }
    }

    @Test func everyIdTheSourcesNameIsInTheCatalogue() throws {
        let sources = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") } ?? []
        // Literal ids: Catalogue.text("x", …) and text("x", …) in renderers; prefixed ids by table.
        let pattern = try Regex(#"(?:Catalogue\.text|text)\("([a-z0-9-]+\.[a-z0-9.-]+)""#)
        var found = 0
        for file in files where !file.hasPrefix("HoshinText/") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: pattern) {
                guard let id = match.output[1].substring.map(String.init) else { continue }
                found += 1
                #expect(Catalogue.entry(id) != nil, "\(file) names \(id), which the catalogue lacks")
            }
        }
        #expect(found > 10)
        let prefixed: [(String, [String])] = [
            ("colour.", StatusColour.allCases.map(\.rawValue)), ("state.", ActivityState.allCases.map(\.rawValue)),
            ("chart.", ChartType.allCases.map(\.rawValue)), ("sheet.label.", ["type", "ref", "title", "status", "progress", "note", "updated", "period", "value", "num", "den", "comment", "base"]),
            ("variation.", ["insufficient-data", "common-cause", "improving", "deteriorating", "unclear"]),
            ("cycle.state.", ["complete", "open", "late"]), ("chart.text.signal.", ["shift", "crossings", "outside-limits"]),
            ("review.assurance.", ["pass", "fail", "inconsistent"]), ("review.assurance-long.", ["pass", "fail", "inconsistent"]),
            ("review.state.", CountermeasureState.allCases.map(\.rawValue)),
            ("diff.node.", ["unit", "goal", "indicator", "success-factor", "activity"]),
        ]
        for (prefix, names) in prefixed {
            for name in names { #expect(Catalogue.entry(prefix + name) != nil, "the catalogue lacks \(prefix)\(name)") }
        }
    }

    /// Every diagnostic of every rule fixture and rule example has a catalogue text, so none
    /// stays English in sv or da.
    @Test func everyDiagnosticOfTheFixturesIsInTheCatalogue() throws {
        var messages: [String] = []
        let rules = Fixtures.root.appendingPathComponent("rules")
        for rule in Fixtures.subfolders(of: rules) {
            messages += try Fixtures.validate(rules.appendingPathComponent(rule).appendingPathComponent("err")).diagnostics.map(\.message)
        }
        messages += try Fixtures.validate(Fixtures.root.appendingPathComponent("language/broken")).diagnostics.map(\.message)
        for rule in RuleCatalogue.all {
            let files = rule.description.failing.completeFiles.map { InMemoryFile(path: $0.path, text: $0.text) }
            messages += RepositoryLoader().load(files: files, asOf: rule.description.failing.asOf).diagnostics.map(\.message)
        }
        #expect(messages.count > 40)
        for message in Set(messages).sorted() {
            #expect(Catalogue.matchingID(message) != nil, "no catalogue text for: \(message)")
        }
    }

    @Test func aMessageIsTranslatedWithItsFragmentsAndSuggestion() {
        let english = "unknown key 'sucess_factors' in a goal; did you mean 'success_factors'?"
        #expect(Catalogue.translate(english, to: .sv) == "okänd nyckel 'sucess_factors' i ett mål; menade du 'success_factors'?")
        #expect(Catalogue.translate(english, to: .da) == "ukendt nøgle 'sucess_factors' i et mål; mente du 'success_factors'?")
        #expect(Catalogue.translate(english, to: .en) == english)
        #expect(Catalogue.translate("something no catalogue text says", to: .sv) == "something no catalogue text says")
    }

    @Test func updateRepliesAreTranslatedLineByLine() {
        #expect(Catalogue.translate("kardiologi/fallrutin: on-track → at-risk", to: .sv)
            == "kardiologi/fallrutin: enligt plan (on-track) → i riskzonen (at-risk)")
        #expect(Catalogue.translate("akut/vantetid: 2026-10: 1234.5 → 1199.5", to: .da)
            == "akut/vantetid: 2026-10: 1\u{00A0}234,5 → 1\u{00A0}199,5")
        #expect(Catalogue.translateLines("akut/x: no change\nfree text", to: .sv) == "akut/x: ingen ändring\nfree text")
    }

    @Test func numbersInMessagesFollowTheLanguage() {
        let english = "warning 1400.5 lies on the good side of target 1200 for direction down"
        #expect(Catalogue.translate(english, to: .sv)
            == "varningsgränsen 1\u{00A0}400,5 ligger på den goda sidan av målvärdet 1\u{00A0}200 för direction down")
        #expect(Catalogue.text("chart.text.latest", .da, ["value": "1", "period": "2026-10", "target": "2", "status": "grøn"])
            == "Seneste værdi: 1 (2026-10), målværdi 2: grøn")
    }

    @Test func longMessagesAreLeftAsTheyAre() {
        let key = String(repeating: "x", count: 5_000)
        let english = "unknown key '\(key)' in a goal"
        #expect(Catalogue.translate(english, to: .sv) == english)
    }
}

@Suite struct NumberTextTests {
    @Test(arguments: [
        (1234.5, "1\u{00A0}234,5", "1234.5"), (82.4, "82,4", "82.4"), (-0.25, "-0,25", "-0.25"),
        (12_345_678, "12\u{00A0}345\u{00A0}678", "12345678"), (3, "3", "3"), (999.95, "1\u{00A0}000", "1000"),
    ])
    func numbers(value: Double, nordic: String, english: String) {
        #expect(NumberText.format(value, in: .sv) == nordic)
        #expect(NumberText.format(value, in: .da) == nordic)
        #expect(NumberText.format(value, in: .en) == english)
    }

    @Test func onlyPlainNumbersAreLocalised() {
        #expect(NumberText.localize("2026-10", in: .sv) == "2026-10")
        #expect(NumberText.localize("11/142", in: .sv) == "11/142")
        #expect(NumberText.localize("0.5", in: .da) == "0,5")
    }
}

@Suite struct LanguageChoiceTests {
    @Test func localeNames() {
        #expect(Language(code: "sv_SE.UTF-8") == .sv)
        #expect(Language(code: "da_DK") == .da)
        #expect(Language(code: "en_GB.UTF-8") == .en)
        #expect(Language(code: "C") == nil)
        #expect(Language(code: "de_DE") == nil)
        #expect(Language.ofLocale(["LANG": "da_DK.UTF-8"]) == .da)
        #expect(Language.ofLocale(["LC_ALL": "sv_SE.UTF-8", "LANG": "da_DK.UTF-8"]) == .sv)
        #expect(Language.ofLocale(["LC_ALL": "C", "LANG": "da_DK.UTF-8"]) == nil)
    }

    @Test func flagThenEnvironmentThenRepositoryThenLocale() {
        let env = ["HOSHIN_LANG": "da", "LANG": "sv_SE.UTF-8"]
        #expect(Language.resolve(flag: .en, environment: env, repository: .sv) == .en)
        #expect(Language.resolve(flag: nil, environment: env, repository: .sv) == .da)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "da_DK"], repository: .sv) == .sv)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "da_DK"], repository: nil) == .da)
        #expect(Language.resolve(flag: nil, environment: ["LANG": "C"], repository: nil) == .en)
        #expect(Language.resolve(flag: nil, environment: [:], repository: nil) == .en)
    }
}
