import Foundation
import HoshinText

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
        array(count, indent: indent, to: &out, text: { value(element($0), indent: indent + 2, encoder: encoder) })
    }
}

/// Text from plan files made safe to print: control characters, ANSI escapes and
/// bidirectional overrides are shown as `\u{1B}`, never sent to a terminal raw.
public enum PrintableText {
    /// True for a scalar that must not reach a terminal or log as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { Escape.isUnsafeOnTerminal(scalar) }

    /// `\u{1B}` for a scalar.
    public static func escape(_ scalar: Unicode.Scalar) -> String { Escape.visible(scalar) }

    /// The text with every unsafe scalar escaped (a newline too: one diagnostic, one line).
    public static func escaped(_ text: String) -> String { Escape.terminal(text) }
}

/// JSON string literals written by hand, exactly as `JSONEncoder` writes them (control
/// characters as `\n`, `\t`… or `\u001b`; slashes and everything else as they are), for
/// the per-diagnostic parts of the JSON and SARIF output, where the encoder is too slow.
enum JSONText {
    /// `text` as a quoted JSON string.
    static func quoted(_ text: String) -> String { Escape.jsonQuoted(text) }
}
