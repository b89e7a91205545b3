import Foundation

/// Pretty JSON written element by element, byte-identical to `StableJSON.encode` of the
/// whole value (sorted keys, `" : "`, two-space indentation, empty arrays as `[\n\n  ]`).
enum StreamedJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }

    /// One value as it appears nested `indent` spaces deep (no leading indentation).
    static func value(_ value: some Encodable, indent: Int, encoder: JSONEncoder) -> String {
        guard let data = try? encoder.encode(value) else { return "null" }
        let text = String(decoding: data, as: UTF8.self)
        guard indent > 0, text.contains("\n") else { return text }
        let pad = String(repeating: " ", count: indent)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? String($0.element) : pad + $0.element }.joined(separator: "\n")
    }

    /// An array whose elements are written one at a time by `element` (as text at the
    /// array's indentation + 2, without leading indentation).
    static func array<Out: TextOutputStream>(
        _ count: Int, indent: Int, to out: inout Out, text element: (Int) -> String
    ) {
        let pad = String(repeating: " ", count: indent)
        out.write("[\n")
        if count == 0 {
            out.write("\n\(pad)]")
            return
        }
        for index in 0..<count {
            out.write(pad + "  " + element(index))
            out.write(index == count - 1 ? "\n" : ",\n")
        }
        out.write("\(pad)]")
    }

    /// An array whose elements are produced one at a time.
    static func array<Element: Encodable, Out: TextOutputStream>(
        _ count: Int, indent: Int, to out: inout Out, element: (Int) -> Element
    ) {
        let encoder = encoder()
        let pad = String(repeating: " ", count: indent)
        out.write("[\n")
        if count == 0 {
            out.write("\n\(pad)]")
            return
        }
        for index in 0..<count {
            out.write(pad + "  " + value(element(index), indent: indent + 2, encoder: encoder))
            out.write(index == count - 1 ? "\n" : ",\n")
        }
        out.write("\(pad)]")
    }
}

/// Text from plan files made safe to print: control characters, ANSI escapes and
/// bidirectional overrides are shown as `\u{1B}`, never sent to a terminal raw.
public enum PrintableText {
    /// True for a scalar that must not reach a terminal or log as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0xFEFF
    }

    /// `\u{1B}` for a scalar.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// The text with every unsafe scalar escaped (a newline too: one diagnostic, one line).
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) { out += escape(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}

/// JSON string literals written by hand, exactly as `JSONEncoder` writes them (control
/// characters as `\n`, `\t`… or `\u001b`; slashes and everything else as they are), for
/// the per-diagnostic parts of the JSON and SARIF output, where the encoder is too slow.
enum JSONText {
    /// `text` as a quoted JSON string.
    static func quoted(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + text + "\"" }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }
}
