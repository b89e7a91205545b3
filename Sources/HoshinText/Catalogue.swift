import Synchronization
/// One text of the catalogue: a stable id and the text in each language.
public struct Entry: Sendable {
    /// The stable id, such as `diag.unknown-key`.
    public let id: String
    /// English, Swedish and Danish.
    public let en: String, sv: String, da: String
    /// Whether English output produced elsewhere is matched against this text (messages,
    /// replies and fragments); words used only by id (report labels) are not.
    public let matches: Bool

    /// A text that English messages are matched against.
    public init(_ id: String, en: String, sv: String, da: String) {
        self.init(id, en: en, sv: sv, da: da, matches: true)
    }

    init(_ id: String, en: String, sv: String, da: String, matches: Bool) {
        self.id = id
        self.en = en
        self.sv = sv
        self.da = da
        self.matches = matches
    }

    /// A word or label used only by its id.
    public static func word(_ id: String, en: String, sv: String, da: String) -> Entry {
        Entry(id, en: en, sv: sv, da: da, matches: false)
    }

    /// The text in a language.
    public func text(_ language: Language) -> String {
        switch language {
        case .sv: sv
        case .da: da
        case .en: en
        }
    }
}

/// Every text Hoshin shows a person, in sv, da and en, keyed by stable ids.
///
/// Two ways in: by id (`text(_:_:_:)`, for renderers and replies), and by matching the English
/// text a lower layer produced (`translate(_:to:)`: diagnostics and update replies are built
/// in English where they arise and translated where they are printed, so every layer stays
/// free of a language parameter).
public enum Catalogue {
    /// All entries, in the order of their tables.
    public static let entries: [Entry] =
        diagnosticEntries + yamlEntries + fragmentEntries + commandEntries + chartEntries + labelEntries + reviewEntries + serverEntries
        + sheetEntries

    static let byID: [String: Entry] = {
        var table: [String: Entry] = [:]
        for entry in entries where table[entry.id] == nil { table[entry.id] = entry }
        return table
    }()

    /// A matchable entry with its parsed English template and its template per language.
    final class Matcher: Sendable {
        let entry: Entry
        let english: Template
        let rendered: [Language: Template]

        init(_ entry: Entry) {
            self.entry = entry
            english = Template(entry.en)
            rendered = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, Template(entry.text($0))) })
        }
    }

    /// Matchable entries, most specific first.
    /// (Ties keep the order of the tables, so an earlier entry wins over a later equal one.)
    static let matchers: [Matcher] = entries
        .filter(\.matches)
        .map(Matcher.init)
        .enumerated()
        .sorted { ($0.element.english.literalLength, -$0.offset) > ($1.element.english.literalLength, -$1.offset) }
        .map(\.element)

    /// Per first byte of a text, the matchers that can match it, in `matchers` order: those
    /// whose template starts with that byte, and those starting with a placeholder.
    static let candidatesByLead: [[Matcher]] = {
        // One pass over the matchers (in their order), each put in its first byte's list
        // or, when it starts with a placeholder, in every list.
        var lists = [[Matcher]](repeating: [], count: 256)
        for matcher in matchers {
            if let lead = matcher.english.leadingByte {
                lists[Int(lead)].append(matcher)
            } else {
                for byte in 0..<256 { lists[byte].append(matcher) }
            }
        }
        return lists
    }()

    /// The entry with an id.
    public static func entry(_ id: String) -> Entry? { byID[id] }

    /// The text of `id` in a language with its placeholders filled: `{x:n}` values are written
    /// with a decimal point and localised; `{x:t}` values are English fragments and translated.
    /// An unknown id gives the id itself (the completeness test keeps that from happening).
    public static func text(_ id: String, _ language: Language, _ arguments: [String: String] = [:]) -> String {
        guard let entry = byID[id] else { return id }
        let template = Template(entry.text(language))
        var values: [String: String] = [:]
        for piece in template.pieces {
            guard case .placeholder(let name, let kind) = piece, let raw = arguments[name] else { continue }
            values[name] = render(kind, raw, language) ?? raw
        }
        return template.render(values)
    }

    /// Longer texts are left as they are: matching is bounded, whatever a message quotes.
    static let longestTranslated = 2_000

    /// An English message in another language, when a catalogue text matches it whole;
    /// otherwise the message unchanged.
    public static func translate(_ english: String, to language: Language) -> String {
        guard language != .en else { return english }
        return translation(english, to: language) ?? english
    }

    /// Every line of a text translated on its own.
    public static func translateLines(_ text: String, to language: Language) -> String {
        guard language != .en else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { translate(String($0), to: language) }
            .joined(separator: "\n")
    }

    /// The id of the entry an English message matches, if any (for tests).
    public static func matchingID(_ english: String) -> String? {
        matching(english, to: .en)?.id
    }

    static func translation(_ english: String, to language: Language) -> String? {
        matching(english, to: language)?.text
    }

    static func matching(_ english: String, to language: Language) -> (id: String, text: String)? {
        guard english.utf8.count <= longestTranslated * 4, english.count <= longestTranslated else { return nil }
        let characters = Array(english.utf8)
        let candidates = candidatesByLead[Int(characters.first ?? 0x20)]
        for matcher in candidates {
            let values = matcher.english.match(characters) { kind, captured in
                render(kind, captured, language)
            }
            if let values, let target = matcher.rendered[language] {
                return (matcher.entry.id, target.render(values))
            }
        }
        return nil
    }

    /// One placeholder value in a language, or nil when the text cannot be that placeholder.
    static func render(_ kind: Template.Kind, _ value: String, _ language: Language) -> String? {
        switch kind {
        case .text:
            return value
        case .number:
            guard NumberText.isPlainNumber(value) else { return nil }
            return NumberText.localize(value, in: language)
        case .fragment:
            guard !value.isEmpty else { return nil }
            return fragment(value, language)
        case .optionalFragment:
            if value.isEmpty { return "" }
            return fragment(value, language)
        }
    }

    /// A fragment's translation, remembered: matching a message tries many candidate
    /// fragments ("a goal", "an indicator" …), and the same few recur in every message.
    static func fragment(_ english: String, _ language: Language) -> String? {
        let key = FragmentKey(text: english, language: language)
        if let known = fragmentMemo.withLock({ $0[key] }) { return known.translation }
        let translation = matching(english, to: language)?.text
        fragmentMemo.withLock { memo in
            if memo.count >= 4_096 { memo.removeAll(keepingCapacity: true) }
            memo[key] = FragmentTranslation(translation: translation)
        }
        return translation
    }

    struct FragmentKey: Hashable, Sendable {
        let text: String
        let language: Language
    }

    struct FragmentTranslation: Sendable {
        let translation: String?
    }

    static let fragmentMemo = Mutex<[FragmentKey: FragmentTranslation]>([:])
}
