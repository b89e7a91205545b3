import Foundation

/// Runs git in the repository folder: one commit per accepted write holding only the
/// files it touched (a commit with pathspecs, so other changes in the work tree stay
/// out), authored by the person; with `--git push`, fetch and fast-forward before and
/// push after. The caller serializes every use.
struct GitRecorder: Sendable {
    let folder: String
    let mode: GitMode
    let remote: String

    struct Output {
        let status: Int32
        let text: String
    }

    /// Runs `git -C folder arguments…`.
    func git(_ arguments: [String], environment: [String: String] = [:]) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        var env = ProcessInfo.processInfo.environment
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["LC_ALL"] = "C"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return Output(status: 127, text: "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, text: String(decoding: data, as: UTF8.self))
    }

    /// Whether `folder` lies inside a git work tree.
    static func isWorkTree(_ folder: String) -> Bool {
        GitRecorder(folder: folder, mode: .commit, remote: "origin").git(["rev-parse", "--is-inside-work-tree"]).text
            .trimmingCharacters(in: .whitespacesAndNewlines) == "true"
    }

    /// The local git user as `Name <email>`, or nil when none is configured.
    func localUser() -> (name: String, email: String)? {
        let name = git(["config", "user.name"]).text.trimmingCharacters(in: .whitespacesAndNewlines)
        let email = git(["config", "user.email"]).text.trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty || email.isEmpty ? nil : (name, email)
    }

    /// Who last changed `relative` and when (`name`, `YYYY-MM-DD`), from the history.
    func lastChange(of relative: String) -> (who: String, date: String)? {
        guard mode != .off else { return nil }
        let out = git(["log", "-1", "--format=%an%x09%ad", "--date=short", "--", relative])
        let parts = out.text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\t").map(String.init)
        guard out.status == 0, parts.count == 2 else { return nil }
        return (parts[0], parts[1])
    }

    /// The upstream branch for `--git push`: the current branch on `remote`.
    func branch() -> String? {
        let out = git(["symbolic-ref", "--short", "HEAD"])
        let name = out.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return out.status == 0 && !name.isEmpty ? name : nil
    }

    /// `--git push`, before a write: fetch and fast-forward. Nil on success, else why not.
    func syncBeforeWrite() -> String? {
        guard mode == .push, let branch = branch() else { return nil }
        let fetch = git(["fetch", "--quiet", remote, branch])
        guard fetch.status == 0 else { return "git fetch failed: \(fetch.text.prefix(200))" }
        let merge = git(["merge", "--ff-only", "--quiet", "FETCH_HEAD"])
        return merge.status == 0 ? nil : "the work tree cannot be fast-forwarded to \(remote)/\(branch): \(merge.text.prefix(200))"
    }

    /// One commit of exactly `paths` (inside the repository folder). Returns the commit id.
    func commit(paths: [String], message: String, author: (name: String, email: String)?) -> Result<String, GitFailure> {
        var arguments = ["commit", "--quiet", "--no-verify", "-m", message]
        let user = localUser()
        if let author { arguments += ["--author", "\(author.name) <\(author.email)>"] }
        var environment: [String: String] = [:]
        if user == nil {
            environment = ["GIT_COMMITTER_NAME": "hoshin serve", "GIT_COMMITTER_EMAIL": "hoshin-serve@localhost"]
            if author == nil { arguments += ["--author", "hoshin serve <hoshin-serve@localhost>"] }
        }
        // `git commit -- paths` commits those paths' contents as they are in the work tree
        // and nothing else, whatever else is staged or changed.
        let out = git(arguments + ["--"] + paths, environment: environment)
        guard out.status == 0 else { return .failure(GitFailure(message: "git commit failed: \(out.text.prefix(300))")) }
        let head = git(["rev-parse", "HEAD"]).text.trimmingCharacters(in: .whitespacesAndNewlines)
        return .success(head)
    }

    /// `--git push`: one push of HEAD. A push refused because upstream moved on (someone
    /// pushed between our fetch and our push) is `.rejected`, with upstream fetched into
    /// `FETCH_HEAD`; any other failure is `.failed`.
    func push() -> PushOutcome {
        guard mode == .push, let branch = branch() else { return .pushed }
        let out = git(["push", "--quiet", remote, "HEAD:\(branch)"])
        if out.status == 0 { return .pushed }
        let fetch = git(["fetch", "--quiet", remote, branch])
        guard fetch.status == 0 else { return .failed("git push failed: \(out.text.prefix(200)); git fetch failed: \(fetch.text.prefix(200))") }
        // Upstream already contained in HEAD: the push failed for another reason (a hook, rights).
        if git(["merge-base", "--is-ancestor", "FETCH_HEAD", "HEAD"]).status == 0 {
            return .failed("git push failed: \(out.text.prefix(200))")
        }
        return .rejected
    }

    /// After a rejected push: takes our last commit back (`git reset --keep HEAD~1`, so
    /// nothing else in the work tree is touched) and fast-forwards to the fetched upstream.
    /// Nil on success, else why not (the commit is then left as it was).
    func takeBack() -> String? {
        let reset = git(["reset", "--quiet", "--keep", "HEAD~1"])
        guard reset.status == 0 else { return "git reset --keep HEAD~1 failed: \(reset.text.prefix(200))" }
        let merge = git(["merge", "--ff-only", "--quiet", "FETCH_HEAD"])
        guard merge.status == 0 else { return "the work tree cannot be fast-forwarded to upstream: \(merge.text.prefix(200))" }
        return nil
    }

    enum PushOutcome: Equatable {
        case pushed
        /// Upstream moved on; it is in `FETCH_HEAD`.
        case rejected
        case failed(String)
    }
}

/// A git step that failed after the plan file was written.
struct GitFailure: Error {
    let message: String
}

/// Git questions the command line asks before starting the server.
public enum ServerGit {
    /// Whether `folder` lies inside a git work tree (then `--git commit` is the default).
    public static func isWorkTree(_ folder: String) -> Bool { GitRecorder.isWorkTree(folder) }
}
