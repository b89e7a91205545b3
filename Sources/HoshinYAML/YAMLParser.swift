import CYAML

/// Parses YAML with libyaml into a `YAMLDocument` whose nodes carry exact byte ranges.
///
/// Never throws: every problem (syntax, duplicate key, tag, a limit reached) becomes a
/// `YAMLProblem` at a position. Parsing stops at the first syntax error or limit.
public struct YAMLParser: Sendable {
    /// The bounds applied to every file.
    public var limits: ParseLimits

    /// Creates a parser with the given limits.
    public init(limits: ParseLimits = .standard) {
        self.limits = limits
    }

    /// Parses `bytes` (UTF-8 text) into one document.
    public func parse(_ bytes: [UInt8]) -> YAMLParseResult {
        if bytes.count > limits.maxBytes {
            let source = SourceText(bytes: [])
            let problem = YAMLProblem(
                kind: .resourceLimit, start: 0, end: 0,
                message: "file is \(bytes.count) bytes; the limit is \(limits.maxBytes) bytes (8 MiB)")
            return YAMLParseResult(document: nil, problems: [problem], source: source)
        }
        let source = SourceText(bytes: bytes)
        if let encoding = Self.wideEncoding(bytes) {
            let problem = YAMLProblem(
                kind: .syntax, start: 0, end: min(bytes.count, encoding.markLength),
                message: YAMLMessages.wideEncoding(encoding.name))
            return YAMLParseResult(document: nil, problems: [problem], source: source)
        }
        if let nul = source.firstNULOffset {
            let problem = YAMLProblem(
                kind: .syntax, start: nul, end: nul + 1,
                message: "this looks like a binary file (it contains a NUL byte), not YAML text")
            return YAMLParseResult(document: nil, problems: [problem], source: source)
        }
        if let bad = source.firstInvalidUTF8Offset {
            let hex = String(bytes[bad], radix: 16, uppercase: true)
            let problem = YAMLProblem(
                kind: .syntax, start: bad, end: bad + 1,
                message: "the file is not valid UTF-8 text (byte 0x\(hex)); save it as UTF-8")
            return YAMLParseResult(document: nil, problems: [problem], source: source)
        }
        var builder = DocumentBuilder(source: source, limits: limits)
        builder.run()
        return YAMLParseResult(document: builder.document(), problems: builder.problems, source: source)
    }

    /// UTF-16 or UTF-32 text, known by its byte-order mark or by the NUL bytes every
    /// ASCII character carries in it; nil for anything else.
    static func wideEncoding(_ bytes: [UInt8]) -> (name: String, markLength: Int)? {
        let head = Array(bytes.prefix(4)) + Array(repeating: 0xAA, count: max(0, 4 - bytes.count))
        if head[0] == 0x00, head[1] == 0x00, head[2] == 0xFE, head[3] == 0xFF { return ("UTF-32", 4) }
        if head[0] == 0xFF, head[1] == 0xFE, head[2] == 0x00, head[3] == 0x00 { return ("UTF-32", 4) }
        if head[0] == 0xFE, head[1] == 0xFF { return ("UTF-16", 2) }
        if head[0] == 0xFF, head[1] == 0xFE { return ("UTF-16", 2) }
        guard bytes.count >= 4 else {
            if bytes.count >= 2, (bytes[0] == 0) != (bytes[1] == 0) { return ("UTF-16", 2) }
            return nil
        }
        let zero = head.map { $0 == 0 }
        if zero == [false, true, true, true] || zero == [true, true, true, false] { return ("UTF-32", 4) }
        if zero == [false, true, false, true] || zero == [true, false, true, false] { return ("UTF-16", 2) }
        return nil
    }
}

/// The event loop: turns libyaml events into the node table.
private struct DocumentBuilder {
    struct Frame {
        var index: Int
        var kind: YAMLNode.Kind
        var style: YAMLNode.Style
        var start: Int
        var tag: String?
        var anchor: String?
        var childrenStart: Int
        var expandedSize: Int
    }

    let source: SourceText
    let limits: ParseLimits
    var nodes: [YAMLNode] = []
    var childList: [YAMLNode.ID] = []
    var scalarBytes: [UInt8] = []
    var pending: [YAMLNode.ID] = []
    var stack: [Frame] = []
    var anchors: [String: (id: YAMLNode.ID, size: Int)] = [:]
    var expandedSizes: [YAMLNode.ID: Int] = [:]
    var aliasExpansions = 0
    var tags: [YAMLNode.ID: String] = [:]
    var anchorNames: [YAMLNode.ID: String] = [:]
    var root: YAMLNode.ID?
    var documents = 0
    var problems: [YAMLProblem] = []
    var cursor = SourceText.CharacterCursor()

    init(source: SourceText, limits: ParseLimits) {
        self.source = source
        self.limits = limits
        scalarBytes.reserveCapacity(source.bytes.count / 2)
        nodes.reserveCapacity(source.bytes.count / 8)
    }

    func document() -> YAMLDocument? {
        guard root != nil else { return nil }
        return YAMLDocument(nodes: nodes, root: root, childList: childList, scalarBytes: scalarBytes,
                            tags: tags, anchors: anchorNames)
    }

    mutating func run() {
        // libyaml skips a byte-order mark only when it detects the encoding itself; it is
        // told UTF-8 (so UTF-16 is refused), so the mark is left out of its input here and
        // every mark it reports is shifted back by the one character the BOM is (`offset`).
        let reader = LibYAMLParser(bytes: source.bytes[source.byteOrderMarkLength...])
        guard reader.isReady else {
            problems.append(YAMLProblem(kind: .resourceLimit, start: 0, end: 0, message: "out of memory"))
            return
        }
        while true {
            guard reader.next() else {
                problems.append(syntaxProblem(reader.parser.pointee))
                return
            }
            let keepGoing = handle(&reader.event.pointee)
            if !keepGoing || reader.event.pointee.type == YAML_STREAM_END_EVENT { return }
        }
    }

    mutating func offset(_ mark: yaml_mark_t) -> Int {
        let markCharacters = source.byteOrderMarkLength > 0 ? 1 : 0
        return source.byteOffset(line: Int(mark.line), column: Int(mark.column),
                                 characterIndex: Int(mark.index) + markCharacters, cursor: &cursor)
    }

    mutating func syntaxProblem(_ parser: yaml_parser_t) -> YAMLProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) }
        var at: Int
        var contextAt: Int?
        if context != nil { contextAt = min(offset(parser.context_mark), source.bytes.count) }
        if parser.error == YAML_READER_ERROR {
            at = min(parser.problem_offset + source.byteOrderMarkLength, source.bytes.count)
        } else if problem.contains("end of stream"), let contextAt {
            at = contextAt
        } else {
            at = offset(parser.problem_mark)
        }
        at = min(at, source.bytes.count)
        var message = YAMLMessages.raw(problem, context)
        if parser.error != YAML_READER_ERROR,
           let friendly = FriendlySyntax(bytes: source.bytes, source: source)
            .explain(problem: problem, context: context, problemAt: at, contextAt: contextAt) {
            message = friendly.message
            at = min(friendly.at, source.bytes.count)
        }
        let end = min(at + 1, source.bytes.count)
        return YAMLProblem(kind: .syntax, start: at, end: max(at, end), message: message)
    }

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    mutating func limit(_ message: String, at start: Int, _ end: Int) -> Bool {
        problems.append(YAMLProblem(kind: .resourceLimit, start: start, end: end, message: message))
        return false
    }

    /// Handles one event; false stops parsing.
    mutating func handle(_ event: inout yaml_event_t) -> Bool {
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                let at = offset(event.start_mark)
                problems.append(YAMLProblem(
                    kind: .syntax, start: at, end: offset(event.end_mark),
                    message: "a second YAML document; a plan file holds exactly one"))
                return false
            }
            return true
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let start = offset(event.start_mark)
            var end = offset(event.end_mark)
            let style: YAMLNode.Style
            switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            if style == .literal || style == .folded { end = trimmedEnd(start: start, end: end) }
            let valueStart = Int32(truncatingIfNeeded: scalarBytes.count)
            if let value = data.value, data.length > 0 {
                scalarBytes.append(contentsOf: UnsafeBufferPointer(start: value, count: data.length))
            }
            let node = YAMLNode(
                kind: .scalar, style: style, start: start, end: end, valueStart: valueStart,
                valueLength: Int32(truncatingIfNeeded: data.length))
            return add(node, size: 1, tag: Self.string(data.tag), anchor: Self.string(data.anchor))
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let tag: String?
            let anchor: String?
            let flow: Bool
            if isMapping {
                tag = Self.string(event.data.mapping_start.tag)
                anchor = Self.string(event.data.mapping_start.anchor)
                flow = event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
            } else {
                tag = Self.string(event.data.sequence_start.tag)
                anchor = Self.string(event.data.sequence_start.anchor)
                flow = event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
            }
            let start = offset(event.start_mark)
            if stack.count >= limits.maxDepth {
                return limit("nesting deeper than \(limits.maxDepth) levels", at: start, start + 1)
            }
            if nodes.count >= limits.maxNodes {
                return limit("more than \(limits.maxNodes) YAML nodes in one file", at: start, start + 1)
            }
            let index = nodes.count
            if let tag {
                noteTag(tag, start: start, end: start + 1)
                tags[YAMLNode.ID(index)] = tag
            }
            nodes.append(YAMLNode(kind: .scalar, style: .plain, start: start, end: start))
            stack.append(Frame(
                index: index, kind: isMapping ? .mapping : .sequence, style: flow ? .flow : .block,
                start: start, tag: tag, anchor: anchor, childrenStart: pending.count, expandedSize: 1))
            return true
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return true }
            let firstIndex = childList.count
            childList.append(contentsOf: pending[frame.childrenStart...])
            pending.removeSubrange(frame.childrenStart...)
            let childCount = childList.count - firstIndex
            var end: Int
            if frame.style == .flow {
                end = offset(event.end_mark)
            } else {
                end = childCount > 0 ? nodes[Int(childList[childList.count - 1])].end : frame.start
            }
            end = max(end, frame.start)
            if frame.kind == .mapping { checkDuplicateKeys(firstIndex..<childList.count) }
            let first = Int32(truncatingIfNeeded: firstIndex)
            nodes[frame.index] = YAMLNode(
                kind: frame.kind, style: frame.style, start: frame.start, end: end, firstChild: first, childCount: Int32(truncatingIfNeeded: childCount))
            return attach(YAMLNode.ID(frame.index), anchor: frame.anchor, size: frame.expandedSize)
        case YAML_ALIAS_EVENT:
            let start = offset(event.start_mark)
            let end = offset(event.end_mark)
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                problems.append(YAMLProblem(
                    kind: .syntax, start: start, end: end,
                    message: "alias '*\(name)' refers to no anchor defined before it"))
                return add(YAMLNode(kind: .scalar, style: .plain, start: start, end: end), size: 1)
            }
            aliasExpansions += target.size
            if aliasExpansions > limits.maxAliasExpansions {
                return limit(
                    "aliases expand to more than \(limits.maxAliasExpansions) nodes (an alias bomb?)", at: start, end)
            }
            let node = YAMLNode(kind: .alias, style: .plain, start: start, end: end, aliasTarget: target.id)
            return add(node, size: target.size)
        default:
            return true
        }
    }

    mutating func noteTag(_ tag: String, start: Int, end: Int) {
        problems.append(YAMLProblem(
            kind: .tag(tag), start: start, end: end,
            message: "YAML tag '\(tag)' is not used in plan files; remove it"))
    }

    /// Appends a finished leaf node (scalar or alias) to the current collection.
    mutating func add(_ node: YAMLNode, size: Int, tag: String? = nil, anchor: String? = nil) -> Bool {
        if nodes.count >= limits.maxNodes {
            return limit("more than \(limits.maxNodes) YAML nodes in one file", at: node.start, node.end)
        }
        let id = YAMLNode.ID(nodes.count)
        if let tag {
            noteTag(tag, start: node.start, end: node.end)
            tags[id] = tag
        }
        nodes.append(node)
        return attach(id, anchor: anchor, size: size)
    }

    mutating func attach(_ id: YAMLNode.ID, anchor: String?, size: Int) -> Bool {
        if let anchor {
            anchors[anchor] = (id, size)
            anchorNames[id] = anchor
        }
        if stack.isEmpty {
            if root == nil { root = id }
        } else {
            pending.append(id)
            let total = stack[stack.count - 1].expandedSize.addingReportingOverflow(size)
            stack[stack.count - 1].expandedSize = total.overflow ? Int.max : total.partialValue
        }
        return true
    }

    /// True when two scalar nodes have the same value bytes (compared byte for byte, not
    /// as `String`s, which would equate canonically equivalent texts).
    func sameValue(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        guard a.valueLength == b.valueLength else { return false }
        let length = Int(a.valueLength)
        return scalarBytes.withUnsafeBufferPointer { buffer in
            let left = Int(a.valueStart)
            let right = Int(b.valueStart)
            for k in 0..<length where buffer[left + k] != buffer[right + k] { return false }
            return true
        }
    }

    /// Reports every scalar key of a mapping that repeats an earlier one, and aliases used as keys.
    ///
    /// Keys are compared by their exact bytes (so by Unicode code points, with no
    /// normalisation), the same way whatever the size of the mapping. Small mappings
    /// compare keys pairwise; larger ones (measurement series) use an open-addressing
    /// table of key hashes over the value bytes, so no string is made.
    mutating func checkDuplicateKeys(_ range: Range<Int>) {
        let base = range.lowerBound
        let count = range.count
        let keyCount = count / 2
        var table: [Int32] = []
        var mask = 0
        if keyCount > 12 {
            var size = 16
            while size < keyCount * 2 { size <<= 1 }
            table = Array(repeating: -1, count: size)
            mask = size - 1
        }
        var index = 0
        while index < count {
            let keyID = childList[base + index]
            let key = nodes[Int(keyID)]
            index += 2
            if key.kind == .alias {
                let name = anchorNames[key.aliasTarget] ?? ""
                problems.append(YAMLProblem(kind: .aliasKey, start: key.start, end: key.end,
                                            message: YAMLMessages.aliasKey(name)))
                continue
            }
            guard key.kind == .scalar, keyCount >= 2 else { continue }
            var firstID: YAMLNode.ID?
            if table.isEmpty {
                var earlier = 0
                while earlier < index - 2 {
                    let candidate = nodes[Int(childList[base + earlier])]
                    if candidate.kind == .scalar, sameValue(candidate, key) {
                        firstID = childList[base + earlier]
                        break
                    }
                    earlier += 2
                }
            } else {
                var slot = hashValue(key) & mask
                while table[slot] >= 0 {
                    let candidateID = childList[base + Int(table[slot])]
                    if sameValue(nodes[Int(candidateID)], key) {
                        firstID = candidateID
                        break
                    }
                    slot = (slot + 1) & mask
                }
                if firstID == nil { table[slot] = Int32(index - 2) }
            }
            guard let firstID else { continue }
            let start = Int(key.valueStart)
            let text = String(decoding: scalarBytes[start..<(start + Int(key.valueLength))], as: UTF8.self)
            let first = nodes[Int(firstID)]
            let location = source.location(ofByteOffset: first.start)
            problems.append(YAMLProblem(
                kind: .duplicateKey(key: text, firstStart: first.start, firstEnd: first.end),
                start: key.start, end: key.end,
                message: "duplicate key '\(text)'; it is first given at line \(location.line), column \(location.column)"))
        }
    }

    /// FNV-1a over a scalar's value bytes.
    func hashValue(_ node: YAMLNode) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        scalarBytes.withUnsafeBufferPointer { buffer in
            let start = Int(node.valueStart)
            for k in start..<(start + Int(node.valueLength)) {
                hash = (hash ^ UInt64(buffer[k])) &* 0x0000_0100_0000_01B3
            }
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    /// The end of a block scalar without the blank lines libyaml counts into it.
    func trimmedEnd(start: Int, end: Int) -> Int {
        var end = min(end, source.bytes.count)
        while end > start {
            let byte = source.bytes[end - 1]
            guard byte == 0x0A || byte == 0x0D || byte == 0x20 || byte == 0x09 else { break }
            end -= 1
        }
        return end
    }
}
