import Foundation
import Testing
import HoshinTestSupport
import HoshinModel
import HoshinRepository
import HoshinRollup

/// `hoshin diff` (spec §10): colour changes, stale and overdue, goals and activities that came or went.
@Suite struct DiffTests {
    static func tree(_ folder: URL, _ date: String) throws -> StatusTree {
        let asOf = PlanDate(date)!
        let result = try RepositoryLoader().load(folder: folder.path, asOf: asOf)
        return try RollupEngine(repository: try #require(result.repository), asOf: asOf).tree()
    }

    @Test func theSameFilesAtTwoDates() throws {
        let folder = Fixtures.root.appendingPathComponent("status/activity-table")
        let diff = StatusDiff(from: try Self.tree(folder, "2026-10-20"), to: try Self.tree(folder, "2026-10-31"))
        let changes = Set(diff.changes.map { "\($0.kind.rawValue) \($0.ref) \($0.from ?? "-")→\($0.to ?? "-")" })
        // on-track-late was due 2026-10-30: green and on time on the 20th, red and overdue on the 31st.
        #expect(changes.contains("status region/on-track-late green→red"))
        #expect(changes.contains("overdue region/on-track-late false→true"))
        // stale-46-days was reported 2026-09-15: 35 days old on the 20th, 46 on the 31st.
        #expect(changes.contains("stale region/stale-46-days false→true"))
        // not-started-late (due 2026-10-15) was already red on the 20th: no change.
        #expect(!changes.contains { $0.contains("not-started-late") })
        #expect(!diff.changes.contains { $0.kind == .added || $0.kind == .removed })
    }

    @Test func twoGitRevisionsThroughTheCommandLine() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let plans = root.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        let environment = ["GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "Test",
                           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": "2026-10-01T12:00:00Z",
                           "GIT_COMMITTER_DATE": "2026-10-01T12:00:00Z"]
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", root.path] + arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        try Data("hoshin: 1\nperiod: 2026\n".utf8).write(to: plans.appendingPathComponent("hoshin.yaml"))
        let unit = """
        unit: region
        name: Region Jönköpings län
        goals:
          - id: saker-vard
            title: Säker vård – alla gånger
            indicators:
              - {id: vardskador, title: Vårdskador, direction: down, target: 5}
            activities:
              - {id: utbildning, title: Utbildning, status: on-track, due: 2026-12-31, updated: 2026-09-30}

        """
        try Data(unit.utf8).write(to: plans.appendingPathComponent("region.yaml"))
        try git("init", "-q", "-b", "main")
        try git("add", "-A")
        try git("commit", "-q", "-m", "first")
        let changed = unit.replacingOccurrences(of: "status: on-track", with: "status: off-track")
            + "  - id: jamlik-vard\n    title: Jämlik vård\n"
        try Data(changed.utf8).write(to: plans.appendingPathComponent("region.yaml"))
        try git("commit", "-q", "-am", "second")
        let result = try HoshinBinary.run(["diff", plans.path, "--from", "HEAD~1", "--to", "HEAD", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let changes = (object?["changes"] as? [[String: Any]]) ?? []
        let summary = Set(changes.map { "\($0["change"] as? String ?? "") \($0["ref"] as? String ?? "")" })
        #expect(summary.contains("status region/utbildning"))
        #expect(summary.contains("added region/jamlik-vard"))
        #expect((object?["from"] as? [String: Any])?["asOf"] as? String == "2026-10-01")
        let unknown = try HoshinBinary.run(["diff", plans.path, "--from", "no-such-revision"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("neither a date"))
    }
}
