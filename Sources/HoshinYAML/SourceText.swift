/// The bytes of one file with the tables that turn byte offsets into lines and columns.
///
/// The canonical position everywhere in Hoshin is the UTF-8 byte offset; line and
/// column are derived here, for display only. Columns count characters (Unicode
/// scalars), so `å` is one column.
public struct SourceText: Sendable {
    /// The file's bytes, exactly as read; empty once `droppingBytes()` kept only positions.
    public private(set) var bytes: [UInt8]
    /// How many bytes the file has (also once the bytes are dropped).
    public let byteCount: Int
    /// Byte offset of the first byte of every line (line 1 starts at 0); 32 bits, as
    /// a file is at most a few megabytes (the limit is 8 MiB).
    private(set) var lineStarts: [Int32]
    /// Once the bytes are dropped, the line table in two levels instead (when it fits):
    /// the start of every `linesPerBlock`-th line, and each line's start from its block's,
    /// in 16 bits (half the size of `lineStarts`).
    private(set) var blockStarts: [Int32] = []
    private(set) var startsInBlock: [UInt16] = []
    static let linesPerBlock = 64
    /// The offset of the first byte that is not valid UTF-8, if any.
    public let firstInvalidUTF8Offset: Int?
    /// The offset of the first NUL byte, if any (a sign of a binary file).
    public let firstNULOffset: Int?
    /// 3 when the file starts with a UTF-8 byte-order mark (EF BB BF), else 0.
    ///
    /// Offsets stay true to the file (the mark is kept by edits); columns do not count it.
    public let byteOrderMarkLength: Int
    /// True when every byte is ASCII: character index and byte offset coincide.
    let isASCII: Bool
    /// Byte offset of every `checkpointStride`-th character, for index conversion.
    private(set) var characterCheckpoints: [Int32]
    /// Once the bytes are dropped: the offset of every UTF-8 continuation byte (10xxxxxx),
    /// in order. The characters before an offset are the bytes before it less these.
    private(set) var continuationOffsets: [Int32] = []
    /// One bit a line: set when the line holds a byte that is not ASCII.
    let nonASCIILines: [UInt64]
    /// True when the text holds a line break of YAML 1.1 that is not CR or LF (NEL, LS,
    /// PS): libyaml counts lines differently from the line table then.
    let hasUnicodeLineBreaks: Bool

    static let checkpointStride = 128

    /// Reads the tables off `bytes` in one pass.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.byteCount = bytes.count
        var lineStarts: [Int32] = [0]
        var checkpoints: [Int32] = [0]
        var invalid: Int?
        var nul: Int?
        var ascii = true
        var nonASCIILines: [UInt64] = [0]
        var lineIsASCII = true
        var unicodeBreaks = false
        var characters = 0
        let count = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < count {
                // Eight printable ASCII bytes at once (no line break, NUL or UTF-8 lead
                // byte among them) when no checkpoint falls inside them.
                if i + 8 <= count, characters % SourceText.checkpointStride < SourceText.checkpointStride - 8 {
                    let word = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    let high = word & 0x8080_8080_8080_8080
                    let control = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                    if high | control == 0 {
                        i += 8
                        characters += 8
                        continue
                    }
                }
                let byte = buffer[i]
                var width = 1
                if byte < 0x80 {
                    var lineEnds = false
                    if byte == 0x0A {
                        lineStarts.append(Int32(truncatingIfNeeded: i + 1))
                        lineEnds = true
                    } else if byte == 0x0D {
                        if i + 1 < count, buffer[i + 1] == 0x0A {
                            // CRLF: libyaml counts two characters; so do we.
                        } else {
                            lineStarts.append(Int32(truncatingIfNeeded: i + 1))
                            lineEnds = true
                        }
                    } else if byte == 0, nul == nil {
                        nul = i
                    }
                    if lineEnds {
                        // The line just ended: note it, and start the next line's bit.
                        let line = lineStarts.count - 2
                        if !lineIsASCII { nonASCIILines[line >> 6] |= 1 << UInt64(line & 63) }
                        if (line + 1) >> 6 >= nonASCIILines.count { nonASCIILines.append(0) }
                        lineIsASCII = true
                    }
                } else {
                    ascii = false
                    lineIsASCII = false
                    if byte == 0xC2, i + 1 < count, buffer[i + 1] == 0x85 { unicodeBreaks = true }
                    if byte == 0xE2, i + 2 < count, buffer[i + 1] == 0x80, buffer[i + 2] == 0xA8 || buffer[i + 2] == 0xA9 {
                        unicodeBreaks = true
                    }
                    width = SourceText.sequenceWidth(buffer, at: i)
                    if width == 0 {
                        if invalid == nil { invalid = i }
                        width = 1
                    }
                }
                i += width
                characters += 1
                if characters % SourceText.checkpointStride == 0 {
                    checkpoints.append(Int32(truncatingIfNeeded: i))
                }
            }
        }
        if !lineIsASCII {
            let line = lineStarts.count - 1
            nonASCIILines[line >> 6] |= 1 << UInt64(line & 63)
        }
        self.nonASCIILines = nonASCIILines
        self.hasUnicodeLineBreaks = unicodeBreaks
        self.lineStarts = lineStarts.withUnsafeBufferPointer { Array($0) }
        self.byteOrderMarkLength = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        self.firstInvalidUTF8Offset = invalid
        self.firstNULOffset = nul
        self.isASCII = ascii
        self.characterCheckpoints = checkpoints.withUnsafeBufferPointer { Array($0) }
    }

    /// Width of the well-formed UTF-8 sequence starting at `i`, or 0 if it is ill-formed.
    static func sequenceWidth(_ buffer: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let lead = buffer[i]
        let width: Int
        let minimum: UInt32
        switch lead {
        case 0xC2...0xDF: width = 2; minimum = 0x80
        case 0xE0...0xEF: width = 3; minimum = 0x800
        case 0xF0...0xF4: width = 4; minimum = 0x10000
        default: return 0
        }
        guard i + width <= buffer.count else { return 0 }
        var scalar = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for k in 1..<width {
            let next = buffer[i + k]
            guard next & 0xC0 == 0x80 else { return 0 }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return 0 }
        return width
    }

    /// The byte offset of the character at libyaml's character `index`.
    public func byteOffset(ofCharacterIndex index: Int) -> Int {
        var cursor = CharacterCursor()
        return byteOffset(ofCharacterIndex: index, cursor: &cursor)
    }

    /// A remembered (character index, byte offset) pair: libyaml's marks mostly move
    /// forward, so each conversion walks only from the previous one.
    public struct CharacterCursor: Sendable {
        var index = 0
        var offset = 0

        /// A cursor at the start of the text.
        public init() {}

        init(index: Int, offset: Int) {
            self.index = index
            self.offset = offset
        }
    }

    /// The byte offset of libyaml's mark (0-based `line` and character `column`, and the
    /// character `index` they stand for): on a line of ASCII the column is the byte
    /// distance from the line's start; elsewhere the index is walked to from `cursor`.
    public func byteOffset(line: Int, column: Int, characterIndex index: Int, cursor: inout CharacterCursor) -> Int {
        if !hasUnicodeLineBreaks, line >= 0, line < lineStarts.count,
           nonASCIILines[line >> 6] & (1 << UInt64(line & 63)) == 0 {
            let start = line == 0 ? byteOrderMarkLength : Int(lineStarts[line])
            let end = line + 1 < lineStarts.count ? Int(lineStarts[line + 1]) : bytes.count
            let offset = start + column
            if column >= 0, offset <= end {
                cursor = CharacterCursor(index: index, offset: offset)
                return offset
            }
        }
        return byteOffset(ofCharacterIndex: index, cursor: &cursor)
    }

    /// The byte offset of the character at `index`, walking from `cursor` when it is behind.
    public func byteOffset(ofCharacterIndex index: Int, cursor: inout CharacterCursor) -> Int {
        if isASCII { return min(index, bytes.count) }
        var offset: Int
        var remaining: Int
        let slot = min(index / SourceText.checkpointStride, characterCheckpoints.count - 1)
        if cursor.index <= index, index - cursor.index < index - slot * SourceText.checkpointStride {
            offset = cursor.offset
            remaining = index - cursor.index
        } else {
            offset = Int(characterCheckpoints[slot])
            remaining = index - slot * SourceText.checkpointStride
        }
        defer { cursor = CharacterCursor(index: index, offset: offset) }
        offset = walk(from: offset, characters: remaining)
        return offset
    }

    /// The offset `characters` characters after `start` (a character's first byte), or the
    /// end. A character is counted at its first byte: the text is valid UTF-8 wherever
    /// this is used (the parser refuses other text), so every byte that is not a
    /// continuation byte (10xxxxxx) starts one. Eight bytes are counted at once.
    func walk(from start: Int, characters: Int) -> Int {
        var offset = start
        var remaining = characters
        let count = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            while remaining >= 8, offset + 8 <= count {
                let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
                let leads = 8 - SourceText.continuationBytes(word)
                guard leads <= remaining else { break }
                offset += 8
                remaining -= leads
            }
            while offset < count {
                if buffer[offset] & 0xC0 == 0x80 { offset += 1; continue }
                if remaining == 0 { break }
                remaining -= 1
                offset += 1
            }
        }
        return min(offset, count)
    }

    /// How many of a word's eight bytes are UTF-8 continuation bytes (10xxxxxx).
    @inline(__always)
    static func continuationBytes(_ word: UInt64) -> Int {
        (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
    }

    /// The 1-based line and character column of a byte offset.
    ///
    /// A binary search of the line table and of the character checkpoints, then a walk of
    /// at most `checkpointStride` characters: placing n diagnostics costs O(n log size),
    /// however long the line they share.
    public func location(ofByteOffset offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, byteCount))
        let line = lineIndex(ofByteOffset: clamped)
        var lineStart = self.lineStart(line)
        if line == 0, clamped >= byteOrderMarkLength { lineStart = byteOrderMarkLength }
        let column = characterIndex(ofByteOffset: clamped) - characterIndex(ofByteOffset: lineStart) + 1
        return SourceLocation(line: line + 1, column: max(1, column), offset: clamped)
    }

    /// The 0-based index of the line holding `offset` (binary search of the line table).
    public func lineIndex(ofByteOffset offset: Int) -> Int {
        if !startsInBlock.isEmpty { return twoLevelLineIndex(ofByteOffset: offset) }
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(lineStarts[mid]) <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// `lineIndex` in the two-level table: the block, then the line within it.
    private func twoLevelLineIndex(ofByteOffset offset: Int) -> Int {
        var low = 0
        var high = blockStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(blockStarts[mid]) <= offset { low = mid } else { high = mid - 1 }
        }
        let blockStart = Int(blockStarts[low])
        var first = low * SourceText.linesPerBlock
        var last = min(startsInBlock.count, first + SourceText.linesPerBlock) - 1
        while first < last {
            let mid = (first + last + 1) / 2
            if blockStart + Int(startsInBlock[mid]) <= offset { first = mid } else { last = mid - 1 }
        }
        return first
    }

    /// The byte offset where the 0-based line `line` starts.
    func lineStart(_ line: Int) -> Int {
        if startsInBlock.isEmpty { return Int(lineStarts[line]) }
        return Int(blockStarts[line / SourceText.linesPerBlock]) + Int(startsInBlock[line])
    }

    /// The number of characters before byte `offset` (the byte-order mark counts as one).
    public func characterIndex(ofByteOffset offset: Int) -> Int {
        let clamped = max(0, min(offset, byteCount))
        if isASCII { return clamped }
        if bytes.count != byteCount {
            // Bytes dropped: subtract the continuation bytes before `clamped`.
            var low = 0
            var high = continuationOffsets.count
            while low < high {
                let mid = (low + high) / 2
                if Int(continuationOffsets[mid]) < clamped { low = mid + 1 } else { high = mid }
            }
            return clamped - low
        }
        var low = 0
        var high = characterCheckpoints.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(characterCheckpoints[mid]) <= clamped { low = mid } else { high = mid - 1 }
        }
        var index = low * SourceText.checkpointStride
        var i = Int(characterCheckpoints[low])
        bytes.withUnsafeBufferPointer { buffer in
            // Characters are counted at their first byte (see `walk`), eight bytes at once.
            while i + 8 <= clamped {
                let word = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
                index += 8 - SourceText.continuationBytes(word)
                i += 8
            }
            while i < clamped {
                if buffer[i] & 0xC0 != 0x80 { index += 1 }
                i += 1
            }
        }
        return index
    }

    /// The byte range of the 0-based line `index`, without its line break (and, on the
    /// first line, without the byte-order mark); empty once the bytes are dropped.
    public func lineRange(_ index: Int) -> Range<Int> {
        guard index >= 0, index < lineStarts.count, !hasDroppedBytes else { return bytes.count..<bytes.count }
        var start = Int(lineStarts[index])
        if index == 0 { start = min(byteOrderMarkLength, bytes.count) }
        var end = index + 1 < lineStarts.count ? Int(lineStarts[index + 1]) : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    /// Whether the bytes were dropped (`droppingBytes()`): positions are still answered;
    /// the text of lines is not.
    public var hasDroppedBytes: Bool { bytes.count != byteCount }

    /// The same text keeping only what `location(ofByteOffset:)` needs: the line table and,
    /// unless every byte is ASCII, the offsets of the continuation bytes, a fraction of the
    /// bytes. Text that is not valid UTF-8 keeps its bytes (its characters are counted
    /// differently there). For commands that show positions but no lines of text.
    public func droppingBytes() -> SourceText {
        guard firstInvalidUTF8Offset == nil, !bytes.isEmpty else { return self }
        var compact = self
        if !isASCII {
            var offsets: [Int32] = []
            bytes.withUnsafeBufferPointer { buffer in
                let count = buffer.count
                var i = 0
                // Eight bytes at once where none is a continuation byte.
                while i < count {
                    if i + 8 <= count {
                        let word = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
                        if SourceText.continuationBytes(word) == 0 {
                            i += 8
                            continue
                        }
                    }
                    if buffer[i] & 0xC0 == 0x80 { offsets.append(Int32(truncatingIfNeeded: i)) }
                    i += 1
                }
            }
            compact.continuationOffsets = offsets.withUnsafeBufferPointer { Array($0) }
        }
        compact.bytes = []
        compact.characterCheckpoints = []
        compact.packLineStarts()
        return compact
    }

    /// Puts the line table in two levels when every block of `linesPerBlock` lines spans
    /// less than 64 KiB (else keeps it as it is).
    private mutating func packLineStarts() {
        let perBlock = SourceText.linesPerBlock
        var blocks: [Int32] = []
        blocks.reserveCapacity((lineStarts.count + perBlock - 1) / perBlock)
        var offsets: [UInt16] = []
        offsets.reserveCapacity(lineStarts.count)
        for (line, start) in lineStarts.enumerated() {
            if line % perBlock == 0 { blocks.append(start) }
            let fromBlock = Int(start) - Int(blocks[blocks.count - 1])
            guard fromBlock <= Int(UInt16.max) else { return }
            offsets.append(UInt16(fromBlock))
        }
        blockStarts = blocks
        startsInBlock = offsets
        lineStarts = []
    }

    /// The number of lines (a file without a line break has one).
    public var lineCount: Int { startsInBlock.isEmpty ? lineStarts.count : startsInBlock.count }

    /// The text of the 1-based line `number`, without its line break (empty once the bytes
    /// are dropped).
    public func lineText(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        return String(decoding: bytes[lineRange(number - 1)], as: UTF8.self)
    }
}

/// A 1-based line and character column, with the byte offset they came from.
public struct SourceLocation: Sendable, Hashable, Codable {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in characters.
    public var column: Int
    /// 0-based UTF-8 byte offset in the file.
    public var offset: Int

    /// Creates a location.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }
}
