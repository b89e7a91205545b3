import HoshinModel

/// One field's change: old (nil when absent) → new.
public struct FieldDelta: Sendable, Hashable {
    /// The field.
    public let field: Field
    /// The plan's value before, as text; nil when there was none.
    public let old: String?
    /// The new value, as text.
    public let new: String

    /// Creates a delta.
    public init(field: Field, old: String?, new: String) {
        self.field = field
        self.old = old
        self.new = new
    }
}

/// What an update did (or, in a dry run, would do) to one ref.
public struct AppliedChange: Sendable, Hashable, CustomStringConvertible {
    /// The index of the `RefUpdate` in the request.
    public let index: Int
    /// `UNIT/ID`.
    public let ref: String
    /// The plan file, as diagnostics name it.
    public let file: String
    /// Every field whose value changed (fields set to the value they had are left out).
    public let fields: [FieldDelta]

    /// Creates a change.
    public init(index: Int, ref: String, file: String, fields: [FieldDelta]) {
        self.index = index
        self.ref = ref
        self.file = file
        self.fields = fields
    }

    /// `kardiologi/mtg-utbildning: on-track → at-risk, progress 40 → 55, note added`.
    public var description: String {
        let parts = fields.filter { $0.field != .updated || fields.count == 1 }.map { delta -> String in
            switch delta.field {
            case .note: return delta.old == nil ? "note added" : "note updated"
            case .comment(let period): return delta.old == nil ? "comment \(period) added" : "comment \(period) updated"
            case .value(let period):
                return delta.old.map { "\(period): \($0) → \(delta.new)" } ?? "\(period): \(delta.new) (new)"
            case .status: return "\(delta.old ?? "–") → \(delta.new)"
            case .progress, .updated: return "\(delta.field) \(delta.old ?? "–") → \(delta.new)"
            }
        }
        return "\(ref): " + (parts.isEmpty ? "no change" : parts.joined(separator: ", "))
    }
}

/// A field the requester changed that someone else changed too since the requester's base.
public struct UpdateConflict: Sendable, Hashable {
    /// The index of the `RefUpdate` in the request.
    public let index: Int
    /// `UNIT/ID`.
    public let ref: String
    /// The field.
    public let field: Field
    /// The value the requester saw; nil when it was absent.
    public let base: String?
    /// The plan's value now; nil when absent.
    public let plan: String?
    /// The value the requester asked for.
    public let yours: String
    /// The activity's `updated` date in the plan (for an indicator: nil).
    public let updated: PlanDate?

    /// Creates a conflict.
    public init(index: Int, ref: String, field: Field, base: String?, plan: String?, yours: String, updated: PlanDate?) {
        self.index = index
        self.ref = ref
        self.field = field
        self.base = base
        self.plan = plan
        self.yours = yours
        self.updated = updated
    }
}

/// Something the requester should know that does not stop the change.
public enum UpdateNotice: Sendable, Hashable, CustomStringConvertible {
    /// A date after today (a typo, or a report made ahead of time).
    case futureDate(index: Int, ref: String, date: PlanDate)
    /// A measurement period after the plan year (it is `outside-period`).
    case periodAfterPlanYear(index: Int, ref: String, period: Period, year: Int)
    /// The changes were applied over conflicts, because of `force`.
    case forced(UpdateConflict)

    /// One line for the reply.
    public var description: String {
        switch self {
        case .futureDate(_, let ref, let date): "\(ref): the date \(date) is in the future"
        case .periodAfterPlanYear(_, let ref, let period, let year): "\(ref): period \(period) is after the plan year \(year)"
        case .forced(let conflict):
            "\(conflict.ref): \(conflict.field) overwritten (the plan had \(conflict.plan ?? "nothing")"
                + (conflict.updated.map { ", updated \($0)" } ?? "") + ")"
        }
    }
}

/// A request entry that cannot be applied, before anything is locked or written.
public struct UpdateProblem: Sendable, Hashable, CustomStringConvertible {
    /// The index of the `RefUpdate` in the request.
    public let index: Int
    /// The field at fault, or nil when the ref itself is.
    public let field: Field?
    /// What is wrong, in one line.
    public let message: String

    /// Creates a problem.
    public init(index: Int, field: Field?, message: String) {
        self.index = index
        self.field = field
        self.message = message
    }

    public var description: String { message }
}

/// What an update did: the changes per ref, the diagnostics the change adds, the files written.
public struct UpdateResult: Sendable {
    /// One entry per `RefUpdate` that changes something, in request order.
    public let changes: [AppliedChange]
    /// Every diagnostic the change adds (warnings and infos; errors refuse the change).
    public let added: [Diagnostic]
    /// The files written (as diagnostics name them); empty in a dry run or when nothing changed.
    public let written: [String]
    /// Warnings about the request itself (future dates, periods after the plan year, forced conflicts).
    public let notices: [UpdateNotice]
    /// True when nothing was written because the request was a dry run.
    public let dryRun: Bool
}

/// Why an update was refused; every file is untouched in every case.
public enum UpdateError: Error, Sendable {
    /// The repository cannot be read (no `hoshin.yaml`, a broken `hoshin.yaml`).
    case repository(String)
    /// Entries that cannot be applied: unknown ref, a value out of range, a wrong period.
    case invalid([UpdateProblem])
    /// Fields changed since the requester's base (refused unless `force`).
    case conflicts([UpdateConflict])
    /// The change would make the repository invalid; these are the errors it adds.
    case wouldNotValidate([Diagnostic])
    /// The edit could not be made in a file (it does not parse, an odd shape).
    case edit(String)
    /// Writing failed; every file was put back as it was.
    case unwritable(String)
}
