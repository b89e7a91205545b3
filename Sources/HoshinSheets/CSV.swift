/// RFC 4180 CSV in UTF-8, as spreadsheets write it in Swedish and Danish locales too:
/// a byte-order mark is skipped and `;` is detected as the delimiter.
public enum CSV {
    /// A parse problem, with its 1-based line.
    public struct Problem: Error, Sendable, Equatable {
        public let line: Int
        public let message: String
    }

    /// Rows of fields. The delimiter is `;` when the first line has more `;` than `,` outside quotes.
    public static func parse(_ bytes: [UInt8]) throws -> [[String]] {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
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
        return rows.filter { !($0.count == 1 && $0[0].isEmpty) }
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
