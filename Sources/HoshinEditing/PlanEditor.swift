import HoshinModel
import HoshinYAML

/// A value to set on a key of a plan mapping.
public enum FieldValue: Sendable, Hashable {
    /// Free text (a note): plain when safe, quoted when not, keeping an existing quote style.
    case text(String)
    /// A number, written plain.
    case number(Double)
    /// A date, written plain `YYYY-MM-DD`.
    case date(PlanDate)
    /// A word from a closed list (a status), written plain.
    case word(String)
}

/// Why an edit cannot be made.
public enum EditError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not parse; it must be fixed by hand first.
    case unparseable(String)
    /// No activity or indicator with that id in the file.
    case notFound(kind: String, id: String)
    /// The node has a shape the editor does not change (e.g. `measurements` is a list).
    case unsupportedShape(String)

    public var description: String {
        switch self {
        case .unparseable(let why): "the plan file does not parse (\(why)); fix it first"
        case .notFound(let kind, let id): "no \(kind) '\(id)' in the plan file"
        case .unsupportedShape(let why): why
        }
    }
}

/// Turns changes of a unit plan into splices of the original bytes: never a re-print.
/// Comments, blank lines, key order and quoting outside the edited values stay as they were.
public struct PlanEditor: Sendable {
    /// The file's original bytes.
    public let bytes: [UInt8]
    let document: YAMLDocument
    let source: SourceText
    let lineEnding: String

    /// Parses `bytes`; throws when the file is not well-formed YAML.
    public init(bytes: [UInt8]) throws {
        let parsed = YAMLParser().parse(bytes)
        if let problem = parsed.problems.first(where: {
            if case .duplicateKey = $0.kind { return false }
            if case .tag = $0.kind { return false }
            return true
        }) {
            throw EditError.unparseable(problem.message)
        }
        guard let document = parsed.document, document.root != nil else { throw EditError.unparseable("empty file") }
        self.bytes = bytes
        self.document = document
        self.source = parsed.source
        self.lineEnding = bytes.firstIndex(of: 0x0A).map { $0 > 0 && bytes[$0 - 1] == 0x0D } == true ? "\r\n" : "\n"
    }

    // MARK: Finding nodes

    func value(_ mapping: YAMLNode.ID, _ key: StaticString) -> (key: YAMLNode.ID, value: YAMLNode.ID)? {
        let resolved = document.resolved(mapping)
        guard document[resolved].kind == .mapping else { return nil }
        return document.pairs(of: resolved).first { document.scalar($0.key, equals: key) }
    }

    func items(_ mapping: YAMLNode.ID, _ key: StaticString) -> [YAMLNode.ID] {
        guard let entry = value(mapping, key) else { return [] }
        let list = document.resolved(entry.value)
        guard document[list].kind == .sequence else { return [] }
        return document.children(of: list).map { document.resolved($0) }.filter { document[$0].kind == .mapping }
    }

    func hasID(_ mapping: YAMLNode.ID, _ id: String) -> Bool {
        guard let entry = value(mapping, "id") else { return false }
        return document.string(document.resolved(entry.value)) == id
    }

    /// The mapping node of the activity `id` (under a goal or a success factor).
    public func activity(_ id: String) throws -> YAMLNode.ID {
        guard let root = document.root else { throw EditError.notFound(kind: "activity", id: id) }
        for goal in items(root, "goals") {
            let candidates = items(goal, "activities") + items(goal, "success_factors").flatMap { items($0, "activities") }
            if let found = candidates.first(where: { hasID($0, id) }) { return found }
        }
        throw EditError.notFound(kind: "activity", id: id)
    }

    /// The mapping node of the indicator `id`.
    public func indicator(_ id: String) throws -> YAMLNode.ID {
        guard let root = document.root else { throw EditError.notFound(kind: "indicator", id: id) }
        for goal in items(root, "goals") {
            if let found = items(goal, "indicators").first(where: { hasID($0, id) }) { return found }
        }
        throw EditError.notFound(kind: "indicator", id: id)
    }

    // MARK: Setting keys

    /// Splices that set each key of `mapping` to its value: the value's bytes are
    /// replaced where the key exists, and missing keys are added after the mapping's
    /// last line (block style) or before its closing brace (flow style), in the order given.
    /// Throws when the mapping or a value to replace carries a YAML anchor.
    public func set(_ fields: [(key: String, value: FieldValue)], in mapping: YAMLNode.ID) throws -> [Splice] {
        try unshared(mapping, "the activity")
        let node = document[mapping]
        let context: ScalarWriter.Context = node.style == .flow ? .flow : .block
        var splices: [Splice] = []
        var missing: [(String, String)] = []
        let pairs = document.pairs(of: mapping)
        for (key, value) in fields {
            if let pair = pairs.first(where: { document.string($0.key) == key }) {
                try unshared(pair.value, "'\(key)'")
                splices.append(replacement(of: pair.value, with: value, context: context))
            } else {
                missing.append((key, render(value, context: context)))
            }
        }
        if !missing.isEmpty {
            splices.append(insertion(of: missing, into: mapping))
        }
        return splices
    }

    /// Refuses to change a node that carries an anchor (`&name`): aliases elsewhere share
    /// it, so an edit would change them too, or, replacing it, leave them naming nothing
    /// (found by the editor fuzz harness).
    func unshared(_ id: YAMLNode.ID, _ what: String) throws {
        if let anchor = document.anchor(of: id) {
            throw EditError.unsupportedShape(
                "\(what) is shared through the YAML anchor '&\(anchor)'; change it by hand (or remove the anchor)")
        }
    }

    func render(_ value: FieldValue, context: ScalarWriter.Context, like existing: ScalarWriter.ExistingStyle = .plain) -> String {
        switch value {
        case .text(let text): ScalarWriter.scalar(text, like: existing, context: context)
        case .number(let number): ScalarWriter.number(number)
        case .date(let date): date.description
        case .word(let word): ScalarWriter.scalar(word, context: context)
        }
    }

    func replacement(of valueID: YAMLNode.ID, with value: FieldValue, context: ScalarWriter.Context) -> Splice {
        let node = document[valueID]
        let existing: ScalarWriter.ExistingStyle = switch node.style {
        case .singleQuoted: .singleQuoted
        case .doubleQuoted: .doubleQuoted
        case .literal, .folded: .block
        default: .plain
        }
        let text = render(value, context: context, like: existing)
        if node.start == node.end {
            // An empty value (`note:` with nothing after it) sits right after the colon.
            return Splice(insert: " " + text, at: node.start)
        }
        if let lineStart = lineStartEnding(node.end), node.style == .literal || node.style == .folded {
            // A block scalar ends at the start of the next line: keep that line break.
            return Splice(replace: node.start, lineStart, with: text + lineEnding)
        }
        return Splice(replace: node.start, node.end, with: text)
    }

    /// The offset after the line break at `offset` (CRLF, LF or CR), or `offset` when there is none.
    func skipLineBreak(_ offset: Int) -> Int {
        var index = offset
        if index < bytes.count, bytes[index] == 0x0D { index += 1 }
        if index < bytes.count, bytes[index] == 0x0A { index += 1 }
        return index
    }

    /// The last scalar inside a node (the node itself when it is one).
    func lastScalar(of id: YAMLNode.ID) -> YAMLNode.ID {
        var current = document.resolved(id)
        while document[current].kind != .scalar, let last = document.children(of: current).last {
            current = document.resolved(last)
        }
        return current
    }

    /// True for a block scalar with keep chomping (`|+`, `>+`, `|2+`): its trailing blank lines are content.
    func keepsTrailingLines(_ id: YAMLNode.ID) -> Bool {
        let node = document[id]
        guard node.kind == .scalar, node.style == .literal || node.style == .folded else { return false }
        // The header (`|+`) is where the node starts, or on the line before when the node's
        // range starts at its content.
        var lineStart = startOfLine(node.start)
        for _ in 0..<2 {
            let line = bytes[lineStart..<endOfLine(from: lineStart)].prefix { $0 != UInt8(ascii: "#") }
            if let bar = line.lastIndex(where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: ">") }) {
                return line[bar...].contains(UInt8(ascii: "+"))
            }
            guard lineStart > 0 else { return false }
            lineStart = startOfLine(lineStart - 1)
        }
        return false
    }

    /// When a node ends at the start of a line (block scalars end after their line breaks,
    /// and `|+` keeps trailing blank lines as content), that line's start; else nil.
    func lineStartEnding(_ end: Int) -> Int? {
        guard end > 0 else { return nil }
        let lineStart = startOfLine(end)
        guard lineStart > 0, bytes[lineStart..<end].allSatisfy({ $0 == 0x20 }) else { return nil }
        return lineStart
    }

    /// Inserts lines `text` (each begun with a line ending) after the node `id`: at the end of
    /// its last line, or, when it ends at a line start (a block scalar), before that line.
    func lines(_ lines: [String], after id: YAMLNode.ID) -> Splice {
        let end = document[id].end
        if keepsTrailingLines(lastScalar(of: id)) {
            // `|+` keeps its trailing blank lines as content: insert after them.
            var cursor = skipLineBreak(endOfLine(from: end))
            while cursor < bytes.count {
                let lineEnd = endOfLine(from: cursor)
                guard bytes[cursor..<lineEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 }), lineEnd < bytes.count else { break }
                cursor = skipLineBreak(lineEnd)
            }
            let prefix = cursor > 0 && bytes[cursor - 1] != 0x0A && bytes[cursor - 1] != 0x0D ? lineEnding : ""
            return Splice(insert: prefix + lines.map { $0 + lineEnding }.joined(), at: cursor)
        }
        if let lineStart = lineStartEnding(end) {
            return Splice(insert: lines.map { $0 + lineEnding }.joined(), at: lineStart)
        }
        return Splice(insert: lines.map { lineEnding + $0 }.joined(), at: endOfLine(from: end))
    }

    /// The column (in bytes of indentation) of a mapping's keys.
    func keyIndent(_ mapping: YAMLNode.ID) -> String {
        let first = document.children(of: mapping).first.map { document[$0].start } ?? document[mapping].start
        let column = source.location(ofByteOffset: first).column
        return String(repeating: " ", count: column - 1)
    }

    /// The offset just past the content of the line holding `offset` (before its line break).
    func endOfLine(from offset: Int) -> Int {
        var index = offset
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
        return index
    }

    /// The offset where the line holding `offset` starts.
    func startOfLine(_ offset: Int) -> Int {
        var index = offset
        while index > 0, bytes[index - 1] != 0x0A, bytes[index - 1] != 0x0D { index -= 1 }
        return index
    }

    func insertion(of entries: [(String, String)], into mapping: YAMLNode.ID) -> Splice {
        let node = document[mapping]
        if node.style == .flow {
            let children = document.children(of: mapping)
            let text = entries.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
            if let last = children.last {
                return Splice(insert: ", " + text, at: document[last].end)
            }
            return Splice(insert: text, at: node.start + 1)
        }
        let indent = keyIndent(mapping)
        return lines(entries.map { indent + "\($0.0): \($0.1)" }, after: mapping)
    }

    // MARK: Measurements

    /// The scalar or flow mapping for a measurement value.
    public static func render(_ value: MeasurementValue) -> String {
        switch value {
        case .number(let number): ScalarWriter.number(number)
        case .ratio(let num, let den): "{num: \(ScalarWriter.number(num)), den: \(ScalarWriter.number(den))}"
        }
    }

    /// Splices that add or replace the measurement of `period` on an indicator, keeping
    /// periods in order, and creating `measurements` when there is none.
    public func setMeasurement(_ period: Period, _ value: MeasurementValue, in indicator: YAMLNode.ID) throws -> [Splice] {
        let rendered = Self.render(value)
        return try setEntry("measurements", period, in: indicator) { _ in rendered }
    }

    /// Splices that add or replace the comment of `period` on an indicator (`comments:`,
    /// spec §3), keeping periods in order, and creating `comments` when there is none.
    public func setComment(_ period: Period, _ text: String, in indicator: YAMLNode.ID) throws -> [Splice] {
        try setEntry("comments", period, in: indicator) { context in ScalarWriter.scalar(text, context: context) }
    }

    /// The comment of `period` on an indicator as the file holds it, if any.
    public func comment(_ period: Period, in indicator: YAMLNode.ID) -> String? {
        guard let comments = value(indicator, "comments") else { return nil }
        let mapping = document.resolved(comments.value)
        guard document[mapping].kind == .mapping else { return nil }
        guard let pair = document.pairs(of: mapping).first(where: { Period(document.string($0.key)) == period }) else { return nil }
        return document.string(document.resolved(pair.value))
    }

    /// Adds or replaces `period: value` in the period-keyed mapping `key` of an indicator.
    func setEntry(_ key: StaticString, _ period: Period, in indicator: YAMLNode.ID,
                  render: (ScalarWriter.Context) -> String) throws -> [Splice] {
        let indicatorNode = document[indicator]
        try unshared(indicator, "the indicator")
        guard let measurements = self.value(indicator, key) else {
            if indicatorNode.style == .flow {
                return [insertion(of: [("\(key)", "{\(period): \(render(.flow))}")], into: indicator)]
            }
            let indent = keyIndent(indicator)
            return [lines([indent + "\(key):", indent + "  " + "\(period): \(render(.block))"], after: indicator)]
        }
        let valueID = document.resolved(measurements.value)
        try unshared(valueID, "'\(key)'")
        let node = document[valueID]
        let context: ScalarWriter.Context = node.style == .flow || (node.kind == .scalar && indicatorNode.style == .flow) ? .flow : .block
        let rendered = render(context)
        let entry = "\(period): \(rendered)"
        switch node.kind {
        case .scalar where node.style == .plain && node.start == node.end:
            let indent = keyIndent(indicator)
            let text = indicatorNode.style == .flow ? " {\(entry)}" : lineEnding + indent + "  " + entry
            return [Splice(insert: text, at: node.start)]
        case .scalar where ["~", "null", "Null", "NULL"].contains(document.string(valueID)):
            return [Splice(replace: node.start, node.end, with: "{\(period): \(render(.flow))}")]
        case .mapping:
            break
        default:
            throw EditError.unsupportedShape("'\(key)' is not a mapping of period: value; fix it by hand")
        }
        let pairs = document.pairs(of: valueID)
        if let same = pairs.first(where: { Period(document.string($0.key)) == period }) {
            try unshared(same.value, "the value of \(period)")
            let old = document[same.value]
            if old.style == .literal || old.style == .folded, let lineStart = lineStartEnding(old.end) {
                return [Splice(replace: old.start, lineStart, with: rendered + lineEnding)]
            }
            return [Splice(replace: old.start, old.end, with: rendered)]
        }
        let earlier = pairs.filter { pair in Period(document.string(pair.key)).map { $0 < period } ?? false }
        let previous = earlier.max { Period(document.string($0.key))! < Period(document.string($1.key))! }
        if node.style == .flow {
            if let previous {
                return [Splice(insert: ", " + entry, at: document[previous.value].end)]
            }
            guard let first = pairs.first else { return [Splice(insert: entry, at: node.start + 1)] }
            return [Splice(insert: entry + ", ", at: document[first.key].start)]
        }
        let indent = keyIndent(valueID)
        if let previous {
            return [lines([indent + entry], after: previous.value)]
        }
        guard let first = pairs.first else { throw EditError.unsupportedShape("'\(key)' is empty") }
        return [Splice(insert: indent + entry + lineEnding, at: startOfLine(document[first.key].start))]
    }
}
