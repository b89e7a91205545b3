import Foundation
import Testing
import HoshinTestSupport

/// The command-line contract of spec §7: exit codes, where output goes, paths as named.
@Suite struct CommandLineTests {
    static let plans = Fixtures.plans.path
    static let errFixture = Fixtures.root.appendingPathComponent("rules/unknown-key/err").path
    static let warningFixture = Fixtures.root.appendingPathComponent("rules/stale-report/err").path

    @Test func validateExitCodes() throws {
        #expect(try HoshinBinary.run(["validate", Self.plans, "--as-of", "2026-10-31"]).status == 0)
        #expect(try HoshinBinary.run(["validate", Self.errFixture, "--as-of", "2026-10-31"]).status == 1)
        #expect(try HoshinBinary.run(["validate", Self.warningFixture, "--as-of", "2026-10-31"]).status == 0)
        #expect(try HoshinBinary.run(["validate", Self.warningFixture, "--as-of", "2026-10-31", "--strict"]).status == 1)
        let missing = try HoshinBinary.run(["validate", "/nonexistent/plans"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "hoshin: no such plan folder: /nonexistent/plans\n")
        let noSettings = try HoshinBinary.run(["validate", Fixtures.root.appendingPathComponent("rules").path])
        #expect(noSettings.status == 2)
        #expect(noSettings.stderr.contains("has no hoshin.yaml"))
        #expect(try HoshinBinary.run(["validate", Self.plans, "--format", "yaml"]).status == 2)
        #expect(try HoshinBinary.run(["validate", Self.plans, "--as-of", "31/10/2026"]).status == 2)
        #expect(try HoshinBinary.run(["explain", "no-such-rule"]).status == 2)
    }

    @Test func validateJSONNamesFilesAsTheUserDid() throws {
        let result = try HoshinBinary.run(["validate", "unknown-key/err/", "--format", "json", "--as-of", "2026-10-31"],
                                          in: Fixtures.root.appendingPathComponent("rules"))
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let first = try #require((object?["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["file"] as? String == "unknown-key/err/region.yaml")
        #expect(first["rule"] as? String == "unknown-key")
        let summary = try #require(object?["summary"] as? [String: Int])
        #expect(summary == ["files": 2, "errors": 1, "warnings": 0, "infos": 0])
    }

    @Test func statusWithErrorsPrintsThemOnStderrAndWhatItCanOnStdout() throws {
        let result = try HoshinBinary.run(["status", Self.errFixture, "--as-of", "2026-10-31", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"problems\""))
        #expect(result.stderr.contains("[unknown-key]"))
        let warnings = try HoshinBinary.run(["status", Self.warningFixture, "--as-of", "2026-10-31"])
        #expect(warnings.status == 0)
        #expect(warnings.stdout.contains("Region Jönköpings län"))
    }

    @Test func pipedOutputIsPlainAndDepthLimitsUnits() throws {
        let full = try HoshinBinary.run(["status", Self.plans, "--as-of", "2026-10-31"], environment: ["NO_COLOR": "1"])
        #expect(!full.stdout.contains("\u{1B}["))
        #expect(full.stdout.contains("Kardiologiska kliniken"))
        let shallow = try HoshinBinary.run(["status", Self.plans, "--as-of", "2026-10-31", "--depth", "1"])
        #expect(shallow.stdout.contains("Verksamhetsområde medicinsk vård"))
        #expect(!shallow.stdout.contains("Kardiologiska kliniken"))
        let unit = try HoshinBinary.run(["status", Self.plans, "--as-of", "2026-10-31", "--unit", "kardiologi", "--depth", "0"])
        #expect(unit.stdout.contains("Kardiologiska kliniken"))
        let unknown = try HoshinBinary.run(["status", Self.plans, "--unit", "kardiolgi"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'kardiologi'?"))
    }

    @Test func statusOutputFileIsWrittenWhole() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("status.html")
        let result = try HoshinBinary.run(["status", Self.plans, "--as-of", "2026-10-31", "--format", "html", "--output", output.path])
        #expect(result.status == 0 && result.stdout.isEmpty)
        let html = try String(contentsOf: output, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["status.html"])
    }
}
