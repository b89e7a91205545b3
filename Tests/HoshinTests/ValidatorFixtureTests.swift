import Foundation
import Testing

/// actionlint-style fixtures: each folder of `Tests/Fixtures/validate` is a repository and
/// its `expected.out` is exactly what `hoshin validate .` prints in it (text, no colour).
/// Rewrite them with `HOSHIN_UPDATE_GOLDEN=1` after an intended change.
@Suite struct ValidatorFixtureTests {
    static let folder = Fixtures.root.appendingPathComponent("validate")
    static let cases = Fixtures.subfolders(of: folder)

    static func validate(_ name: String, _ extra: [String] = []) throws -> (status: Int32, stdout: String, stderr: String) {
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
