import Foundation
import HoshinModel
import HoshinTestSupport
import Synchronization
import Testing
@testable import HoshinServer

/// The server's language (`--lang`, `HOSHIN_LANG`, `hoshin.yaml`), numbers as the language
/// writes them on pages (decimal commas in sv and da, points in JSON), and the warnings an
/// accepted write added.
@Suite("Serve language, numbers and warnings", .serialized)
struct ServeLanguageTests {
    @Test("Swedish pages write decimal commas; the form takes them; JSON keeps points")
    func swedishNumbers() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let form = try await ServeFormTests.open(server)
        // The earlier values beside the field, and the field of an earlier period.
        #expect(form.body.contains("2026-08: 15,2 · 2026-09: 13,9"))
        #expect(!form.body.contains("13.9"))
        let earlier = try await ServeFormTests.open(server, "/units/kardiologi/report?period=2026-09", cookie: form.cookie)
        #expect(earlier.body.contains("name=\"i.aterinlaggning.value\" inputmode=\"decimal\" value=\"13,9\""))
        #expect(earlier.body.contains("name=\"base.i.aterinlaggning.value\" value=\"13,9\""))
        // Opening that form and saving it unchanged changes nothing (13,9 is 13.9).
        let unchanged = try await server.postForm("/units/kardiologi/report",
                                                  fields: earlier.fields + [("i.aterinlaggning.value", "13,9")],
                                                  cookie: form.cookie)
        #expect(unchanged.status == 200)
        #expect(unchanged.body.contains("Inget att spara"))
        // A decimal comma in progress and in a value; the file gets the plan's notation.
        let saved = try await server.postForm("/units/kardiologi/report", fields: form.fields + [
            ("a.sjukskoterskemottagning.progress", "42,5"),
            ("i.aterinlaggning.value", "1 012,5"),
        ], cookie: form.cookie)
        #expect(saved.status == 200)
        let text = try server.file("medicinsk-vard/kardiologi.yaml")
        #expect(text.contains("            progress: 42.5\n"))
        #expect(text.contains("2026-10: 1012.5"))
        #expect(saved.body.contains("value=\"42,5\""))
        #expect(saved.body.contains(": 40 → 42,5"))
        #expect(saved.body.contains("1\u{00A0}012,5"))
        #expect(saved.body.contains("42,5 %"))
        // JSON stays with points.
        let status = try await server.get("/api/status?unit=kardiologi")
        #expect(status.body.contains("42.5"))
        #expect(!status.body.contains("42,5"))
    }

    @Test("--lang en and --lang da override hoshin.yaml's sv: words and numbers follow")
    func override() async throws {
        let english = try await TestServer.start(language: .en)
        defer { english.stop() }
        let form = try await english.get("/units/kardiologi/report")
        #expect(form.body.contains("<html lang=\"en\">"))
        #expect(form.body.contains("2026-08: 15.2 · 2026-09: 13.9"))
        #expect(form.body.contains(">Save</button>"))
        let unit = try await english.get("/units/kardiologi")
        #expect(unit.body.contains("lang=\"en\""))
        #expect(unit.body.contains("Report for this unit"))
        #expect(try await english.get("/units/kardiologi/review").body.contains("lang=\"en\""))

        let danish = try await TestServer.start(language: .da)
        defer { danish.stop() }
        let dansk = try await danish.get("/units/kardiologi/report")
        #expect(dansk.body.contains("<html lang=\"da\">"))
        #expect(dansk.body.contains("2026-08: 15,2 · 2026-09: 13,9"))
        #expect(dansk.body.contains(">Gem</button>"))
    }

    @Test("A 200 lists the warnings the write added, in the server's language; none, no key")
    func warnings() async throws {
        let server = try await TestServer.start()
        defer { server.stop() }
        let plain = try await server.post("/api/report", json: #"{"ref": "kardiologi/sjukskoterskemottagning", "progress": 50}"#)
        #expect(plain.status == 200)
        #expect(plain.json["warnings"] == nil)
        // Progress 100 with status on-track: progress-mismatch, a warning, at the progress line.
        let answer = try await server.post("/api/report", json: #"{"ref": "kardiologi/sjukskoterskemottagning", "progress": 100}"#)
        #expect(answer.status == 200)
        let warnings = try #require(answer.json["warnings"] as? [[String: Any]])
        #expect(warnings.count == 1)
        #expect(warnings.first?["rule"] as? String == "progress-mismatch")
        #expect(warnings.first?["severity"] as? String == "warning")
        #expect((warnings.first?["file"] as? String)?.hasSuffix("medicinsk-vard/kardiologi.yaml") == true)
        #expect(warnings.first?["line"] as? Int == 31)
        let message = try #require(warnings.first?["message"] as? String)
        #expect(message.contains("100"))
        #expect(!message.contains("is it done"), "the message is Swedish: \(message)")
        #expect(try server.file("medicinsk-vard/kardiologi.yaml").contains("            progress: 100\n"))
        // A warning that was there before is not added again.
        let again = try await server.post("/api/report", json: #"{"ref": "kardiologi/sjukskoterskemottagning", "note": "Nästan klart."}"#)
        #expect(again.status == 200)
        #expect(again.json["warnings"] == nil)
        // The form lists them after "Sparat".
        let form = try await ServeFormTests.open(server)
        let saved = try await server.postForm("/units/kardiologi/report", fields: form.fields + [
            ("a.telefonuppfoljning.progress", "100"),
        ], cookie: form.cookie)
        #expect(saved.status == 200)
        #expect(saved.body.contains("Varning: "))
    }

    @Test("hoshin review --lang: the flag, then HOSHIN_LANG, then hoshin.yaml")
    func reviewLanguage() throws {
        let base = ["review", Fixtures.plans.path, "--unit", "region", "--as-of", "2026-10-31", "--format", "markdown"]
        let danish = try HoshinBinary.run(base + ["--lang", "da"], environment: ["HOSHIN_LANG": "en"])
        #expect(danish.status == 0, "\(danish.stderr)")
        #expect(danish.stdout.contains("Afvigelser"))
        let english = try HoshinBinary.run(base, environment: ["HOSHIN_LANG": "en"])
        #expect(english.stdout.contains("Exceptions"))
        #expect(!english.stdout.contains("Avvikelser"))
        let own = try HoshinBinary.run(base, environment: ["HOSHIN_LANG": ""])
        #expect(own.stdout.contains("Avvikelser"))
    }

    @Test("hoshin serve --lang en serves English pages over a Swedish repository")
    func serveLanguageFlag() async throws {
        let folder = try Fixtures.copy(Fixtures.root.appendingPathComponent("serve/plans"))
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let process = Process()
        process.executableURL = HoshinBinary.url
        process.arguments = ["serve", folder.path, "--bind", "127.0.0.1:0", "--git", "off", "--lang", "en"]
        var environment = ProcessInfo.processInfo.environment
        environment["HOSHIN_LANG"] = "da"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        // "hoshin: serving DIR at http://127.0.0.1:PORT/ (…)"
        var text = ""
        while !text.contains("/ ("), case let data = errors.fileHandleForReading.availableData, !data.isEmpty {
            text += String(decoding: data, as: UTF8.self)
        }
        let port = try #require(text.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) })
        let (data, _) = try await TestServer.session.data(from: URL(string: "http://127.0.0.1:\(port)/units/kardiologi/report")!)
        let page = String(decoding: data, as: UTF8.self)
        #expect(page.contains("<html lang=\"en\">"))
        #expect(page.contains("13.9"))
    }
}
