import Foundation
import Testing
import HoshinRules
import HoshinTestSupport

/// What users read, through the real binary, compared with checked-in files in
/// `Tests/Fixtures/golden/` (rewrite with `UPDATE_GOLDENS=1` and review the diff):
/// `validate` text with carets, plain and coloured; `diff` in every format; `chart` as text and
/// SVG; `rules`; `explain` of every rule.
@Suite struct OutputGoldenTests {
    static let plans = Fixtures.plans.path
    static let errFixture = Fixtures.url("ci/err").path
    static let plain = ["NO_COLOR": "1", "HOSHIN_LANG": ""]  // the repository's own language
    /// Colour forced though stdout is a pipe.
    static let coloured = ["NO_COLOR": "", "TERM": "xterm-256color", "CLICOLOR_FORCE": "1", "HOSHIN_LANG": ""]

    static let cases: [(name: String, arguments: [String], environment: [String: String], status: Int32)] = [
        ("validate.txt", ["validate", errFixture, "--as-of", "2026-10-31"], plain, 1),
        ("validate.ansi.txt", ["validate", errFixture, "--as-of", "2026-10-31"], coloured, 1),
        ("diff.txt", ["diff", plans, "--from", "2026-03-31", "--to", "2026-10-31"], plain, 0),
        ("diff.md", ["diff", plans, "--from", "2026-03-31", "--to", "2026-10-31", "--format", "markdown"], plain, 0),
        ("diff.json", ["diff", plans, "--from", "2026-03-31", "--to", "2026-10-31", "--format", "json"], plain, 0),
        ("chart.txt", ["chart", "region/vardskador", "--plans", plans, "--as-of", "2026-10-31"], plain, 0),
        ("rules.txt", ["rules"], plain, 0),
    ]

    @Test(arguments: 0..<cases.count)
    func outputMatchesItsGoldenFile(index: Int) async throws {
        let (name, arguments, environment, status) = Self.cases[index]
        // Paths in the output are as given; run from the repository root so they are relative.
        let root = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
        let relative = arguments.map { $0.hasPrefix(root.path + "/") ? String($0.dropFirst(root.path.count + 1)) : $0 }
        let run = try await HoshinBinary.run(relative, in: root, environment: environment)
        #expect(run.status == status, "\(run.stderr)")
        Golden.check(run.stdout, against: "golden/\(name)")
    }

    @Test func colouredValidateUsesEscapesAndPlainDoesNot() async throws {
        let root = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
        let ansi = try await HoshinBinary.run(["validate", "Tests/Fixtures/ci/err", "--as-of", "2026-10-31"], in: root,
                                              environment: Self.coloured)
        let plain = try await HoshinBinary.run(["validate", "Tests/Fixtures/ci/err", "--as-of", "2026-10-31"], in: root,
                                               environment: Self.plain)
        #expect(ansi.stdout.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(!plain.stdout.contains("\u{1B}"))
        // Without the escapes the two are the same text.
        let stripped = ansi.stdout.replacing(/\x{1B}\[[0-9;]*m/, with: "")
        #expect(stripped == plain.stdout)
    }

    @Test func chartSVGMatchesItsGoldenFile() async throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("chart.svg")
        let run = try await HoshinBinary.run(["chart", "region/vardskador", "--plans", Self.plans, "--as-of", "2026-10-31",
                                              "--format", "svg", "-o", file.path], environment: Self.plain)
        #expect(run.status == 0, "\(run.stderr)")
        let svg = try #require(FileManager.default.contents(atPath: file.path))
        Golden.check([UInt8](svg), against: "golden/chart.svg")
    }

    @Test(arguments: RuleCatalogue.ids)
    func explainMatchesItsGoldenFile(rule: String) async throws {
        let run = try await HoshinBinary.run(["explain", rule], environment: Self.plain)
        #expect(run.status == 0, "\(run.stderr)")
        Golden.check(run.stdout, against: "golden/explain/\(rule).txt")
    }
}
