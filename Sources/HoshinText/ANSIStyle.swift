/// ANSI colour codes for terminals, vanishing when colour is off (not a terminal, `NO_COLOR`).
/// The one place that writes escape sequences: the tree of `status` and `validate`'s text use it.
public struct ANSIStyle: Sendable {
    /// Whether codes are emitted.
    public let enabled: Bool

    /// Creates a style.
    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// The code that ends every styled run.
    public static let reset = "\u{1B}[0m"

    /// `text` in the SGR style `code` ("1;31" bold red, "90" grey), or as it is when disabled.
    public func colour(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\(Self.reset)" : text
    }

    /// Bold text.
    public func bold(_ text: String) -> String { colour(text, "1") }
    /// Dim text.
    public func dim(_ text: String) -> String { colour(text, "2") }
    /// Bold red text.
    public func red(_ text: String) -> String { colour(text, "1;31") }
    /// Bold yellow text.
    public func yellow(_ text: String) -> String { colour(text, "1;33") }
    /// Green text.
    public func green(_ text: String) -> String { colour(text, "32") }
    /// Bold cyan text.
    public func cyan(_ text: String) -> String { colour(text, "1;36") }
    /// Grey text.
    public func grey(_ text: String) -> String { colour(text, "90") }

    /// The text without its `ESC [ … letter` sequences: what a terminal shows.
    public static func visibleText(_ text: String) -> String {
        var out = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value), scalar != "[" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The columns a terminal gives the text: its visible scalars but combining marks.
    public static func visibleWidth(_ text: String) -> Int {
        visibleText(text).unicodeScalars.reduce(0) { $0 + ((0x300...0x36F).contains($1.value) ? 0 : 1) }
    }
}
