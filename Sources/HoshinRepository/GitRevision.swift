import Foundation
import Synchronization
import HoshinModel

/// Plan files as they were at a git revision, read with the `git` command.
public struct GitRevision: Sendable {
    /// The revision as the user named it.
    public let name: String
    /// The full commit id.
    public let commit: String
    /// The commit date (committer date), the default as-of date for that side of a diff.
    public let date: PlanDate
    /// The plan files at that revision, by path inside the plan folder.
    public let files: [InMemoryFile]

    /// Reads the files under `folder` at `revision` of the git repository holding it;
    /// blobs already in `known` (an earlier revision's, for a diff) are not read again.
    public static func read(_ revision: String, folder: String, known: GitBlobCache? = nil) throws -> GitRevision {
        let run = { (arguments: [String]) throws -> Data in try Self.git(arguments, in: folder) }
        guard let commit = String(data: try run(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"]), encoding: .utf8)?
            .trimmingCharacters(in: .whitespacesAndNewlines), !commit.isEmpty else {
            throw RepositoryError.unknownRevision(revision)
        }
        let dateText = String(decoding: try run(["show", "-s", "--format=%cs", commit]), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard let date = PlanDate(dateText) else { throw RepositoryError.unknownRevision(revision) }
        let prefix = String(decoding: try run(["rev-parse", "--show-prefix"]), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let listing = try run(["ls-tree", "-r", "-z", "--full-tree", commit, "--", prefix.isEmpty ? "." : prefix])
        var wanted: [(relative: String, object: String)] = []
        for entry in listing.split(separator: 0) {
            // "<mode> <type> <object>\t<path>"
            guard let tab = entry.firstIndex(of: 0x09) else { continue }
            let fields = entry[entry.startIndex..<tab].split(separator: 0x20)
            guard fields.count == 3, fields[1].elementsEqual("blob".utf8) else { continue }
            let path = String(decoding: entry[(tab + 1)...], as: UTF8.self)
            guard path.hasPrefix(prefix) else { continue }
            let relative = String(path.dropFirst(prefix.count))
            let name = (relative as NSString).lastPathComponent
            let parts = relative.split(separator: "/")
            guard name.hasSuffix(".yaml") || name.hasSuffix(".yml"),
                  !parts.contains(where: { $0.hasPrefix(".") }) else { continue }
            wanted.append((relative, String(decoding: fields[2], as: UTF8.self)))
        }
        let objects = wanted.map { $0.object }
        let missing = objects.filter { known?.bytes(of: $0) == nil }
        let fetched = Dictionary(zip(missing, try blobs(missing, in: folder)), uniquingKeysWith: { first, _ in first })
        known?.keep(fetched)
        let contents = objects.map { fetched[$0] ?? known?.bytes(of: $0) ?? [] }
        let files = zip(wanted, contents).map { InMemoryFile(path: $0.relative, bytes: $1) }
        return GitRevision(name: revision, commit: commit, date: date, files: files)
    }

    /// The contents of many blobs from one `git cat-file --batch` process, in order.
    static func blobs(_ objects: [String], in folder: String) throws -> [[UInt8]] {
        if objects.isEmpty { return [] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder, "cat-file", "--batch"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw RepositoryError.notAGitRepository(folder) }
        // The requests go in from another thread while the answers are read here, so
        // that neither pipe fills up and blocks the other side.
        let request = Data(objects.map { $0 + "\n" }.joined().utf8)
        let writer = input.fileHandleForWriting
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? writer.write(contentsOf: request)
            try? writer.close()
            done.signal()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw RepositoryError.notAGitRepository(folder) }
        return try data.withUnsafeBytes { raw -> [[UInt8]] in
            let bytes = raw.bindMemory(to: UInt8.self)
            var result: [[UInt8]] = []
            result.reserveCapacity(objects.count)
            var at = 0
            for _ in objects {
                // "<object> blob <size>\n<contents>\n", or "<object> missing\n".
                guard at < bytes.count, let newline = bytes[at...].firstIndex(of: 0x0A) else {
                    throw RepositoryError.notAGitRepository(folder)
                }
                let header = bytes[at..<newline].split(separator: 0x20)
                guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)),
                      newline + 1 + size <= bytes.count else {
                    throw RepositoryError.notAGitRepository(folder)
                }
                result.append(Array(bytes[(newline + 1)..<(newline + 1 + size)]))
                at = newline + 1 + size + 1
            }
            return result
        }
    }

    /// The short hash and commit date of `HEAD` of the git repository holding `folder`,
    /// or nil when it is not in one (or git is missing or refuses).
    public static func head(folder: String) -> (hash: String, date: PlanDate)? {
        guard let data = try? git(["log", "-1", "--format=%h %cs"], in: folder) else { return nil }
        let parts = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: " ")
        guard parts.count == 2, let date = PlanDate(String(parts[1])) else { return nil }
        return (String(parts[0]), date)
    }

    static func git(_ arguments: [String], in folder: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw RepositoryError.notAGitRepository(folder) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            if arguments.first == "rev-parse", arguments.contains("--verify") { return Data() }
            throw RepositoryError.notAGitRepository(folder)
        }
        return data
    }
}

/// Blob contents by object id, shared by the two sides of a diff: a file the earlier
/// revision already read is not read from git again.
public final class GitBlobCache: Sendable {
    private let table = Mutex<[String: [UInt8]]>([:])

    /// An empty cache.
    public init() {}

    /// The bytes of a blob read before, if any.
    public func bytes(of object: String) -> [UInt8]? { table.withLock { $0[object] } }

    /// Remembers blobs.
    func keep(_ blobs: [String: [UInt8]]) {
        table.withLock { $0.merge(blobs) { first, _ in first } }
    }
}
