import Foundation
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

    /// Reads the files under `folder` at `revision` of the git repository holding it.
    public static func read(_ revision: String, folder: String) throws -> GitRevision {
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
        let listing = try run(["ls-tree", "-r", "-z", "--full-tree", "--name-only", commit, "--", prefix.isEmpty ? "." : prefix])
        var files: [InMemoryFile] = []
        for path in listing.split(separator: 0).map({ String(decoding: $0, as: UTF8.self) }) {
            guard path.hasPrefix(prefix) else { continue }
            let relative = String(path.dropFirst(prefix.count))
            let name = (relative as NSString).lastPathComponent
            let parts = relative.split(separator: "/")
            guard name.hasSuffix(".yaml") || name.hasSuffix(".yml"),
                  !parts.contains(where: { $0.hasPrefix(".") }) else { continue }
            let bytes = try run(["cat-file", "blob", "\(commit):\(path)"])
            files.append(InMemoryFile(path: relative, bytes: [UInt8](bytes)))
        }
        return GitRevision(name: revision, commit: commit, date: date, files: files)
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
