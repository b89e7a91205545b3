import HoshinModel
import HoshinRepository
import HoshinUpdate

/// Every write the server makes goes through here, and from here through the one update
/// path (`HoshinUpdate.PlanUpdate.apply`): the conflict rule against the base values,
/// the lock, one validation, an all-or-nothing write.
struct PlanWrites: Sendable {
    let folder: String
    /// Shared with the repository cache: a write parses only the file it edits.
    var parsedFiles: ParsedFileCache?

    /// Applies one unit's submission, all or nothing. `seen`, when given, replaces the
    /// submission's bases: each changed field's base is its `old` value (the retry after a
    /// rejected push, where "unchanged upstream" means "still what we changed it from").
    func apply(_ submission: UnitSubmission, unit: UnitPlan, asOf: PlanDate, today: PlanDate,
               seen: [ChangedField]? = nil) -> WriteOutcome {
        var updates = Self.updates(submission)
        if let seen { updates = Self.rebased(updates, on: seen) }
        let request = UpdateRequest(updates: updates, asOf: asOf, today: today)
        do {
            var update = PlanUpdate(folder: folder)
            update.parsedFiles = parsedFiles
            let result = try update.apply(request)
            let changes = result.changes.flatMap { change in
                change.fields.filter { $0.field != .updated }.map {
                    ChangedField(ref: change.ref, field: Self.name($0.field), old: $0.old, new: $0.new, period: Self.period($0.field))
                }
            }
            let files = result.written.map(relative)
            return files.isEmpty ? .unchanged : .written(changes: changes, files: files, added: result.added)
        } catch let error as UpdateError {
            switch error {
            case .conflicts(let conflicts):
                return .conflicts(conflicts.map {
                    FieldConflict(ref: $0.ref, field: Self.name($0.field), base: $0.base, plan: $0.plan, yours: $0.yours,
                                  updated: $0.updated)
                })
            case .wouldNotValidate(let diagnostics):
                return .invalid(diagnostics, refs: Self.place(diagnostics, unit: unit, submission: submission))
            case .invalid(let problems):
                let refs = Self.refs(submission)
                return .rejected(problems.map { (ref: refs.indices.contains($0.index) ? refs[$0.index] : nil, message: $0.message) })
            case .repository(let message), .edit(let message), .unwritable(let message):
                return .failed(message)
            }
        } catch {
            return .failed("\(error)")
        }
    }

    /// The updates with each changed field's base set to the value it was changed from, and
    /// fields that were not changed (already as asked) left unchecked.
    static func rebased(_ updates: [RefUpdate], on changes: [ChangedField]) -> [RefUpdate] {
        updates.map { update in
            var base: [Field: BaseValue] = [:]
            for change in changes where change.ref == update.ref {
                let field: Field?
                switch change.field {
                case "status": field = .status
                case "progress": field = .progress
                case "note": field = .note
                case "value": field = change.period.flatMap(Period.init).map { .value($0) }
                case "comment": field = change.period.flatMap(Period.init).map { .comment($0) }
                default: field = nil
                }
                if let field { base[field] = change.old.map(BaseValue.text) ?? .absent }
            }
            return RefUpdate(ref: update.ref, changes: update.changes, base: base, stamp: update.stamp)
        }
    }

    /// The field's name as the API's `base` names it: `status`, `progress`, `note`, `value`, `comment`.
    static func name(_ field: Field) -> String {
        switch field {
        case .value: "value"
        case .comment: "comment"
        default: field.description
        }
    }

    /// The period of a measurement's field.
    static func period(_ field: Field) -> String? {
        switch field {
        case .value(let period), .comment(let period): period.description
        default: nil
        }
    }

    /// A written file's path inside the repository folder.
    func relative(_ file: String) -> String {
        let prefix = PlanFileDiscovery.displayPath(folder: folder, relative: "")
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }

    /// The `UNIT/ID` of each update, in request order.
    static func refs(_ submission: UnitSubmission) -> [String] {
        submission.activities.map { "\(submission.unitID)/\($0.activityID)" }
            + submission.measurements.map { "\(submission.unitID)/\($0.indicatorID)" }
    }

    /// The request: one `RefUpdate` per activity and indicator, with the bases the person saw.
    static func updates(_ submission: UnitSubmission) -> [RefUpdate] {
        var updates: [RefUpdate] = []
        for write in submission.activities {
            var changes: [HoshinUpdate.FieldChange] = []
            var base: [Field: BaseValue] = [:]
            if let status = write.status {
                changes.append(.status(status))
                if case .some(let seen) = write.baseStatus { base[.status] = seen.map(BaseValue.text) ?? .absent }
            }
            if let progress = write.progress {
                changes.append(.progress(progress))
                if case .some(let seen) = write.baseProgress { base[.progress] = seen.map { .text(ValueText.number($0)) } ?? .absent }
            }
            if let note = write.note {
                changes.append(.note(note))
                if case .some(let seen) = write.baseNote { base[.note] = seen.map(BaseValue.text) ?? .absent }
            }
            if write.confirm { changes.append(.updated(submission.date)) }
            updates.append(RefUpdate(ref: "\(submission.unitID)/\(write.activityID)", changes: changes, base: base,
                                     stamp: submission.date))
        }
        for write in submission.measurements {
            var changes: [HoshinUpdate.FieldChange] = []
            var base: [Field: BaseValue] = [:]
            if let value = write.value {
                changes.append(.value(write.period, value))
                if case .some(let seen) = write.baseValue {
                    base[.value(write.period)] = seen.map { .text(ValueText.measurement($0)) } ?? .absent
                }
            }
            if let comment = write.comment {
                changes.append(.comment(write.period, comment))
                if case .some(let seen) = write.baseComment { base[.comment(write.period)] = seen.map(BaseValue.text) ?? .absent }
            }
            updates.append(RefUpdate(ref: "\(submission.unitID)/\(write.indicatorID)", changes: changes, base: base))
        }
        return updates
    }

    /// The ref each diagnostic lies in: the submitted activity or indicator of the unit's file
    /// that starts last before it (positions move a little with the edit; good enough to place a message).
    static func place(_ diagnostics: [Diagnostic], unit: UnitPlan, submission: UnitSubmission) -> [String?] {
        let submitted = Set(refs(submission))
        let spans = (unit.allActivities.map { ($0.id.value, $0.range) } + unit.allIndicators.map { ($0.id.value, $0.range) })
            .filter { submitted.contains("\(unit.id.value)/\($0.0)") }
        return diagnostics.map { diagnostic in
            guard diagnostic.file == unit.file else { return nil }
            return spans.filter { $0.1.start <= diagnostic.range.start }.max { $0.1.start < $1.1.start }
                .map { "\(unit.id.value)/\($0.0)" }
        }
    }
}
