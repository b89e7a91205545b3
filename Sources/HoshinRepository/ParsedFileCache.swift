import Synchronization
import HoshinYAML

/// Each plan file's parsed and decoded form, by path, kept for as long as its bytes stay
/// the same: a long-running process (`hoshin serve`) that reads the repository again after
/// one file changed parses and decodes only that file; the repository-wide rules still run
/// over the whole model. One entry a file, so the cache never holds more than the repository.
public final class ParsedFileCache: Sendable {
    struct Entry: Sendable {
        let bytes: [UInt8]
        let limits: ParseLimits
        let outcome: FileOutcome
    }

    let entries = Mutex<[String: Entry]>([:])

    /// An empty cache.
    public init() {}

    /// How many files are held (for tests).
    public var count: Int { entries.withLock { $0.count } }

    /// The outcome of `file` when it was parsed from exactly these bytes with these limits;
    /// else parses it and keeps the result in place of the file's old one.
    func outcome(file: String, bytes: [UInt8], limits: ParseLimits, parse: () -> FileOutcome) -> FileOutcome {
        if let entry = entries.withLock({ $0[file] }), entry.limits == limits, entry.bytes == bytes {
            return entry.outcome
        }
        let outcome = parse()
        entries.withLock { $0[file] = Entry(bytes: bytes, limits: limits, outcome: outcome) }
        return outcome
    }

    /// Forgets files that are no longer in the repository.
    func keep(only files: Set<String>) {
        entries.withLock { entries in
            for key in entries.keys where !files.contains(key) { entries[key] = nil }
        }
    }
}
