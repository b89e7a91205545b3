import HoshinEditing
import HoshinModel

/// One field of an activity or an indicator that an update can set.
public enum Field: Sendable, Hashable, CustomStringConvertible {
    /// An activity's `status`.
    case status
    /// An activity's `progress`.
    case progress
    /// An activity's `note`.
    case note
    /// An activity's `updated` date.
    case updated
    /// An indicator's measurement of a period.
    case value(Period)
    /// An indicator's comment on a period (`comments:`, spec §3).
    case comment(Period)

    /// `status`, `progress`, `note`, `updated`, `2026-02`, `comment 2026-02`.
    public var description: String {
        switch self {
        case .status: "status"
        case .progress: "progress"
        case .note: "note"
        case .updated: "updated"
        case .value(let period): "\(period)"
        case .comment(let period): "comment \(period)"
        }
    }

    /// True for the fields of an activity, false for those of an indicator.
    public var isActivityField: Bool {
        switch self {
        case .status, .progress, .note, .updated: true
        case .value, .comment: false
        }
    }
}

/// A new value for one field.
public enum FieldChange: Sendable, Hashable {
    /// Sets an activity's status. `done` without a progress change also sets progress 100.
    case status(ActivityState)
    /// Sets an activity's progress, a percentage from 0 to 100.
    case progress(Double)
    /// Sets an activity's note.
    case note(String)
    /// Sets an activity's `updated` date.
    case updated(PlanDate)
    /// Adds or replaces an indicator's measurement of a period.
    case value(Period, MeasurementValue)
    /// Sets an indicator's comment on a period.
    case comment(Period, String)

    /// The field this change sets.
    public var field: Field {
        switch self {
        case .status: .status
        case .progress: .progress
        case .note: .note
        case .updated: .updated
        case .value(let period, _): .value(period)
        case .comment(let period, _): .comment(period)
        }
    }

    /// The new value as the plan file will hold it (`at-risk`, `55`, `2026-11-02`, `{num: 11, den: 142}`).
    public var text: String {
        switch self {
        case .status(let state): state.rawValue
        case .progress(let progress): ScalarWriter.number(progress)
        case .note(let note): note
        case .updated(let date): date.description
        case .value(_, let value): PlanEditor.render(value)
        case .comment(_, let comment): comment
        }
    }
}

/// A value the requester saw when they made their change: the base of a three-way merge.
public enum BaseValue: Sendable, Hashable {
    /// The plan had no value for the field.
    case absent
    /// The plan's value, as text (`on-track`, `40`, `7.9`, `11/142`, a note).
    case text(String)
}

/// The changes to one activity or indicator, `UNIT/ID`.
public struct RefUpdate: Sendable, Hashable {
    /// `UNIT/ACTIVITY` or `UNIT/INDICATOR`.
    public var ref: String
    /// The fields to set.
    public var changes: [FieldChange]
    /// The values the requester saw, by field. A change whose field has a base is checked:
    /// when the plan's value now differs from the base (someone else changed it) and from
    /// the requested value, it is a conflict. A field without a base is applied as given.
    public var base: [Field: BaseValue]
    /// When set and the update changes anything on the activity, `updated` becomes this
    /// date (unless `changes` sets `updated` itself).
    public var stamp: PlanDate?

    /// Creates the changes to one ref.
    public init(ref: String, changes: [FieldChange], base: [Field: BaseValue] = [:], stamp: PlanDate? = nil) {
        self.ref = ref
        self.changes = changes
        self.base = base
        self.stamp = stamp
    }
}

/// "Apply these field changes to these refs, with these base values": what `report`,
/// `measure`, `sheet import` and the web server ask of `PlanUpdate.apply`.
public struct UpdateRequest: Sendable, Hashable {
    /// The changes, one entry per ref (a ref may appear more than once; entries apply in order).
    public var updates: [RefUpdate]
    /// The date rules are judged at (`stale-report`, `outside-period`…).
    public var asOf: PlanDate
    /// Today, for the warning about a date in the future.
    public var today: PlanDate
    /// Apply changes even where they conflict with the plan's current values.
    public var force: Bool
    /// Perform every check, write nothing.
    public var dryRun: Bool

    /// Creates a request.
    public init(updates: [RefUpdate], asOf: PlanDate, today: PlanDate? = nil, force: Bool = false, dryRun: Bool = false) {
        self.updates = updates
        self.asOf = asOf
        self.today = today ?? asOf
        self.force = force
        self.dryRun = dryRun
    }
}
