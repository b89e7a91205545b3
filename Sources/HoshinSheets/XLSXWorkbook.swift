import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A workbook read whole: every worksheet by name, each cell as text read with its number
/// format (spec §9): a percent cell holding 0.85 reads `85%`, a date cell reads `2026-11-02`.
public struct XLSXWorkbook: Sendable {
    /// Worksheets in workbook order: name, hidden, table.
    public let sheets: [(name: String, hidden: Bool, table: [[String]])]

    /// The worksheet with this name (case-insensitive), if any.
    public func sheet(named name: String) -> [[String]]? {
        sheets.first { $0.name.lowercased() == name.lowercased() }?.table
    }

    /// The reporting sheet: the one named `Rapport` (or `Rapport`, `Report` in any case),
    /// else the first visible worksheet whose first rows name `type` and `ref` (or their
    /// labels), else the first visible worksheet.
    public var reportTable: [[String]] {
        for name in ["Rapport", "Report"] {
            if let table = sheet(named: name) { return table }
        }
        let visible = sheets.filter { !$0.hidden && $0.name != SheetBase.sheetName }
        if let found = visible.first(where: { (try? ReportingSheet.read(table: $0.table)) != nil }) { return found.table }
        return visible.first?.table ?? []
    }
}

extension XLSX {
    /// Reads every worksheet of a workbook, with number formats.
    public static func readWorkbook(_ bytes: [UInt8]) throws -> XLSXWorkbook {
        do {
            let names = try ZipArchive.directory(bytes).keys
            let shared = try ZipArchive.read("xl/sharedStrings.xml", in: bytes, limit: maxPartBytes)
                .map { try SharedStrings.parse(Data($0)) } ?? []
            let styles = try ZipArchive.read("xl/styles.xml", in: bytes, limit: maxPartBytes)
                .map { StyleReader.parse(Data($0)) } ?? StyleReader.Formats(kinds: [])
            var entries: [(name: String, hidden: Bool, path: String)] = []
            var date1904 = false
            if let workbook = try ZipArchive.read("xl/workbook.xml", in: bytes, limit: maxPartBytes) {
                let relationships = try ZipArchive.read("xl/_rels/workbook.xml.rels", in: bytes, limit: maxPartBytes)
                    .map { RelationshipReader.parse(Data($0)) } ?? [:]
                let book = WorkbookReader.parse(Data(workbook))
                date1904 = book.date1904
                for sheet in book.sheets {
                    guard let target = relationships[sheet.relationship] else { continue }
                    let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                    entries.append((sheet.name, sheet.hidden, path))
                }
            }
            if entries.isEmpty {
                let sheets = names.filter { $0.hasPrefix("xl/worksheets/") && $0.hasSuffix(".xml") }.sorted()
                entries = sheets.map { ($0, false, $0) }
            }
            var result: [(name: String, hidden: Bool, table: [[String]])] = []
            for entry in entries {
                guard let part = try ZipArchive.read(entry.path, in: bytes, limit: maxPartBytes) else { continue }
                let table = try WorksheetReader.parse(Data(part), shared: shared, formats: styles, date1904: date1904)
                result.append((entry.name, entry.hidden, table))
            }
            guard !result.isEmpty else { throw Problem(message: "the workbook has no worksheet") }
            return XLSXWorkbook(sheets: result)
        } catch let problem as ZipArchive.Problem {
            throw Problem(message: problem.message)
        }
    }

    /// Text for a number cell read with its format: `85%` for a percent cell, `2026-11-02` for a date cell.
    static func formatted(_ value: Double, kind: StyleReader.Kind, date1904: Bool) -> String {
        switch kind {
        case .percent:
            return number(value * 100) + "%"
        case .date:
            let days = Int(value.rounded(.down))
            let origin = date1904 ? DateComponents(year: 1904, month: 1, day: 1) : DateComponents(year: 1899, month: 12, day: 30)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            guard let start = calendar.date(from: origin),
                  let date = calendar.date(byAdding: .day, value: days, to: start) else { return number(value) }
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        case .general:
            return number(value)
        }
    }

    /// The shortest text of a number; float noise from `× 100` rounded away (0.285 × 100).
    static func number(_ value: Double) -> String {
        let rounded = (value * 1e9).rounded() / 1e9
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }
}

/// Cell formats of `xl/styles.xml`: for each `cellXfs` entry, whether it shows a percentage, a date or a plain number.
final class StyleReader: NSObject, XMLParserDelegate {
    enum Kind: Sendable { case general, percent, date }
    struct Formats: Sendable {
        let kinds: [Kind]
        func kind(_ style: Int?) -> Kind { style.flatMap { kinds.indices.contains($0) ? kinds[$0] : nil } ?? .general }
    }

    var custom: [Int: String] = [:]
    var xfIDs: [Int] = []
    var inCellXfs = false

    static func parse(_ data: Data) -> Formats {
        let delegate = StyleReader()
        delegate.read(data)
        return Formats(kinds: delegate.xfIDs.map { delegate.kind(of: $0) })
    }

    func kind(of id: Int) -> Kind {
        if [9, 10].contains(id) { return .percent }
        if (14...17).contains(id) || id == 22 || (27...36).contains(id) || (50...58).contains(id) { return .date }
        guard let code = custom[id] else { return .general }
        // Drop quoted text, escaped characters and [colour]/[$-locale] sections before looking.
        var plain = ""
        var quoted = false
        var bracket = false
        var escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            switch character {
            case "\"": quoted.toggle()
            case "\\": escaped = !quoted
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            default: if !quoted && !bracket { plain.append(character) }
            }
        }
        let lower = plain.lowercased()
        if lower.contains("%") { return .percent }
        if lower.contains("y") || lower.contains("d") || lower.contains("å") { return .date }
        if lower.contains("m"), !lower.contains("h"), !lower.contains("s") { return .date }
        return .general
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch element {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { custom[id] = code }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: xfIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if element == "cellXfs" { inCellXfs = false }
    }
}

/// The sheets of `xl/workbook.xml`: name, relationship id, hidden; and the 1904 date system.
final class WorkbookReader: NSObject, XMLParserDelegate {
    var sheets: [(name: String, relationship: String, hidden: Bool)] = []
    var date1904 = false

    static func parse(_ data: Data) -> WorkbookReader {
        let delegate = WorkbookReader()
        delegate.read(data)
        return delegate
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if element == "sheet", let name = attributes["name"] {
            let relationship = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
            sheets.append((name, relationship, (attributes["state"] ?? "visible") != "visible"))
        }
        if element == "workbookPr", let value = attributes["date1904"] { date1904 = value == "1" || value == "true" }
    }
}

/// `Id → Target` of a relationships part.
final class RelationshipReader: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]

    static func parse(_ data: Data) -> [String: String] {
        let delegate = RelationshipReader()
        delegate.read(data)
        return delegate.targets
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
    }
}

extension XMLParserDelegate where Self: NSObject {
    /// Runs Foundation's XML parser over `data` with this object as its delegate; false when
    /// the XML is not well-formed (what was read up to there stays read).
    @discardableResult
    func read(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.delegate = self
        return parser.parse()
    }
}
