import ArgumentParser
import Foundation
import HoshinRepository
import HoshinServer
import HoshinText
import Synchronization

extension AuthMode: ExpressibleByArgument {}
extension GitMode: ExpressibleByArgument {}

/// `hoshin serve`: parses the options and starts the web application (spec §11).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the plans to a browser: live status, reporting forms and a JSON API.",
        discussion: """
        Pages: / (status tree), /units/ID, /units/ID/report. API: GET /api/status, GET /api/validate, \
        POST /api/report, POST /api/measure. --auth none (the default) is allowed only on a loopback \
        address; behind an authenticating proxy use --auth header. Each accepted write becomes one \
        git commit when the folder is in a git work tree (--git commit). See docs/serve.md.
        """)

    @Argument(help: "The plan repository folder.")
    var directory: String = "plans"

    @Option(help: "Address and port to listen on, ADDR:PORT.")
    var bind: String = "127.0.0.1:8080"

    @Option(help: "Identity: none (loopback only) or header (from an authenticating proxy).")
    var auth: AuthMode = .none

    @Option(name: .customLong("auth-header"), help: "The header that carries the person's e-mail address.")
    var authHeader: String = "X-Forwarded-Email"

    @Option(name: .customLong("trusted-proxy"), help: "An address whose identity header is believed (repeatable; default loopback).")
    var trustedProxies: [String] = []

    @Option(help: "Git records: off, commit or push (default: commit inside a git work tree, else off).")
    var git: GitMode?

    @Option(help: "The remote for --git push.")
    var remote: String = "origin"

    @OptionGroup var language: LanguageOption

    func run() throws {
        guard let (host, port) = ServerConfiguration.parseBind(bind) else {
            throw CommandFailure("--bind must be ADDR:PORT, such as 127.0.0.1:8080, not '\(bind)'")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
              FileManager.default.fileExists(atPath: directory + "/hoshin.yaml") else {
            throw CommandFailure("no plan repository at '\(directory)' (a folder with hoshin.yaml)")
        }
        let gitMode = git ?? (ServerGit.isWorkTree(directory) ? .commit : .off)
        let configuration = ServerConfiguration(
            folder: directory, host: host, port: port, auth: auth, authHeader: authHeader,
            trustedProxies: trustedProxies.isEmpty ? ["127.0.0.1", "::1"] : trustedProxies, git: gitMode, remote: remote,
            // --lang, then HOSHIN_LANG; without either the pages follow hoshin.yaml's language,
            // read again whenever it changes.
            language: language.lang ?? Language.ofOverride(ProcessInfo.processInfo.environment))
        do {
            try configuration.validate()
        } catch let error as ServerConfigurationError {
            throw CommandFailure(error.description)
        }
        let server = HoshinServer(configuration: configuration)
        let failure = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run { port in
                    FileHandle.standardError.write(Data("hoshin: serving \(directory) at http://\(host.contains(":") ? "[\(host)]" : host):\(port)/ (auth \(configuration.auth.rawValue), git \(gitMode.rawValue))\n".utf8))
                }
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
            done.signal()
        }
        done.wait()
        if let message = failure.withLock({ $0 }) { throw CommandFailure("serve stopped: \(message)") }
    }
}
