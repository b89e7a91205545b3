import HoshinText

/// Word wrapping for terminal lines that may hold ANSI colour codes: the codes take no
/// width, a colour open at a break is closed before it and opened again after the
/// indentation, and a word longer than the line is left whole rather than cut.
public enum TerminalWrap {
    /// `first + text` broken into lines of at most `width` visible characters; every line
    /// after the first starts with `hanging`.
    public static func wrap(_ text: String, first: String, hanging: String, width: Int) -> [String] {
        // A unit stays with its number: "5 %" is one word.
        var words: [String] = []
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            if let last = words.last, visibleWidth(last) > 0, visibleText(word).hasPrefix("%") {
                words[words.count - 1] = last + " " + word
            } else {
                words.append(word)
            }
        }
        var lines: [String] = []
        var line = first
        var lineWidth = visibleWidth(first)
        var lineHasWord = false
        var open: [String] = []  // SGR sequences in force at the end of `line`
        for word in words {
            let wordWidth = visibleWidth(word)
            let needed = (lineHasWord ? 1 : 0) + wordWidth
            if lineHasWord, lineWidth + needed > width, wordWidth > 0 {
                if !open.isEmpty { line += reset }
                lines.append(line)
                line = hanging + open.joined()
                lineWidth = visibleWidth(hanging)
                lineHasWord = false
            }
            if lineHasWord { line += " "; lineWidth += 1 }
            line += word
            lineWidth += wordWidth
            lineHasWord = true
            open = track(word, open: open)
        }
        lines.append(line)
        return lines
    }

    static let reset = ANSIStyle.reset

    /// The characters a terminal shows: everything but `ESC [ … letter` sequences.
    public static func visibleWidth(_ text: String) -> Int { ANSIStyle.visibleWidth(text) }

    /// The text without its escape sequences.
    static func visibleText(_ text: String) -> String { ANSIStyle.visibleText(text) }

    /// The SGR sequences still in force after `word`, given those in force before it.
    static func track(_ word: String, open: [String]) -> [String] {
        var open = open
        var rest = Substring(word)
        while let start = rest.firstIndex(of: "\u{1B}") {
            guard let end = rest[start...].firstIndex(of: "m") else { break }
            let sequence = String(rest[start...end])
            if sequence == reset || sequence == "\u{1B}[m" { open.removeAll() } else { open.append(sequence) }
            rest = rest[rest.index(after: end)...]
        }
        return open
    }
}
