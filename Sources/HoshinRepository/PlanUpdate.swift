import Foundation
import HoshinEditing
import HoshinModel

/// A unit's report of one activity (`hoshin report`).
public struct ActivityReport: Sendable {
    /// New state, if reported.
    public var status: ActivityState?
    /// New progress in percent, if reported.
    public var progress: Double?
    /// New note, if given.
    public var note: String?
    /// The report's date; becomes `updated`.
    public var date: PlanDate

    /// Creates a report.
    public init(status: ActivityState? = nil, progress: Double? = nil, note: String? = nil, date: PlanDate) {
        self.status = status
        self.progress = progress
        self.note = note
        self.date = date
    }
}

/// What an update changed, old → new, for the one-line summary.
public struct UpdateSummary: Sendable, Equatable, CustomStringConvertible {
    /// `UNIT/ID`.
    public let reference: String
    /// (field, old, new) for every field whose value changed.
    public let changes: [(field: String, old: String?, new: String)]
    /// The file written.
    public let file: String

    public static func == (lhs: UpdateSummary, rhs: UpdateSummary) -> Bool {
        lhs.reference == rhs.reference && lhs.file == rhs.file
            && lhs.changes.map { "\($0.field)\u{0}\($0.old ?? "")\u{0}\($0.new)" }
            == rhs.changes.map { "\($0.field)\u{0}\($0.old ?? "")\u{0}\($0.new)" }
    }

    /// `kardiologi/mtg-utbildning: on-track → at-risk, progress 40 → 55`.
    public var description: String {
        let parts = changes.map { change -> String in
            if change.field == "note" { return change.old == nil ? "note added" : "note updated" }
            if change.field.first?.isNumber == true {  // a measurement period
                return change.old.map { "\(change.field): \($0) → \(change.new)" } ?? "\(change.field): \(change.new) (new)"
            }
            let prefix = change.field == "status" ? "" : "\(change.field) "
            return "\(prefix)\(change.old ?? "–") → \(change.new)"
        }
        return "\(reference): " + (parts.isEmpty ? "no change" : parts.joined(separator: ", "))
    }
}

/// Why an update was refused; the file is untouched in every case.
public enum UpdateError: Error, Sendable {
    /// A bad argument: unknown reference, value out of range, wrong period.
    case invalidArgument(String)
    /// The change would make the repository invalid; these are the new errors.
    case wouldNotValidate([Diagnostic])
    /// The edit could not be made in this file.
    case edit(String)
}

/// Applies a report or a measurement to a plan file safely: under an exclusive lock it
/// reads the file, splices the change into its bytes, validates the whole repository
/// with the change applied, and writes a temporary file that is fsynced and renamed
/// over the original. Refused changes leave every byte as it was.
public struct PlanUpdate: Sendable {
    /// The repository folder.
    public let folder: String

    /// Creates an updater for a repository folder.
    public init(folder: String) {
        self.folder = folder
    }

    /// Splits `UNIT/ID`, finds the unit's file, or reports an unknown reference.
    func locate(_ reference: String, kind: String, asOf: PlanDate,
                ids: (UnitPlan) -> [String]) throws -> (unit: UnitPlan, id: String, relative: String, settings: RepositorySettings) {
        let result = try RepositoryLoader().load(folder: folder, asOf: asOf)
        guard let repository = result.repository else {
            throw UpdateError.invalidArgument("\(folder)/hoshin.yaml cannot be read; run 'hoshin validate \(folder)'")
        }
        let all = repository.units.flatMap { unit in ids(unit).map { "\(unit.id.value)/\($0)" } }
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let unit = repository.unitsByID[parts[0]], ids(unit).contains(parts[1]) else {
            throw UpdateError.invalidArgument("no \(kind) '\(reference)'\(Suggestion.hint(for: reference, in: all))")
        }
        let prefix = PlanFileDiscovery.displayPath(folder: folder, relative: "")
        let relative = unit.file.hasPrefix(prefix) ? String(unit.file.dropFirst(prefix.count)) : unit.file
        return (unit, parts[1], relative, repository.settings)
    }

    /// Reports an activity: sets status, progress, note and `updated`.
    public func report(_ reference: String, _ report: ActivityReport) throws -> UpdateSummary {
        if let progress = report.progress, !(0...100).contains(progress) {
            throw UpdateError.invalidArgument("progress is a percentage from 0 to 100, not \(ScalarWriter.number(progress))")
        }
        let target = try locate(reference, kind: "activity", asOf: report.date) { $0.allActivities.map(\.id.value) }
        let old = target.unit.allActivities.first { $0.id.value == target.id }
        var fields: [(key: String, value: FieldValue)] = []
        var changes: [(field: String, old: String?, new: String)] = []
        if let status = report.status {
            fields.append(("status", .word(status.rawValue)))
            if old?.status.value != status { changes.append(("status", old?.status.value.rawValue, status.rawValue)) }
        }
        let progress = report.progress ?? (report.status == .done ? 100 : nil)
        if let progress {
            fields.append(("progress", .number(progress)))
            if old?.progress?.value != progress {
                changes.append(("progress", old?.progress.map { ScalarWriter.number($0.value) }, ScalarWriter.number(progress)))
            }
        }
        fields.append(("updated", .date(report.date)))
        if let note = report.note {
            fields.append(("note", .text(note)))
            if old?.note != note { changes.append(("note", old?.note, note)) }
        }
        let settled = fields
        let id = target.id
        try apply(relative: target.relative, asOf: report.date) { editor in
            try editor.set(settled, in: try editor.activity(id))
        }
        return UpdateSummary(reference: reference, changes: changes, file: target.unit.file)
    }

    /// Adds or replaces one measurement of an indicator.
    public func measure(_ reference: String, period text: String, value: MeasurementValue,
                        asOf: PlanDate) throws -> UpdateSummary {
        let target = try locate(reference, kind: "indicator", asOf: asOf) { $0.allIndicators.map(\.id.value) }
        let cadence = target.settings.reporting
        guard let period = Period(text) else {
            throw UpdateError.invalidArgument("'\(text)' is not a period; write \(Self.example(cadence))")
        }
        guard period.cadence == cadence else {
            throw UpdateError.invalidArgument("period \(text) does not fit reporting: \(cadence.rawValue); write \(Self.example(cadence))")
        }
        let indicator = target.unit.allIndicators.first { $0.id.value == target.id }
        let old = indicator?.measurements.first { $0.period == period }.map { PlanEditor.render($0.value) }
        let id = target.id
        try apply(relative: target.relative, asOf: asOf) { editor in
            try editor.setMeasurement(period, value, in: try editor.indicator(id))
        }
        let new = PlanEditor.render(value)
        let changes: [(field: String, old: String?, new: String)] = old == new ? [] : [("\(period)", old, new)]
        return UpdateSummary(reference: reference, changes: changes, file: target.unit.file)
    }

    static func example(_ cadence: ReportingCadence) -> String {
        switch cadence {
        case .monthly: "YYYY-MM, e.g. 2026-10"
        case .quarterly: "YYYY-Qn, e.g. 2026-Q3"
        case .tertial: "YYYY-Tn, e.g. 2026-T2"
        }
    }

    /// One file's edit: a function of the editor over the file's current bytes.
    public typealias Edit = @Sendable (PlanEditor) throws -> [Splice]

    /// Lock, read, edit, validate, write — or refuse and leave the file as it was.
    func apply(relative: String, asOf: PlanDate, edit: @escaping Edit) throws {
        try applyAll([(relative, edit)], asOf: asOf)
    }

    /// Applies edits to one or more files all or nothing: every file is locked (in path
    /// order), each edit is spliced into the bytes left by the one before, the repository is
    /// validated with all changes applied, and only then is every changed file written.
    public func applyAll(_ edits: [(relative: String, edit: Edit)], asOf: PlanDate) throws {
        let paths = Array(Set(edits.map(\.relative))).sorted()
        var locks: [String: PlanFileLock] = [:]
        var originals: [String: [UInt8]] = [:]
        var updated: [String: [UInt8]] = [:]
        for relative in paths {
            let lock = try PlanFileLock(path: PlanFileDiscovery.displayPath(folder: folder, relative: relative))
            locks[relative] = lock
            originals[relative] = try lock.read()
            updated[relative] = originals[relative]
        }
        for (relative, edit) in edits {
            do {
                let editor = try PlanEditor(bytes: updated[relative]!)
                updated[relative] = Splice.apply(try edit(editor), to: updated[relative]!)
            } catch let error as EditError {
                throw UpdateError.edit(error.description)
            }
        }
        let changed = paths.filter { updated[$0] != originals[$0] }
        if changed.isEmpty { return }
        let loader = RepositoryLoader()
        let before = try loader.load(folder: folder, asOf: asOf, overrides: originals)
        let after = try loader.load(folder: folder, asOf: asOf, overrides: updated)
        let introduced = Self.newErrors(before: before.diagnostics, after: after.diagnostics)
        guard introduced.isEmpty else { throw UpdateError.wouldNotValidate(introduced) }
        for relative in changed {
            try AtomicFile.write(updated[relative]!, to: PlanFileDiscovery.displayPath(folder: folder, relative: relative))
        }
        withExtendedLifetime(locks) {}
    }

    /// Errors of `after` beyond those of `before`, counted per file and rule
    /// (positions move with an edit, so they are not compared).
    static func newErrors(before: [Diagnostic], after: [Diagnostic]) -> [Diagnostic] {
        var budget: [String: Int] = [:]
        for diagnostic in before where diagnostic.severity == .error {
            budget["\(diagnostic.file)\u{0}\(diagnostic.rule)", default: 0] += 1
        }
        var introduced: [Diagnostic] = []
        for diagnostic in after where diagnostic.severity == .error {
            let key = "\(diagnostic.file)\u{0}\(diagnostic.rule)"
            if let left = budget[key], left > 0 {
                budget[key] = left - 1
            } else {
                introduced.append(diagnostic)
            }
        }
        return introduced
    }
}
