import Foundation
import Testing
import HoshinTestSupport
@testable import HoshinServer

/// Identity and authorization of `hoshin serve --auth header` (spec §11).
@Suite("Serve authorization", .serialized)
struct ServeAuthTests {
    static func report(_ server: TestServer, as email: String?, unit: String = "kardiologi/telefonuppfoljning",
                       status: String = "on-track") async throws -> Int {
        let headers = email.map { ["X-Forwarded-Email": $0] } ?? [:]
        return try await server.post("/api/report", json: "{\"ref\": \"\(unit)\", \"status\": \"\(status)\"}", headers: headers).status
    }

    @Test("Reporters of the unit and of an ancestor and admins may report; another branch 403; no identity 401")
    func matrix() async throws {
        let server = try await TestServer.start(auth: .header)
        defer { server.stop() }
        #expect(try await Self.report(server, as: "anna.berg@region.se") == 200)
        #expect(try await Self.report(server, as: "MV.Chef@region.se", status: "at-risk") == 200)
        #expect(try await Self.report(server, as: "kvalitet@region.se", status: "off-track") == 200)
        #expect(try await Self.report(server, as: "kirurg.chef@region.se") == 403)
        #expect(try await Self.report(server, as: "anna.berg@region.se", unit: "kirurgisk-vard/planering") == 403)
        #expect(try await Self.report(server, as: nil) == 401)
        #expect(try await server.get("/api/status").status == 401)
        #expect(try await server.get("/").status == 401)
        #expect(try await server.get("/api/status", headers: ["X-Forwarded-Email": "kirurg.chef@region.se"]).status == 200)
        let commit = server.git(["log", "-1", "--format=%an <%ae>"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(commit == "kvalitet <kvalitet@region.se>")
        let form = try await server.get("/units/kardiologi/report", headers: ["X-Forwarded-Email": "kirurg.chef@region.se"])
        #expect(form.status == 403)
        #expect(form.body.contains("disabled"))
    }

    @Test("A header from an address that is not a trusted proxy is not believed: 401")
    func spoofedHeader() async throws {
        let server = try await TestServer.start(auth: .header, trustedProxies: ["10.0.0.7"])
        defer { server.stop() }
        #expect(try await Self.report(server, as: "kvalitet@region.se") == 401)
        #expect(try await server.get("/api/status", headers: ["X-Forwarded-Email": "kvalitet@region.se"]).status == 401)
    }

    @Test("--auth none is refused on an address that is not loopback")
    func noneOnlyOnLoopback() throws {
        #expect(throws: ServerConfigurationError.self) {
            try ServerConfiguration(folder: "plans", host: "0.0.0.0", auth: .none).validate()
        }
        try ServerConfiguration(folder: "plans", host: "::1", auth: .none).validate()
        try ServerConfiguration(folder: "plans", host: "0.0.0.0", auth: .header).validate()
        let plans = Fixtures.root.appendingPathComponent("serve/plans").path
        let run = try HoshinBinary.run(["serve", plans, "--bind", "0.0.0.0:0"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("loopback"))
    }

    @Test("Identity rules: trusted proxies, malformed headers")
    func identityResolver() {
        let resolver = IdentityResolver(configuration: ServerConfiguration(folder: "p", auth: .header, trustedProxies: ["127.0.0.1"]))
        #expect(resolver.identity(headerValue: "a@b.se", remoteAddress: "127.0.0.1") == .person("a@b.se"))
        #expect(resolver.identity(headerValue: "a@b.se", remoteAddress: "::ffff:127.0.0.1") == .person("a@b.se"))
        #expect(resolver.identity(headerValue: "a@b.se", remoteAddress: "10.1.1.1") == nil)
        #expect(resolver.identity(headerValue: "", remoteAddress: "127.0.0.1") == nil)
        #expect(resolver.identity(headerValue: "a@b.se, c@d.se", remoteAddress: "127.0.0.1") == nil)
    }
}
