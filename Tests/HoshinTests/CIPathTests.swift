import Foundation
import Testing
import HoshinTestSupport

/// The CI formats from the command line: paths from the git repository root whatever the
/// current folder and however DIR is given; junit under --strict; --rule; rules; explain.
@Suite struct CIPathTests {
    /// A scratch git work tree holding the CI fixture as `plans/`.
    static func repository() throws -> URL {
        let root = Fixtures.temporaryFolder()
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("ci/err"),
                                         to: root.appendingPathComponent("plans"))
        return root
    }

    static let expectedGitHub = "file=plans/vårdcentraler/vårdcentral%2C öst%3A plan.yaml,"
    static let expectedSARIF = "\"uri\" : \"plans/v%C3%A5rdcentraler/v%C3%A5rdcentral,%20%C3%B6st:%20plan.yaml\""

    /// (folder to run in, DIR argument) for: the root, a subfolder, an absolute DIR from elsewhere.
    static func invocations(_ root: URL) -> [(URL, String)] {
        [(root, "plans"),
         (root.appendingPathComponent("plans/vårdcentraler"), ".."),
         (URL(fileURLWithPath: "/"), root.appendingPathComponent("plans").path),
         (root.appendingPathComponent("plans"), root.appendingPathComponent("plans").path)]
    }

    @Test func githubAndSARIFPathsAreFromTheRepositoryRoot() throws {
        let root = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        for (folder, directory) in Self.invocations(root) {
            let github = try HoshinBinary.run(["validate", directory, "--format", "github", "--as-of", "2026-10-31"],
                                              in: folder, environment: ["GITHUB_WORKSPACE": ""])
            #expect(github.status == 1)
            #expect(github.stdout.contains(Self.expectedGitHub), "github from \(folder.path) with \(directory)")
            #expect(github.stdout.contains("file=plans/region.yaml,"))
            let sarif = try HoshinBinary.run(["validate", directory, "--format", "sarif", "--as-of", "2026-10-31"],
                                             in: folder, environment: ["GITHUB_WORKSPACE": ""])
            #expect(sarif.stdout.contains(Self.expectedSARIF), "sarif from \(folder.path) with \(directory)")
            #expect(!sarif.stdout.contains("\"uri\" : \"/"))
        }
    }

    @Test func junitCountsWarningsAsFailuresUnderStrict() throws {
        let folder = Fixtures.root.appendingPathComponent("rules/stale-report/err").path
        let plain = try HoshinBinary.run(["validate", folder, "--format", "junit", "--as-of", "2026-10-31"])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("failures=\"0\""))
        let strict = try HoshinBinary.run(["validate", folder, "--format", "junit", "--strict", "--as-of", "2026-10-31"])
        #expect(strict.status == 1)
        #expect(!strict.stdout.contains("failures=\"0\""))
        #expect(strict.stdout.contains("<failure type=\"stale-report\""))
    }

    @Test func ruleOverridesWinOverHoshinYAMLForOneRun() throws {
        let folder = Fixtures.root.appendingPathComponent("rules/stale-report/err").path
        let strict = try HoshinBinary.run(["validate", folder, "--strict", "--as-of", "2026-10-31",
                                           "--rule", "stale-report=info", "--rule", "overdue-activity=info"])
        #expect(strict.status == 0)
        #expect(strict.stdout.contains(": info: "))
        let error = try HoshinBinary.run(["validate", folder, "--as-of", "2026-10-31", "--rule", "stale-report=error"])
        #expect(error.status == 1)
        let off = try HoshinBinary.run(["validate", folder, "--strict", "--as-of", "2026-10-31", "--rule", "stale-report=off"])
        #expect(!off.stdout.contains("[stale-report]"))
        let typo = try HoshinBinary.run(["validate", folder, "--rule", "stale-reprot=info"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean 'stale-report'?"))
        #expect(try HoshinBinary.run(["validate", folder, "--rule", "stale-report=loud"]).status == 2)
        #expect(try HoshinBinary.run(["validate", folder, "--rule", "stale-report"]).status == 2)
    }

    @Test func rulesShowTheSeveritiesInEffect() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("hoshin: 1\nperiod: 2026\nrules:\n  orphan-goal: error\n".utf8)
            .write(to: root.appendingPathComponent("hoshin.yaml"))
        let json = try HoshinBinary.run(["rules", root.path, "--format", "json", "--rule", "stale-report=off"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rules = try #require(object["rules"] as? [[String: Any]])
        func entry(_ id: String) -> [String: Any]? { rules.first { $0["id"] as? String == id } }
        #expect(entry("orphan-goal")?["severity"] as? String == "error")
        #expect(entry("orphan-goal")?["defaultSeverity"] as? String == "warning")
        #expect(entry("orphan-goal")?["source"] as? String == "hoshin.yaml")
        #expect(entry("stale-report")?["severity"] as? String == "off")
        #expect(entry("unknown-key")?["source"] as? String == "default")
        let text = try HoshinBinary.run(["rules", root.path])
        #expect(text.stdout.contains("error (hoshin.yaml; default warning)"))
    }

    @Test func explainSuggestsTheNearestRule() throws {
        let result = try HoshinBinary.run(["explain", "stale-reprot"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("did you mean 'stale-report'?"))
    }
}
