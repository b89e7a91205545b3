import CZlib

/// The little of ZIP that XLSX needs: writing stored entries, and reading stored or
/// deflated entries with a bound on their size.
enum ZipArchive {
    struct Problem: Error {
        let message: String
    }

    // MARK: Writing

    /// A ZIP archive of `entries` (path, bytes), stored without compression.
    static func write(_ entries: [(path: String, bytes: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let name = Array(entry.path.utf8)
            let crc = checksum(entry.bytes)
            let offset = UInt32(out.count)
            // Local file header.
            out += le32(0x0403_4B50) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x5C21)
            out += le32(crc) + le32(UInt32(entry.bytes.count)) + le32(UInt32(entry.bytes.count))
            out += le16(UInt16(name.count)) + le16(0) + name + entry.bytes
            // Central directory record.
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x5C21)
            central += le32(crc) + le32(UInt32(entry.bytes.count)) + le32(UInt32(entry.bytes.count))
            central += le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let centralOffset = UInt32(out.count)
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        out += le32(UInt32(central.count)) + le32(centralOffset) + le16(0)
        return out
    }

    static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }

    // MARK: Reading

    /// The entries of an archive: path → (method, compressed range, uncompressed size).
    static func directory(_ bytes: [UInt8]) throws -> [String: (method: UInt16, start: Int, size: Int, uncompressed: Int)] {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard bytes.count >= 22 else { throw Problem(message: "not a ZIP archive") }
        var end = -1
        var at = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while at >= lowest {
            if u32(at) == 0x0605_4B50 { end = at; break }
            at -= 1
        }
        guard end >= 0 else { throw Problem(message: "not a ZIP archive (no end of central directory)") }
        let count = u16(end + 10)
        var cursor = u32(end + 16)
        var entries: [String: (method: UInt16, start: Int, size: Int, uncompressed: Int)] = [:]
        for _ in 0..<count {
            guard cursor + 46 <= bytes.count, u32(cursor) == 0x0201_4B50 else { throw Problem(message: "a damaged ZIP directory") }
            let method = UInt16(u16(cursor + 10))
            let size = u32(cursor + 20)
            let uncompressed = u32(cursor + 24)
            let nameLength = u16(cursor + 28)
            let extraLength = u16(cursor + 30)
            let commentLength = u16(cursor + 32)
            let local = u32(cursor + 42)
            guard cursor + 46 + nameLength <= bytes.count else { throw Problem(message: "a damaged ZIP directory") }
            let name = String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self)
            guard local + 30 <= bytes.count, u32(local) == 0x0403_4B50 else { throw Problem(message: "a damaged ZIP entry") }
            let start = local + 30 + u16(local + 26) + u16(local + 28)
            guard start + size <= bytes.count else { throw Problem(message: "a truncated ZIP entry") }
            entries[name] = (method, start, size, uncompressed)
            cursor += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    /// The bytes of one entry, refusing more than `limit` bytes.
    static func read(_ path: String, in bytes: [UInt8], limit: Int) throws -> [UInt8]? {
        guard let entry = try directory(bytes)[path] else { return nil }
        let compressed = Array(bytes[entry.start..<(entry.start + entry.size)])
        switch entry.method {
        case 0:
            guard compressed.count <= limit else { throw Problem(message: "\(path) is too large") }
            return compressed
        case 8:
            return try inflate(compressed, limit: limit, path: path)
        default:
            throw Problem(message: "\(path) uses an unsupported ZIP compression method (\(entry.method))")
        }
    }

    static func inflate(_ input: [UInt8], limit: Int, path: String) throws -> [UInt8] {
        let inflater = RawInflater(input)
        guard inflater.isReady else { throw Problem(message: "zlib could not start") }
        return try inflater.inflate(
            limit: limit,
            tooLarge: Problem(message: "\(path) is too large (a ZIP bomb?)"),
            damaged: Problem(message: "\(path) is damaged (deflate data)"))
    }
}
