import Foundation
import Hummingbird
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
///
/// The identities are taken again only when the folders' inotify watch (`FolderWatch`)
/// reported an event since they were last found unchanged — or on every request where
/// there is no watch. After a change only the changed files are parsed again
/// (`ParsedFileCache`); the rules run over the whole repository.
final class RepositoryCache: Sendable {
    struct Snapshot: Sendable {
        /// Which load made it (derived values are kept per load).
        let serial: Int
        let identities: [FileIdentity]
        let today: PlanDate
        let result: ValidationResult
    }

    /// The plan files as last listed, and the folders whose change (a file added, removed
    /// or renamed over) means listing again: the root and every folder below it.
    struct Listing: Sendable {
        let files: [String]
        let folders: [String: FileIdentity]
    }

    struct State: Sendable {
        var listing: Listing?
        var snapshot: Snapshot?
        var derived: [String: DerivedText] = [:]
        /// The size of `derived`, in UTF-8 bytes.
        var derivedBytes = 0
        var loads = 0
        /// The inotify watch of the listing's folders, when there is one.
        var watch: FolderWatch?
        /// Counts the times events were found waiting.
        var events = 0
        /// The value of `events` before the last check that found the snapshot current.
        var verified = -1
    }

    let folder: String
    let clock: ServerClock
    /// `--lang` or `HOSHIN_LANG`; nil follows the repository's `language`.
    let language: Language?
    let state = Mutex(State())
    /// Held while the repository is read, so a changed repository is read once.
    let loading = NSLock()
    /// Each file's parse, reused while its bytes stay the same (shared with the writes).
    let parsedFiles: ParsedFileCache
    /// Whether to watch the folders (tests of the `stat` path turn it off).
    let watches: Bool

    init(folder: String, clock: ServerClock, language: Language? = nil, parsedFiles: ParsedFileCache = ParsedFileCache(),
         watches: Bool = true) {
        self.parsedFiles = parsedFiles
        self.folder = folder
        self.clock = clock
        self.language = language
        self.watches = watches
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

    /// Every folder under the root that discovery may enter (names not starting with `.`),
    /// relative, the root as "".
    func folders() -> [String] {
        var found: [String] = []
        var pending = [""]
        var seen = 0
        while let relative = pending.popLast(), seen < 100_000 {
            seen += 1
            found.append(relative)
            let absolute = relative.isEmpty ? folder : PlanFileDiscovery.displayPath(folder: folder, relative: relative)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute) else { continue }
            for name in names where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: absolute + "/" + name, isDirectory: &isDirectory), isDirectory.boolValue {
                    pending.append(child)
                }
            }
        }
        return found
    }

    /// The identities of the plan files now. The folder tree is walked again only when one
    /// of its folders changed (then the folders are watched anew); otherwise each known
    /// file is `stat`ed.
    func identities() throws -> [FileIdentity] {
        let files: [String]
        if let listing = state.withLock({ $0.listing }),
           listing.folders.allSatisfy({ identity($0.key) == $0.value }) {
            files = listing.files
        } else {
            // Watch first, then list and `stat`: a change after this is an event, one before is seen now.
            let folders = folders()
            let watch = watches ? FolderWatch.make(folders: folders.map { $0.isEmpty ? folder : PlanFileDiscovery.displayPath(folder: folder, relative: $0) }) : nil
            files = try PlanFileDiscovery.planFiles(in: folder)
            let listing = Listing(files: files, folders: Dictionary(uniqueKeysWithValues: folders.map { ($0, identity($0)) }))
            state.withLock { state in
                state.listing = listing
                state.watch = watch
                state.events += 1
            }
        }
        return files.map(identity)
    }

    /// The snapshot, when no event arrived since it was last found current; and the event
    /// count to record when a check that starts now finds it current.
    func watched(_ today: PlanDate) -> (Snapshot?, Int) {
        state.withLock { state in
            guard let watch = state.watch else { return (nil, state.events) }
            if watch.drain() { state.events += 1 }
            guard state.events == state.verified, let snapshot = state.snapshot, snapshot.today == today else { return (nil, state.events) }
            return (snapshot, state.events)
        }
    }

    /// The repository as it is on disk now, validated at today's date. One request at a time
    /// reads a changed repository; the others that arrive meanwhile wait for it and share it
    /// (twenty readers after a `git pull` read it once, not twenty times).
    func current() throws -> Snapshot {
        let today = clock.today
        let (quiet, events) = watched(today)
        if let quiet { return quiet }
        let identities = try identities()
        let snapshot = try current(identities, today)
        state.withLock { state in
            if state.snapshot?.serial == snapshot.serial { state.verified = max(state.verified, events) }
        }
        return snapshot
    }

    func current(_ identities: [FileIdentity], _ today: PlanDate) throws -> Snapshot {
        if let snapshot = cached(identities, today) { return snapshot }
        loading.lock()
        defer { loading.unlock() }
        if let snapshot = cached(identities, today) { return snapshot }
        var loader = RepositoryLoader()
        loader.parsedFiles = parsedFiles
        let loaded = try loader.load(folder: folder, asOf: today)
        // The renderers' labels follow the server's language at once; the diagnostics' messages
        // (tens of thousands in a large region) are translated only when a reply shows them.
        var repository = loaded.repository
        repository?.settings.language = language ?? loaded.repository?.settings.language ?? .sv
        let result = ValidationResult(repository: repository, diagnostics: loaded.diagnostics, sources: loaded.sources,
                                      fileCount: loaded.fileCount)
        return state.withLock { state in
            state.loads += 1
            let snapshot = Snapshot(serial: state.loads, identities: identities, today: today, result: result)
            state.snapshot = snapshot
            state.derived = [:]
            state.derivedBytes = 0
            return snapshot
        }
    }

    /// The snapshot in the cache when it was read from exactly these files on this date.
    func cached(_ identities: [FileIdentity], _ today: PlanDate) -> Snapshot? {
        state.withLock { state in
            guard let snapshot = state.snapshot, snapshot.today == today, snapshot.identities == identities else { return nil }
            return snapshot
        }
    }

    /// At most this many bytes of derived values are kept (then they are dropped and made again).
    static let derivedBudget = 64 << 20

    /// A value derived from `snapshot`, computed once per snapshot and key.
    func derived(_ key: String, of snapshot: Snapshot, _ make: () throws -> String) rethrows -> DerivedText {
        let cached = state.withLock { state -> DerivedText? in
            guard state.snapshot?.serial == snapshot.serial else { return nil }
            return state.derived[key]
        }
        if let cached { return cached }
        let value = DerivedText(try make())
        state.withLock { state in
            guard state.snapshot?.serial == snapshot.serial else { return }
            let size = value.buffer.readableBytes
            if state.derivedBytes + size > Self.derivedBudget {
                state.derived = [:]
                state.derivedBytes = 0
            }
            if size <= Self.derivedBudget, state.derived[key] == nil {
                state.derived[key] = value
                state.derivedBytes += size
            }
        }
        return value
    }
}

/// A page or JSON text made once per repository snapshot, kept with its response bytes so
/// that a warm read sends them without copying (a unit's status object is 0.6 MB in a large
/// region).
struct DerivedText: Sendable {
    let text: String
    let buffer: ByteBuffer

    init(_ text: String) {
        self.text = text
        self.buffer = ByteBuffer(string: text)
    }
}
