import Foundation
import HoshinModel
import HoshinText

/// A unit's reporting sheet (spec §9): one row per activity and one per indicator and
/// reporting period of the plan year up to the as-of date.
public struct ReportingSheet: Sendable {
    /// The columns of the sheet, in order; the raw values are the English keys of the first
    /// header row (and of `cells`).
    public enum Column: String, Sendable, CaseIterable {
        case type, ref, title, status, progress, note, updated, period, value, num, den, comment
    }

    /// The English column keys of the first header row.
    public static let columns = Column.allCases.map(\.rawValue)

    /// What a row reports: an activity, or an indicator's value for one period.
    public enum RowKind: String, Sendable, CaseIterable {
        case activity, measurement
    }

    /// One row of the sheet, keyed by column.
    public struct Row: Sendable, Equatable {
        /// An activity or a measurement.
        public var type: RowKind
        /// The other cells by column key.
        public var cells: [String: String]

        /// Creates a row.
        public init(type: RowKind, cells: [String: String]) {
            self.type = type
            self.cells = cells
        }

        /// The text of a column: the row kind for `type`, else the cell ("" when empty).
        public func text(_ key: String) -> String {
            key == Column.type.rawValue ? type.rawValue : cells[key] ?? ""
        }
    }

    /// The rows.
    public var rows: [Row]

    /// Builds the sheet of `unit` at `asOf`.
    public init(unit: UnitPlan, settings: RepositorySettings, asOf: PlanDate) {
        var rows: [Row] = []
        for activity in unit.allActivities {
            rows.append(Row(type: .activity, cells: [
                "ref": unit.reference(activity.id.value), "title": activity.title,
                "status": activity.status.value.rawValue,
                "progress": activity.progress.map { Self.number($0.value) } ?? "",
                "note": activity.note ?? "", "updated": activity.updated?.value.description ?? "",
            ]))
        }
        let periods = Self.periods(year: settings.period, cadence: settings.reporting, asOf: asOf)
        for indicator in unit.allIndicators {
            let ratio = indicator.chart == .p || indicator.chart == .u
                || indicator.measurements.contains { if case .ratio = $0.value { true } else { false } }
            for period in periods {
                var cells = ["ref": unit.reference(indicator.id.value), "title": indicator.title, "period": period.description,
                             "comment": indicator.comment(for: period) ?? ""]
                switch indicator.measurements.first(where: { $0.period == period })?.value {
                case .number(let value)?: cells["value"] = Self.number(value)
                case .ratio(let num, let den)?:
                    cells["num"] = Self.number(num)
                    cells["den"] = Self.number(den)
                case nil:
                    if !ratio { cells["value"] = "" }
                }
                rows.append(Row(type: .measurement, cells: cells))
            }
        }
        self.rows = rows
    }

    /// Creates a sheet from rows.
    public init(rows: [Row]) {
        self.rows = rows
    }

    /// The reporting periods of the plan year that have begun by `asOf`.
    public static func periods(year: Int, cadence: ReportingCadence, asOf: PlanDate) -> [Period] {
        (1...cadence.periodsPerYear).compactMap { Period(year: year, cadence: cadence, index: $0) }
            .filter { $0.firstDay <= asOf }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Labels for the second header row, in the repository's language.
    public static func labels(_ language: ReportLanguage) -> [String] {
        columns.map { Catalogue.text("sheet.label.\($0)", language) }
    }

    /// The sheet as a table: the English header, the label row, the rows.
    public func table(language: ReportLanguage) -> [[String]] {
        [Self.columns, Self.labels(language)] + rows.map { row in
            Self.columns.map(row.text)
        }
    }

    /// The sheet as CSV (RFC 4180) with the base column: for sv and da what Excel in those
    /// locales opens directly (UTF-8 with a byte-order mark, `;`, decimal commas), for en `,`
    /// and decimal points.
    public func csv(language: ReportLanguage) -> String {
        let nordic = language != .en
        let delimiter: Character = nordic ? ";" : ","
        var lines = [CSV.line(Self.columns + [SheetBase.column], delimiter: delimiter),
                     CSV.line(Self.labels(language) + [SheetBase.label(language)], delimiter: delimiter)]
        for row in rows {
            var fields = Self.columns.map(row.text)
            if nordic {
                for key in ["progress", "value", "num", "den"] {
                    let index = Self.columns.firstIndex(of: key)!
                    if Double(fields[index]) != nil { fields[index] = fields[index].replacingOccurrences(of: ".", with: ",") }
                }
            }
            lines.append(CSV.line(fields + [SheetBase.encode(row)], delimiter: delimiter))
        }
        return (nordic ? "\u{FEFF}" : "") + lines.joined()
    }

    /// A row read back from a file: its 1-based sheet row number, its cells, and the values
    /// it was exported with (nil when the sheet carries no record of them).
    public struct ReadRow: Sendable, Equatable {
        public let number: Int
        public let cells: [String: String]
        public let base: [String: String]?

        public init(number: Int, cells: [String: String], base: [String: String]? = nil) {
            self.number = number
            self.cells = cells
            self.base = base
        }
    }

    /// A sheet read back: its rows, where each column is, and whether it recorded its base.
    public struct ReadSheet: Sendable, Equatable {
        /// The rows with content, in sheet order.
        public var rows: [ReadRow]
        /// 0-based column index by English key.
        public var columns: [String: Int]
        /// True when the sheet carries the values it was exported with.
        public var hasBase: Bool
        /// Problems found while reading (ragged rows), each with row and column.
        public var problems: [SheetError]

        /// The spreadsheet letter of a column key (`D`), or the key itself when unknown.
        public func letter(_ key: String) -> String {
            columns[key].map(Self.letter) ?? key
        }

        /// "A", "B", … "AA" for a 0-based column.
        public static func letter(_ index: Int) -> String {
            var index = index + 1
            var name = ""
            while index > 0 {
                name = String(UnicodeScalar(UInt8(65 + (index - 1) % 26))) + name
                index = (index - 1) / 26
            }
            return name
        }
    }

    /// Reads rows from a table (the label row or the English keys as header; blank rows and
    /// free text below the table skipped). `baseTable` is the hidden base worksheet of an
    /// XLSX; a CSV carries its base in the trailing `base` column.
    public static func read(table: [[String]], baseTable: [[String]]? = nil) throws -> ReadSheet {
        let normalize = { (text: String) in text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
        var byName: [String: String] = [:]
        for key in columns + [SheetBase.column] { byName[key] = key }
        for language in [ReportLanguage.sv, .da, .en] {
            for (key, label) in zip(columns + [SheetBase.column], labels(language) + [SheetBase.label(language)]) {
                byName[normalize(label)] = byName[normalize(label)] ?? key
            }
        }
        // The header: the first row (of the first ten) that names `type` and `ref`.
        var headerIndex: Int?
        var keys: [String?] = []
        for (index, row) in table.prefix(10).enumerated() {
            let mapped = row.map { byName[normalize($0)] }
            if mapped.contains("type"), mapped.contains("ref") {
                headerIndex = index
                keys = mapped
                break
            }
        }
        guard let headerIndex else {
            throw SheetError(row: 1, column: nil, message: table.isEmpty ? "the sheet is empty"
                             : "no header row: a row naming the columns type and ref (or their labels)")
        }
        var positions: [String: Int] = [:]
        for (index, key) in keys.enumerated() { if let key, positions[key] == nil { positions[key] = index } }
        let base = baseTable.map(SheetBase.read(table:))
        var rows: [ReadRow] = []
        var problems: [SheetError] = []
        var ended = false
        for (index, fields) in table.enumerated().dropFirst(headerIndex + 1) {
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
            var cells: [String: String] = [:]
            for (column, key) in keys.enumerated() {
                if let key, column < fields.count, cells[key] == nil { cells[key] = fields[column] }
            }
            let type = (cells["type"] ?? "").trimmingCharacters(in: .whitespaces)
            // A second header row (labels or keys) right under the first.
            if rows.isEmpty, fields.map({ byName[normalize($0)] }).contains("ref") { continue }
            if RowKind(rawValue: type) == nil {
                // Free text below the table (a sum, a signature) ends it; a bad type inside is an error.
                let refText = (cells["ref"] ?? "").trimmingCharacters(in: .whitespaces)
                if refText.isEmpty || !refText.contains("/") { ended = true; continue }
            }
            if ended, RowKind(rawValue: type) == nil { continue }
            let extra = fields.indices.filter { $0 >= keys.count && !fields[$0].trimmingCharacters(in: .whitespaces).isEmpty }
            if let first = extra.first {
                problems.append(SheetError(row: index + 1, column: ReadSheet.letter(first),
                                           message: "the row has \(fields.count) cells but the header has \(keys.count); a cell may have been shifted"))
            }
            var recorded: [String: String]?
            let periodCell = (cells["period"] ?? "").trimmingCharacters(in: .whitespaces)
            if let base {
                recorded = base[SheetBase.key(type: type, ref: cells["ref"] ?? "", period: periodCell)]
                    ?? SheetPeriod.month(periodCell).flatMap { base[SheetBase.key(type: type, ref: cells["ref"] ?? "", period: $0)] }
            } else if let encoded = cells[SheetBase.column], !encoded.isEmpty {
                recorded = SheetBase.decode(encoded)
                let samePeriod = { (recorded: String) in recorded == periodCell || SheetPeriod.month(periodCell) == recorded }
                if let recorded, recorded["ref"] != cells["ref"]?.trimmingCharacters(in: .whitespaces)
                    || !samePeriod(recorded["period"] ?? "") {
                    // The row was edited into another ref: its record does not apply.
                    cells[SheetBase.column] = nil
                    rows.append(ReadRow(number: index + 1, cells: cells, base: nil))
                    continue
                }
            }
            cells[SheetBase.column] = nil
            rows.append(ReadRow(number: index + 1, cells: cells, base: recorded))
        }
        let hasBase = base != nil || positions[SheetBase.column] != nil
        return ReadSheet(rows: rows, columns: positions, hasBase: hasBase, problems: problems)
    }
}

/// The values a sheet was exported with (spec §9): one record per row, keyed by type, ref
/// and period. CSV: a trailing `base` column holding the row's record as
/// `hoshin-base-1 key=value&key=value` (percent-encoded). XLSX: a hidden worksheet
/// `hoshin-base` with the English column keys and one row per exported row.
public enum SheetBase {
    /// The CSV column and the XLSX sheet name.
    public static let column = "base"
    /// The hidden worksheet of an XLSX.
    public static let sheetName = "hoshin-base"
    static let prefix = "hoshin-base-1 "
    /// The columns a record holds.
    public static let keys = ["type", "ref", "period", "status", "progress", "note", "updated", "value", "num", "den", "comment"]

    /// The label of the CSV base column.
    public static func label(_ language: ReportLanguage) -> String {
        Catalogue.text("sheet.label.base", language)
    }

    /// The lookup key of a row.
    public static func key(type: String, ref: String, period: String) -> String {
        [type, ref, period].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\u{0}")
    }

    /// A row's record for the CSV base column.
    public static func encode(_ row: ReportingSheet.Row) -> String {
        let allowed = CharacterSet.alphanumerics.subtracting(CharacterSet(charactersIn: "&=%+")).union(CharacterSet(charactersIn: "-._/:"))
        let pairs = keys.compactMap { key -> String? in
            let value = row.text(key)
            if value.isEmpty, key != "type" { return nil }
            let encoded = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
            return "\(key)=\(encoded)"
        }
        return prefix + pairs.joined(separator: "&")
    }

    /// A CSV base cell read back, or nil when it is not one.
    public static func decode(_ cell: String) -> [String: String]? {
        guard cell.hasPrefix(prefix) else { return nil }
        var record: [String: String] = [:]
        for pair in cell.dropFirst(prefix.count).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let value = String(parts[1]).removingPercentEncoding else { return nil }
            record[String(parts[0])] = value
        }
        return record
    }

    /// The hidden base worksheet of a sheet.
    public static func table(_ rows: [ReportingSheet.Row]) -> [[String]] {
        [keys] + rows.map { row in keys.map(row.text) }
    }

    /// Records by key from the hidden worksheet.
    public static func read(table: [[String]]) -> [String: [String: String]] {
        guard let header = table.first else { return [:] }
        var records: [String: [String: String]] = [:]
        for row in table.dropFirst() {
            var record: [String: String] = [:]
            for (index, key) in header.enumerated() where index < row.count && !row[index].isEmpty { record[key] = row[index] }
            let key = Self.key(type: record["type"] ?? "", ref: record["ref"] ?? "", period: record["period"] ?? "")
            records[key] = record
        }
        return records
    }
}

/// A problem with a sheet row, by sheet row number and column.
public struct SheetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based row number in the sheet.
    public let row: Int
    /// The column key, if the problem is in one cell.
    public let column: String?
    /// What is wrong.
    public let message: String

    public init(row: Int, column: String?, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }

    public var description: String {
        "row \(row)" + (column.map { ", column \($0)" } ?? "") + ": " + message
    }
}
