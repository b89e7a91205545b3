import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Office Open XML spreadsheets with one worksheet: what `sheet export --format xlsx`
/// writes and `sheet import` reads (from Hoshin, Excel, LibreOffice or Numbers).
public enum XLSX {
    /// A problem reading a workbook.
    public struct Problem: Error, Sendable {
        public let message: String
    }

    /// Parts larger than this are refused, so a ZIP bomb cannot exhaust memory.
    static let maxPartBytes = 32 * 1024 * 1024

    /// Columns written as numbers when their text is a number.
    static let numericColumns: Set<Int> = [4, 8, 9, 10]

    // MARK: Writing

    /// Writes a table as a workbook with one worksheet named "Rapport"; `layout` adds the
    /// status drop-down and highlights the due period's rows.
    public static func write(_ table: [[String]], sheetName: String = "Rapport", layout: SheetLayout = SheetLayout()) -> [UInt8] {
        write(sheets: [(sheetName, false, table)], layout: layout)
    }

    /// Writes worksheets (name, hidden, table); the first is the one shown. At least one must be visible.
    /// `layout` applies to the first (the report) sheet.
    public static func write(sheets: [(name: String, hidden: Bool, table: [[String]])], layout: SheetLayout = SheetLayout()) -> [UInt8] {
        var parts: [(path: String, bytes: [UInt8])] = [
            ("[Content_Types].xml", Array(contentTypes(count: sheets.count).utf8)),
            ("_rels/.rels", Array(rootRelationships.utf8)),
            ("xl/workbook.xml", Array(workbook(sheets.map { ($0.name, $0.hidden) }).utf8)),
            ("xl/_rels/workbook.xml.rels", Array(workbookRelationships(count: sheets.count).utf8)),
            ("xl/styles.xml", Array(styles.utf8)),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", Array(worksheet(sheet.table, report: index == 0, layout: index == 0 ? layout : SheetLayout()).utf8)))
        }
        return ZipArchive.write(parts)
    }

    static func contentTypes(count: Int) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
        """ + (1...count).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined() + """
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>
        """
    }

    static let rootRelationships = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
    </Relationships>
    """

    static func workbook(_ sheets: [(name: String, hidden: Bool)]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <bookViews><workbookView activeTab="0"/></bookViews><sheets>
        """ + sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(escape(sheet.name))\" sheetId=\"\(index + 1)\"\(sheet.hidden ? " state=\"hidden\"" : "") r:id=\"rId\(index + 1)\"/>"
        }.joined() + "</sheets></workbook>\n"
    }

    static func workbookRelationships(count: Int) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        """ + (1...count).map {
            "<Relationship Id=\"rId\($0)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
        }.joined() + """
        <Relationship Id="rId\(count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """
    }

    static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
    <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
    <fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill></fills>\
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
    <xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/></cellXfs>\
    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
    </styleSheet>
    """

    /// "A", "B", … "Z", "AA" for a 0-based column.
    static func columnName(_ index: Int) -> String {
        var index = index + 1
        var name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            index = (index - 1) / 26
        }
        return name
    }

    static func worksheet(_ table: [[String]], report: Bool = true, layout: SheetLayout = SheetLayout()) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        out += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        if report {
            out += "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"><pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
            out += "<cols><col min=\"1\" max=\"1\" width=\"14\" customWidth=\"1\"/><col min=\"2\" max=\"3\" width=\"42\" customWidth=\"1\"/><col min=\"6\" max=\"6\" width=\"40\" customWidth=\"1\"/></cols>"
        }
        out += "<sheetData>"
        for (rowIndex, row) in table.enumerated() {
            let due = report && layout.dueRows.contains(rowIndex)
            out += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, value) in row.enumerated() where !value.isEmpty || due {
                let reference = "\(columnName(columnIndex))\(rowIndex + 1)"
                let style = report && rowIndex < 2 ? " s=\"1\"" : (due ? " s=\"2\"" : "")
                if value.isEmpty {
                    out += "<c r=\"\(reference)\"\(style)/>"
                    continue
                }
                if report, rowIndex >= 2, numericColumns.contains(columnIndex), let number = Double(value), number.isFinite {
                    out += "<c r=\"\(reference)\"\(style)><v>\(value)</v></c>"
                } else {
                    out += "<c r=\"\(reference)\" t=\"inlineStr\"\(style)><is><t xml:space=\"preserve\">\(escape(cellText(value)))</t></is></c>"
                }
            }
            out += "</row>"
        }
        return out + "</sheetData>" + (report ? layout.dataValidations(rows: table.count) : "") + "</worksheet>\n"
    }

    /// The most characters a spreadsheet cell holds (Excel's limit); longer text is cut.
    public static let maxCellCharacters = 32_767

    /// Text for a cell: cut to `maxCellCharacters` (ending in `…`) when longer, as Excel
    /// cannot open a workbook with a longer cell.
    public static func cellText(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > maxCellCharacters else { return text }
        var cut = String.UnicodeScalarView(scalars.prefix(maxCellCharacters - 1))
        cut.append("…")
        return String(cut)
    }

    /// XML text for a cell. Characters XML 1.0 cannot hold (C0 controls but tab and LF, CR,
    /// which XML readers turn into LF, U+FFFE, U+FFFF) and a literal `_xHHHH_` are written as
    /// Office Open XML escapes (`_x0001_`, `_x005F_`), which Excel and LibreOffice read back.
    static func escape(_ text: String) -> String {
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "_" where isEscapeAhead(scalars, index):
                out += "_x005F_"
            default:
                let value = scalar.value
                if (value < 0x20 && scalar != "\n" && scalar != "\t") || value == 0xFFFE || value == 0xFFFF {
                    out += "_x" + hex4(value) + "_"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static func hex4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// True when `_xHHHH_` starts at `index`.
    static func isEscapeAhead(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// Text with Office Open XML escapes (`_x000D_`) decoded.
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", isEscapeAhead(scalars, index),
               let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)...(index + 5)])), radix: 16),
               let decoded = Unicode.Scalar(value) {
                out.append(decoded)
                index += 7
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }

    // MARK: Reading

    /// A part's bytes for Foundation's XML parser, which traps on an element or attribute
    /// name that is not UTF-8 (found by fuzzing): parts are UTF-8, as Excel writes them.
    static func xml(_ bytes: [UInt8], part: String) throws -> Data {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw Problem(message: "\(part) is not UTF-8 text")
        }
        return Data(bytes)
    }

    /// Reads the first worksheet as a table of text (numbers as written, shortest form).
    public static func read(_ bytes: [UInt8]) throws -> [[String]] {
        do {
            let names = try ZipArchive.directory(bytes).keys
            let sheets = names.filter { $0.hasPrefix("xl/worksheets/") && $0.hasSuffix(".xml") }.sorted()
            let first = sheets.contains("xl/worksheets/sheet1.xml") ? "xl/worksheets/sheet1.xml" : sheets.first
            guard let first, let sheet = try ZipArchive.read(first, in: bytes, limit: maxPartBytes) else {
                throw Problem(message: "the workbook has no worksheet")
            }
            let shared = try ZipArchive.read("xl/sharedStrings.xml", in: bytes, limit: maxPartBytes)
                .map { try SharedStrings.parse(try xml($0, part: "xl/sharedStrings.xml")) } ?? []
            return try WorksheetReader.parse(try xml(sheet, part: first), shared: shared)
        } catch let problem as ZipArchive.Problem {
            throw Problem(message: problem.message)
        }
    }
}

/// The shared-strings table (`xl/sharedStrings.xml`) of a workbook.
final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inText = false
    var inPhonetic = false

    static func parse(_ data: Data) throws -> [String] {
        let delegate = SharedStrings()
        guard delegate.read(data) else { throw XLSX.Problem(message: "xl/sharedStrings.xml is not valid XML") }
        return delegate.strings
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch element {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "si": strings.append(XLSX.unescape(current))
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// Cells of a worksheet, placed by their `r="C5"` references.
final class WorksheetReader: NSObject, XMLParserDelegate {
    let shared: [String]
    var formats = StyleReader.Formats(kinds: [])
    var date1904 = false
    var style: Int?
    var rows: [Int: [Int: String]] = [:]
    var nextRow = 0
    var rowIndex = 0
    var nextColumn = 0
    var column = 0
    var type = ""
    var value = ""
    var capturing = false
    var failure: XLSX.Problem?

    init(shared: [String]) {
        self.shared = shared
    }

    /// Excel's own limits (XFD1048576): a row or column past them is damage, not data.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384
    /// The most cells the table read may have (its rows × their widths), so that a few
    /// cells far apart cannot make a table of billions of empty ones.
    static let maxTableCells = 1_000_000

    static func parse(_ data: Data, shared: [String], formats: StyleReader.Formats = .init(kinds: []),
                      date1904: Bool = false) throws -> [[String]] {
        let delegate = WorksheetReader(shared: shared)
        delegate.formats = formats
        delegate.date1904 = date1904
        guard delegate.read(data) else { throw delegate.failure ?? XLSX.Problem(message: "the worksheet is not valid XML") }
        if let failure = delegate.failure { throw failure }
        guard let last = delegate.rows.keys.max() else { return [] }
        let cells = delegate.rows.values.reduce(last + 1) { $0 + ($1.keys.max() ?? 0) + 1 }
        guard cells <= maxTableCells else {
            throw XLSX.Problem(message: "the worksheet is too large (its cells span more than \(maxTableCells) cells)")
        }
        return (0...last).map { row in
            let cells = delegate.rows[row] ?? [:]
            guard let width = cells.keys.max() else { return [] }
            return (0...width).map { cells[$0] ?? "" }
        }
    }

    /// (row, column), 0-based, of a reference such as "C5"; nil when it is not one
    /// within Excel's limits.
    static func position(_ reference: String) -> (Int, Int)? {
        var column = 0
        var row = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard row == 0 else { return nil }
                column = column * 26 + Int(byte & 0xDF) - 64
                guard column <= maxColumns else { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                guard row <= maxRows else { return nil }
            default:
                return nil
            }
        }
        guard column > 0, row > 0 else { return nil }
        return (row - 1, column - 1)
    }

    func fail(_ message: String, _ parser: XMLParser) {
        failure = XLSX.Problem(message: message)
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch element {
        case "row":
            if let number = attributes["r"] {
                guard let row = Int(number), (1...Self.maxRows).contains(row) else {
                    return fail("row number '\(number)' is outside the sheet (1 to \(Self.maxRows))", parser)
                }
                rowIndex = row - 1
            } else {
                rowIndex = nextRow
            }
            nextRow = rowIndex + 1
            nextColumn = 0
        case "c":
            if let reference = attributes["r"], let (row, column) = Self.position(reference) {
                rowIndex = row
                self.column = column
            } else {
                column = nextColumn
            }
            guard rowIndex < Self.maxRows, column < Self.maxColumns else {
                return fail("a cell lies outside the sheet (past row \(Self.maxRows) or column XFD)", parser)
            }
            nextColumn = column + 1
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init)
            value = ""
        case "v", "t":
            capturing = true
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "v", "t":
            capturing = false
        case "c":
            var text = type == "inlineStr" || type == "str" ? XLSX.unescape(value) : value
            if type == "s" {
                guard let index = Int(value), shared.indices.contains(index) else {
                    failure = XLSX.Problem(message: "a cell refers to a shared string that does not exist")
                    return
                }
                text = shared[index]
            } else if type == "n", let number = Double(value), number.isFinite {
                text = XLSX.formatted(number, kind: formats.kind(style), date1904: date1904)
            } else if type == "b" {
                text = value == "1" ? "TRUE" : "FALSE"
            }
            if !text.isEmpty { rows[rowIndex, default: [:]][column] = text }
        default:
            break
        }
    }
}
