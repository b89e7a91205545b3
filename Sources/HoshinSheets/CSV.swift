/// RFC 4180 CSV in UTF-8, as spreadsheets write it in Swedish and Danish locales too:
/// a byte-order mark is skipped and `;` is detected as the delimiter.
public enum CSV {
    /// A parse problem, with its 1-based line.
    public struct Problem: Error, Sendable, Equatable {
        public let line: Int
        public let message: String
    }

    /// The text encodings a CSV is read in.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8WithBOM = "UTF-8 with byte-order mark"
        case windows1252 = "Windows-1252"
    }

    /// The text of a CSV file: UTF-8 when the bytes are valid UTF-8 (a byte-order mark
    /// skipped), else Windows-1252, what Excel in Swedish and Danish locales saves.
    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: Encoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]), let text = String(validating: bytes.dropFirst(3), as: UTF8.self) {
            return (text, .utf8WithBOM)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        var text = ""
        text.unicodeScalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let scalar = Unicode.Scalar(windows1252High[Int(byte - 0x80)]) {
                text.unicodeScalars.append(scalar)
            } else {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return (text, .windows1252)
    }

    /// Windows-1252 for 0x80–0x9F (the five undefined bytes kept as their C1 code points).
    static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Rows of fields (blank lines kept as empty rows, so row numbers match the file's).
    /// The delimiter is `;` when the first line has more `;` than `,` outside quotes.
    public static func parse(_ bytes: [UInt8]) throws -> [[String]] {
        try parse(text: decode(bytes).text)
    }

    /// Rows of fields of decoded text.
    public static func parse(text: String) throws -> [[String]] {
        let delimiter = detectDelimiter(text)
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var atFieldStart = true
        var line = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending { pending = nil; return scalar }
            return iterator.next()
        }
        while let scalar = next() {
            if quoted {
                if scalar == "\"" {
                    let following = next()
                    if following == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        pending = following
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where atFieldStart:
                quoted = true
                atFieldStart = false
            case delimiter:
                row.append(field)
                field = ""
                atFieldStart = true
            case "\r":
                let following = next()
                if following != "\n" { pending = following }
                fallthrough
            case "\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
                atFieldStart = true
                line += 1
            default:
                field.unicodeScalars.append(scalar)
                atFieldStart = false
            }
        }
        if quoted { throw Problem(line: line, message: "a quoted field is not closed") }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    static func detectDelimiter(_ text: String) -> Unicode.Scalar {
        var commas = 0
        var semicolons = 0
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if quoted { continue }
            if scalar == "\n" { break }
            if scalar == "," { commas += 1 }
            if scalar == ";" { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }

    /// One row of fields, quoted where needed, CRLF-terminated.
    public static func line(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { field in
            guard field.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            var quoted = "\""
            for character in field { quoted += character == "\"" ? "\"\"" : String(character) }
            return quoted + "\""
        }.joined(separator: String(delimiter)) + "\r\n"
    }
}
