/// A byte-range replacement in a file's original text: the only way Hoshin edits.
public struct Splice: Sendable, Hashable {
    /// The original bytes replaced (empty for an insertion).
    public let start: Int
    /// One past the last replaced byte.
    public let end: Int
    /// The new bytes.
    public let replacement: [UInt8]

    /// Creates a splice.
    public init(start: Int, end: Int, replacement: [UInt8]) {
        self.start = start
        self.end = end
        self.replacement = replacement
    }

    /// Creates an insertion of text at an offset.
    public init(insert text: String, at offset: Int) {
        self.init(start: offset, end: offset, replacement: Array(text.utf8))
    }

    /// Creates a replacement of a range by text.
    public init(replace start: Int, _ end: Int, with text: String) {
        self.init(start: start, end: end, replacement: Array(text.utf8))
    }

    /// Applies non-overlapping splices to `bytes`; every byte outside them stays.
    public static func apply(_ splices: [Splice], to bytes: [UInt8]) -> [UInt8] {
        let ordered = splices.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + ordered.reduce(0) { $0 + $1.replacement.count })
        var cursor = 0
        for splice in ordered {
            precondition(splice.start >= cursor && splice.end >= splice.start && splice.end <= bytes.count,
                         "overlapping or out-of-range splice")
            result.append(contentsOf: bytes[cursor..<splice.start])
            result.append(contentsOf: splice.replacement)
            cursor = splice.end
        }
        result.append(contentsOf: bytes[cursor...])
        return result
    }
}
