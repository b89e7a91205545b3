import Foundation
import HoshinRepository

/// Writes several files all or nothing (spec §9): every new file is written to a temporary
/// file beside its target and fsynced first; the originals are kept (hard links, or copies);
/// a journal naming them is written and fsynced; then the temporaries are renamed over the
/// targets in turn. If any step fails, what was renamed is put back. Removing the journal is
/// the commit. A process killed between two renames leaves each file entirely old or entirely
/// new, and the journal behind: the next write (`recover`) puts the old files back.
///
/// A target that is a symbolic link stays a link: the file it points to is replaced. The
/// file's mode and (where permitted) owner are kept.
public struct FileTransaction: Sendable {
    /// A step of a write, for the test seam.
    public enum Step: Sendable, Hashable, CustomStringConvertible {
        /// The temporary file for the i-th target is written and fsynced.
        case temporaryWritten(Int)
        /// The original of the i-th target is kept.
        case originalKept(Int)
        /// The journal is written.
        case journalWritten
        /// The i-th target is replaced by its new bytes.
        case renamed(Int)
        /// The journal is removed: the write is committed.
        case committed

        public var description: String {
            switch self {
            case .temporaryWritten(let i): "temporary-\(i)"
            case .originalKept(let i): "original-\(i)"
            case .journalWritten: "journal"
            case .renamed(let i): "renamed-\(i)"
            case .committed: "committed"
            }
        }

        /// Every step of a write of `count` files, in order.
        public static func all(count: Int) -> [Step] {
            (0..<count).map { .temporaryWritten($0) } + (0..<count).map { .originalKept($0) } + [.journalWritten]
                + (0..<count).map { .renamed($0) } + [.committed]
        }
    }

    /// A failure injected by a test.
    public struct InjectedFailure: Error, Sendable {
        public let step: Step

        /// Creates a failure at a step.
        public init(step: Step) {
            self.step = step
        }
    }

    /// The folder the journal is written to (the repository folder).
    public let folder: String
    /// Called after every step; a test throws to fail the write there, or kills the process.
    public let afterStep: @Sendable (Step) throws -> Void

    /// The environment variable that makes a process kill itself (SIGKILL) after a named step
    /// (`renamed-0`, …): the seam the kill test uses through the real binary.
    public static let killVariable = "HOSHIN_TEST_KILL_AFTER_STEP"

    /// Creates a writer whose journal goes in `folder`.
    public init(folder: String, afterStep: (@Sendable (Step) throws -> Void)? = nil) {
        self.folder = folder
        if let afterStep {
            self.afterStep = afterStep
        } else if let kill = ProcessInfo.processInfo.environment[Self.killVariable] {
            self.afterStep = { step in
                if step.description == kill { Foundation.kill(getpid(), SIGKILL) }
            }
        } else {
            self.afterStep = { _ in }
        }
    }

    struct Entry {
        let target: String
        let temporary: String
        let original: String
        var inode: UInt64 = 0
        var hash: UInt64 = 0
    }

    /// FNV-1a over the bytes: recovery restores a file only while it still holds the dead
    /// write's very bytes (an inode number alone can be reused).
    static func fingerprint(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// Writes `files` (path → new bytes) all or nothing.
    public func write(_ files: [(path: String, bytes: [UInt8])]) throws {
        var entries: [Entry] = []
        var renamed = 0
        var journal: String?
        var keptOriginals = 0
        let token = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            for (index, file) in files.enumerated() {
                let target = Self.resolve(file.path)
                Self.removeStale(beside: target)
                let folder = (target as NSString).deletingLastPathComponent
                let name = (target as NSString).lastPathComponent
                let prefix = (folder.isEmpty ? "" : folder + "/") + ".\(name).hoshin-\(token)"
                var entry = Entry(target: target, temporary: prefix + ".tmp", original: prefix + ".orig")
                entry.inode = try Self.writeTemporary(file.bytes, to: entry.temporary, like: target)
                entry.hash = Self.fingerprint(file.bytes)
                entries.append(entry)
                try afterStep(.temporaryWritten(index))
            }
            for (index, entry) in entries.enumerated() {
                try Self.keep(entry.target, as: entry.original)
                keptOriginals += 1
                try afterStep(.originalKept(index))
            }
            let journalPath = (folder.isEmpty ? "." : folder) + "/.hoshin-journal-\(token).tmp"
            let lines = entries.map { "\($0.target)\t\($0.original)\t\($0.temporary)\t\($0.inode)\t\($0.hash)\n" }.joined()
            _ = try Self.writeTemporary(Array(lines.utf8), to: journalPath, like: nil)
            journal = journalPath
            Self.syncFolder(of: journalPath)
            try afterStep(.journalWritten)
            for (index, entry) in entries.enumerated() {
                guard rename(entry.temporary, entry.target) == 0 else { throw RepositoryError.unwritable(entry.target) }
                renamed += 1
                Self.syncFolder(of: entry.target)
                try afterStep(.renamed(index))
            }
            guard unlink(journalPath) == 0 else { throw RepositoryError.unwritable(journalPath) }
            journal = nil
            Self.syncFolder(of: journalPath)
            try afterStep(.committed)
        } catch {
            if journal == nil, renamed == entries.count, !entries.isEmpty, keptOriginals == entries.count {
                // Committed; only the cleanup below was interrupted.
                for entry in entries { unlink(entry.original) }
                return
            }
            for entry in entries.prefix(renamed).reversed() {
                rename(entry.original, entry.target)
                Self.syncFolder(of: entry.target)
            }
            for entry in entries.dropFirst(renamed) { unlink(entry.temporary) }
            for entry in entries.prefix(keptOriginals).dropFirst(renamed) { unlink(entry.original) }
            if let journal { unlink(journal) }
            throw error
        }
        for entry in entries { unlink(entry.original) }
    }

    /// Puts back the files of writes whose process died before committing: for each
    /// journal left in `folder` by a process that no longer runs, every target that still
    /// holds the dead write's new file gets its original back. A target changed since (by a
    /// later write) is left as it is. Returns the targets restored.
    @discardableResult
    public static func recover(folder: String) -> [String] {
        let base = folder.isEmpty ? "." : folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return [] }
        var restored: [String] = []
        for name in names.sorted() where name.hasPrefix(".hoshin-journal-") && name.hasSuffix(".tmp") {
            let pidText = name.dropFirst(".hoshin-journal-".count).prefix { $0 != "-" }
            guard let pid = pid_t(pidText), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let path = base + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count == 5, let inode = UInt64(fields[3]), let hash = UInt64(fields[4]) else { continue }
                let (target, original, temporary) = (fields[0], fields[1], fields[2])
                let lock = try? PlanFileLock(path: target)
                var status = stat()
                if access(original, F_OK) == 0, stat(target, &status) == 0, UInt64(status.st_ino) == inode,
                   let current = FileManager.default.contents(atPath: target), fingerprint([UInt8](current)) == hash {
                    if rename(original, target) == 0 { restored.append(target) }
                    syncFolder(of: target)
                }
                withExtendedLifetime(lock) {}
                unlink(original)
                unlink(temporary)
            }
            unlink(path)
            syncFolder(of: path)
        }
        // Temporaries and originals of writes killed before their journal existed.
        for relative in (try? PlanFileDiscovery.planFiles(in: folder)) ?? [] {
            removeStale(beside: resolve(PlanFileDiscovery.displayPath(folder: folder, relative: relative)))
        }
        return restored
    }

    /// Removes `.NAME.hoshin-PID-N.tmp` and `.orig` files beside `target` whose process is gone
    /// (run after `recover`, which needs the originals a journal names).
    static func removeStale(beside target: String) {
        let folder = (target as NSString).deletingLastPathComponent
        let prefix = "." + (target as NSString).lastPathComponent + ".hoshin-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return }
        for name in names where name.hasPrefix(prefix) && (name.hasSuffix(".tmp") || name.hasSuffix(".orig")) {
            guard let pid = pid_t(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink((folder.isEmpty ? "." : folder) + "/" + name) }
        }
    }

    /// The file a path names: a symbolic link is followed (to its final target).
    static func resolve(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            if destination.hasPrefix("/") {
                current = destination
            } else {
                current = ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
            }
        }
        return current
    }

    /// Writes and fsyncs a new file with the mode and owner of `like`; returns its inode.
    static func writeTemporary(_ bytes: [UInt8], to path: String, like original: String?) throws -> UInt64 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw RepositoryError.unwritable(path) }
        defer { close(descriptor) }
        var ok = true
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                if written <= 0 { ok = false; return }
                offset += written
            }
        }
        var status = stat()
        if let original, stat(original, &status) == 0 {
            if fchown(descriptor, status.st_uid, status.st_gid) != 0 {
                _ = fchown(descriptor, getuid(), status.st_gid)  // keep the group where the owner cannot be kept
            }
            if fchmod(descriptor, status.st_mode & 0o7777) != 0 { ok = false }
        } else {
            let mask = umask(0)
            umask(mask)
            fchmod(descriptor, 0o666 & ~mask)
        }
        if fsync(descriptor) != 0 { ok = false }
        var written = stat()
        if fstat(descriptor, &written) != 0 { ok = false }
        guard ok else {
            unlink(path)
            throw RepositoryError.unwritable(path)
        }
        return UInt64(written.st_ino)
    }

    /// Keeps the original of `target` at `original`: a hard link, or else a copy.
    static func keep(_ target: String, as original: String) throws {
        if link(target, original) == 0 { return }
        guard let data = FileManager.default.contents(atPath: target) else { throw RepositoryError.unreadable(target) }
        _ = try writeTemporary([UInt8](data), to: original, like: target)
    }

    static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }
}
