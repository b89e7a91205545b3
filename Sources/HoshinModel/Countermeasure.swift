/// The state of a countermeasure (spec §3, §12).
public enum CountermeasureState: String, Sendable, CaseIterable, Codable {
    /// Decided, not yet carried out.
    case open
    /// Carried out; the effect is being watched.
    case monitoring
    /// Finished (`closed` gives the date).
    case closed

    /// True for `open` and `monitoring`: the countermeasure still answers a red result.
    public var isActive: Bool { self != .closed }
}

/// What a unit does about a red or deteriorating result: a countermeasure
/// (åtgärd) on a goal or an indicator, in the A3 order problem, cause, action.
public struct Countermeasure: Sendable {
    /// Its id, sharing the unit's id space.
    public var id: Located<String>
    /// The measurement period in which it was opened.
    public var opened: Located<Period>
    /// The problem seen.
    public var problem: String
    /// The cause found, if any.
    public var cause: String?
    /// The action decided, if any.
    public var action: String?
    /// Free-text owner.
    public var owner: String
    /// When the action is due.
    public var due: Located<PlanDate>?
    /// Its state.
    public var status: Located<CountermeasureState>
    /// When it was closed (required when `status` is closed).
    public var closed: Located<PlanDate>?
    /// What came of it.
    public var result: String?
    /// The mapping node.
    public var range: ByteRange

    /// Creates a countermeasure.
    public init(id: Located<String>, opened: Located<Period>, problem: String, cause: String? = nil,
                action: String? = nil, owner: String, due: Located<PlanDate>? = nil,
                status: Located<CountermeasureState>, closed: Located<PlanDate>? = nil, result: String? = nil,
                range: ByteRange) {
        self.id = id
        self.opened = opened
        self.problem = problem
        self.cause = cause
        self.action = action
        self.owner = owner
        self.due = due
        self.status = status
        self.closed = closed
        self.result = result
        self.range = range
    }

    /// Open or monitoring with a `due` date before `asOf`.
    public func isOverdue(asOf: PlanDate) -> Bool {
        guard status.value.isActive, let due = due?.value else { return false }
        return due < asOf
    }
}

/// The unit's analysis of one measurement period of an indicator (`comments`).
public typealias IndicatorComment = PeriodEntry<String>

extension PeriodEntry where Value == String {
    /// The comment's text.
    public var text: String {
        get { value }
        set { value = newValue }
    }

    /// Creates a comment.
    public init(period: Period, text: String, keyRange: ByteRange, valueRange: ByteRange) {
        self.init(period: period, value: text, keyRange: keyRange, valueRange: valueRange)
    }
}

extension Indicator {
    /// The unit's comment on `period`'s value, if any (the first, should a period repeat).
    public func comment(for period: Period) -> String? {
        comments.first { $0.period == period }?.text
    }
}
