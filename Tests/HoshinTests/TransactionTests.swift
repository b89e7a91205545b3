import Foundation
import Testing
import HoshinModel
import HoshinRepository
import HoshinUpdate

/// All or nothing across files (spec §9): a failure injected after every step of a two-file
/// write, and a process killed after every step, leave each file entirely old or entirely new,
/// and a write that did not commit is put back whole.
@Suite struct TransactionTests {
    static let files = ["medicinsk-vard/kardiologi.yaml", "region.yaml"]
    static let date = PlanDate("2026-11-02")!

    static let request = UpdateRequest(updates: [
        RefUpdate(ref: "kardiologi/fallrutin", changes: [.status(.atRisk)], stamp: date),
        RefUpdate(ref: "region/granskning-rapport", changes: [.status(.atRisk)], stamp: date),
    ], asOf: date)

    static func contents(_ folder: URL) throws -> [Data] {
        try files.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
    }

    /// Hidden files Hoshin leaves beside the plans (temporaries, originals, journals).
    static func leftovers(_ folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if (path as NSString).lastPathComponent.hasPrefix("."), path.contains("hoshin") { found.append(path) }
        }
        return found
    }

    /// The old and new bytes of both files, from a write that succeeds.
    static func oldAndNew() throws -> (old: [Data], new: [Data]) {
        let folder = try Fixtures.copy(Fixtures.plans)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let old = try contents(folder)
        _ = try PlanUpdate(folder: folder.path).apply(request)
        let new = try contents(folder)
        #expect(zip(old, new).allSatisfy { $0 != $1 })
        return (old, new)
    }

    @Test(arguments: FileTransaction.Step.all(count: 2))
    func aFailureAfterAnyStepLeavesBothFilesOldOrBothNew(step: FileTransaction.Step) throws {
        let (old, new) = try Self.oldAndNew()
        let folder = try Fixtures.copy(Fixtures.plans)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let update = PlanUpdate(folder: folder.path) { current in
            if current == step { throw FileTransaction.InjectedFailure(step: current) }
        }
        if step == .committed {
            // The journal is gone: the write has happened; only cleanup follows.
            _ = try update.apply(Self.request)
            #expect(try Self.contents(folder) == new)
        } else {
            #expect(throws: UpdateError.self) { try update.apply(Self.request) }
            #expect(try Self.contents(folder) == old)
        }
        #expect(Self.leftovers(folder) == [])
    }

    @Test(arguments: FileTransaction.Step.all(count: 2))
    func aProcessKilledAfterAnyStepLeavesWholeFilesAndTheNextRunPutsThemBack(step: FileTransaction.Step) throws {
        let (old, new) = try Self.oldAndNew()
        let folder = try Fixtures.copy(Fixtures.plans)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let sheet = folder.deletingLastPathComponent().appendingPathComponent("two-units.csv")
        try Data("type,ref,status\nactivity,kardiologi/fallrutin,at-risk\nactivity,region/granskning-rapport,at-risk\n".utf8).write(to: sheet)
        let run = try HoshinBinary.run(["sheet", "import", sheet.path, "--plans", folder.path, "--date", "2026-11-02"],
                                       environment: [FileTransaction.killVariable: step.description])
        #expect(run.status != 0, "the process should have been killed after \(step)")
        // Right after the kill: each file is entirely old or entirely new.
        let after = try Self.contents(folder)
        for index in after.indices {
            #expect(after[index] == old[index] || after[index] == new[index])
        }
        // The next run notices the unfinished write and puts back what it renamed.
        let next = try HoshinBinary.run(["report", "psykiatri/x", "--plans", folder.path])
        #expect(next.status == 1)  // an unknown ref: nothing of its own is written
        let recovered = try Self.contents(folder)
        if step == .committed {
            #expect(recovered == new)
        } else {
            #expect(recovered == old)
        }
        #expect(Self.leftovers(folder) == [])
    }

    @Test func aLaterWriteOverAKilledOneIsNotUndone() throws {
        let folder = try Fixtures.copy(Fixtures.plans)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let sheet = folder.deletingLastPathComponent().appendingPathComponent("two-units.csv")
        try Data("type,ref,status\nactivity,kardiologi/fallrutin,at-risk\nactivity,region/granskning-rapport,at-risk\n".utf8).write(to: sheet)
        _ = try HoshinBinary.run(["sheet", "import", sheet.path, "--plans", folder.path, "--date", "2026-11-02"],
                                 environment: [FileTransaction.killVariable: "renamed-0"])
        // Someone edits the renamed file by hand before any recovery: recovery must keep that edit.
        let kardiologi = folder.appendingPathComponent(Self.files[0])
        var text = try String(contentsOf: kardiologi, encoding: .utf8)
        text += "# handredigerad\n"
        try FileManager.default.removeItem(at: kardiologi)
        try Data(text.utf8).write(to: kardiologi)
        FileTransaction.recover(folder: folder.path)
        #expect(try String(contentsOf: kardiologi, encoding: .utf8) == text)
        #expect(Self.leftovers(folder) == [])
    }
}
