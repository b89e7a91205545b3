/// The words of YAML-level diagnostics, in one place for the message catalogue.
///
/// libyaml's own complaints ("mapping values are not allowed in this context") are
/// turned into what a plan author can act on; the raw words follow in brackets.
enum YAMLMessages {
    static func wideEncoding(_ name: String) -> String {
        "this file is \(name); save it as UTF-8"
    }

    static func raw(_ problem: String, _ context: String?) -> String {
        "YAML syntax: \(problem)" + (context.map { " \($0)" } ?? "")
    }

    static func colonInValue(quoted: String?) -> String {
        if let quoted {
            return "': ' inside a value ends the key there; put the value in quotes: \(quoted)"
        }
        return "': ' inside a value ends the key there; put the whole value in quotes"
    }

    static let indentation =
        "this line is not indented like the lines above it: keys of one mapping start in the same column, and list items ('- ') line up too"
    static let tab = "a tab character here; YAML indents with spaces only"

    static func unclosedQuote(_ quote: Character) -> String {
        "this \(quote) is never closed; end the text with a matching \(quote)"
    }

    static func unclosedBracket(_ open: Character, _ close: Character) -> String {
        "this '\(open)' is never closed with '\(close)'"
    }

    static func withRaw(_ friendly: String, _ problem: String) -> String {
        "\(friendly) (YAML: \(problem))"
    }

    static func aliasKey(_ name: String) -> String {
        "an alias ('*\(name)') as a key: plan files write keys out; replace it with the key itself"
    }
}

/// Recognises libyaml's most common complaints and says where the mistake really is.
struct FriendlySyntax {
    let bytes: [UInt8]
    let source: SourceText

    /// A better message and place for a libyaml error, or nil to keep libyaml's.
    func explain(problem: String, context: String?, problemAt: Int, contextAt: Int?) -> (message: String, at: Int)? {
        if problemAt < bytes.count, bytes[problemAt] == 0x09 || problem.contains("tab") {
            return (YAMLMessages.withRaw(YAMLMessages.tab, problem), tabOffset(near: problemAt))
        }
        if let context, let contextAt, contextAt < bytes.count {
            let open = bytes[contextAt]
            if context.contains("quoted scalar"), open == 0x22 || open == 0x27 {
                return (YAMLMessages.withRaw(YAMLMessages.unclosedQuote(Character(UnicodeScalar(open))), problem), contextAt)
            }
            if context.contains("flow sequence") || context.contains("flow mapping"),
               open == 0x5B || open == 0x7B, !isClosed(from: contextAt) {
                let close: Character = open == 0x5B ? "]" : "}"
                return (YAMLMessages.withRaw(YAMLMessages.unclosedBracket(Character(UnicodeScalar(open)), close), problem),
                        contextAt)
            }
        }
        if problem == "mapping values are not allowed in this context" {
            let line = source.lineRange(source.lineIndex(ofByteOffset: problemAt))
            if let value = valueStart(in: line, before: problemAt) {
                var end = line.upperBound
                if let comment = commentStart(from: problemAt, to: end) { end = comment }
                var text = String(decoding: bytes[value..<end], as: UTF8.self)
                while text.last == " " { text.removeLast() }
                return (YAMLMessages.withRaw(YAMLMessages.colonInValue(quoted: Self.quoted(text)), problem), problemAt)
            }
            return (YAMLMessages.withRaw(YAMLMessages.indentation, problem), firstNonSpace(in: line))
        }
        if problem.hasPrefix("did not find expected key") || problem.hasPrefix("did not find expected '-'")
            || problem.hasPrefix("block sequence entries are not allowed") {
            let line = source.lineRange(source.lineIndex(ofByteOffset: problemAt))
            return (YAMLMessages.withRaw(YAMLMessages.indentation, problem), firstNonSpace(in: line))
        }
        return nil
    }

    /// The value text quoted for YAML: double quotes, or single when it holds `"`.
    static func quoted(_ text: String) -> String? {
        guard !text.isEmpty, text.unicodeScalars.count <= 120 else { return nil }
        if !text.contains("\"") && !text.contains("\\") { return "\"\(text)\"" }
        return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    /// Where the value starts on a `key: value` line when `colon` lies inside the value.
    func valueStart(in line: Range<Int>, before colon: Int) -> Int? {
        var i = line.lowerBound
        while i < colon, bytes[i] == 0x20 { i += 1 }
        if i + 1 < colon, bytes[i] == 0x2D, bytes[i + 1] == 0x20 {   // "- "
            i += 2
            while i < colon, bytes[i] == 0x20 { i += 1 }
        }
        var k = i
        while k + 1 < colon {
            if bytes[k] == 0x3A, bytes[k + 1] == 0x20 {
                var value = k + 2
                while value < colon, bytes[value] == 0x20 { value += 1 }
                return value < colon ? value : nil
            }
            k += 1
        }
        return nil
    }

    func commentStart(from start: Int, to end: Int) -> Int? {
        var i = start
        while i + 1 < end {
            if bytes[i] == 0x20, bytes[i + 1] == 0x23 { return i }
            i += 1
        }
        return nil
    }

    func firstNonSpace(in line: Range<Int>) -> Int {
        var i = line.lowerBound
        while i < line.upperBound, bytes[i] == 0x20 { i += 1 }
        return i
    }

    func tabOffset(near at: Int) -> Int {
        if at < bytes.count, bytes[at] == 0x09 { return at }
        let line = source.lineRange(source.lineIndex(ofByteOffset: min(at, bytes.count)))
        for i in line where bytes[i] == 0x09 { return i }
        return at
    }

    /// True when the bracket at `open` has its partner later in the file (quotes skipped).
    func isClosed(from open: Int) -> Bool {
        var depth = 0
        var i = open
        var quote: UInt8?
        while i < bytes.count {
            let byte = bytes[i]
            if let q = quote {
                if byte == q { quote = nil }
            } else {
                switch byte {
                case 0x22, 0x27: quote = byte
                case 0x5B, 0x7B: depth += 1
                case 0x5D, 0x7D:
                    depth -= 1
                    if depth == 0 { return true }
                default: break
                }
            }
            i += 1
        }
        return false
    }
}
