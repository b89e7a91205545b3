import Foundation
import Testing
import HoshinModel
import HoshinRepository
import HoshinUpdate

/// Reports are safe: refused changes leave every byte, concurrent reports are all kept,
/// nothing half-written or temporary is left behind.
@Suite struct ReportSafetyTests {
    static func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    @Test(arguments: [
        (["report", "kardiologi/nope", "--status", "done"], "no activity 'kardiologi/nope'"),
        (["report", "kardiologi/fallrutn", "--status", "done"], "did you mean 'kardiologi/fallrutin'?"),
        (["report", "kardiologi/fallrutin", "--status", "klar"], "'klar' is not a status"),
        (["report", "kardiologi/fallrutin", "--status", "on track"], "did you mean 'on-track'?"),
        (["report", "kardiologi/fallrutin", "--progress", "120"], "from 0 to 100"),
        (["report", "kardiologi/fallrutin", "--progress", "-1"], "from 0 to 100"),
        (["report", "kardiologi/fallrutin", "--progress", "mycket"], "must be a number"),
        (["measure", "kardiologi/fallskador", "2026-Q3", "4"], "does not fit reporting: monthly"),
        (["measure", "kardiologi/fallskador", "2026-13", "4"], "is not a period"),
        (["measure", "kardiologi/fallskador", "2026-10", "fyra"], "is not a number"),
        (["measure", "kardiologi/fallskador", "2026-10", "3/0"], "denominator"),
        (["measure", "kardiologi/fallrutin", "2026-10", "3"], "no indicator"),
        // A c chart counts: 2.5 would make the repository invalid (chart-data), so it is refused.
        (["measure", "kardiologi/fallskador", "2026-10", "2,5"], "would not validate"),
    ])
    func refusedChangesLeaveTheFileByteForByte(arguments: [String], message: String) throws {
        let folder = try Fixtures.copy(EditingTests.styles)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let file = folder.appendingPathComponent("kardiologi.yaml")
        let before = try Self.bytes(file)
        let result = try HoshinBinary.run(arguments + ["--plans", folder.path])
        #expect(result.status == 1, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        #expect(try Self.bytes(file) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func twentyFourConcurrentReportsAreAllKept() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var unit = "# Många aktiviteter, rapporteras samtidigt\nunit: region\nname: Region Jönköpings län\ngoals:\n  - id: g\n    title: Säker vård – alla gånger\n    activities:\n"
        for index in 0..<24 {
            unit += "      - id: a\(index)\n        title: Aktivitet \(index) – åäö\n        status: not-started\n\n"
        }
        try Data("hoshin: 1\nperiod: 2026\n".utf8).write(to: folder.appendingPathComponent("hoshin.yaml"))
        try Data(unit.utf8).write(to: folder.appendingPathComponent("region.yaml"))
        let processes = try (0..<24).map { index -> Process in
            let process = Process()
            process.executableURL = HoshinBinary.url
            process.arguments = ["report", "region/a\(index)", "--plans", folder.path, "--status", "on-track",
                                 "--progress", "\(index)", "--note", "Rapport \(index): klar del", "--date", "2026-10-30"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let result = try RepositoryLoader().load(folder: folder.path, asOf: Fixtures.asOf)
        #expect(result.errorCount == 0)
        let activities = try #require(result.repository?.unitsByID["region"]).allActivities
        #expect(activities.count == 24)
        for activity in activities {
            let index = Int(activity.id.value.dropFirst())!
            #expect(activity.status.value == .onTrack)
            #expect(activity.progress?.value == Double(index))
            #expect(activity.note == "Rapport \(index): klar del")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.sorted() == ["hoshin.yaml", "region.yaml"])
    }

    @Test func aStaleTemporaryFileFromAKilledWriterNeverBlocksAndIsCleanedUp() throws {
        let folder = try Fixtures.copy(EditingTests.styles)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        // A pid that cannot be running: above the kernel's pid_max.
        let stale = folder.appendingPathComponent(".kardiologi.yaml.hoshin-99999999-1.tmp")
        try Data("half-written".utf8).write(to: stale)
        let result = try HoshinBinary.run(["report", "kardiologi/fallrutin", "--plans", folder.path, "--progress", "50"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(try RepositoryLoader().load(folder: folder.path, asOf: Fixtures.asOf).errorCount == 0)
    }

    @Test func reportPrintsOneLineSayingWhatChanged() throws {
        let folder = try Fixtures.copy(EditingTests.styles)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let result = try HoshinBinary.run(["report", "kardiologi/fallrutin", "--plans", folder.path,
                                           "--status", "at-risk", "--progress", "55", "--date", "2026-10-30"])
        #expect(result.status == 0)
        #expect(result.stdout == "kardiologi/fallrutin: on-track → at-risk, progress 40 → 55\n")
    }
}
