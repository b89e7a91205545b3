import Foundation
import Testing
import HoshinEditing
import HoshinModel
import HoshinRepository
import HoshinUpdate

/// Files as they are (spec §7): a byte-order mark, a symbolic link, the mode, `|+` block
/// scalars and scalars YAML 1.1 readers would read differently all survive an edit.
@Suite struct FilesAsTheyAreTests {
    static let date = PlanDate("2026-11-02")!
    static let settings = Array("hoshin: 1\nperiod: 2026\n".utf8)
    static let plan = """
    unit: region
    name: Region
    goals:
      - id: g
        title: Mål
        activities:
          - id: a
            title: A
            status: on-track
            note: |+
              rad ett

          - id: b
            title: B
            status: on-track

    """

    static func repository(_ plan: [UInt8]) throws -> URL {
        try Fixtures.makeRepository(["hoshin.yaml": settings, "region.yaml": plan])
    }

    /// Whether the YAML layer reads a file with a byte-order mark (the validator's side, issue 9).
    static let loaderReadsBOM: Bool = {
        let result = RepositoryLoader().load(files: [InMemoryFile(path: "hoshin.yaml", bytes: settings),
                                                     InMemoryFile(path: "region.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array("unit: region\nname: R\n".utf8))],
                                             asOf: date)
        return result.errorCount == 0
    }()

    @Test(.enabled(if: loaderReadsBOM, "the YAML layer reads byte-order marks once the validator's change is merged"))
    func aByteOrderMarkAtTheStartIsKept() throws {
        let folder = try Self.repository([0xEF, 0xBB, 0xBF] + Array(Self.plan.utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try PlanUpdate(folder: folder.path).report("region/b", ActivityReport(progress: 20, date: Self.date))
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("region.yaml")))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(Array(bytes.dropFirst(3)) == Array((Self.plan + "        progress: 20\n        updated: 2026-11-02\n").utf8))
    }

    @Test func aSymbolicLinkStaysALinkAndItsTargetIsEdited() throws {
        let folder = try Fixtures.makeRepository(["hoshin.yaml": Self.settings, "delat/region.plan": Array(Self.plan.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("region.yaml")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "delat/region.plan")
        _ = try PlanUpdate(folder: folder.path).report("region/b", ActivityReport(progress: 20, date: Self.date))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "delat/region.plan")
        let target = try String(contentsOf: folder.appendingPathComponent("delat/region.plan"), encoding: .utf8)
        #expect(target.hasSuffix("        progress: 20\n        updated: 2026-11-02\n"))
    }

    @Test func theFilesModeIsKept() throws {
        let folder = try Self.repository(Array(Self.plan.utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("region.yaml").path
        for mode in [0o640, 0o664, 0o600] {
            chmod(file, mode_t(mode))
            _ = try PlanUpdate(folder: folder.path).report("region/b", ActivityReport(progress: Double(mode % 100), date: Self.date))
            let now = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(now == mode)
        }
    }

    @Test func aKeepChompingBlockScalarKeepsItsBytesWhenKeysAreAddedAfterIt() throws {
        let folder = try Self.repository(Array(Self.plan.utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try PlanUpdate(folder: folder.path).report("region/a", ActivityReport(progress: 30, date: Self.date))
        let repository = try #require(try RepositoryLoader().load(folder: folder.path, asOf: Self.date).repository)
        let activity = try #require(repository.unitsByID["region"]?.allActivities.first { $0.id.value == "a" })
        #expect(activity.note == "rad ett\n\n")
        #expect(activity.progress?.value == 30)
        let text = try String(contentsOf: folder.appendingPathComponent("region.yaml"), encoding: .utf8)
        #expect(text.contains("        note: |+\n          rad ett\n\n        progress: 30\n        updated: 2026-11-02\n      - id: b\n"))
    }

    @Test func replacingAKeepChompingNoteKeepsTheLinesAfterIt() throws {
        let folder = try Self.repository(Array(Self.plan.utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try PlanUpdate(folder: folder.path).report("region/a", ActivityReport(note: "Ny", date: Self.date))
        let repository = try #require(try RepositoryLoader().load(folder: folder.path, asOf: Self.date).repository)
        let activities = try #require(repository.unitsByID["region"]?.allActivities)
        #expect(activities.map(\.id.value) == ["a", "b"])
        #expect(activities[0].note == "Ny")
    }

    @Test func newScalarsReadBackTheSameInYAML11Readers() {
        // Each of these reads as something else (or fails) in PyYAML when written plain.
        #expect(ScalarWriter.scalar("Klar?", context: .flow) == "\"Klar?\"")
        #expect(ScalarWriter.scalar("Klar?", context: .block) == "Klar?")
        #expect(ScalarWriter.scalar("kl 10:30", context: .flow) == "\"kl 10:30\"")
        #expect(ScalarWriter.scalar("=") == "\"=\"")
        #expect(ScalarWriter.scalar("<<") == "\"<<\"")
        #expect(ScalarWriter.scalar("+0x1F") == "\"+0x1F\"")
        #expect(ScalarWriter.scalar("+0b1") == "\"+0b1\"")
        #expect(ScalarWriter.scalar("1e-07") == "\"1e-07\"")
        #expect(ScalarWriter.scalar("rad\u{85}två") == "\"rad\\Ntvå\"")
        #expect(ScalarWriter.scalar("a\u{2028}b") == "\"a\\Lb\"")
        #expect(ScalarWriter.scalar("x\u{FFFF}") == "\"x\\uFFFF\"")
        // Numbers: a float with an exponent gets a fraction, which YAML 1.1 requires.
        #expect(ScalarWriter.number(1e-07) == "1.0e-07")
        #expect(ScalarWriter.number(2.5e-05) == "2.5e-05")
        #expect(ScalarWriter.number(85.5) == "85.5")
    }
}
