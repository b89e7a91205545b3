import HoshinText

/// Writes values as YAML scalars: plain when that reads back as the same text,
/// double-quoted when it would not.
public enum ScalarWriter {
    /// Where the scalar goes: flow collections forbid more characters in plain scalars.
    public enum Context: Sendable {
        case block, flow
    }

    /// The scalar for `text`: plain if safe, else double-quoted.
    public static func scalar(_ text: String, context: Context = .block) -> String {
        isSafePlain(text, context: context) ? text : doubleQuoted(text)
    }

    /// The scalar for `text` in the style of an existing scalar when that style can hold it.
    public static func scalar(_ text: String, like style: ExistingStyle, context: Context = .block) -> String {
        switch style {
        case .singleQuoted where !text.contains(where: \.isNewline) && text.unicodeScalars.allSatisfy(writesAsIs):
            return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
        case .doubleQuoted:
            return doubleQuoted(text)
        default:
            return scalar(text, context: context)
        }
    }

    /// The quoting of a scalar already in the file.
    public enum ExistingStyle: Sendable {
        case plain, singleQuoted, doubleQuoted, block
    }

    static let indicators: Set<Character> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">",
                                             "'", "\"", "%", "@", "`"]
    /// Words YAML 1.1 or 1.2 readers give a meaning: bools, null, and YAML 1.1's merge key
    /// `<<` and value key `=` (PyYAML cannot construct those as plain values).
    static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "", "<<", "="]

    /// True when `text` written plain reads back as the same string (not a number, bool, date or null).
    public static func isSafePlain(_ text: String, context: Context = .block) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        if first == " " || last == " " || first == "\t" || last == "\t" { return false }
        if indicators.contains(first) { return false }
        if text.contains(where: { $0.isNewline || $0 == "\t" }) { return false }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return false }
        // YAML 1.1 readers (PyYAML) end a plain scalar in flow style at any of these.
        if context == .flow, text.contains(where: { ",[]{}?:#".contains($0) }) { return false }
        if reserved.contains(text.lowercased()) { return false }
        if looksNumeric(text) || looksLikeDate(text) { return false }
        if !text.unicodeScalars.allSatisfy(writesAsIs) { return false }
        return true
    }

    /// Numbers in any YAML 1.1/1.2 spelling: 12, -3.5, 1e3, 0x1F, 0o7, .inf, 1_000, 12:30 (sexagesimal).
    static func looksNumeric(_ text: String) -> Bool {
        let lower = text.lowercased()
        if [".inf", "+.inf", "-.inf", ".nan"].contains(lower) { return true }
        let unsigned = lower.hasPrefix("+") || lower.hasPrefix("-") ? String(lower.dropFirst()) : lower
        if unsigned.hasPrefix("0x") || unsigned.hasPrefix("0o") || unsigned.hasPrefix("0b") { return true }
        let allowed = Set("0123456789+-._e:")
        return lower.contains(where: \.isNumber) && lower.allSatisfy { allowed.contains($0) }
    }

    /// Dates and timestamps: 2026-05-02, 2026-05-02T10:00.
    static func looksLikeDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 8 else { return false }
        let digit = { (b: UInt8) in b >= 48 && b <= 57 }
        return digit(bytes[0]) && digit(bytes[1]) && digit(bytes[2]) && digit(bytes[3]) && bytes[4] == UInt8(ascii: "-")
    }

    /// True when a character may stand as it is inside a one-line scalar: YAML's printable
    /// set less what libyaml reads as a line break (NEL, U+2028, U+2029) or refuses inside a
    /// stream (the byte-order mark). Control characters (C0 but tab, DEL, C1), surrogates and
    /// U+FFFE/U+FFFF are not printable; a file holding one does not parse (found by fuzzing).
    public static func writesAsIs(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20...0x7E: true
        case 0x2028, 0x2029: false
        case 0xA0...0xD7FF, 0x10000...0x10FFFF: true
        case 0xE000...0xFFFD: scalar.value != 0xFEFF
        default: false
        }
    }

    /// A double-quoted scalar with YAML escapes.
    public static func doubleQuoted(_ text: String) -> String {
        Escape.yamlDoubleQuoted(text, writesAsIs: writesAsIs)
    }

    /// A number written plain: whole numbers without a fraction, else the shortest exact form,
    /// with a fraction before any exponent (`1.0e-07`) so YAML 1.1 readers read a float too.
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let text = String(value)
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), !text[..<e].contains(".") {
            return text[..<e] + ".0" + text[e...]
        }
        return text
    }
}
