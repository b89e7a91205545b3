import Foundation
import HoshinTestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HoshinModel
@testable import HoshinServer
import Synchronization

/// A real `hoshin serve` on an ephemeral port over a copy of a fixture repository that
/// is its own git repository; and a small HTTP client for it.
final class TestServer: Sendable {
    let folder: URL
    let port: Int
    let task: Task<Void, any Error>
    let log: LogLines

    /// What a response came to.
    struct Answer {
        let status: Int
        let headers: [String: String]
        let body: String

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        }

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    /// The server's write log.
    final class LogLines: Sendable {
        let lines = Mutex<[String]>([])
        init() {}
    }

    /// The log lines so far.
    var logLines: [String] { log.lines.withLock { $0 } }

    private init(folder: URL, port: Int, task: Task<Void, any Error>, log: LogLines) {
        self.folder = folder
        self.port = port
        self.task = task
        self.log = log
    }

    /// Copies `Tests/Fixtures/serve/plans`, commits it, and starts the server.
    static func start(auth: AuthMode = .none, trustedProxies: [String] = ["127.0.0.1", "::1"],
                      git: GitMode = .commit, language: Language? = nil,
                      prepare: (URL) throws -> Void = { _ in }) async throws -> TestServer {
        let folder = try Fixtures.copy(Fixtures.root.appendingPathComponent("serve/plans"))
        for arguments in [["init", "-q", "-b", "main"], ["config", "user.name", "Lokal Användare"],
                          ["config", "user.email", "lokal@example.se"], ["add", "-A"], ["commit", "-q", "-m", "Plans"]] {
            _ = Self.git(folder, arguments)
        }
        try prepare(folder)
        let lines = LogLines()
        var configuration = ServerConfiguration(folder: folder.path, host: "127.0.0.1", port: 0, auth: auth,
                                                trustedProxies: trustedProxies, git: git, language: language)
        configuration.port = 0
        let server = HoshinServer(configuration: configuration, clock: ServerClock(fixed: PlanDate(year: 2026, month: 11, day: 15)!),
                                  log: { line in lines.lines.withLock { $0.append(line) } })
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task {
            try await server.run(signals: false) { port in continuation.yield(port) }
        }
        var port = 0
        for await bound in stream { port = bound; break }
        return TestServer(folder: folder, port: port, task: task, log: lines)
    }

    func stop() {
        task.cancel()
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    @discardableResult
    static func git(_ folder: URL, _ arguments: [String]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try? process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func git(_ arguments: [String]) -> String { Self.git(folder, arguments) }

    /// The text of a plan file.
    func file(_ relative: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        return URLSession(configuration: configuration)
    }()

    /// One request; `headers` are sent as given.
    func request(_ method: String, _ path: String, body: [UInt8]? = nil, headers: [String: String] = [:]) async throws -> Answer {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.httpShouldHandleCookies = false
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body) }
        let (data, response) = try await Self.session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields { fields["\(key)"] = "\(value)" }
        return Answer(status: http.statusCode, headers: fields, body: String(decoding: data, as: UTF8.self))
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> Answer {
        try await request("GET", path, headers: headers)
    }

    /// A JSON POST to the API.
    func post(_ path: String, json: String, headers: [String: String] = [:]) async throws -> Answer {
        var all = ["Content-Type": "application/json"]
        all.merge(headers) { $1 }
        return try await request("POST", path, body: Array(json.utf8), headers: all)
    }

    /// A form POST with the cookie header given.
    func postForm(_ path: String, fields: [(String, String)], cookie: String?, headers: [String: String] = [:]) async throws -> Answer {
        var all = ["Content-Type": "application/x-www-form-urlencoded"]
        if let cookie { all["Cookie"] = cookie }
        all.merge(headers) { $1 }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await request("POST", path, body: Array(body.utf8), headers: all)
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed)!
    }

    /// The hidden inputs of a page (name → value), HTML entities undone.
    static func hiddenFields(_ html: String) -> [(String, String)] {
        let pattern = try! NSRegularExpression(pattern: "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).map { match in
            (unescape(String(html[Range(match.range(at: 1), in: html)!])), unescape(String(html[Range(match.range(at: 2), in: html)!])))
        }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#10;", with: "\n").replacingOccurrences(of: "&amp;", with: "&")
    }
}
