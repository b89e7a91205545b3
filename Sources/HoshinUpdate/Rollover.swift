import Foundation
import HoshinEditing
import HoshinModel
import HoshinRepository

/// Next year's draft of a whole repository (spec §14), computed in memory.
public struct RolloverPlan: Sendable {
    /// The plan year now.
    public let fromYear: Int
    /// The plan year of the draft.
    public let toYear: Int
    /// Every file that changes: path inside the folder, old and new bytes.
    public let changes: [FileChange]
    /// Per unit file, in path order: what is carried and removed.
    public let units: [UnitChange]

    /// One changed file.
    public struct FileChange: Sendable {
        /// Path inside the repository folder.
        public let path: String
        /// The bytes now.
        public let old: [UInt8]
        /// The bytes of the draft.
        public let new: [UInt8]
        /// The splices turning `old` into `new`.
        public let splices: [Splice]
    }

    /// What happens to one unit.
    public struct UnitChange: Sendable {
        /// Path inside the repository folder.
        public let path: String
        /// The unit id (empty when the file has none).
        public let unit: String
        /// The splices and the ids carried and removed.
        public let rollover: UnitRollover
    }

    /// The files of the draft: the changed ones new, every other as it was.
    public func draft(of files: [InMemoryFile]) -> [InMemoryFile] {
        let byPath = Dictionary(changes.map { ($0.path, $0.new) }, uniquingKeysWith: { first, _ in first })
        return files.map { InMemoryFile(path: $0.path, bytes: byPath[$0.path] ?? $0.bytes) }
    }
}

/// Why a rollover cannot be made.
public enum RolloverError: Error, Sendable, CustomStringConvertible {
    /// `--to` is not the plan year plus one.
    case wrongYear(period: Int, requested: Int)
    /// A file does not parse.
    case unparseable(path: String, why: String)
    /// No `hoshin.yaml` among the files.
    case noSettings

    public var description: String {
        switch self {
        case .wrongYear(let period, let requested):
            "--to \(requested) is not the year after the plan year \(period); a rollover goes to \(period + 1)"
        case .unparseable(let path, let why): "\(path): \(why)"
        case .noSettings: "no hoshin.yaml"
        }
    }
}

/// Computes and writes rollovers.
public enum Rollover {
    /// The draft of `files` (paths inside the folder) for `year`, which must be the plan year + 1.
    public static func plan(files: [InMemoryFile], period: Int, to year: Int) throws -> RolloverPlan {
        guard year == period + 1 else { throw RolloverError.wrongYear(period: period, requested: year) }
        var changes: [RolloverPlan.FileChange] = []
        var units: [RolloverPlan.UnitChange] = []
        guard files.contains(where: { $0.path == "hoshin.yaml" }) else { throw RolloverError.noSettings }
        for file in files.sorted(by: { $0.path < $1.path }) {
            let editor: PlanEditor
            do { editor = try PlanEditor(bytes: file.bytes) } catch {
                throw RolloverError.unparseable(path: file.path, why: "\(error)")
            }
            let splices: [Splice]
            if file.path == "hoshin.yaml" {
                do { splices = try editor.settingPeriod(year) } catch {
                    throw RolloverError.unparseable(path: file.path, why: "\(error)")
                }
            } else {
                let rollover = editor.rollover(from: period)
                units.append(RolloverPlan.UnitChange(path: file.path, unit: editor.unitID ?? "", rollover: rollover))
                splices = rollover.splices
            }
            guard !splices.isEmpty else { continue }
            changes.append(RolloverPlan.FileChange(path: file.path, old: file.bytes,
                                                   new: Splice.apply(splices, to: file.bytes), splices: splices))
        }
        return RolloverPlan(fromYear: period, toYear: year, changes: changes, units: units)
    }

    /// The plan files of `folder`, each read under its exclusive lock (the lock `report` and
    /// `measure` take), in path order; hold the locks until the draft is written.
    public static func lockAndRead(folder: String) throws -> (files: [InMemoryFile], locks: [PlanFileLock]) {
        var files: [InMemoryFile] = []
        var locks: [PlanFileLock] = []
        for relative in try PlanFileDiscovery.planFiles(in: folder) {
            let lock = try PlanFileLock(path: PlanFileDiscovery.displayPath(folder: folder, relative: relative))
            locks.append(lock)
            files.append(InMemoryFile(path: relative, bytes: try lock.read()))
        }
        return (files, locks)
    }

    /// Writes every changed file all or nothing (``FileTransaction``): each file is either
    /// entirely old or entirely new, whatever fails. Symbolic links stay links.
    public static func write(_ plan: RolloverPlan, folder: String) throws {
        let files = plan.changes.map { change in
            (path: PlanFileDiscovery.displayPath(folder: folder, relative: change.path), bytes: change.new)
        }
        try FileTransaction(folder: folder).write(files)
    }

    /// `git status --porcelain` of the folder: nil when it is not in a git work tree.
    public static func uncommittedChanges(folder: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder, "status", "--porcelain", "--", "."]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
