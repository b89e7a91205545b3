import Foundation
import HoshinModel
@testable import HoshinRepository
import HoshinTestSupport
import Testing
@testable import HoshinServer

/// The repository cache of `hoshin serve`: every kind of outside change is seen at the next
/// read, with the inotify watch and without it; an unchanged repository is not read again;
/// after a change only the changed file is parsed again.
@Suite("Serve repository cache")
struct ServeCacheTests {
    static let today = PlanDate(year: 2026, month: 11, day: 15)!

    static func unitName(_ cache: RepositoryCache, _ id: String) throws -> String? {
        try cache.current().result.repository?.unitsByID[id]?.name
    }

    /// Each change is made the way a person or a tool makes it, and read at once.
    static func changes(watches: Bool) throws {
        let folder = try Fixtures.copy(Fixtures.root.appendingPathComponent("serve/plans"))
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let cache = RepositoryCache(folder: folder.path, clock: ServerClock(fixed: today), watches: watches)
        #expect(try unitName(cache, "kardiologi") == "Kardiologiska kliniken")
        #expect(cache.state.withLock { $0.watch != nil } == watches)
        _ = try cache.current()
        #expect(cache.loadCount == 1)

        // Written in place (same inode), as an editor that does not rename.
        let file = folder.appendingPathComponent("medicinsk-vard/kardiologi.yaml")
        let handle = try FileHandle(forWritingTo: file)
        let text = try String(contentsOf: file, encoding: .utf8)
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: "name: Kardiologiska kliniken", with: "name: Kardiologiska klinikem").utf8))
        try handle.close()
        #expect(try unitName(cache, "kardiologi") == "Kardiologiska klinikem")

        // A new unit in a new folder, and a change inside that new folder afterwards.
        let newFolder = folder.appendingPathComponent("medicinsk-vard/ny")
        try FileManager.default.createDirectory(at: newFolder, withIntermediateDirectories: true)
        #expect(try unitName(cache, "ny-enhet") == nil)
        try "unit: ny-enhet\nname: Ny enhet\nparent: medicinsk-vard\n".write(to: newFolder.appendingPathComponent("ny.yaml"),
                                                                            atomically: false, encoding: .utf8)
        #expect(try unitName(cache, "ny-enhet") == "Ny enhet")
        try "unit: ny-enhet\nname: Nyare enhet\nparent: medicinsk-vard\n".write(to: newFolder.appendingPathComponent("ny.yaml"),
                                                                              atomically: true, encoding: .utf8)
        #expect(try unitName(cache, "ny-enhet") == "Nyare enhet")

        // Removed.
        try FileManager.default.removeItem(at: newFolder.appendingPathComponent("ny.yaml"))
        #expect(try unitName(cache, "ny-enhet") == nil)

        // Nothing changed: not read again.
        let loads = cache.loadCount
        _ = try cache.current()
        _ = try cache.current()
        #expect(cache.loadCount == loads)
    }

    @Test("Changes in place, in a new folder and removals are seen at once, with the inotify watch")
    func watched() throws {
        try Self.changes(watches: true)
    }

    @Test("… and without it (every file's identity taken on every read)")
    func unwatched() throws {
        try Self.changes(watches: false)
    }

    @Test("After one file changes, only that file is parsed again; the result is the same as a fresh load")
    func parsedFiles() throws {
        let folder = try Fixtures.copy(Fixtures.root.appendingPathComponent("serve/plans"))
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let parsed = ParsedFileCache()
        let cache = RepositoryCache(folder: folder.path, clock: ServerClock(fixed: Self.today), parsedFiles: parsed)
        _ = try cache.current()
        let files = parsed.count
        #expect(files == 5)
        let before = parsed.entries.withLock { $0.mapValues(\.outcome.source.bytes) }
        let file = folder.appendingPathComponent("medicinsk-vard/kardiologi.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "progress: 40", with: "progress: 140").write(to: file, atomically: true, encoding: .utf8)
        let changed = try cache.current()
        #expect(parsed.count == files)
        let after = parsed.entries.withLock { $0.mapValues(\.outcome.source.bytes) }
        #expect(after.filter { before[$0.key] != $0.value }.keys.map { $0.hasSuffix("kardiologi.yaml") } == [true])
        // The same diagnostics as a load without the cache (the rules ran over everything).
        let fresh = try RepositoryLoader().load(folder: folder.path, asOf: Self.today)
        #expect(changed.result.diagnostics.map(\.message) == fresh.diagnostics.map(\.message))
        #expect(changed.result.diagnostics.contains { $0.rule == RuleID.invalidValue })
    }
}
