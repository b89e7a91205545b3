import HoshinModel
import HoshinYAML

/// The keys of one YAML mapping, read once, with unknown keys already reported.
struct Fields {
    /// The mapping node.
    let node: YAMLNode.ID
    /// (key text, key node, value node) in source order; the first of duplicate keys wins.
    let list: [(name: String, key: YAMLNode.ID, value: YAMLNode.ID)]
    /// What the mapping is, for messages ("a goal").
    let what: String

    /// The key and value nodes of `key`, if present (mappings are small: a linear scan).
    func entry(_ key: String) -> (key: YAMLNode.ID, value: YAMLNode.ID)? {
        for item in list where item.name == key { return (item.key, item.value) }
        return nil
    }

    func value(_ key: String) -> YAMLNode.ID? { entry(key)?.value }
    func has(_ key: String) -> Bool { entry(key) != nil }
}

/// Reads typed values out of YAML nodes, collecting schema problems as diagnostics.
///
/// Every accessor reports what is wrong and returns nil; none throws or stops.
struct NodeReader {
    let document: YAMLDocument
    let file: String
    /// The file's bytes, for checks that look past a node (a comment after a value).
    let source: SourceText?
    var diagnostics: [Diagnostic] = []

    /// Keys whose values are free text, where ` #` in a plain value is almost always a cut.
    static let freeTextKeys: Set<String> = ["name", "title", "owner", "note", "problem", "cause", "action", "result"]

    init(document: YAMLDocument, file: String, source: SourceText? = nil) {
        self.document = document
        self.file = file
        self.source = source
    }

    /// Reports a plain free-text value that a ` #` later on its line cut short.
    mutating func checkCutByComment(_ key: String, at id: YAMLNode.ID) {
        guard Self.freeTextKeys.contains(key), let source, document[id].kind == .scalar,
              document[id].style == .plain else { return }
        let bytes = source.bytes
        var i = document[id].end
        guard i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 else { return }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        guard i < bytes.count, bytes[i] == 0x23 else { return }
        let hash = i
        var end = hash + 1
        var hasText = false
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D {
            if bytes[end] != 0x20, bytes[end] != 0x09 { hasText = true }
            end += 1
        }
        guard hasText else { return }
        let value = document.string(id)
        let comment = String(decoding: bytes[hash..<end], as: UTF8.self)
        var whole = value + " " + comment
        while whole.last == " " { whole.removeLast() }
        let quoted = whole.contains("\"") || whole.contains("\\")
            ? "'" + whole.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
            : "\"" + whole + "\""
        report(RuleID.valueCutByComment, range: ByteRange(start: hash, end: end),
               "'\(key)' ends at '\(value)': YAML reads ' #' and the rest of the line as a comment; if it belongs to the text, put it all in quotes: \(quoted)")
    }

    func range(_ id: YAMLNode.ID) -> ByteRange {
        let node = document[id]
        return ByteRange(start: node.start, end: node.end)
    }

    mutating func report(_ rule: String, at id: YAMLNode.ID, _ message: String) {
        diagnostics.append(Diagnostic(file: file, range: range(id), severity: .error, rule: rule, message: message))
    }

    mutating func report(_ rule: String, range: ByteRange, _ message: String) {
        diagnostics.append(Diagnostic(file: file, range: range, severity: .error, rule: rule, message: message))
    }

    /// True for an empty or null plain scalar (`key:` with nothing, `~`, `null`).
    func isNull(_ id: YAMLNode.ID) -> Bool {
        let resolved = document.resolved(id)
        let node = document[resolved]
        guard node.kind == .scalar, node.style == .plain else { return false }
        if document.scalar(resolved, equals: "") { return true }
        return document.scalar(resolved, equals: "~") || document.scalar(resolved, equals: "null")
            || document.scalar(resolved, equals: "Null") || document.scalar(resolved, equals: "NULL")
    }

    static func kindName(_ node: YAMLNode) -> String {
        switch node.kind {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar, .alias: node.style == .plain ? "a plain value" : "a quoted text"
        }
    }

    /// The keys of a mapping node, reporting any key not in `known`.
    mutating func fields(_ id: YAMLNode.ID, what: String, known: [String]) -> Fields? {
        let resolved = document.resolved(id)
        let node = document[resolved]
        guard node.kind == .mapping else {
            report(RuleID.invalidType, at: id, "\(what) must be a mapping of keys and values, not \(Self.kindName(node))")
            return nil
        }
        var list: [(name: String, key: YAMLNode.ID, value: YAMLNode.ID)] = []
        list.reserveCapacity(document.children(of: resolved).count / 2)
        for (key, value) in document.pairs(of: resolved) {
            // An alias as a key is reported by the parser (invalid-type); nothing more here.
            if document[key].kind == .alias { continue }
            let keyNode = document[document.resolved(key)]
            guard keyNode.kind == .scalar else {
                report(RuleID.invalidType, at: key, "a key in \(what) must be a plain word, not \(Self.kindName(keyNode))")
                continue
            }
            let name = document.string(document.resolved(key))
            guard known.contains(name) else {
                report(RuleID.unknownKey, at: key,
                       "unknown key '\(name)' in \(what)\(Suggestion.hint(for: name, in: known))")
                continue
            }
            if !list.contains(where: { $0.name == name }) { list.append((name, key, value)) }
        }
        return Fields(node: resolved, list: list, what: what)
    }

    /// Reports a required key that is absent (or has no value).
    mutating func missing(_ key: String, in fields: Fields) {
        if let entry = fields.entry(key) {
            report(RuleID.missingField, at: entry.key, "'\(key)' in \(fields.what) has no value")
        } else {
            let node = document[fields.node]
            let firstKeyEnd = document.children(of: fields.node).first.map { document[$0].end } ?? node.end
            report(RuleID.missingField, range: ByteRange(start: node.start, end: firstKeyEnd),
                   "\(fields.what) needs '\(key)'")
        }
    }

    /// A text value (any scalar). Nil when absent, null, or not a scalar.
    mutating func text(_ key: String, in fields: Fields, required: Bool = false) -> Located<String>? {
        guard let id = fields.value(key), !isNull(id) else {
            if required { missing(key, in: fields) }
            return nil
        }
        let resolved = document.resolved(id)
        let node = document[resolved]
        guard node.kind == .scalar else {
            report(RuleID.invalidType, at: id, "'\(key)' in \(fields.what) must be text, not \(Self.kindName(node))")
            return nil
        }
        let value = document.string(resolved)
        if resolved == id { checkCutByComment(key, at: id) }
        if required, value.allSatisfy({ $0 == " " }) {
            missing(key, in: fields)
            return nil
        }
        return Located(value, range: range(id))
    }

    /// An id matching `[a-z0-9][a-z0-9_-]*`.
    mutating func identifier(_ key: String, in fields: Fields, required: Bool = true) -> Located<String>? {
        guard let text = text(key, in: fields, required: required) else { return nil }
        guard Self.isIdentifier(text.value) else {
            report(RuleID.invalidValue, range: text.range,
                   "'\(text.value)' is not a valid id: use lower-case a–z, 0–9, '-' and '_' (å, ä, ö belong in titles)")
            return nil
        }
        return text
    }

    static func isIdentifier(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, isLowerAlnum(first) else { return false }
        return bytes.dropFirst().allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    static func isLowerAlnum(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// Powers of ten a Double holds exactly.
    static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Parses a plain YAML number (decimal or exponent form).
    ///
    /// Plain decimals of at most 15 digits (`18.3`, `-4`, `140`) are read without
    /// `strtod`: the digits as a whole number divided by an exact power of ten is the
    /// correctly rounded value, the same Double `strtod` gives.
    static func parseNumber(_ text: String) -> Double? {
        var copy = text
        if let fast = copy.withUTF8({ fastNumber($0) }) { return fast }
        return slowParseNumber(text)
    }

    /// The fast path of `parseNumber`, or nil to fall back to `strtod`.
    static func fastNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: Int64 = 0
        var digits = 0
        var fraction = -1
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 48, byte <= 57 {
                mantissa = mantissa * 10 + Int64(byte - 48)
                digits += 1
                if fraction >= 0 { fraction += 1 }
                if digits > 15 { return nil }
            } else if byte == UInt8(ascii: "."), fraction < 0 {
                fraction = 0
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        let value = Double(mantissa) / exactPowersOfTen[max(0, fraction)]
        return negative ? -value : value
    }

    static func slowParseNumber(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 43 || $0 == 45 || $0 == 46 || $0 == 101 || $0 == 69 }),
              text.utf8.contains(where: { $0 >= 48 && $0 <= 57 }),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// A number written plain.
    mutating func number(_ key: String, in fields: Fields, required: Bool = false) -> Located<Double>? {
        guard let id = fields.value(key), !isNull(id) else {
            if required { missing(key, in: fields) }
            return nil
        }
        return number(at: id, name: "'\(key)' in \(fields.what)")
    }

    /// A number at a node, or a diagnostic naming it `name` (made only when needed).
    mutating func number(at id: YAMLNode.ID, name: @autoclosure () -> String) -> Located<Double>? {
        let resolved = document.resolved(id)
        let node = document[resolved]
        if node.kind == .scalar, node.style == .plain, let value = document.withValueBytes(resolved, Self.fastNumber) {
            return Located(value, range: range(id))
        }
        let text = document.string(resolved)
        if node.kind == .scalar, node.style == .plain, let value = Self.parseNumber(text) {
            return Located(value, range: range(id))
        }
        var message = "\(name()) must be a number"
        if node.kind != .scalar {
            message += ", not \(Self.kindName(node))"
        } else if node.style != .plain, Self.parseNumber(text) != nil {
            message += "; remove the quotes"
        } else if Self.parseNumber(String(text.map { $0 == "," ? "." : $0 })) != nil {
            message += "; write a decimal point, not a comma"
        } else {
            message += ", not '\(text)'"
        }
        report(RuleID.invalidType, at: id, message)
        return nil
    }

    /// A whole number.
    mutating func integer(_ key: String, in fields: Fields, required: Bool = false) -> Located<Int>? {
        guard let number = number(key, in: fields, required: required) else { return nil }
        guard number.value.rounded() == number.value, abs(number.value) < 1e15 else {
            report(RuleID.invalidType, range: number.range, "'\(key)' in \(fields.what) must be a whole number")
            return nil
        }
        return Located(Int(number.value), range: number.range)
    }

    /// A `YYYY-MM-DD` date.
    mutating func date(_ key: String, in fields: Fields) -> Located<PlanDate>? {
        guard let text = text(key, in: fields) else { return nil }
        guard let date = PlanDate(text.value) else {
            report(RuleID.invalidDate, range: text.range,
                   "'\(text.value)' is not a date; write YYYY-MM-DD, e.g. 2026-03-31")
            return nil
        }
        return Located(date, range: text.range)
    }

    /// One of a closed list of values.
    mutating func choice<Value: RawRepresentable & CaseIterable & Sendable>(
        _ key: String, in fields: Fields, as type: Value.Type, required: Bool = false
    ) -> Located<Value>? where Value.RawValue == String {
        guard let text = text(key, in: fields, required: required) else { return nil }
        if let value = Value(rawValue: text.value) { return Located(value, range: text.range) }
        let allowed = Value.allCases.map(\.rawValue)
        report(RuleID.invalidValue, range: text.range,
               "'\(text.value)' is not a valid \(key) (\(allowed.joined(separator: " | ")))\(Suggestion.hint(for: text.value, in: allowed))")
        return nil
    }

    /// The items of a list; nil or null gives an empty list.
    mutating func list(_ key: String, in fields: Fields) -> [YAMLNode.ID] {
        guard let id = fields.value(key), !isNull(id) else { return [] }
        let resolved = document.resolved(id)
        let node = document[resolved]
        guard node.kind == .sequence else {
            report(RuleID.invalidType, at: id, "'\(key)' in \(fields.what) must be a list (lines starting with '- '), not \(Self.kindName(node))")
            return []
        }
        return Array(document.children(of: resolved))
    }

    /// A list of words (perspectives, e-mail addresses); items that are not scalars are reported.
    mutating func words(_ key: String, in fields: Fields, what: String) -> [String] {
        var words: [String] = []
        for item in list(key, in: fields) {
            let node = document[document.resolved(item)]
            if node.kind == .scalar, !isNull(item) {
                words.append(document.string(document.resolved(item)))
            } else {
                report(RuleID.invalidType, at: item, "\(what) must be a word, not \(Self.kindName(node))")
            }
        }
        return words
    }

    /// A positive weight, default 1.
    mutating func weight(in fields: Fields) -> Double {
        guard let weight = number("weight", in: fields) else { return 1 }
        guard weight.value > 0 else {
            report(RuleID.invalidValue, range: weight.range, "weight must be greater than 0")
            return 1
        }
        return weight.value
    }
}
