import HoshinText

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
