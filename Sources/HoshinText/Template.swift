/// A catalogue text with named placeholders: `unknown key '{key}' in {what:t}{hint:t?}`.
///
/// Placeholder kinds: `{name}` is copied as it is (ids, file names, a person's text);
/// `{name:n}` is a number, written with a decimal point in English and a decimal comma in sv
/// and da; `{name:t}` is a smaller catalogue text (a fragment such as "a goal"), translated too;
/// `{name:t?}` is such a fragment or nothing.
public struct Template: Sendable, Hashable {
    /// What a placeholder holds.
    public enum Kind: String, Sendable, Hashable {
        case text = "", number = "n", fragment = "t", optionalFragment = "t?"
    }

    /// A piece of a template.
    public enum Piece: Sendable, Hashable {
        case literal([UInt8])
        case placeholder(name: String, kind: Kind)
    }

    /// The pieces in order; two literals never follow each other.
    public let pieces: [Piece]

    /// Parses a template; `{{` and `}}` are not needed by any text and not supported.
    public init(_ source: String) {
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        var index = source.startIndex
        while index < source.endIndex {
            let character = source[index]
            if character == "{", let close = source[index...].firstIndex(of: "}") {
                let inside = source[source.index(after: index)..<close]
                let parts = inside.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(parts[0])
                let kind = parts.count > 1 ? Kind(rawValue: String(parts[1])) : .text
                if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), let kind {
                    if !literal.isEmpty { pieces.append(.literal(literal)) }
                    literal = []
                    pieces.append(.placeholder(name: name, kind: kind))
                    index = source.index(after: close)
                    continue
                }
            }
            literal.append(contentsOf: character.utf8)
            index = source.index(after: index)
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    /// Every placeholder as `name:kind`, for the completeness test.
    public var placeholders: Set<String> {
        Set(pieces.compactMap {
            if case .placeholder(let name, let kind) = $0 { return "\(name):\(kind.rawValue)" }
            return nil
        })
    }

    /// Characters of literal text: the more, the more specific a template is.
    var literalLength: Int {
        pieces.reduce(0) { total, piece in
            if case .literal(let bytes) = piece { return total + String(decoding: bytes, as: UTF8.self).count }
            return total
        }
    }

    /// The first byte of the leading literal, used to pick candidate templates quickly.
    var leadingByte: UInt8? {
        if case .literal(let bytes)? = pieces.first { return bytes.first }
        return nil
    }

    /// The text with every placeholder replaced by its (already rendered) value.
    public func render(_ values: [String: String]) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .literal(let bytes): out += String(decoding: bytes, as: UTF8.self)
            case .placeholder(let name, _): out += values[name] ?? ""
            }
        }
        return out
    }

    /// Matches a whole text against the template. `value` checks and renders one captured
    /// placeholder (nil when it cannot be that placeholder); the first match, shortest captures
    /// first, wins. Texts are compared as UTF-8 bytes (cheap, and exact); a capture
    /// never ends inside a character.
    func match(_ text: [UInt8], value: (Kind, String) -> String?) -> [String: String]? {
        var values: [String: String] = [:]
        var steps = 0
        return match(text, from: 0, piece: 0, values: &values, steps: &steps, value: value) ? values : nil
    }

    private func match(_ text: [UInt8], from start: Int, piece: Int, values: inout [String: String],
                       steps: inout Int, value: (Kind, String) -> String?) -> Bool {
        steps += 1
        if steps > 20_000 { return false }
        guard piece < pieces.count else { return start == text.count }
        switch pieces[piece] {
        case .literal(let characters):
            guard text.count - start >= characters.count,
                  text[start..<start + characters.count].elementsEqual(characters) else { return false }
            return match(text, from: start + characters.count, piece: piece + 1, values: &values, steps: &steps, value: value)
        case .placeholder(let name, let kind):
            let isLast = piece == pieces.count - 1
            var nextLiteral: [UInt8]?
            if piece + 1 < pieces.count, case .literal(let characters) = pieces[piece + 1] { nextLiteral = characters }
            var end = isLast ? text.count : start
            while end <= text.count {
                if let nextLiteral {
                    // Only ends where the next literal follows.
                    guard let found = Self.find(nextLiteral, in: text, from: end) else { return false }
                    end = found
                }
                if end < text.count, text[end] & 0xC0 == 0x80 {
                    end += 1   // inside a character: not a place a capture can end
                    continue
                }
                if let rendered = value(kind, Self.string(text[start..<end])) {
                    values[name] = rendered
                    if match(text, from: end, piece: piece + 1, values: &values, steps: &steps, value: value) { return true }
                    values[name] = nil
                }
                end += 1
            }
            return false
        }
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    static func find(_ needle: [UInt8], in text: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        var index = start
        while index + needle.count <= text.count {
            if text[index] == needle[0], text[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
