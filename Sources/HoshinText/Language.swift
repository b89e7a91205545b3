/// A language Hoshin writes for people: Swedish, Danish or English.
public enum Language: String, Sendable, CaseIterable, Codable {
    case sv, da, en

    /// Reads a language code or a POSIX locale name: `sv`, `da-DK`, `sv_SE.UTF-8`, `en_GB`.
    ///
    /// `C` and `POSIX` and every other language give nil.
    public init?(code: String) {
        let lowered = code.lowercased()
        let stem = lowered.prefix { $0.isLetter }
        switch stem {
        case "sv", "swedish", "svenska": self = .sv
        case "da", "danish", "dansk": self = .da
        case "en", "english": self = .en
        default: return nil
        }
    }

    /// The language of the process locale: `LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them.
    public static func ofLocale(_ environment: [String: String]) -> Language? {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            // The first variable that is set decides, even when it names another language.
            return Language(code: value)
        }
        return nil
    }

    /// The language `HOSHIN_LANG` asks for, if it names one.
    public static func ofOverride(_ environment: [String: String]) -> Language? {
        environment["HOSHIN_LANG"].flatMap { Language(code: $0) }
    }

    /// The language of one run (spec §7): `--lang`, then `HOSHIN_LANG`, then the repository's
    /// `language`; before `hoshin.yaml` is read (`repository` nil), the process locale, then English.
    public static func resolve(flag: Language?, environment: [String: String], repository: Language?) -> Language {
        flag ?? ofOverride(environment) ?? repository ?? ofLocale(environment) ?? .en
    }
}
