import Foundation
import Testing
import HoshinTestSupport

/// actionlint-style fixtures: each folder of `Tests/Fixtures/validate` is a repository and
/// its `expected.out` is exactly what `hoshin validate .` prints in it (text, no colour).
/// Rewrite them with `HOSHIN_UPDATE_GOLDEN=1` after an intended change.
@Suite struct ValidatorFixtureTests {
    static let folder = Fixtures.root.appendingPathComponent("validate")
    static let cases = Fixtures.subfolders(of: folder)

    static func validate(_ name: String, _ extra: [String] = []) throws -> HoshinRun {
        try HoshinBinary.run(["validate", ".", "--as-of", "2026-10-31"] + extra,
                             in: folder.appendingPathComponent(name), environment: ["NO_COLOR": "1"])
    }

    @Test(arguments: cases)
    func outputMatchesExpected(name: String) throws {
        let result = try Self.validate(name)
        let expectedURL = Self.folder.appendingPathComponent(name).appendingPathComponent("expected.out")
        if ProcessInfo.processInfo.environment["HOSHIN_UPDATE_GOLDEN"] != nil {
            try Data(result.stdout.utf8).write(to: expectedURL)
        }
        #expect(result.stdout == (try String(contentsOf: expectedURL, encoding: .utf8)), "\(name)/expected.out differs")
        #expect(result.status == (result.stdout.contains(": error: ") ? 1 : 0))
    }

    /// One mistake, one diagnostic: every `cascade-*` fixture holds one mistake.
    @Test(arguments: cases.filter { $0.hasPrefix("cascade-") })
    func cascadeGivesExactlyOneDiagnostic(name: String) throws {
        let result = try Self.validate(name, ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1, "\(name): \(diagnostics.map { $0["message"] ?? "" })")
    }

    @Test func byteOrderMarkIsNotAColumnAndNotAProblem() throws {
        let result = try Self.validate("bom")
        #expect(result.stdout.hasPrefix("./region.yaml:1:1: error: unknown key 'okänd'"))
        #expect(try Self.validate("bom-clean").status == 0)
    }

    @Test func nothingFromTheInputReachesTheTerminalRaw() throws {
        for name in ["control-characters", "control-character-raw"] {
            for format in ["text", "github", "json", "sarif", "junit"] {
                let result = try Self.validate(name, ["--format", format])
                #expect(!result.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" || $0 == "\u{202E}" },
                        "\(name) --format \(format)")
            }
        }
    }
}

/// `status` on `plans/` with one unit file broken: every format shows the rest, names the
/// broken file and the units left out, exits 1, and the diagnostics go to stderr (§7).
@Suite struct StatusWithErrorsTests {
    static func brokenPlans() throws -> URL {
        let copy = try Fixtures.copy(Fixtures.plans)
        let broken = copy.appendingPathComponent("medicinsk-vard/medicinsk-vard.yaml")
        try Data("unit: medicinsk-vard\nname: \"Verksamhetsområde medicinsk vård\n".utf8).write(to: broken)
        return copy
    }

    @Test(arguments: ["tree", "markdown", "csv", "html", "json"])
    func everyFormatShowsTheRestAndNamesTheBrokenFile(format: String) throws {
        let plans = try Self.brokenPlans()
        defer { try? FileManager.default.removeItem(at: plans.deletingLastPathComponent()) }
        let result = try HoshinBinary.run(["status", "plans", "--as-of", "2026-10-31", "--format", format],
                                          in: plans.deletingLastPathComponent(), environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("plans/medicinsk-vard/medicinsk-vard.yaml:2:7: error:"))
        #expect(result.stdout.contains("plans/medicinsk-vard/medicinsk-vard.yaml"))
        // The rest of the tree: the root, another division and its clinics.
        for name in ["Region Jönköpings län", "Verksamhetsområde kirurgisk vård", "Ortopediska kliniken"] {
            #expect(result.stdout.contains(name), "\(format) lacks \(name)")
        }
        // The broken division's clinics are named as left out, not shown as units.
        #expect(result.stdout.contains("kardiologi"))
        #expect(!result.stdout.contains("Kardiologiska kliniken"))
        if format == "json" {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let problems = try #require(object["problems"] as? [[String: Any]])
            #expect(problems.count == 1)
            #expect(problems.first?["severity"] as? String == "error")
            #expect(problems.first?["rule"] as? String == "yaml-syntax")
            #expect(problems.first?["line"] as? Int == 2)
            #expect((object["root"] as? [String: Any])?["id"] as? String == "region")
        }
    }

    @Test func aValidRepositoryHasNoProblemsKey() throws {
        let result = try HoshinBinary.run(["status", Fixtures.plans.path, "--as-of", "2026-10-31", "--format", "json"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\"problems\""))
    }
}
