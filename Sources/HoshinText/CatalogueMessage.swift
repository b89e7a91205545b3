/// A catalogue text with its values, written out in a language only when it is read.
///
/// The rules that fire by the ten thousand (stale and overdue activities) report this
/// instead of an English sentence: nothing then has to be matched against the catalogue to
/// translate it, and no sentence is kept in memory until it is printed. The values are
/// given as the English text would show them, in the order their placeholders first
/// appear in the English text; `{x:n}` values are localised and `{x:t}` fragments
/// translated exactly as when an English message is translated.
public struct CatalogueMessage: Sendable {
    /// The catalogue text.
    public let template: MessageTemplate
    /// The values in one string, each as its length in UTF-8 bytes, `:` and its text
    /// (`6:akt-1224:last reported 2026-05-022:45`): one allocation at most instead of an
    /// array and a string a value, across tens of thousands of diagnostics.
    private let packed: String

    /// The values in one string (each as its length, `:` and its text): two messages of
    /// one template have the same values exactly when these are equal.
    public var packedValues: String { packed }

    /// The placeholder values, in the order of the English text's placeholders.
    public var values: [String] {
        var values: [String] = []
        values.reserveCapacity(template.names.count)
        var packed = packed
        packed.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                var length = 0
                while index < bytes.count, bytes[index] != UInt8(ascii: ":") {
                    length = length * 10 + Int(bytes[index] &- UInt8(ascii: "0"))
                    index += 1
                }
                index += 1
                let end = min(bytes.count, index + length)
                values.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self))
                index = end
            }
        }
        return values
    }

    /// The message with `values` in the order of the English text's placeholders.
    public init(template: MessageTemplate, values: [String]) {
        precondition(values.count == template.names.count, "'\(template.id)' takes \(template.names.count) values")
        self.template = template
        var total = 0
        for value in values {
            let count = value.utf8.count
            total += Self.digits(count) + 1 + count
        }
        packed = String(unsafeUninitializedCapacity: total) { buffer in
            var at = 0
            for var value in values {
                let count = value.utf8.count
                var remaining = count
                let digits = Self.digits(count)
                for place in stride(from: digits - 1, through: 0, by: -1) {
                    buffer[at + place] = UInt8(ascii: "0") + UInt8(remaining % 10)
                    remaining /= 10
                }
                at += digits
                buffer[at] = UInt8(ascii: ":")
                at += 1
                value.withUTF8 { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[at..<(at + count)]).initialize(from: bytes)
                }
                at += count
            }
            return at
        }
    }

    /// How many decimal digits `count` takes (at least one).
    private static func digits(_ count: Int) -> Int {
        var digits = 1
        var rest = count / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        return digits
    }

    /// The message in a language.
    public func text(_ language: Language) -> String {
        template.render(values, language)
    }
}

/// A catalogue entry ready to be filled in: its placeholders in English order and its
/// parsed text in every language. Make one per id, once (a `static let`).
public final class MessageTemplate: Sendable {
    /// The entry's id.
    public let id: String
    let names: [String]
    let kinds: [Template.Kind]
    /// Per language (in `Language.allCases` order), the text as literal pieces and indexes of values.
    let pieces: [[Piece]]

    enum Piece: Sendable {
        case literal(String)
        case value(Int)
    }

    /// The entry `id` of the catalogue; a missing id stops the program at its first use
    /// (every rule that uses one fires in its own example, so a wrong id fails the tests).
    public init(_ id: String) {
        guard let entry = Catalogue.entry(id) else { preconditionFailure("no catalogue entry '\(id)'") }
        self.id = id
        var names: [String] = []
        var kinds: [Template.Kind] = []
        for piece in Template(entry.en).pieces {
            guard case .placeholder(let name, let kind) = piece, !names.contains(name) else { continue }
            names.append(name)
            kinds.append(kind)
        }
        self.names = names
        self.kinds = kinds
        pieces = Language.allCases.map { language in
            Template(entry.text(language)).pieces.compactMap { piece -> Piece? in
                switch piece {
                case .literal(let bytes): return .literal(String(decoding: bytes, as: UTF8.self))
                case .placeholder(let name, _): return names.firstIndex(of: name).map(Piece.value)
                }
            }
        }
    }

    /// The message with `values` in the order of the English text's placeholders.
    public func callAsFunction(_ values: String...) -> CatalogueMessage {
        CatalogueMessage(template: self, values: values)
    }

    /// The text in a language with the values filled in.
    func render(_ values: [String], _ language: Language) -> String {
        let languageIndex = language == .sv ? 0 : language == .da ? 1 : 2
        var out = ""
        for piece in pieces[languageIndex] {
            switch piece {
            case .literal(let text):
                out += text
            case .value(let index):
                guard index < values.count else { continue }
                // English is what the values already are; other languages localise them.
                out += language == .en ? values[index]
                    : Catalogue.render(kinds[index], values[index], language) ?? values[index]
            }
        }
        return out
    }
}
