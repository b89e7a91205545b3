/// Example text with position markers, as swift-format's `MarkedText`: each marker (default
/// `↓`) stands just before the character a diagnostic should point at, and is removed from the
/// text. Lines count from 1; columns count Unicode scalars from 1, as `hoshin` prints them.
public struct MarkedText: Sendable, Equatable {
    /// One marked place.
    public struct Position: Sendable, Hashable, CustomStringConvertible {
        /// 1-based line.
        public let line: Int
        /// 1-based column in Unicode scalars.
        public let column: Int
        /// UTF-8 byte offset in the text without markers.
        public let offset: Int

        /// Creates a position.
        public init(line: Int, column: Int, offset: Int) {
            self.line = line
            self.column = column
            self.offset = offset
        }

        public var description: String { "\(line):\(column)" }
    }

    /// The text with every marker removed.
    public let text: String
    /// The marked places, in text order.
    public let positions: [Position]

    /// Reads `marked`, removing each `marker` and noting the place it stood.
    public init(_ marked: String, marker: String = "↓") {
        var text = ""
        var positions: [Position] = []
        var line = 1
        var column = 1
        var offset = 0
        var rest = Substring(marked)
        while !rest.isEmpty {
            if !marker.isEmpty, rest.hasPrefix(marker) {
                positions.append(Position(line: line, column: column, offset: offset))
                rest = rest.dropFirst(marker.count)
                continue
            }
            let character = rest.removeFirst()
            text.append(character)
            offset += character.utf8.count
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        self.text = text
        self.positions = positions
    }

    /// The same text with `prefix` (no line break) put in front of line `line`: positions on
    /// that line move right by the prefix's scalars, offsets after it by its bytes.
    public func inserting(_ prefix: String, atStartOfLine target: Int) -> MarkedText {
        precondition(!prefix.contains("\n"), "the prefix must stay on one line")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard target >= 1, target <= lines.count else { return self }
        let lineStartOffset = lines.prefix(target - 1).reduce(0) { $0 + $1.utf8.count + 1 }
        lines[target - 1] = prefix + lines[target - 1]
        let moved = positions.map { position in
            Position(line: position.line,
                     column: position.line == target ? position.column + prefix.unicodeScalars.count : position.column,
                     offset: position.offset >= lineStartOffset ? position.offset + prefix.utf8.count : position.offset)
        }
        return MarkedText(text: lines.joined(separator: "\n"), positions: moved)
    }

    init(text: String, positions: [Position]) {
        self.text = text
        self.positions = positions
    }
}
