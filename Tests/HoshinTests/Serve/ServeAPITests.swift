import Foundation
import Testing
@testable import HoshinServer

/// `hoshin serve`'s JSON API against a real server on an ephemeral port (spec §11).
@Suite("Serve API", .serialized)
struct ServeAPITests {
    @Test("GET /api/status: §5's object, a subtree, 404 for an unknown unit, 400 for a bad date")
    func status() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let all = try await server.get("/api/status?as-of=2026-10-31")
        #expect(all.status == 200)
        #expect(all.header("Content-Type")?.hasPrefix("application/json") == true)
        let root = all.json["root"] as? [String: Any]
        #expect(root?["id"] as? String == "region")
        #expect(all.json["asOf"] as? String == "2026-10-31")
        let unit = try await server.get("/api/status?unit=kardiologi")
        #expect(unit.status == 200)
        #expect((unit.json["root"] as? [String: Any])?["id"] as? String == "kardiologi")
        #expect(try await server.get("/api/status?unit=nonesuch").status == 404)
        #expect(try await server.get("/api/status?as-of=31-10-2026").status == 400)
        let validate = try await server.get("/api/validate")
        #expect(validate.status == 200)
        #expect((validate.json["summary"] as? [String: Any])?["files"] as? Int == 5)
    }

    @Test("POST /api/report: 200 with the changes, the file edited in place, one commit authored by the local user")
    func report() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let answer = try await server.post("/api/report", json: """
            {"ref": "kardiologi/sjukskoterskemottagning", "status": "at-risk", "progress": 55, "note": "Tre av fem team: åäö",
             "base": {"status": "on-track", "progress": 40, "note": "Två av fem team utbildade."}}
            """)
        #expect(answer.status == 200)
        #expect(answer.json["ref"] as? String == "kardiologi/sjukskoterskemottagning")
        let changes = answer.json["changes"] as? [[String: Any]] ?? []
        #expect(changes.map { $0["field"] as? String } == ["status", "progress", "note"])
        let commit = try #require(answer.json["commit"] as? String)
        let text = try server.file("medicinsk-vard/kardiologi.yaml")
        #expect(text.contains("status: at-risk\n            progress: 55\n            updated: 2026-11-15\n            note: \"Tre av fem team: åäö\""))
        #expect(text.contains("15.2   # sommarbemanning"))
        #expect(server.git(["show", "--name-only", "--format=%an <%ae>", commit]).split(separator: "\n").map(String.init)
                == ["Lokal Användare <lokal@example.se>", "medicinsk-vard/kardiologi.yaml"])
        #expect(server.logLines.contains { $0.contains("write by local: kardiologi: sjukskoterskemottagning: accepted, commit") })
    }

    @Test("POST /api/measure: 200 adds a period in order; 422 for a period of another cadence")
    func measure() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let answer = try await server.post("/api/measure", json: """
            {"ref": "kardiologi/aterinlaggning", "period": "2026-10", "value": "12,5", "base": {"value": null}}
            """)
        #expect(answer.status == 200)
        #expect(try server.file("medicinsk-vard/kardiologi.yaml").contains("2026-09: 13.9\n          2026-10: 12.5\n"))
        let wrong = try await server.post("/api/measure", json: #"{"ref": "kardiologi/aterinlaggning", "period": "2026-Q3", "value": 3}"#)
        #expect(wrong.status == 422)
        #expect((wrong.json["diagnostics"] as? [[String: Any]])?.first?["rule"] as? String == "invalid-value")
        let again = try await server.post("/api/measure", json: """
            {"ref": "kardiologi/aterinlaggning", "period": "2026-10", "value": 11, "base": {"value": null}}
            """)
        #expect(again.status == 409)
        let conflict = (again.json["conflicts"] as? [[String: Any]])?.first
        #expect(conflict?["field"] as? String == "value")
        #expect(conflict?["plan"] as? String == "12.5")
        #expect(conflict?["yours"] as? String == "11")
        let commented = try await server.post("/api/measure", json: """
            {"ref": "kardiologi/aterinlaggning", "period": "2026-10", "value": 12.5, "comment": "Färre återinläggningar efter mottagningens start",
             "base": {"value": "12.5", "comment": null}}
            """)
        #expect(commented.status == 200)
        #expect((commented.json["changes"] as? [[String: Any]])?.map { $0["field"] as? String } == ["comment"])
        #expect(try server.file("medicinsk-vard/kardiologi.yaml").contains("2026-10: Färre återinläggningar efter mottagningens start"))
        let page = try await server.get("/units/kardiologi")
        #expect(page.body.contains("<dt>2026-10</dt><dd>Färre återinläggningar efter mottagningens start</dd>"))
    }

    @Test("409 when the plan changed since the base, with nothing written")
    func conflict() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let before = try server.file("medicinsk-vard/kardiologi.yaml")
        let answer = try await server.post("/api/report", json: """
            {"ref": "kardiologi/sjukskoterskemottagning", "status": "done", "base": {"status": "at-risk"}}
            """)
        #expect(answer.status == 409)
        let conflicts = answer.json["conflicts"] as? [[String: Any]] ?? []
        #expect(conflicts.count == 1)
        #expect(conflicts.first?["field"] as? String == "status")
        #expect(conflicts.first?["base"] as? String == "at-risk")
        #expect(conflicts.first?["plan"] as? String == "on-track")
        #expect(conflicts.first?["yours"] as? String == "done")
        #expect(try server.file("medicinsk-vard/kardiologi.yaml") == before)
    }

    @Test("400 (also without the JSON content type: §11 lists no 415), 404, 413, 422 and a foreign Origin's 403, each leaving the file untouched")
    func refusals() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let before = try server.file("medicinsk-vard/kardiologi.yaml")
        #expect(try await server.post("/api/report", json: "{not json").status == 400)
        #expect(try await server.post("/api/report", json: #"{"ref": 5}"#).status == 400)
        #expect(try await server.post("/api/report", json: #"{"ref": "kardiologi/sjukskoterskemottagning", "colour": "red"}"#).status == 400)
        #expect(try await server.post("/api/report", json: #"{"ref": "kardiologi/nonesuch", "status": "done"}"#).status == 404)
        #expect(try await server.post("/api/report", json: #"{"ref": "../../etc/passwd", "status": "done"}"#).status == 404)
        let big = "{\"ref\": \"kardiologi/sjukskoterskemottagning\", \"note\": \"" + String(repeating: "x", count: 1 << 20) + "\"}"
        #expect(try await server.post("/api/report", json: big).status == 413)
        let plain = try await server.request("POST", "/api/report", body: Array(#"{"ref": "kardiologi/sjukskoterskemottagning"}"#.utf8),
                                             headers: ["Content-Type": "text/plain"])
        #expect(plain.status == 400)
        #expect((plain.json["error"] as? String)?.contains("application/json") == true)
        let untyped = try await server.request("POST", "/api/report", body: Array(#"{"ref": "kardiologi/sjukskoterskemottagning"}"#.utf8))
        #expect(untyped.status == 400)
        let range = try await server.post("/api/report", json: #"{"ref": "kardiologi/sjukskoterskemottagning", "progress": 150}"#)
        #expect(range.status == 422)
        #expect((range.json["diagnostics"] as? [[String: Any]])?.first?["line"] as? Int == 31)
        #expect(try await server.post("/api/report", json: #"{"ref": "kardiologi/sjukskoterskemottagning", "status": "finished"}"#).status == 422)
        let foreign = try await server.post("/api/report", json: #"{"ref": "kardiologi/sjukskoterskemottagning", "status": "done"}"#,
                                            headers: ["Origin": "http://evil.example"])
        #expect(foreign.status == 403)
        let own = try await server.post("/api/report", json: #"{"ref": "kardiologi/telefonuppfoljning", "status": "on-track"}"#,
                                        headers: ["Origin": "http://127.0.0.1:\(server.port)"])
        #expect(own.status == 200)
        #expect(try server.file("medicinsk-vard/kardiologi.yaml").contains("note: Två av fem team utbildade."))
        #expect(try server.file("medicinsk-vard/kardiologi.yaml") != before)
    }

    @Test("422 when the result would not validate: a p chart's value that is not NUM/DEN")
    func wouldNotValidate() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let path = server.folder.appendingPathComponent("region.yaml")
        let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "        warning: 6.5\n", with: "        warning: 6.5\n        chart: c\n")
        try text.write(to: path, atomically: true, encoding: .utf8)
        let answer = try await server.post("/api/measure", json: #"{"ref": "region/vardskador", "period": "2026-10", "value": 2.5}"#)
        #expect(answer.status == 422)
        #expect((answer.json["diagnostics"] as? [[String: Any]])?.first?["rule"] as? String == "chart-data")
        #expect(!(try String(contentsOf: path, encoding: .utf8)).contains("2026-10"))
    }

    @Test("Every response carries the CSP without external sources and nosniff, 404s included")
    func safetyHeaders() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        for path in ["/", "/units/kardiologi", "/units/kardiologi/report", "/api/status", "/nonesuch", "/units/nonesuch"] {
            let answer = try await server.get(path)
            #expect(answer.header("X-Content-Type-Options") == "nosniff", "\(path)")
            let policy = answer.header("Content-Security-Policy") ?? ""
            #expect(policy.contains("default-src 'none'"), "\(path)")
            #expect(!policy.contains("http"), "\(path)")
        }
        #expect(try await server.get("/units/nonesuch").status == 404)
        #expect(try await server.get("/units/..%2F..%2Fetc").status == 404)
    }

    @Test("An outside change is seen at the next request; an unchanged repository is not parsed again")
    func outsideChange() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let first = try await server.get("/api/status?unit=kirurgisk-vard")
        #expect(first.body.contains("\"state\": \"at-risk\""))
        let path = server.folder.appendingPathComponent("kirurgisk-vard/kirurgisk-vard.yaml")
        let text = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "status: at-risk", with: "status: off-track")
        try text.write(to: path, atomically: true, encoding: .utf8)
        let second = try await server.get("/api/status?unit=kirurgisk-vard")
        #expect(second.body.contains("\"state\": \"off-track\""))
        let page = try await server.get("/units/kirurgisk-vard")
        #expect(page.body.contains("Gemensam operationsplanering"))

        let cache = RepositoryCache(folder: server.folder.path, clock: ServerClock(fixed: .init(year: 2026, month: 11, day: 15)))
        _ = try cache.current()
        _ = try cache.current()
        #expect(cache.loadCount == 1)
        try (text + "\n").write(to: path, atomically: true, encoding: .utf8)
        _ = try cache.current()
        #expect(cache.loadCount == 2)
    }

    @Test("A commit holds only the touched file, never other changes in the work tree")
    func commitOnlyTouchedFile() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let other = server.folder.appendingPathComponent("region.yaml")
        try (try String(contentsOf: other, encoding: .utf8) + "# ett utkast\n").write(to: other, atomically: true, encoding: .utf8)
        _ = server.git(["add", "region.yaml"])
        let same = server.folder.appendingPathComponent("kirurgisk-vard/kirurgisk-vard.yaml")
        let answer = try await server.post("/api/report", json: #"{"ref": "kirurgisk-vard/planering", "progress": 35}"#)
        #expect(answer.status == 200)
        let commit = try #require(answer.json["commit"] as? String)
        #expect(server.git(["show", "--name-only", "--format=", commit]).trimmingCharacters(in: .whitespacesAndNewlines)
                == "kirurgisk-vard/kirurgisk-vard.yaml")
        let message = server.git(["log", "-1", "--format=%B", commit])
        #expect(message.hasPrefix("kirurgisk-vard: report — planering"))
        #expect(message.contains("kirurgisk-vard/planering progress: 30 → 35"))
        #expect(server.git(["status", "--porcelain"]).contains("M  region.yaml"))
        #expect(try String(contentsOf: same, encoding: .utf8).contains("progress: 35"))
    }
}
