import Foundation
import Synchronization
import Testing
@testable import HoshinServer

/// `--git push`: fetch and fast-forward before a write, push after (spec §11).
@Suite("Serve git push", .serialized)
struct ServeGitPushTests {
    /// A bare remote holding the fixture, and a second clone of it for "someone else".
    static func remote(for folder: URL) throws -> (bare: URL, other: URL) {
        let base = folder.deletingLastPathComponent()
        let bare = base.appendingPathComponent("remote.git")
        let other = base.appendingPathComponent("other")
        TestServer.git(base, ["init", "-q", "--bare", "-b", "main", bare.path])
        TestServer.git(folder, ["remote", "add", "origin", bare.path])
        TestServer.git(folder, ["push", "-q", "origin", "main"])
        TestServer.git(base, ["clone", "-q", bare.path, other.path])
        TestServer.git(other, ["config", "user.name", "Erik Ek"])
        TestServer.git(other, ["config", "user.email", "erik.ek@region.se"])
        return (bare, other)
    }

    static func change(_ clone: URL, _ from: String, _ to: String, message: String) throws {
        let file = clone.appendingPathComponent("medicinsk-vard/kardiologi.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: from, with: to).write(to: file, atomically: true, encoding: .utf8)
        TestServer.git(clone, ["commit", "-q", "-am", message])
        TestServer.git(clone, ["push", "-q", "origin", "main"])
    }

    @Test("Someone else's push of another field is fetched first; the write is pushed on top")
    func fetchThenPush() async throws {
        let setup = Mutex<URL?>(nil)
        let server = try await TestServer.start(git: .push) { folder in
            let (_, other) = try Self.remote(for: folder)
            setup.withLock { $0 = other }
        }
        defer { server.stop() }
        let other = try #require(setup.withLock { $0 })
        try Self.change(other, "            status: not-started", "            status: on-track", message: "Telefonuppföljning startad")
        let answer = try await server.post("/api/report", json: """
            {"ref": "kardiologi/sjukskoterskemottagning", "progress": 60, "base": {"progress": 40}}
            """)
        #expect(answer.status == 200)
        TestServer.git(other, ["pull", "-q", "--ff-only"])
        let upstream = try String(contentsOf: other.appendingPathComponent("medicinsk-vard/kardiologi.yaml"), encoding: .utf8)
        #expect(upstream.contains("progress: 60"))
        #expect(upstream.contains("            status: on-track\n") && !upstream.contains("not-started"))
        #expect(TestServer.git(other, ["log", "-1", "--format=%H"]).trimmingCharacters(in: .whitespacesAndNewlines)
                == answer.json["commit"] as? String)
    }

    @Test("Someone else's push of the same field is a conflict: 409, nothing of ours pushed")
    func sameFieldUpstream() async throws {
        let setup = Mutex<URL?>(nil)
        let server = try await TestServer.start(git: .push) { folder in
            let (_, other) = try Self.remote(for: folder)
            setup.withLock { $0 = other }
        }
        defer { server.stop() }
        let other = try #require(setup.withLock { $0 })
        try Self.change(other, "            progress: 40", "            progress: 45", message: "Framsteg")
        let answer = try await server.post("/api/report", json: """
            {"ref": "kardiologi/sjukskoterskemottagning", "progress": 60, "base": {"progress": 40}}
            """)
        #expect(answer.status == 409)
        #expect((answer.json["conflicts"] as? [[String: Any]])?.first?["plan"] as? String == "45")
        #expect(answer.json["changedBy"] as? String == "Erik Ek")
        TestServer.git(other, ["pull", "-q", "--ff-only"])
        #expect(TestServer.git(other, ["log", "-1", "--format=%s"]).hasPrefix("Framsteg"))
    }

    /// Someone else's commit in the other clone, pushed by a `pre-push` hook of the server's
    /// work tree the first time the server pushes: after the server's fetch and write, before
    /// its push arrives — so that push is rejected once, deterministically.
    static func pushFirst(from other: URL, into folder: URL, _ from: String, _ to: String, message: String) throws {
        let file = other.appendingPathComponent("medicinsk-vard/kardiologi.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: from, with: to).write(to: file, atomically: true, encoding: .utf8)
        TestServer.git(other, ["commit", "-q", "-am", message])
        let marker = folder.deletingLastPathComponent().appendingPathComponent("pushed-first").path
        let hook = folder.appendingPathComponent(".git/hooks/pre-push")
        try """
            #!/bin/sh
            [ -e '\(marker)' ] && exit 0
            touch '\(marker)'
            unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_PREFIX
            git -C '\(other.path)' push -q origin main
            exit 0

            """.write(to: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
    }

    static func head(_ folder: URL, _ revision: String = "HEAD") -> String {
        TestServer.git(folder, ["rev-parse", revision]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("A push rejected because someone pushed another field in between: fetched, written again on top, pushed")
    func retryAfterRejectedPush() async throws {
        let setup = Mutex<URL?>(nil)
        let server = try await TestServer.start(git: .push) { folder in
            let (_, other) = try Self.remote(for: folder)
            try Self.pushFirst(from: other, into: folder, "            status: not-started", "            status: on-track",
                               message: "Telefonuppföljning startad")
            setup.withLock { $0 = other }
        }
        defer { server.stop() }
        let other = try #require(setup.withLock { $0 })
        let answer = try await server.post("/api/report", json: """
            {"ref": "kardiologi/sjukskoterskemottagning", "progress": 60, "base": {"progress": 40}}
            """)
        #expect(answer.status == 200)
        // The hook really pushed in between (else this test shows nothing).
        #expect(FileManager.default.fileExists(atPath: server.folder.deletingLastPathComponent().appendingPathComponent("pushed-first").path))
        TestServer.git(other, ["pull", "-q", "--ff-only"])
        let upstream = try String(contentsOf: other.appendingPathComponent("medicinsk-vard/kardiologi.yaml"), encoding: .utf8)
        #expect(upstream.contains("            progress: 60\n"))
        #expect(upstream.contains("            status: on-track\n") && !upstream.contains("not-started"))
        // Ours is one commit on top of theirs, and the answer names the commit that was pushed.
        #expect(Self.head(other) == answer.json["commit"] as? String)
        #expect(TestServer.git(other, ["log", "-1", "--format=%s", "HEAD~1"]).hasPrefix("Telefonuppföljning startad"))
        #expect(TestServer.git(other, ["show", "--stat", "--format=", "HEAD"]).contains("1 file changed"))
        #expect(Self.head(server.folder) == Self.head(other))
        #expect(server.git(["status", "--porcelain"]).isEmpty)
        #expect(server.logLines.contains { $0.contains("accepted after 2 pushes") })
    }

    @Test("A push rejected because someone pushed the same field in between: 409, ours taken back, theirs kept whole")
    func conflictAfterRejectedPush() async throws {
        let setup = Mutex<URL?>(nil)
        let server = try await TestServer.start(git: .push) { folder in
            let (_, other) = try Self.remote(for: folder)
            try Self.pushFirst(from: other, into: folder, "            progress: 40", "            progress: 45", message: "Framsteg")
            setup.withLock { $0 = other }
        }
        defer { server.stop() }
        let other = try #require(setup.withLock { $0 })
        let answer = try await server.post("/api/report", json: """
            {"ref": "kardiologi/sjukskoterskemottagning", "progress": 60, "base": {"progress": 40}}
            """)
        #expect(answer.status == 409)
        let conflict = try #require((answer.json["conflicts"] as? [[String: Any]])?.first)
        #expect(conflict["field"] as? String == "progress")
        #expect(conflict["base"] as? String == "40")
        #expect(conflict["plan"] as? String == "45")
        #expect(conflict["yours"] as? String == "60")
        #expect(answer.json["changedBy"] as? String == "Erik Ek")
        #expect(answer.json["commit"] == nil)
        // Nothing of ours anywhere; the work tree is upstream exactly, nothing half-written.
        #expect(Self.head(server.folder) == Self.head(other))
        #expect(server.git(["status", "--porcelain"]).isEmpty)
        let local = try server.file("medicinsk-vard/kardiologi.yaml")
        #expect(local == (try String(contentsOf: other.appendingPathComponent("medicinsk-vard/kardiologi.yaml"), encoding: .utf8)))
        #expect(local.contains("            progress: 45\n") && !local.contains("progress: 60"))
    }
}
