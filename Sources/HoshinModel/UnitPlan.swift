/// One organisational unit's plan file (spec §3).
public struct UnitPlan: Sendable {
    /// The file as the user named it.
    public var file: String
    /// The unit id, unique in the repository.
    public var id: Located<String>
    /// The unit's display name.
    public var name: String
    /// The parent unit's id; nil only for the root.
    public var parent: Located<String>?
    /// Free-text owner.
    public var owner: String?
    /// Who may report this unit and the units below it (e-mail addresses, §3).
    public var reporters: [String] = []
    /// The vision (root only).
    public var vision: String?
    /// Strategic approaches (root only).
    public var strategies: [Strategy]
    /// The unit's goals.
    public var goals: [Goal]
    /// The bytes of the whole file's root mapping.
    public var range: ByteRange
    /// True when `parent` is given but is not a valid id: `parent` then holds the text as
    /// written, and the unit is treated like one with an unknown parent (its own
    /// `invalid-value` is the one diagnostic).
    public var parentIsInvalid = false
    /// Ids of goals that have a valid id but could not be decoded (their problems are
    /// reported); references to them are not reported again.
    public var undecodedGoalIDs: Set<String> = []

    /// Creates a unit plan.
    public init(file: String, id: Located<String>, name: String, parent: Located<String>? = nil,
                owner: String? = nil, vision: String? = nil, strategies: [Strategy] = [],
                goals: [Goal] = [], range: ByteRange) {
        self.file = file
        self.id = id
        self.name = name
        self.parent = parent
        self.owner = owner
        self.vision = vision
        self.strategies = strategies
        self.goals = goals
        self.range = range
    }
}

/// A strategic approach of the root unit.
public struct Strategy: Sendable {
    /// Its id.
    public var id: Located<String>
    /// Its title.
    public var title: String

    /// Creates a strategy.
    public init(id: Located<String>, title: String) {
        self.id = id
        self.title = title
    }
}

/// A leadership group's own judgement of a goal.
public struct Assessment: Sendable, Hashable {
    /// The judged colour.
    public var status: StatusColour
    /// When it was judged.
    public var date: PlanDate?
    /// Why.
    public var note: String?

    /// Creates an assessment.
    public init(status: StatusColour, date: PlanDate?, note: String?) {
        self.status = status
        self.date = date
        self.note = note
    }
}

/// A goal of a unit.
public struct Goal: Sendable {
    /// Its id, unique within the unit.
    public var id: Located<String>
    /// Its title.
    public var title: String
    /// The root strategy it serves.
    public var strategy: Located<String>?
    /// Its perspective, from `hoshin.yaml`.
    public var perspective: Located<String>?
    /// Goals of ancestor units it supports, as `UNIT/ID` references.
    public var supports: [Located<String>]
    /// Free-text owner.
    public var owner: String?
    /// Rollup weight (> 0).
    public var weight: Double
    /// The leadership's own judgement.
    public var assessment: Assessment?
    /// Measurable indicators.
    public var indicators: [Indicator]
    /// Success factors with their activities.
    public var successFactors: [SuccessFactor]
    /// Activities directly under the goal.
    public var activities: [Activity]
    /// What is being done about a red result (spec §12).
    public var countermeasures: [Countermeasure] = []
    /// The goal's mapping node.
    public var range: ByteRange
    /// How many of the goal's indicators could not be decoded (their problems are reported).
    public var undecodedIndicators = 0

    /// Creates a goal.
    public init(id: Located<String>, title: String, strategy: Located<String>? = nil,
                perspective: Located<String>? = nil, supports: [Located<String>] = [],
                owner: String? = nil, weight: Double = 1, assessment: Assessment? = nil,
                indicators: [Indicator] = [], successFactors: [SuccessFactor] = [],
                activities: [Activity] = [], range: ByteRange) {
        self.id = id
        self.title = title
        self.strategy = strategy
        self.perspective = perspective
        self.supports = supports
        self.owner = owner
        self.weight = weight
        self.assessment = assessment
        self.indicators = indicators
        self.successFactors = successFactors
        self.activities = activities
        self.range = range
    }
}

/// Which way an indicator should move.
public enum Direction: String, Sendable, CaseIterable, Codable {
    /// Higher is better.
    case up
    /// Lower is better.
    case down
}

/// The statistical process control chart of an indicator (spec §8).
public enum ChartType: String, Sendable, CaseIterable, Codable {
    case run, i, p, u, c
}

/// One measured value.
public enum MeasurementValue: Sendable, Hashable {
    /// A plain number.
    case number(Double)
    /// A proportion `num/den`.
    case ratio(num: Double, den: Double)
}

/// A value keyed by a measurement period in a plan file (`2026-10: 7.9`): a measurement, or
/// the unit's comment on one, with the bytes of the key and of the value.
public struct PeriodEntry<Value: Sendable>: Sendable {
    // The value first: a measurement (17 bytes) then packs with the 4-byte period and the
    // ranges into 40 bytes instead of 48, across hundreds of thousands of measurements.
    /// The value.
    public var value: Value
    /// The period.
    public var period: Period
    /// The period key's bytes.
    public var keyRange: ByteRange
    /// The value node's bytes.
    public var valueRange: ByteRange

    /// Creates an entry.
    public init(period: Period, value: Value, keyRange: ByteRange, valueRange: ByteRange) {
        self.period = period
        self.value = value
        self.keyRange = keyRange
        self.valueRange = valueRange
    }
}

/// One measurement: a period and its value.
public typealias Measurement = PeriodEntry<MeasurementValue>

/// A measurable indicator of a goal.
public struct Indicator: Sendable {
    /// Its id, unique within the unit.
    public var id: Located<String>
    /// Its title.
    public var title: String
    /// Unit of measure, such as `"%"`.
    public var unit: String?
    /// Which way is better.
    public var direction: Direction
    /// Where it started.
    public var baseline: Double?
    /// The target value.
    public var target: Double
    /// The yellow boundary, if any.
    public var warning: Double?
    /// The SPC chart type.
    public var chart: ChartType
    /// The last period of the frozen baseline, if any.
    public var freeze: Located<Period>?
    /// Measurements in source order.
    public var measurements: [Measurement]
    /// The unit's analysis per period, in source order.
    public var comments: [IndicatorComment] = []
    /// What is being done about a red or deteriorating result (spec §12).
    public var countermeasures: [Countermeasure] = []
    /// The indicator's mapping node.
    public var range: ByteRange

    /// Creates an indicator.
    public init(id: Located<String>, title: String, unit: String? = nil, direction: Direction,
                baseline: Double? = nil, target: Double, warning: Double? = nil, chart: ChartType = .run,
                freeze: Located<Period>? = nil, measurements: [Measurement] = [], range: ByteRange) {
        self.id = id
        self.title = title
        self.unit = unit
        self.direction = direction
        self.baseline = baseline
        self.target = target
        self.warning = warning
        self.chart = chart
        self.freeze = freeze
        self.measurements = measurements
        self.range = range
    }

    /// The comment on a period, if any.
    public func comment(for period: Period?) -> String? {
        guard let period else { return nil }
        return comments.first { $0.period == period }?.text
    }

    /// True when values are shown as percentages (`unit: "%"`).
    public var isPercent: Bool { unit == "%" }

    /// The shown value of a measurement: `num/den`, times 100 for a `%` unit.
    public func shownValue(_ value: MeasurementValue) -> Double {
        switch value {
        case .number(let number): number
        case .ratio(let num, let den): den == 0 ? .nan : (isPercent ? num / den * 100 : num / den)
        }
    }
}

/// A success factor (framgångsfaktor) of a goal.
public struct SuccessFactor: Sendable {
    /// Its id, unique within the unit.
    public var id: Located<String>
    /// Its title.
    public var title: String
    /// Rollup weight (> 0).
    public var weight: Double
    /// Its activities.
    public var activities: [Activity]
    /// The mapping node.
    public var range: ByteRange

    /// Creates a success factor.
    public init(id: Located<String>, title: String, weight: Double = 1, activities: [Activity] = [],
                range: ByteRange) {
        self.id = id
        self.title = title
        self.weight = weight
        self.activities = activities
        self.range = range
    }
}

/// The reported state of an activity.
public enum ActivityState: String, Sendable, CaseIterable, Codable {
    case notStarted = "not-started"
    case onTrack = "on-track"
    case atRisk = "at-risk"
    case offTrack = "off-track"
    case done
    case cancelled
}

/// An activity: something a unit does, reported through the year.
public struct Activity: Sendable {
    /// Its id, unique within the unit.
    public var id: Located<String>
    /// Its title.
    public var title: String
    /// Free-text owner.
    public var owner: String?
    /// Planned start.
    public var start: Located<PlanDate>?
    /// Due date.
    public var due: Located<PlanDate>?
    /// Reported state.
    public var status: Located<ActivityState>
    /// Percent complete, 0...100.
    public var progress: Located<Double>?
    /// Date of the last status report.
    public var updated: Located<PlanDate>?
    /// Free-text note.
    public var note: String?
    /// Rollup weight (> 0).
    public var weight: Double
    /// The plan year this activity was carried over from by `hoshin rollover` (§14).
    public var carriedFrom: Located<Int>?
    /// The mapping node.
    public var range: ByteRange

    /// Creates an activity.
    public init(id: Located<String>, title: String, owner: String? = nil, start: Located<PlanDate>? = nil,
                due: Located<PlanDate>? = nil, status: Located<ActivityState>, progress: Located<Double>? = nil,
                updated: Located<PlanDate>? = nil, note: String? = nil, weight: Double = 1, range: ByteRange) {
        self.id = id
        self.title = title
        self.owner = owner
        self.start = start
        self.due = due
        self.status = status
        self.progress = progress
        self.updated = updated
        self.note = note
        self.weight = weight
        self.range = range
    }
}

/// A traffic-light colour; `grey` means no information yet.
public enum StatusColour: String, Sendable, CaseIterable, Codable {
    case green, yellow, red, grey

    /// The score a colour stands for (grey has none).
    public var score: Double? {
        switch self {
        case .green: 1
        case .yellow: 0.5
        case .red: 0
        case .grey: nil
        }
    }
}
