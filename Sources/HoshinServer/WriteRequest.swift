import HoshinModel

/// One activity's reported fields, with the values the client last saw (spec §11).
struct ActivityWrite: Sendable {
    /// The activity's id inside its unit.
    let activityID: String
    var status: ActivityState?
    var progress: Double?
    var note: String?
    /// The values the client last saw; nil for a field means "not checked".
    var baseStatus: String??
    var baseProgress: Double??
    var baseNote: String??
    /// Sets `updated` even when nothing else changes (the API's report confirms a status).
    var confirm = false
}

/// One indicator's measurement for one period, with the value the client last saw.
struct MeasurementWrite: Sendable {
    let indicatorID: String
    let period: Period
    var value: MeasurementValue?
    var baseValue: MeasurementValue??
    var comment: String?
    var baseComment: String??
}

/// One unit's submission: written all or nothing.
struct UnitSubmission: Sendable {
    let unitID: String
    var activities: [ActivityWrite] = []
    var measurements: [MeasurementWrite] = []
    /// The date of the report (`updated`).
    let date: PlanDate
    /// The measurement period, for the commit message.
    var period: Period?

    var isEmpty: Bool { activities.isEmpty && measurements.isEmpty }
}

/// A field the plan changed since the client read it: nothing was written.
struct FieldConflict: Sendable, Equatable {
    /// `UNIT/ID`.
    let ref: String
    /// `status`, `progress`, `note` or `value`.
    let field: String
    let base: String?
    let plan: String?
    let yours: String?
    /// The activity's `updated` date in the plan, when it has one.
    var updated: PlanDate? = nil
}

/// One changed field of an accepted write.
struct ChangedField: Sendable, Equatable {
    let ref: String
    /// `status`, `progress`, `note`, `value` or `comment`.
    let field: String
    let old: String?
    let new: String
    /// The measurement period of a `value` or `comment`.
    var period: String? = nil
}

/// What a submission came to.
enum WriteOutcome: Sendable {
    /// Written: the changes, the files touched (paths inside the repository) and the
    /// diagnostics the write added (warnings and notes; errors refuse the write).
    case written(changes: [ChangedField], files: [String], added: [Diagnostic])
    /// Nothing to change: every value was already as submitted.
    case unchanged
    /// The plan changed under the client; nothing written.
    case conflicts([FieldConflict])
    /// The result would not validate; nothing written. Each diagnostic's `UNIT/ID`, when it
    /// lies inside an activity or indicator of the submission's file.
    case invalid([Diagnostic], refs: [String?])
    /// Entries that cannot be applied (a value out of range, a wrong period): by ref, why.
    case rejected([(ref: String?, message: String)])
    /// The edit could not be made (the file does not parse, an odd shape); nothing written.
    case failed(String)
}
