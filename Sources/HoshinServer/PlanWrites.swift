import HoshinDecoding
import HoshinEditing
import HoshinModel
import HoshinRepository
import HoshinYAML
import Synchronization

/// Every write the server makes goes through here, and from here through the
/// repository's update path (lock, edit in place, validate, atomic write).
///
/// The conflict rule of spec §11 is judged under the file lock, on the bytes about to be
/// edited: a field the submission changes whose plan value differs from the base the
/// client saw is a conflict, and nothing is written.
struct PlanWrites: Sendable {
    let folder: String

    struct ConflictsFound: Error {
        let conflicts: [FieldConflict]
    }

    /// Applies one unit's submission to its file, all or nothing.
    func apply(_ submission: UnitSubmission, relative: String, asOf: PlanDate) -> WriteOutcome {
        let changes = Mutex([FieldChange]())
        let touched = Mutex(false)
        let edited = Mutex([UInt8]())
        let edit: PlanUpdate.Edit = { editor in
            let plan = try Self.decode(editor.bytes, file: relative)
            let found = Self.conflicts(submission, plan: plan)
            if !found.isEmpty { throw ConflictsFound(conflicts: found) }
            changes.withLock { $0 = Self.changes(submission, plan: plan) }
            var splices: [Splice] = []
            var bytes = editor.bytes
            for activity in submission.activities {
                let current = try PlanEditor(bytes: bytes)
                let made = current.set(Self.fields(activity, plan: plan, date: submission.date), in: try current.activity(activity.activityID))
                bytes = Splice.apply(made, to: bytes)
            }
            for measurement in submission.measurements {
                let current = try PlanEditor(bytes: bytes)
                let made = try current.setMeasurement(measurement.period, measurement.value,
                                                      in: try current.indicator(measurement.indicatorID))
                bytes = Splice.apply(made, to: bytes)
            }
            touched.withLock { $0 = bytes != editor.bytes }
            edited.withLock { [bytes] in $0 = bytes }
            // One splice replacing the whole file: the edits above were applied one after another.
            splices.append(Splice(start: 0, end: editor.bytes.count, replacement: bytes))
            return splices
        }
        do {
            try PlanUpdate(folder: folder).applyAll([(relative, edit)], asOf: asOf)
        } catch let found as ConflictsFound {
            return .conflicts(found.conflicts)
        } catch let error as UpdateError {
            switch error {
            case .wouldNotValidate(let diagnostics):
                return .invalid(diagnostics, refs: Self.place(diagnostics, in: edited.withLock { $0 }, unit: submission.unitID))
            case .invalidArgument(let message), .edit(let message): return .failed(message)
            }
        } catch let error as EditError {
            return .failed(error.description)
        } catch {
            return .failed("\(error)")
        }
        let made = changes.withLock { $0 }
        return touched.withLock { $0 } ? .written(changes: made, files: [relative]) : .unchanged
    }

    /// The `UNIT/ID` of the activity or indicator each diagnostic lies in, in the edited bytes.
    static func place(_ diagnostics: [Diagnostic], in bytes: [UInt8], unit: String) -> [String?] {
        guard let plan = try? decode(bytes, file: "") else { return diagnostics.map { _ in nil } }
        let spans = plan.allActivities.map { ($0.id.value, $0.range) } + plan.allIndicators.map { ($0.id.value, $0.range) }
        return diagnostics.map { diagnostic in
            spans.first { $0.1.start <= diagnostic.range.start && diagnostic.range.start < max($0.1.end, $0.1.start + 1) }
                .map { "\(unit)/\($0.0)" }
        }
    }

    /// The unit plan in `bytes`, or the reason it cannot be read.
    static func decode(_ bytes: [UInt8], file: String) throws -> UnitPlan {
        let parsed = YAMLParser().parse(bytes)
        guard let unit = UnitPlanDecoder.decode(parsed.document, file: file).unit else {
            throw EditError.unparseable("the unit plan cannot be read")
        }
        return unit
    }

    /// The `set` fields of one activity: what the CLI's `report` writes.
    static func fields(_ write: ActivityWrite, plan: UnitPlan, date: PlanDate) -> [(key: String, value: FieldValue)] {
        var fields: [(key: String, value: FieldValue)] = []
        if let status = write.status { fields.append(("status", .word(status.rawValue))) }
        if let progress = write.progress { fields.append(("progress", .number(progress))) }
        fields.append(("updated", .date(date)))
        if let note = write.note { fields.append(("note", .text(note))) }
        return fields
    }

    static func activity(_ id: String, in plan: UnitPlan) -> Activity? {
        plan.allActivities.first { $0.id.value == id }
    }

    static func indicator(_ id: String, in plan: UnitPlan) -> Indicator? {
        plan.allIndicators.first { $0.id.value == id }
    }

    /// Fields the submission changes whose plan value is no longer the base the client saw.
    static func conflicts(_ submission: UnitSubmission, plan: UnitPlan) -> [FieldConflict] {
        var found: [FieldConflict] = []
        let unit = submission.unitID
        for write in submission.activities {
            let current = activity(write.activityID, in: plan)
            let ref = "\(unit)/\(write.activityID)"
            let planStatus = current?.status.value.rawValue
            if let status = write.status, case .some(let base) = write.baseStatus,
               base != planStatus, status.rawValue != planStatus {
                found.append(FieldConflict(ref: ref, field: "status", base: base, plan: planStatus, yours: status.rawValue))
            }
            let planProgress = current?.progress?.value
            if let progress = write.progress, case .some(let base) = write.baseProgress,
               base != planProgress, progress != planProgress {
                found.append(FieldConflict(ref: ref, field: "progress", base: base.map(ValueText.number),
                                           plan: planProgress.map(ValueText.number), yours: ValueText.number(progress)))
            }
            if let note = write.note, case .some(let base) = write.baseNote,
               (base ?? "") != (current?.note ?? ""), note != (current?.note ?? "") {
                found.append(FieldConflict(ref: ref, field: "note", base: base, plan: current?.note, yours: note))
            }
        }
        for write in submission.measurements {
            let current = indicator(write.indicatorID, in: plan)?.measurements.first { $0.period == write.period }?.value
            if case .some(let base) = write.baseValue, base != current, write.value != current {
                found.append(FieldConflict(ref: "\(unit)/\(write.indicatorID)", field: "value",
                                           base: base.map(ValueText.measurement), plan: current.map(ValueText.measurement),
                                           yours: ValueText.measurement(write.value)))
            }
        }
        return found
    }

    /// Old → new of every field the submission changes.
    static func changes(_ submission: UnitSubmission, plan: UnitPlan) -> [FieldChange] {
        var changes: [FieldChange] = []
        let unit = submission.unitID
        for write in submission.activities {
            let current = activity(write.activityID, in: plan)
            let ref = "\(unit)/\(write.activityID)"
            if let status = write.status, status != current?.status.value {
                changes.append(FieldChange(ref: ref, field: "status", old: current?.status.value.rawValue, new: status.rawValue))
            }
            if let progress = write.progress, progress != current?.progress?.value {
                changes.append(FieldChange(ref: ref, field: "progress", old: current?.progress.map { ValueText.number($0.value) },
                                           new: ValueText.number(progress)))
            }
            if let note = write.note, note != (current?.note ?? "") {
                changes.append(FieldChange(ref: ref, field: "note", old: current?.note, new: note))
            }
        }
        for write in submission.measurements {
            let current = indicator(write.indicatorID, in: plan)?.measurements.first { $0.period == write.period }?.value
            if write.value != current {
                changes.append(FieldChange(ref: "\(unit)/\(write.indicatorID)", field: write.period.description,
                                           old: current.map(ValueText.measurement), new: ValueText.measurement(write.value)))
            }
        }
        return changes
    }
}
