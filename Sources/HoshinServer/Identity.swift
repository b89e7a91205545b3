import HoshinModel

/// Who is asking, as far as the server can tell (spec §11).
enum Identity: Sendable, Equatable {
    /// `--auth none`: everyone is trusted; writes are authored by the local git user.
    case anyone
    /// An e-mail address from the authenticating proxy's header.
    case person(String)

    /// The address, when there is one.
    var email: String? {
        if case .person(let email) = self { return email }
        return nil
    }

    /// For log lines.
    var logName: String { email ?? "local" }
}

/// Takes the identity from a request, or says why there is none.
struct IdentityResolver: Sendable {
    let mode: AuthMode
    let header: String
    let trustedProxies: Set<String>

    init(configuration: ServerConfiguration) {
        mode = configuration.auth
        header = configuration.authHeader
        trustedProxies = Set(configuration.trustedProxies.map(Self.normalise))
    }

    static func normalise(_ address: String) -> String {
        var plain = address.lowercased().trimmingCharacters(in: ["[", "]"])
        if plain.hasPrefix("::ffff:"), plain.contains(".") { plain = String(plain.dropFirst(7)) }
        if plain == "localhost" { return "127.0.0.1" }
        return plain
    }

    /// The identity; nil means 401. Under `--auth header` the header is believed only from
    /// a trusted proxy address; a request from anywhere else has no identity.
    func identity(headerValue: String?, remoteAddress: String?) -> Identity? {
        switch mode {
        case .none:
            return .anyone
        case .header:
            guard let remoteAddress, trustedProxies.contains(Self.normalise(remoteAddress)) else { return nil }
            guard let value = headerValue?.trimmingCharacters(in: [" ", "\t"]), !value.isEmpty,
                  value.count <= 320, value.contains("@"),
                  !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "<" || $0 == ">" || $0 == "," })
            else { return nil }
            return .person(value.lowercased())
        }
    }
}

/// Who may report which unit: `reporters` of the unit or an ancestor, or `admins`.
struct Authorization: Sendable {
    /// Whether `identity` may report `unitID` in `repository`.
    static func mayReport(_ identity: Identity, unit unitID: String, in repository: PlanRepository) -> Bool {
        guard let email = identity.email else { return identity == .anyone }
        let wanted = email.lowercased()
        if repository.settings.admins.contains(where: { $0.lowercased() == wanted }) { return true }
        for id in [unitID] + repository.ancestors(of: unitID) {
            if repository.unitsByID[id]?.reporters.contains(where: { $0.lowercased() == wanted }) == true { return true }
        }
        return false
    }
}
