import Foundation
import HoshinModel

/// A unit's reporting sheet (spec §9): one row per activity and one per indicator and
/// reporting period of the plan year up to the as-of date.
public struct ReportingSheet: Sendable {
    /// The English column keys of the first header row.
    public static let columns = ["type", "ref", "title", "status", "progress", "note", "updated", "period", "value", "num", "den"]

    /// One row of the sheet, keyed by column.
    public struct Row: Sendable, Equatable {
        /// `activity` or `measurement`.
        public var type: String
        public var cells: [String: String]

        /// Creates a row.
        public init(type: String, cells: [String: String]) {
            self.type = type
            self.cells = cells
        }
    }

    /// The rows.
    public var rows: [Row]

    /// Builds the sheet of `unit` at `asOf`.
    public init(unit: UnitPlan, settings: RepositorySettings, asOf: PlanDate) {
        var rows: [Row] = []
        for activity in unit.allActivities {
            rows.append(Row(type: "activity", cells: [
                "ref": "\(unit.id.value)/\(activity.id.value)", "title": activity.title,
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
                var cells = ["ref": "\(unit.id.value)/\(indicator.id.value)", "title": indicator.title, "period": period.description]
                switch indicator.measurements.first(where: { $0.period == period })?.value {
                case .number(let value)?: cells["value"] = Self.number(value)
                case .ratio(let num, let den)?:
                    cells["num"] = Self.number(num)
                    cells["den"] = Self.number(den)
                case nil:
                    if !ratio { cells["value"] = "" }
                }
                rows.append(Row(type: "measurement", cells: cells))
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
        switch language {
        case .sv: ["typ", "referens", "titel", "status", "klart %", "kommentar", "rapporterad", "period", "värde", "täljare", "nämnare"]
        case .da: ["type", "reference", "titel", "status", "færdig %", "note", "rapporteret", "periode", "værdi", "tæller", "nævner"]
        case .en: ["type", "reference", "title", "status", "done %", "note", "reported", "period", "value", "numerator", "denominator"]
        }
    }

    /// The sheet as a table: the English header, the label row, the rows.
    public func table(language: ReportLanguage) -> [[String]] {
        [Self.columns, Self.labels(language)] + rows.map { row in
            Self.columns.map { $0 == "type" ? row.type : row.cells[$0] ?? "" }
        }
    }

    /// The sheet as CSV (RFC 4180, UTF-8).
    public func csv(language: ReportLanguage) -> String {
        table(language: language).map { CSV.line($0) }.joined()
    }

    /// A row read back from a file: its 1-based sheet row number and its cells.
    public struct ReadRow: Sendable, Equatable {
        public let number: Int
        public let cells: [String: String]
    }

    /// Reads rows from a table whose first row holds the English column keys. A second row
    /// that is not an activity or measurement row (the labels) is skipped, as are empty rows.
    public static func read(table: [[String]]) throws -> [ReadRow] {
        guard let header = table.first else { throw SheetError(row: 1, column: nil, message: "the sheet is empty") }
        let keys = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for required in ["type", "ref"] where !keys.contains(required) {
            throw SheetError(row: 1, column: required, message: "the header has no '\(required)' column")
        }
        var rows: [ReadRow] = []
        for (index, fields) in table.enumerated().dropFirst() {
            var cells: [String: String] = [:]
            for (column, key) in keys.enumerated() where column < fields.count && !key.isEmpty {
                cells[key] = fields[column]
            }
            let type = (cells["type"] ?? "").trimmingCharacters(in: .whitespaces)
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            if index == 1, type != "activity", type != "measurement" { continue }
            rows.append(ReadRow(number: index + 1, cells: cells))
        }
        return rows
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
