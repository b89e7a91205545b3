/// Makes a PDF's bytes depend only on its content: the creation and modification dates
/// a printer writes are replaced by a fixed date of the same length, so every byte
/// offset (and the cross-reference table) stays valid.
public enum PDFNormaliser {
    /// Replaces every `/CreationDate (D:…)` and `/ModDate (D:…)` value with a fixed
    /// date padded to the same length, keeping every byte offset of the file.
    public static func normalise(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for key in ["/CreationDate", "/ModDate"] {
            let pattern = Array(key.utf8)
            var index = 0
            while let found = firstIndex(of: pattern, in: out, from: index) {
                var start = found + pattern.count
                while start < out.count, out[start] == UInt8(ascii: " ") { start += 1 }
                guard start < out.count, out[start] == UInt8(ascii: "(") else { index = found + 1; continue }
                guard let end = out[(start + 1)...].firstIndex(of: UInt8(ascii: ")")) else { break }
                let fixed = Array("D:20000101000000Z".utf8)
                for offset in (start + 1)..<end {
                    let position = offset - start - 1
                    out[offset] = position < fixed.count ? fixed[position] : UInt8(ascii: " ")
                }
                index = end
            }
        }
        return out
    }

    static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !pattern.isEmpty, bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
        var index = start
        while index <= bytes.count - pattern.count {
            if bytes[index] == pattern[0], Array(bytes[index..<(index + pattern.count)]) == pattern { return index }
            index += 1
        }
        return nil
    }
}
