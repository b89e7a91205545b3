import Foundation
import HoshinModel
import HoshinRepository
import HoshinSheets

/// Applies a filled-in reporting sheet (spec §9) through the one update path, as a
/// three-way merge: for each field, the sheet's value, the value it was exported with (its
/// base) and the plan's value now. Only what the person changed is applied; a field someone
/// else changed since the export is a conflict. All or nothing.
public struct SheetImport: Sendable {
    /// The repository folder.
    public let folder: String
    let update: PlanUpdate

    /// Creates an importer.
    public init(folder: String) {
        self.folder = folder
        self.update = PlanUpdate(folder: folder)
    }

    /// Creates an importer whose writes go through `update` (tests inject failures there).
    public init(update: PlanUpdate) {
        self.folder = update.folder
        self.update = update
    }

    /// A problem at a sheet cell: row (1-based) and column key.
    public struct CellProblem: Sendable, Hashable, CustomStringConvertible {
        public let row: Int
        public let column: String?
        public let message: String

        public var description: String { "row \(row)" + (column.map { ", column \($0)" } ?? "") + ": " + message }
    }

    /// A conflict at a sheet cell.
    public struct CellConflict: Sendable, Hashable {
        public let row: Int
        public let column: String
        public let conflict: UpdateConflict
        /// The repository's language.
        public let language: ReportLanguage

        /// `status was changed in the plan since the sheet was exported: the plan now has 'at-risk' (updated 2026-11-02), …`.
        public var message: String { UpdateWords(language).conflict(conflict) }
    }

    /// Why an import was refused; nothing was written.
    public enum Failure: Error, Sendable {
        /// Cells that are not valid.
        case invalidRows([CellProblem])
        /// Fields changed both in the sheet and in the plan since the export.
        case conflicts([CellConflict])
        /// The changes would make the repository invalid.
        case wouldNotValidate([Diagnostic])
        /// An edit could not be made, or the write failed.
        case edit(String)
    }

    /// What an import did.
    public struct Outcome: Sendable {
        /// The update's result (changes, diagnostics added, files written, notices).
        public let result: UpdateResult
        /// True when the sheet carried no record of its exported values.
        public let withoutBase: Bool
        /// The sheet row of each change, in `result.changes` order.
        public let rows: [Int]
    }

    /// Checks every row and (unless `dryRun`) applies what the person changed.
    public func apply(_ sheet: ReportingSheet.ReadSheet, date: PlanDate, today: PlanDate? = nil,
                      dryRun: Bool, force: Bool = false) throws -> Outcome {
        let result = try RepositoryLoader().load(folder: folder, asOf: date)
        guard let repository = result.repository else {
            throw Failure.invalidRows([CellProblem(row: 1, column: nil, message: "\(folder)/hoshin.yaml cannot be read")])
        }
        let cadence = repository.settings.reporting
        var problems = sheet.problems.map { CellProblem(row: $0.row, column: $0.column, message: $0.message) }
        var updates: [RefUpdate] = []
        var rowOf: [Int] = []
        var columnsOf: [[Field: String]] = []
        var seen: [String: (row: Int, cells: [String: String])] = [:]
        for row in sheet.rows {
            let reading = SheetCells(row: row, cadence: cadence, repository: repository)
            problems += reading.problems
            guard reading.problems.isEmpty, let built = reading.update(stamp: date) else { continue }
            let key = SheetBase.key(type: reading.type, ref: reading.ref, period: reading.periodText)
            if let earlier = seen[key] {
                if earlier.cells != reading.comparable {
                    problems.append(CellProblem(row: row.number, column: "ref",
                                                message: "a second row for \(reading.ref)\(reading.periodText.isEmpty ? "" : " \(reading.periodText)") with other values (row \(earlier.row)); keep one"))
                }
                continue
            }
            seen[key] = (row.number, reading.comparable)
            guard !built.update.changes.isEmpty else { continue }
            updates.append(built.update)
            rowOf.append(row.number)
            columnsOf.append(built.columns)
        }
        guard problems.isEmpty else { throw Failure.invalidRows(problems) }
        let request = UpdateRequest(updates: updates, asOf: date, today: today, force: force, dryRun: dryRun)
        do {
            let applied = try update.apply(request)
            return Outcome(result: applied, withoutBase: !sheet.hasBase, rows: applied.changes.map { rowOf[$0.index] })
        } catch let error as UpdateError {
            switch error {
            case .invalid(let list):
                throw Failure.invalidRows(list.map { problem in
                    CellProblem(row: rowOf[problem.index], column: problem.field.map { columnsOf[problem.index][$0] ?? "\($0)" } ?? "ref",
                                message: problem.message)
                })
            case .conflicts(let list):
                throw Failure.conflicts(list.map { conflict in
                    CellConflict(row: rowOf[conflict.index], column: columnsOf[conflict.index][conflict.field] ?? "\(conflict.field)",
                                 conflict: conflict, language: repository.settings.language)
                })
            case .wouldNotValidate(let diagnostics): throw Failure.wouldNotValidate(diagnostics)
            case .edit(let message), .repository(let message), .unwritable(let message): throw Failure.edit(message)
            }
        }
    }
}

/// One sheet row read as field changes, with every bad cell reported.
struct SheetCells {
    let type: String
    let ref: String
    var periodText = ""
    var problems: [SheetImport.CellProblem] = []
    /// The row's values that matter for "two rows for one ref".
    var comparable: [String: String] = [:]
    var changes: [(FieldChange, BaseValue?, String)] = []
    let hasBase: Bool

    init(row: ReportingSheet.ReadRow, cadence: ReportingCadence, repository: PlanRepository) {
        let cell = { (key: String) in (row.cells[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        type = cell("type")
        ref = cell("ref")
        hasBase = row.base != nil
        var periodCell = cell("period")
        let reference = Reference(ref)
        let unit = reference.flatMap { repository.unitsByID[$0.unit] }
        func problem(_ column: String?, _ message: String) {
            problems.append(SheetImport.CellProblem(row: row.number, column: column, message: message))
        }
        /// The base of a field: nil without a record; `.absent` for an empty exported cell.
        func base(_ key: String) -> BaseValue? {
            guard let record = row.base else { return nil }
            let text = record[key] ?? ""
            return text.isEmpty ? .absent : .text(text)
        }
        /// True when the person left the cell as it was exported.
        func untouched(_ key: String, _ field: Field) -> Bool {
            guard let record = row.base else { return false }
            let exported = record[key] ?? ""
            let now = key == "note" || key == "comment" ? row.cells[key] ?? "" : cell(key)
            if exported.isEmpty || now.isEmpty { return exported.isEmpty && now.isEmpty }
            if field == .updated, let a = SheetDate.parse(now), let b = SheetDate.parse(exported) { return a == b }
            if field == .progress, let a = SheetNumber.percentage(now), let b = SheetNumber.percentage(exported) { return a == b }
            return PlanUpdate.same(field, now, exported)
        }
        switch ReportingSheet.RowKind(rawValue: type) {
        case .activity?:
            guard let unit, unit.allActivities.contains(where: { $0.id.value == reference?.id }) else {
                problem("ref", "no activity '\(ref)'")
                return
            }
            let status = cell("status")
            comparable = ["status": status, "progress": cell("progress"), "note": row.cells["note"] ?? "", "updated": cell("updated")]
            if !status.isEmpty {
                if let state = ActivityState(rawValue: status) {
                    if !untouched("status", .status) { changes.append((.status(state), base("status"), "status")) }
                } else {
                    let allowed = ActivityState.allCases.map(\.rawValue)
                    problem("status", "'\(status)' is not a status (\(allowed.joined(separator: " | ")))\(Suggestion.hint(for: status, in: allowed))")
                }
            }
            let progressText = cell("progress")
            if !progressText.isEmpty {
                if let progress = SheetNumber.percentage(progressText), (0...100).contains(progress) {
                    if !untouched("progress", .progress) { changes.append((.progress(progress), base("progress"), "progress")) }
                } else {
                    problem("progress", "progress is a percentage from 0 to 100, not '\(progressText)'")
                }
            }
            let note = row.cells["note"] ?? ""
            if !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, !untouched("note", .note) {
                changes.append((.note(note), base("note"), "note"))
            }
            let updatedText = cell("updated")
            if !updatedText.isEmpty, row.base != nil, !untouched("updated", .updated) {
                if let date = SheetDate.parse(updatedText) {
                    changes.append((.updated(date), base("updated"), "updated"))
                } else {
                    problem("updated", "'\(updatedText)' is not a date (YYYY-MM-DD)")
                }
            }
        case .measurement?:
            guard let unit, let indicator = unit.allIndicators.first(where: { $0.id.value == reference?.id }) else {
                problem("ref", "no indicator '\(ref)'")
                return
            }
            var period = Period(periodCell)
            if period == nil, let date = SheetDate.parse(periodCell) {
                period = Period(containing: date, cadence: cadence)  // a date typed in the period cell
            }
            if period == nil, cadence == .monthly, let month = SheetPeriod.month(periodCell) {
                period = Period(month)  // `jan-26`, `januari 2026`: a month as a spreadsheet rewrote it
            }
            guard let period, period.cadence == cadence else {
                problem("period", "'\(periodCell)' is not a \(cadence.rawValue) period such as \(PlanUpdate.example(cadence))")
                periodText = periodCell
                return
            }
            periodCell = period.description
            let valueText = cell("value")
            let numText = cell("num")
            let denText = cell("den")
            comparable = ["value": valueText, "num": numText, "den": denText, "comment": row.cells["comment"] ?? ""]
            let percent = indicator.isPercent
            if !numText.isEmpty || !denText.isEmpty {
                let num = SheetNumber.parse(numText)
                let den = SheetNumber.parse(denText)
                if num == nil { problem("num", "'\(numText)' is not a number") }
                if den == nil || !(den! > 0) { problem("den", "'\(denText)' is not a number greater than 0") }
                if let num, let den, den > 0, !(untouched("num", .value(period)) && untouched("den", .value(period))) {
                    let base: BaseValue? = row.base.map { record in
                        let (n, d) = (record["num"] ?? "", record["den"] ?? "")
                        if n.isEmpty || d.isEmpty { return record["value"].map { $0.isEmpty ? .absent : .text($0) } ?? .absent }
                        return .text("\(n)/\(d)")
                    }
                    changes.append((.value(period, .ratio(num: num, den: den)), base, numText.isEmpty ? "den" : "num"))
                }
            } else if !valueText.isEmpty {
                if let number = percent ? SheetNumber.percentage(valueText) : SheetNumber.parse(valueText) {
                    let exported = row.base.flatMap { SheetNumber.parse($0["value"] ?? "") }
                    if exported != number, !untouched("value", .value(period)) {
                        changes.append((.value(period, .number(number)), base("value"), "value"))
                    }
                } else {
                    problem("value", "'\(valueText)' is not a number")
                }
            }
            let comment = row.cells["comment"] ?? ""
            if !comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, !untouched("comment", .comment(period)) {
                changes.append((.comment(period, comment), base("comment"), "comment"))
            }
        default:
            problem("type", "type must be 'activity' or 'measurement', not '\(type)'")
        }
        periodText = periodCell
    }

    /// The row as a ref update (with bases), and which column each field came from.
    func update(stamp: PlanDate) -> (update: RefUpdate, columns: [Field: String])? {
        var base: [Field: BaseValue] = [:]
        var columns: [Field: String] = [:]
        for (change, value, column) in changes {
            if let value { base[change.field] = value }
            columns[change.field] = column
        }
        let isActivity = ReportingSheet.RowKind(rawValue: type) == .activity
        return (RefUpdate(ref: ref, changes: changes.map(\.0), base: base, stamp: isActivity ? stamp : nil), columns)
    }
}

/// Dates as spreadsheets in Swedish and Danish locales write them: `2026-11-03` (sv, ISO),
/// `03-11-2026` and `03.11.2026` (da), `3/11/2026` (day first, as in both locales).
enum SheetDate {
    static func parse(_ text: String) -> PlanDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = PlanDate(trimmed) { return date }
        // A date cell's text may carry a time (`2026-11-03 00:00:00`).
        if trimmed.count > 10, let date = PlanDate(String(trimmed.prefix(10))), trimmed.dropFirst(10).first == " " || trimmed.dropFirst(10).first == "T" {
            return date
        }
        for separator in ["-", ".", "/"] {
            let parts = trimmed.split(separator: Character(separator)).map(String.init)
            guard parts.count == 3, parts[2].count == 4, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { continue }
            return PlanDate(year: year, month: month, day: day)
        }
        return nil
    }
}

/// Numbers as spreadsheets hand them over: `85`, `85,5`, `85 %`, `0.85` from a percent cell
/// (read as `85%`), numbers stored as text, non-breaking spaces as thousands separators.
enum SheetNumber {
    /// A plain number.
    static func parse(_ text: String) -> Double? {
        let cleaned = text.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: "\u{202F}", with: "")
            .trimmingCharacters(in: .whitespaces)
        if cleaned.hasSuffix("%"), let number = DecimalNumber.parse(String(cleaned.dropLast()).trimmingCharacters(in: .whitespaces)) {
            return number / 100
        }
        return DecimalNumber.parse(cleaned)
    }

    /// A percentage: `85`, `85 %` and a percent cell's `85%` are all 85.
    static func percentage(_ text: String) -> Double? {
        let cleaned = text.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: "\u{202F}", with: "")
            .trimmingCharacters(in: .whitespaces)
        if cleaned.hasSuffix("%") { return DecimalNumber.parse(String(cleaned.dropLast()).trimmingCharacters(in: .whitespaces)) }
        return DecimalNumber.parse(cleaned)
    }
}
