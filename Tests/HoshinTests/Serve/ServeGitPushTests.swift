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
}
