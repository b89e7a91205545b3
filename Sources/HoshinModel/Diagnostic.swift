import HoshinOutput
import HoshinText

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
    // 32 bits each: a plan file is at most 8 MiB, and the model holds a range for every
    // value it read (half the size of two `Int`s, across tens of thousands of values).
    private var lower: Int32
    private var upper: Int32

    /// First byte.
    public var start: Int {
        get { Int(lower) }
        set { lower = Int32(clamping: newValue) }
    }

    /// One past the last byte.
    public var end: Int {
        get { Int(upper) }
        set { upper = Int32(clamping: newValue) }
    }

    /// Creates a range; `end` is raised to `start` if smaller.
    public init(start: Int, end: Int) {
        lower = Int32(clamping: start)
        upper = Int32(clamping: max(start, end))
    }

    enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(start: try container.decode(Int.self, forKey: .start), end: try container.decode(Int.self, forKey: .end))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }
}

/// A 1-based line and character column.
public struct TextPosition: Sendable, Hashable, Comparable {
    // 32 bits each, like `ByteRange`: every diagnostic holds two positions.
    private var storedLine: Int32
    private var storedColumn: Int32

    /// 1-based line.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    /// 1-based column in characters.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    /// Creates a position.
    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
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
    /// The rule id, such as `unknown-key`.
    public var rule: String
    /// The message as written, or a catalogue text written out when it is read.
    private var text: MessageText
    /// The severity after the repository's overrides (last: the one-byte field then fills
    /// the message's padding, 88 bytes a diagnostic instead of 96).
    public var severity: Severity

    /// A message a plan author can act on (in English until `localized`).
    public var message: String {
        get {
            switch text {
            case .written(let message): message
            case .catalogue(let message, let language): Diagnostic.bounded(message.text(language))
            }
        }
        set { text = .written(newValue) }
    }

    /// Creates a diagnostic whose positions are resolved later.
    public init(file: String, range: ByteRange, severity: Severity, rule: String, message: String) {
        self.init(file: file, range: range, severity: severity, rule: rule, text: .written(message))
    }

    /// Creates a diagnostic with a catalogue message, written out (in English until
    /// `localized`) only when it is read.
    public init(file: String, range: ByteRange, severity: Severity, rule: String, message: CatalogueMessage) {
        self.init(file: file, range: range, severity: severity, rule: rule, text: .catalogue(message, .en))
    }

    private init(file: String, range: ByteRange, severity: Severity, rule: String, text: MessageText) {
        self.file = file
        self.range = range
        self.start = TextPosition(line: 1, column: 1)
        self.end = TextPosition(line: 1, column: 1)
        self.severity = severity
        self.rule = rule
        self.text = text
    }

    /// The diagnostic with its message in `language`: a catalogue message only changes the
    /// language it is written in; an English sentence is matched against the catalogue.
    public func localized(_ language: Language) -> Diagnostic {
        var copy = self
        copy.localize(language)
        return copy
    }

    /// Puts the message in `language`, as `localized` does, in place.
    public mutating func localize(_ language: Language) {
        guard language != .en else { return }
        switch text {
        case .catalogue(let message, _): text = .catalogue(message, language)
        case .written(let message): text = .written(Catalogue.translate(message, to: language))
        }
    }

    /// What the message says, comparable without writing a catalogue message out: two
    /// diagnostics of one pipeline with equal keys read the same.
    public var messageKey: MessageKey {
        switch text {
        case .written(let message): MessageKey(id: "", language: nil, text: message)
        case .catalogue(let message, let language): MessageKey(id: message.template.id, language: language, text: message.packedValues)
        }
    }

    /// A diagnostic's message as its catalogue id, language and values, or as its text.
    public struct MessageKey: Hashable, Sendable {
        let id: String
        let language: Language?
        let text: String
    }

    /// The message kept short (`bounded`): catalogue messages are bounded when written out.
    public mutating func boundMessage() {
        if case .written(let message) = text { text = .written(Diagnostic.bounded(message)) }
    }

    /// Two diagnostics are equal when they read the same.
    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        lhs.file == rhs.file && lhs.range == rhs.range && lhs.start == rhs.start && lhs.end == rhs.end
            && lhs.severity == rhs.severity && lhs.rule == rhs.rule && lhs.message == rhs.message
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(range)
        hasher.combine(rule)
        hasher.combine(message)
    }

    /// A message cut to about `limit` characters (its start and its end kept, `…` between),
    /// so that a key or value of any length in the input gives a bounded line.
    public static func bounded(_ message: String, limit: Int = 400) -> String {
        // No more bytes than the limit: no more characters either.
        guard message.utf8.count > limit else { return message }
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

extension Diagnostic {
    /// The diagnostic as spec §6's JSON object (keys sorted): `validate --format json` and the
    /// `problems` of the status JSON.
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("column"); json.integer(start.column)
        json.key("endColumn"); json.integer(end.column)
        json.key("endLine"); json.integer(end.line)
        json.key("file"); json.string(file)
        json.key("line"); json.integer(start.line)
        json.key("message"); json.string(message)
        json.key("rule"); json.string(rule)
        json.key("severity"); json.string(severity.rawValue)
        json.endObject()
    }
}

/// How a diagnostic holds its message.
private enum MessageText: Sendable {
    /// A sentence, as the decoder or a rule wrote it (or as translated).
    case written(String)
    /// A catalogue text to write out in a language when read.
    case catalogue(CatalogueMessage, Language)
}
