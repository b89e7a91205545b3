import Foundation
import HoshinEditing
import HoshinModel
import HoshinSheets

/// Applies a filled-in reporting sheet (spec §9) all or nothing: every row whose values
/// differ from the plan becomes a report or a measurement, as `report` and `measure` would.
public struct SheetImport: Sendable {
    /// The repository folder.
    public let folder: String

    /// Creates an importer.
    public init(folder: String) {
        self.folder = folder
    }

    /// Why an import was refused; nothing was written.
    public enum Failure: Error, Sendable {
        /// Rows that are not valid, each with its row number and column.
        case invalidRows([SheetError])
        /// The changes would make the repository invalid.
        case wouldNotValidate([Diagnostic])
        /// An edit could not be made.
        case edit(String)
    }

    /// Reads the rows, checks every one, and (unless `dryRun`) applies the changes.
    /// Returns one summary a changed activity or measurement.
    public func apply(_ rows: [ReportingSheet.ReadRow], date: PlanDate, dryRun: Bool) throws -> [UpdateSummary] {
        let result = try RepositoryLoader().load(folder: folder, asOf: date)
        guard let repository = result.repository else {
            throw Failure.invalidRows([SheetError(row: 1, column: nil, message: "\(folder)/hoshin.yaml cannot be read")])
        }
        let cadence = repository.settings.reporting
        var problems: [SheetError] = []
        var edits: [(relative: String, edit: PlanUpdate.Edit)] = []
        var summaries: [UpdateSummary] = []
        let prefix = PlanFileDiscovery.displayPath(folder: folder, relative: "")
        func relative(_ unit: UnitPlan) -> String {
            unit.file.hasPrefix(prefix) ? String(unit.file.dropFirst(prefix.count)) : unit.file
        }
        for row in rows {
            let cell = { (key: String) in (row.cells[key] ?? "").trimmingCharacters(in: .whitespaces) }
            let type = cell("type")
            let reference = cell("ref")
            let parts = reference.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            let unit = parts.count == 2 ? repository.unitsByID[parts[0]] : nil
            switch type {
            case "activity":
                guard let unit, let activity = unit.allActivities.first(where: { $0.id.value == parts[1] }) else {
                    problems.append(SheetError(row: row.number, column: "ref", message: "no activity '\(reference)'"))
                    continue
                }
                var fields: [(key: String, value: FieldValue)] = []
                var changes: [(field: String, old: String?, new: String)] = []
                let status = cell("status")
                if !status.isEmpty {
                    guard let state = ActivityState(rawValue: status) else {
                        let allowed = ActivityState.allCases.map(\.rawValue)
                        problems.append(SheetError(row: row.number, column: "status",
                                                   message: "'\(status)' is not a status (\(allowed.joined(separator: " | ")))\(Suggestion.hint(for: status, in: allowed))"))
                        continue
                    }
                    if state != activity.status.value {
                        fields.append(("status", .word(state.rawValue)))
                        changes.append(("status", activity.status.value.rawValue, state.rawValue))
                    }
                }
                let progressText = cell("progress")
                if !progressText.isEmpty {
                    guard let progress = DecimalNumber.parse(progressText), (0...100).contains(progress) else {
                        problems.append(SheetError(row: row.number, column: "progress",
                                                   message: "progress is a percentage from 0 to 100, not '\(progressText)'"))
                        continue
                    }
                    if progress != activity.progress?.value {
                        fields.append(("progress", .number(progress)))
                        changes.append(("progress", activity.progress.map { ScalarWriter.number($0.value) }, ScalarWriter.number(progress)))
                    }
                }
                let note = row.cells["note"] ?? ""
                if !note.isEmpty, note != activity.note {
                    fields.append(("note", .text(note)))
                    changes.append(("note", activity.note, note))
                }
                guard !fields.isEmpty else { continue }
                let order = ["status", "progress", "updated", "note"]
                fields.append(("updated", .date(date)))
                fields.sort { order.firstIndex(of: $0.key)! < order.firstIndex(of: $1.key)! }
                let settled = fields
                let id = activity.id.value
                edits.append((relative(unit), { editor in try editor.set(settled, in: try editor.activity(id)) }))
                summaries.append(UpdateSummary(reference: reference, changes: changes, file: unit.file))
            case "measurement":
                guard let unit, let indicator = unit.allIndicators.first(where: { $0.id.value == parts[1] }) else {
                    problems.append(SheetError(row: row.number, column: "ref", message: "no indicator '\(reference)'"))
                    continue
                }
                let periodText = cell("period")
                guard let period = Period(periodText), period.cadence == cadence else {
                    problems.append(SheetError(row: row.number, column: "period",
                                               message: "'\(periodText)' is not a \(cadence.rawValue) period such as \(PlanUpdate.example(cadence))"))
                    continue
                }
                let valueText = cell("value")
                let numText = cell("num")
                let denText = cell("den")
                let value: MeasurementValue
                if !numText.isEmpty || !denText.isEmpty {
                    guard let num = DecimalNumber.parse(numText) else {
                        problems.append(SheetError(row: row.number, column: "num", message: "'\(numText)' is not a number"))
                        continue
                    }
                    guard let den = DecimalNumber.parse(denText), den > 0 else {
                        problems.append(SheetError(row: row.number, column: "den", message: "'\(denText)' is not a number greater than 0"))
                        continue
                    }
                    value = .ratio(num: num, den: den)
                } else if !valueText.isEmpty {
                    guard let number = DecimalNumber.parse(valueText) else {
                        problems.append(SheetError(row: row.number, column: "value", message: "'\(valueText)' is not a number"))
                        continue
                    }
                    value = .number(number)
                } else {
                    continue  // nothing measured in this period yet
                }
                let old = indicator.measurements.first { $0.period == period }?.value
                guard old != value else { continue }
                let id = indicator.id.value
                edits.append((relative(unit), { editor in try editor.setMeasurement(period, value, in: try editor.indicator(id)) }))
                summaries.append(UpdateSummary(reference: reference,
                                               changes: [("\(period)", old.map(PlanEditor.render), PlanEditor.render(value))],
                                               file: unit.file))
            default:
                problems.append(SheetError(row: row.number, column: "type", message: "type must be 'activity' or 'measurement', not '\(type)'"))
            }
        }
        guard problems.isEmpty else { throw Failure.invalidRows(problems) }
        if dryRun || edits.isEmpty { return summaries }
        do {
            try PlanUpdate(folder: folder).applyAll(edits, asOf: date)
        } catch let error as UpdateError {
            switch error {
            case .wouldNotValidate(let diagnostics): throw Failure.wouldNotValidate(diagnostics)
            case .edit(let message), .invalidArgument(let message): throw Failure.edit(message)
            }
        }
        return summaries
    }
}
