import HoshinText

/// How the server learns who is asking (spec §11).
public enum AuthMode: String, Sendable, CaseIterable {
    /// Everyone is trusted; allowed on a loopback address only.
    case none
    /// The identity comes from a header set by an authenticating reverse proxy.
    case header
}

/// What the server does with git after an accepted write (spec §11).
public enum GitMode: String, Sendable, CaseIterable {
    /// No git at all.
    case off
    /// One commit per accepted write, holding only the touched files.
    case commit
    /// Commit, with a fetch and fast-forward before and a push after.
    case push
}

/// Why the server refuses to start.
public struct ServerConfigurationError: Error, Sendable, CustomStringConvertible {
    /// One clear line for stderr.
    public let description: String
}

/// Everything `hoshin serve` was told on the command line.
public struct ServerConfiguration: Sendable {
    /// The plan repository folder.
    public var folder: String
    /// The address to bind.
    public var host: String
    /// The port to bind; 0 picks a free one (tests).
    public var port: Int
    /// How identities are taken.
    public var auth: AuthMode
    /// The header that carries the identity under `--auth header`.
    public var authHeader: String
    /// Addresses whose identity header is believed.
    public var trustedProxies: [String]
    /// What happens in git after a write.
    public var git: GitMode
    /// The remote for `--git push`.
    public var remote: String
    /// The language of the pages and messages when `--lang` or `HOSHIN_LANG` chose one;
    /// nil follows the repository's `language` (read again with `hoshin.yaml`).
    public var language: Language?

    /// Creates a configuration with the defaults of spec §11.
    public init(folder: String, host: String = "127.0.0.1", port: Int = 8080, auth: AuthMode = .none,
                authHeader: String = "X-Forwarded-Email", trustedProxies: [String] = ["127.0.0.1", "::1"],
                git: GitMode = .off, remote: String = "origin", language: Language? = nil) {
        self.folder = folder
        self.host = host
        self.port = port
        self.auth = auth
        self.authHeader = authHeader
        self.trustedProxies = trustedProxies
        self.git = git
        self.remote = remote
        self.language = language
    }

    /// Whether `address` is a loopback address (`127.0.0.0/8`, `::1`, `localhost`).
    public static func isLoopback(_ address: String) -> Bool {
        let plain = address.trimmingCharacters(in: ["[", "]"])
        return plain == "::1" || plain == "localhost" || plain.hasPrefix("127.") || plain == "::ffff:127.0.0.1"
    }

    /// Refuses the combinations spec §11 forbids: `--auth none` off loopback.
    public func validate() throws {
        if auth == .none, !Self.isLoopback(host) {
            throw ServerConfigurationError(description:
                "--auth none is allowed only on a loopback address (127.0.0.1 or ::1), not \(host); use --auth header behind an authenticating proxy")
        }
        guard (0...65535).contains(port) else {
            throw ServerConfigurationError(description: "port \(port) is not between 0 and 65535")
        }
    }

    /// Parses `ADDR:PORT` (`[::1]:8080` for IPv6).
    public static func parseBind(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = String(text[..<colon])
        guard let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port), !host.isEmpty else { return nil }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host, port)
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
