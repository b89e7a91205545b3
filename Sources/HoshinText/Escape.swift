/// Text made safe for one output language: HTML, XML, CSS strings, YAML double-quoted
/// scalars, GitHub workflow commands and terminals (JSON: `HoshinOutput.JSONWriter`).
///
/// Every escaper walks the text's Unicode scalars once and writes each scalar as it is or as
/// its replacement (`map`); what differs between languages is only the table of replacements,
/// one function a language below.
public enum Escape {
    /// `text` with every scalar for which `replacement` gives a string replaced by it (the empty
    /// string drops the scalar). When `quick` says no UTF-8 byte of the text needs a look, the
    /// text is returned without a copy.
    public static func map(_ text: String, quick: ((UInt8) -> Bool)? = nil,
                           _ replacement: (Unicode.Scalar) -> String?) -> String {
        if let quick, !text.utf8.contains(where: quick) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) { out += replaced } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// A scalar's value in hexadecimal, at least `digits` long: `001b`, `000C`.
    public static func hex(_ scalar: Unicode.Scalar, digits: Int = 4, uppercase: Bool = false) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, digits - hex.count)) + hex
    }

    // MARK: HTML and XML

    /// HTML text and attribute values: `&`, `<`, `>`, `"` and `'`.
    public static func html(_ text: String) -> String {
        map(text, quick: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: nil
            }
        }
    }

    /// XML 1.0 text and attribute values: the five entities, line breaks and tabs as character
    /// references (so attributes keep them), and the characters XML cannot hold dropped.
    public static func xml(_ text: String) -> String {
        map(text, quick: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF }) {
            switch $0 {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&apos;"
            case "\n": "&#10;"
            case "\t": "&#9;"
            case "\r": "&#13;"
            case "\u{FFFE}", "\u{FFFF}": ""
            default: $0.value < 0x20 ? "" : nil
            }
        }
    }

    /// Text for a CSS string inside `<style>`: quotes and backslashes escaped, `<` and `>` as
    /// CSS escapes (so no text can close the style element), control characters as spaces.
    public static func cssString(_ text: String) -> String {
        map(text) { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "\"": "\\\""
            case "<": "\\3C "
            case ">": "\\3E "
            default: scalar.value < 0x20 || scalar.value == 0x7F ? " " : nil
            }
        }
    }

    // MARK: YAML

    /// A YAML double-quoted scalar: quotes, backslashes and line breaks escaped (NEL, U+2028 and
    /// U+2029 too, which YAML 1.1 readers break lines at), and every scalar `writesAsIs` refuses
    /// as `\uXXXX`.
    public static func yamlDoubleQuoted(_ text: String, writesAsIs: (Unicode.Scalar) -> Bool) -> String {
        "\"" + map(text) { scalar in
            switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case "\u{85}": "\\N"
            case "\u{2028}": "\\L"
            case "\u{2029}": "\\P"
            default: writesAsIs(scalar) ? nil : "\\u" + hex(scalar, uppercase: true)
            }
        } + "\""
    }

    // MARK: Terminals and CI logs

    /// True for a scalar that must not reach a terminal or log as it is: control characters,
    /// C1 controls, bidirectional overrides and isolates, the byte-order mark.
    public static func isUnsafeOnTerminal(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0xFEFF
    }

    /// `\u{1B}` for a scalar.
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// Text for a terminal: every unsafe scalar shown as `\u{1B}` (a newline too).
    public static func terminal(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafeOnTerminal) else { return text }
        return map(text) { isUnsafeOnTerminal($0) ? visible($0) : nil }
    }

    /// A GitHub workflow command's message: `%`, `\r`, `\n` percent-encoded; other unsafe
    /// scalars shown as `\u{1B}`. A property value (`property: true`) also encodes `:` and `,`.
    public static func gitHubCommand(_ text: String, property: Bool = false) -> String {
        if !text.unicodeScalars.contains(where: { $0 == "%" || isUnsafeOnTerminal($0) || (property && ($0 == ":" || $0 == ",")) }) {
            return text
        }
        return map(text) { scalar in
            switch scalar {
            case "%": "%25"
            case "\r": "%0D"
            case "\n": "%0A"
            case ":" where property: "%3A"
            case "," where property: "%2C"
            default: isUnsafeOnTerminal(scalar) ? visible(scalar) : nil
            }
        }
    }
}
