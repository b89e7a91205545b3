import Foundation
import Testing
import HoshinTestSupport

/// The same fixtures through the real `hoshin` binary in sv, da and en: validate, status (tree),
/// chart, report, measure and sheet import, compared with checked-in files in
/// `Tests/Fixtures/language/expected/`. Run with `HOSHIN_UPDATE_GOLDEN=1` to rewrite them after
/// an intended change, and read the diff.
@Suite struct LanguageGoldenTests {
    static let folder = Fixtures.root.appendingPathComponent("language")
    static let expected = folder.appendingPathComponent("expected")

    /// A run without any language from the environment: only `--lang` and `hoshin.yaml` decide.
    static let neutral = ["HOSHIN_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C", "NO_COLOR": "1"]

    /// (name, arguments); every case runs in a fresh copy of the fixture folder.
    static let cases: [(String, [String])] = [
        ("validate", ["validate", "broken", "--as-of", "2026-10-31"]),
        ("validate-clean", ["validate", "plans", "--as-of", "2026-10-31"]),
        ("status", ["status", "plans", "--as-of", "2026-10-31"]),
        ("chart-run", ["chart", "akut/vantetid", "--plans", "plans", "--as-of", "2026-10-31"]),
        ("chart-control", ["chart", "region/vardskador", "--plans", "plans", "--as-of", "2026-10-31"]),
        ("report", ["report", "akut/triagerutin", "--plans", "plans", "--status", "on-track", "--progress", "75.5",
                    "--note", "Rutinen prövas", "--date", "2026-10-30"]),
        ("report-bad-status", ["report", "akut/triagerutin", "--plans", "plans", "--status", "on-trak"]),
        ("measure", ["measure", "akut/vantetid", "2026-10", "1199.5", "--plans", "plans"]),
        ("measure-unknown", ["measure", "akut/vantetd", "2026-10", "12", "--plans", "plans"]),
        ("sheet-import", ["sheet", "import", "sheet.csv", "--plans", "plans", "--date", "2026-10-30", "--dry-run"]),
        ("sheet-import-bad", ["sheet", "import", "bad-sheet.csv", "--plans", "plans", "--date", "2026-10-30"]),
    ]

    static func copyOfFixtures() throws -> URL {
        let work = Fixtures.temporaryFolder()
        for name in ["plans", "broken", "sheet.csv", "bad-sheet.csv"] {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: work.appendingPathComponent(name))
        }
        return work
    }

    @Test(arguments: ["sv", "da", "en"])
    func everyCaseMatchesItsGoldenFile(language: String) throws {
        for (name, arguments) in Self.cases {
            let work = try Self.copyOfFixtures()
            defer { try? FileManager.default.removeItem(at: work) }
            let run = try HoshinBinary.run(arguments + ["--lang", language], in: work, environment: Self.neutral)
            let output = "$ hoshin \(arguments.joined(separator: " ")) --lang \(language)\nexit \(run.status)\n"
                + "--- stdout\n\(run.stdout)--- stderr\n\(run.stderr)"
            let url = Self.expected.appendingPathComponent("\(name).\(language).txt")
            if ProcessInfo.processInfo.environment["HOSHIN_UPDATE_GOLDEN"] != nil {
                try FileManager.default.createDirectory(at: Self.expected, withIntermediateDirectories: true)
                try Data(output.utf8).write(to: url)
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(output == expected, "\(name).\(language).txt differs; rerun with HOSHIN_UPDATE_GOLDEN=1 and read the diff")
        }
    }

    /// The repository's own language when nothing overrides it: these fixtures are Swedish.
    @Test func withoutLangTheRepositoryLanguageIsUsed() throws {
        let work = try Self.copyOfFixtures()
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try HoshinBinary.run(["validate", "plans", "--as-of", "2026-10-31"], in: work, environment: Self.neutral)
        #expect(run.stdout.hasSuffix("Kontrollerade 3 filer: 0 fel, 3 varningar, 0 upplysningar\n"))
        let danish = try HoshinBinary.run(["validate", "plans", "--as-of", "2026-10-31"], in: work,
                                          environment: Self.neutral.merging(["HOSHIN_LANG": "da"]) { $1 })
        #expect(danish.stdout.hasSuffix("Kontrollerede 3 filer: 0 fejl, 3 advarsler, 0 oplysninger\n"))
        let flagWins = try HoshinBinary.run(["validate", "plans", "--as-of", "2026-10-31", "--lang", "en"], in: work,
                                            environment: Self.neutral.merging(["HOSHIN_LANG": "da"]) { $1 })
        #expect(flagWins.stdout.hasSuffix("3 files checked: 0 errors, 3 warnings, 0 infos\n"))
    }

    /// Before `hoshin.yaml` is read: HOSHIN_LANG, then the locale, then English.
    @Test func aMissingFolderIsReportedInTheLocaleLanguage() throws {
        let work = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let swedish = try HoshinBinary.run(["validate", "nowhere"], in: work, environment: Self.neutral.merging(["LANG": "sv_SE.UTF-8"]) { $1 })
        #expect(swedish.status == 2)
        #expect(swedish.stderr == "hoshin: planmappen finns inte: nowhere\n")
        let danish = try HoshinBinary.run(["validate", "nowhere"], in: work,
                                          environment: Self.neutral.merging(["LANG": "sv_SE.UTF-8", "HOSHIN_LANG": "da"]) { $1 })
        #expect(danish.stderr == "hoshin: planmappen findes ikke: nowhere\n")
        let english = try HoshinBinary.run(["validate", "nowhere"], in: work, environment: Self.neutral)
        #expect(english.stderr == "hoshin: no such plan folder: nowhere\n")
        let flag = try HoshinBinary.run(["validate", "nowhere", "--lang", "da"], in: work, environment: Self.neutral)
        #expect(flag.stderr == "hoshin: planmappen findes ikke: nowhere\n")
    }

    /// Issue #14's acceptance: `plans/` with a misspelt key gives a Swedish message with a Swedish
    /// suggestion; `--lang en` gives the English one.
    @Test func misspeltKeyInPlansIsSwedishUnlessAskedForEnglish() throws {
        let work = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let plans = work.appendingPathComponent("plans")
        try FileManager.default.copyItem(at: Fixtures.plans, to: plans)
        let file = plans.appendingPathComponent("medicinsk-vard/kardiologi.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let range = try #require(text.range(of: "    success_factors:"))
        try text.replacingCharacters(in: range, with: "    sucess_factors:").write(to: file, atomically: true, encoding: .utf8)
        let swedish = try HoshinBinary.run(["validate", "plans", "--as-of", "2026-10-31"], in: work, environment: Self.neutral)
        #expect(swedish.status == 1)
        #expect(swedish.stdout.contains(
            "error: okänd nyckel 'sucess_factors' i ett mål; menade du 'success_factors'? [unknown-key]"))
        let english = try HoshinBinary.run(["validate", "plans", "--as-of", "2026-10-31", "--lang", "en"], in: work,
                                           environment: Self.neutral)
        #expect(english.stdout.contains(
            "error: unknown key 'sucess_factors' in a goal; did you mean 'success_factors'? [unknown-key]"))
        #expect(!english.stdout.contains("menade du"))
        // JSON keeps its keys and the rule id; its message follows the language too (spec §7).
        let json = try HoshinBinary.run(["validate", "plans", "--as-of", "2026-10-31", "--format", "json"], in: work,
                                        environment: Self.neutral)
        #expect(json.stdout.contains("\"rule\":\"unknown-key\"") || json.stdout.contains("\"rule\" : \"unknown-key\""))
        #expect(json.stdout.contains("menade du 'success_factors'?"))
    }
}
