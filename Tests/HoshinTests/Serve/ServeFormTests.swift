import Foundation
import Testing
@testable import HoshinServer

/// The pages and the reporting form of `hoshin serve` (spec §11).
@Suite("Serve pages and forms", .serialized)
struct ServeFormTests {
    /// Opens the form: its cookie and hidden fields.
    static func open(_ server: TestServer, _ path: String = "/units/kardiologi/report",
                     cookie: String? = nil) async throws -> (cookie: String, fields: [(String, String)], body: String) {
        let answer = try await server.get(path, headers: cookie.map { ["Cookie": $0] } ?? [:])
        #expect(answer.status == 200)
        if let cookie { return (cookie, TestServer.hiddenFields(answer.body), answer.body) }
        let set = try #require(answer.header("Set-Cookie")?.split(separator: ";").first)
        return (String(set), TestServer.hiddenFields(answer.body), answer.body)
    }

    @Test("Pages: the tree links to units, the unit page, the form for the latest period that has ended")
    func pages() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let overview = try await server.get("/")
        #expect(overview.body.contains("<a href=\"/units/kardiologi\">"))
        let unit = try await server.get("/units/kardiologi")
        #expect(unit.body.contains("Sjuksköterskeledd hjärtsviktsmottagning"))
        #expect(unit.body.contains("href=\"/units/kardiologi/report\""))
        #expect(!unit.body.contains("http://") && !unit.body.contains("https://"))
        let form = try await server.get("/units/kardiologi/report")
        #expect(form.body.contains("<input type=\"hidden\" name=\"period\" value=\"2026-10\">"))
        #expect(form.body.contains("name=\"a.sjukskoterskemottagning.note\" rows=\"2\">Två av fem team utbildade.</textarea>"))
        #expect(form.body.contains("<option value=\"on-track\" selected>"))
        let earlier = try await server.get("/units/kardiologi/report?period=2026-08")
        #expect(earlier.body.contains("value=\"15,2\""))
        #expect(try await server.get("/units/kardiologi/report?period=2026-12").status == 400)
        // The review pack (§12) of the unit, as `hoshin review --format html` writes it.
        let review = try await server.get("/units/kardiologi/review")
        #expect(review.status == 200)
        #expect(review.body.contains("Kardiologiska kliniken"))
        #expect(review.body.contains("class=\"bowling\""))
        #expect(try await server.get("/units/no-such-unit/review").status == 404)
    }

    @Test("Plan text is escaped in every page")
    func escaping() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let answer = try await server.post("/api/report", json: #"{"ref": "kirurgisk-vard/planering", "note": "<script>alert(1)</script> & \"x\""}"#)
        #expect(answer.status == 200)
        for path in ["/", "/units/kirurgisk-vard", "/units/kirurgisk-vard/report"] {
            let page = try await server.get(path)
            #expect(!page.body.contains("<script>"), "\(path)")
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"), "\(path)")
        }
    }

    @Test("A submission without the CSRF token, or from another origin, is refused; the file is untouched")
    func csrf() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let before = try server.file("medicinsk-vard/kardiologi.yaml")
        let opened = try await Self.open(server)
        var fields = opened.fields.filter { $0.0 != "csrf" }
        fields.append(("a.telefonuppfoljning.status", "on-track"))
        #expect(try await server.postForm("/units/kardiologi/report", fields: fields, cookie: opened.cookie).status == 403)
        #expect(try await server.postForm("/units/kardiologi/report", fields: fields + [("csrf", "0" + String(repeating: "a", count: 63))],
                                          cookie: opened.cookie).status == 403)
        let all = opened.fields + [("a.telefonuppfoljning.status", "on-track")]
        #expect(try await server.postForm("/units/kardiologi/report", fields: all, cookie: nil).status == 403)
        #expect(try await server.postForm("/units/kardiologi/report", fields: all, cookie: opened.cookie,
                                          headers: ["Origin": "http://evil.example"]).status == 403)
        #expect(try server.file("medicinsk-vard/kardiologi.yaml") == before)
    }

    @Test("A unit manager's visit: change a status and a note with å ä ö, see the new state; a stale second window sees the conflict")
    func visit() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let first = try await Self.open(server)
        let second = try await Self.open(server, cookie: first.cookie)
        let saved = try await server.postForm("/units/kardiologi/report", fields: first.fields + [
            ("a.sjukskoterskemottagning.status", "at-risk"),
            ("a.sjukskoterskemottagning.progress", "40"),
            ("a.sjukskoterskemottagning.note", "Personalbrist på avdelning två; åäö"),
            ("i.aterinlaggning.value", "12,5"),
        ], cookie: first.cookie)
        #expect(saved.status == 200)
        #expect(saved.body.contains("Sparat."))
        #expect(saved.body.contains("<option value=\"at-risk\" selected>"))
        #expect(saved.body.contains("Personalbrist på avdelning två; åäö</textarea>"))
        let text = try server.file("medicinsk-vard/kardiologi.yaml")
        #expect(text.contains("status: at-risk\n            progress: 40\n            updated: 2026-11-15\n            note: Personalbrist på avdelning två; åäö\n"))
        #expect(text.contains("2026-10: 12.5"))
        #expect(server.git(["log", "-1", "--format=%s"]).hasPrefix("kardiologi: report 2026-10 — aterinlaggning, sjukskoterskemottagning"))

        let conflict = try await server.postForm("/units/kardiologi/report", fields: second.fields + [
            ("a.sjukskoterskemottagning.status", "off-track"),
            ("a.sjukskoterskemottagning.progress", "40"),
            ("a.sjukskoterskemottagning.note", "Två av fem team utbildade."),
        ], cookie: second.cookie)
        #expect(conflict.status == 409)
        #expect(conflict.body.contains("Status: ändrat av Lokal Användare den "))
        #expect(conflict.body.contains("sedan du öppnade formuläret: deras «i riskzonen» / ditt «avviker från plan»"))
        #expect(try server.file("medicinsk-vard/kardiologi.yaml") == text)
        // The base is now theirs: saving the same form again keeps yours knowingly.
        let again = try await server.postForm("/units/kardiologi/report", fields: TestServer.hiddenFields(conflict.body) + [
            ("a.sjukskoterskemottagning.status", "off-track"),
        ], cookie: second.cookie)
        #expect(again.status == 200)
        #expect(try server.file("medicinsk-vard/kardiologi.yaml").contains("status: off-track"))
    }

    @Test("Values that cannot be read are shown beside their field; nothing is written")
    func fieldMessages() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let before = try server.file("medicinsk-vard/kardiologi.yaml")
        let opened = try await Self.open(server)
        let answer = try await server.postForm("/units/kardiologi/report", fields: opened.fields + [
            ("a.sjukskoterskemottagning.progress", "140"),
            ("i.aterinlaggning.value", "tolv"),
            ("a.telefonuppfoljning.status", "on-track"),
        ], cookie: opened.cookie)
        #expect(answer.status == 422)
        #expect(answer.body.contains("id=\"activity-sjukskoterskemottagning\""))
        #expect(answer.body.contains("Skriv en procentsats från 0 till 100."))
        #expect(answer.body.contains("Skriv ett tal (12,5) eller täljare/nämnare (11/142)."))
        #expect(answer.body.contains("value=\"140\""))
        #expect(try server.file("medicinsk-vard/kardiologi.yaml") == before)
    }
}
