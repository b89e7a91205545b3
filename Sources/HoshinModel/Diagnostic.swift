/// How serious a diagnostic is.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case error, warning, info

    /// Orders by seriousness: error < warning < info sorts errors first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }

    var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }
}

/// A half-open range of UTF-8 byte offsets in one file.
public struct ByteRange: Sendable, Hashable, Codable {
    /// First byte.
    public var start: Int
    /// One past the last byte.
    public var end: Int

    /// Creates a range; `end` is raised to `start` if smaller.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }
}

/// A 1-based line and character column.
public struct TextPosition: Sendable, Hashable, Codable, Comparable {
    /// 1-based line.
    public var line: Int
    /// 1-based column in characters.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Orders by line, then column.
    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// One problem found in a plan repository, pointing at a YAML node.
public struct Diagnostic: Sendable, Hashable {
    /// The file as the user named it (the folder given joined with the path inside it).
    public var file: String
    /// The node's bytes.
    public var range: ByteRange
    /// Where the node starts, once resolved against the file's line table.
    public var start: TextPosition
    /// Where the node ends (exclusive), once resolved.
    public var end: TextPosition
    /// The severity after the repository's overrides.
    public var severity: Severity
    /// The rule id, such as `unknown-key`.
    public var rule: String
    /// A message a plan author can act on.
    public var message: String

    /// Creates a diagnostic whose positions are resolved later.
    public init(file: String, range: ByteRange, severity: Severity, rule: String, message: String) {
        self.file = file
        self.range = range
        self.start = TextPosition(line: 1, column: 1)
        self.end = TextPosition(line: 1, column: 1)
        self.severity = severity
        self.rule = rule
        self.message = message
    }

    /// A message cut to about `limit` characters (its start and its end kept, `…` between),
    /// so that a key or value of any length in the input gives a bounded line.
    public static func bounded(_ message: String, limit: Int = 400) -> String {
        let scalars = message.unicodeScalars
        guard scalars.count > limit else { return message }
        let tail = limit / 5
        var out = String(String.UnicodeScalarView(scalars.prefix(limit - tail)))
        out += "…"
        out += String(String.UnicodeScalarView(scalars.suffix(tail)))
        return out
    }

    /// Sort order for output: file, then position, then rule.
    public static func sortedForOutput(_ list: [Diagnostic]) -> [Diagnostic] {
        var list = list
        sortForOutput(&list)
        return list
    }

    /// Sorts in place (no second copy of a large list) in output order.
    public static func sortForOutput(_ list: inout [Diagnostic]) {
        list.sort { a, b in
            if a.file != b.file { return a.file < b.file }
            if a.start != b.start { return a.start < b.start }
            if a.rule != b.rule { return a.rule < b.rule }
            return a.message < b.message
        }
    }
}
