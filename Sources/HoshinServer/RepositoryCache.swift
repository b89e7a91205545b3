import Foundation
import HoshinModel
import HoshinRepository
import Synchronization

/// The identity of one plan file on disk: a change by `git pull`, an editor or the
/// command line changes at least one of these.
struct FileIdentity: Hashable, Sendable {
    let path: String
    let modified: Int
    let modifiedNanoseconds: Int
    let size: Int
    let inode: UInt64
}

/// Reads the repository through a cache keyed by the identity (mtime, size, inode) of
/// every plan file: an outside change is seen at the next request, an unchanged
/// repository is not parsed again. Derived values (status trees, rendered pages) are
/// cached beside it and dropped with it.
final class RepositoryCache: Sendable {
    struct Snapshot: Sendable {
        let identities: [FileIdentity]
        let today: PlanDate
        let result: ValidationResult
    }

    /// The plan files as last listed, and the folders whose change (a file added, removed
    /// or renamed over) means listing again: the root and every folder above a plan file.
    struct Listing: Sendable {
        let files: [String]
        let folders: [String: FileIdentity]
    }

    struct State: Sendable {
        var listing: Listing?
        var snapshot: Snapshot?
        var derived: [String: String] = [:]
        var loads = 0
    }

    let folder: String
    let clock: ServerClock
    let state = Mutex(State())

    init(folder: String, clock: ServerClock) {
        self.folder = folder
        self.clock = clock
    }

    /// How many times the repository was parsed (for tests of the cache).
    var loadCount: Int { state.withLock { $0.loads } }

    /// One file's or folder's identity now (`stat`, following links).
    func identity(_ relative: String) -> FileIdentity {
        let path = relative.isEmpty ? folder : PlanFileDiscovery.displayPath(folder: folder, relative: relative)
        var info = stat()
        guard stat(path, &info) == 0 else { return FileIdentity(path: relative, modified: -1, modifiedNanoseconds: 0, size: -1, inode: 0) }
        return FileIdentity(path: relative, modified: Int(info.st_mtim.tv_sec), modifiedNanoseconds: Int(info.st_mtim.tv_nsec),
                            size: Int(info.st_size), inode: UInt64(info.st_ino))
    }

    /// The identities of the plan files now. The folder tree is walked again only when one
    /// of its folders changed; otherwise each known file is `stat`ed.
    func identities() throws -> [FileIdentity] {
        let files: [String]
        if let listing = state.withLock({ $0.listing }),
           listing.folders.allSatisfy({ identity($0.key) == $0.value }) {
            files = listing.files
        } else {
            files = try PlanFileDiscovery.planFiles(in: folder)
            var folders: Set<String> = [""]
            for file in files {
                var parts = file.split(separator: "/").dropLast()
                while !parts.isEmpty {
                    folders.insert(parts.joined(separator: "/"))
                    parts = parts.dropLast()
                }
            }
            let listing = Listing(files: files, folders: Dictionary(uniqueKeysWithValues: folders.map { ($0, identity($0)) }))
            state.withLock { $0.listing = listing }
        }
        return files.map(identity)
    }

    /// The repository as it is on disk now, validated at today's date.
    func current() throws -> Snapshot {
        let identities = try identities()
        let today = clock.today
        if let snapshot = state.withLock({ $0.snapshot }), snapshot.identities == identities, snapshot.today == today {
            return snapshot
        }
        let result = try RepositoryLoader().load(folder: folder, asOf: today)
        let snapshot = Snapshot(identities: identities, today: today, result: result)
        state.withLock { state in
            state.snapshot = snapshot
            state.derived = [:]
            state.loads += 1
        }
        return snapshot
    }

    /// A value derived from `snapshot`, computed once per snapshot and key.
    func derived(_ key: String, of snapshot: Snapshot, _ make: () throws -> String) rethrows -> String {
        let cached = state.withLock { state -> String? in
            guard state.snapshot?.identities == snapshot.identities else { return nil }
            return state.derived[key]
        }
        if let cached { return cached }
        let value = try make()
        state.withLock { state in
            if state.snapshot?.identities == snapshot.identities, state.derived.count < 2000 { state.derived[key] = value }
        }
        return value
    }
}
