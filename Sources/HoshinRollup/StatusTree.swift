import HoshinModel
import HoshinVariation

/// A status and its exact score (nil exactly when the status is grey).
public struct Figure: Sendable, Hashable {
    /// The colour.
    public let status: StatusColour
    /// The score in [0, 1], or nil for grey.
    public let score: Double?

    /// A grey figure: no information yet.
    public static let grey = Figure(status: .grey, score: nil)

    /// Creates a figure.
    public init(status: StatusColour, score: Double?) {
        self.status = status
        self.score = score
    }
}

/// The cascaded status of a whole repository at one date (spec §4–5).
public struct StatusTree: Sendable {
    /// The as-of date.
    public let asOf: PlanDate
    /// The plan year.
    public let period: Int
    /// The organisation's name, if set.
    public let organisation: String?
    /// The language of labels.
    public let language: ReportLanguage
    /// The top unit shown (the root, or `--unit`).
    public let root: UnitStatus
    /// What could not be shown because of errors (empty for a valid repository).
    public var problems = StatusProblems()
}

/// A unit: the rollup of its own goals, with the units below it.
public struct UnitStatus: Sendable {
    public let id: String
    public let name: String
    public let owner: String?
    public let figure: Figure
    public let goals: [GoalStatus]
    public let units: [UnitStatus]
}

/// A goal: status, result and execution, and what it is built from.
public struct GoalStatus: Sendable {
    public let ref: String
    public let title: String
    public let owner: String?
    public let weight: Double
    public let figure: Figure
    public let result: Figure
    public let execution: Figure
    public let assessment: Assessment?
    public let supports: [String]
    public let supportedBy: [String]
    public let indicators: [IndicatorStatus]
    public let successFactors: [SuccessFactorStatus]
    public let activities: [ActivityStatus]
    /// What is being done about a red result, with `overdue` at the as-of date.
    public var countermeasures: [CountermeasureStatus] = []
}

/// A countermeasure (spec §3, §12) and whether it is overdue at the as-of date.
public struct CountermeasureStatus: Sendable {
    /// `UNIT/ID`.
    public let ref: String
    /// The countermeasure as written.
    public let countermeasure: Countermeasure
    /// Open or monitoring with `due` before the as-of date.
    public let overdue: Bool
}

/// One measured value in period order, on the scale it is shown.
public struct SeriesPoint: Sendable, Hashable {
    /// The period.
    public let period: Period
    /// The shown value (`num/den`, ×100 for `%`).
    public let value: Double
    /// The raw value, for charts that need `num` and `den`.
    public let raw: MeasurementValue
}

/// An indicator judged by its latest value against target.
public struct IndicatorStatus: Sendable {
    public let ref: String
    public let title: String
    public let unit: String?
    public let direction: Direction
    public let chart: ChartType
    public let target: Double
    public let warning: Double?
    public let baseline: Double?
    public let status: StatusColour
    /// The latest value whose period has begun by the as-of date.
    public let value: Double?
    /// Its period.
    public let period: Period?
    /// Every point whose period has begun by the as-of date, in period order.
    public let series: [SeriesPoint]
    /// The frozen baseline's last period, if any.
    public let freeze: Period?
    /// The variation over time of the series (spec §8).
    public let spc: VariationAnalysis
    /// The unit's comment on the period shown, if any.
    public var comment: String? = nil
    /// The comments on every period, for the bowling chart.
    public var comments: [Period: String] = [:]
    /// What is being done about a red result.
    public var countermeasures: [CountermeasureStatus] = []
    /// Why it needs a countermeasure it does not have (`missing-countermeasure`), or nil.
    public var missingCountermeasure: String? = nil
}

/// A success factor: the rollup of its activities.
public struct SuccessFactorStatus: Sendable {
    public let ref: String
    public let title: String
    public let weight: Double
    public let figure: Figure
    public let activities: [ActivityStatus]
}

/// An activity's colour at the as-of date, with its reported state and flags.
public struct ActivityStatus: Sendable {
    public let ref: String
    public let title: String
    public let owner: String?
    public let weight: Double
    /// The colour; cancelled activities are grey here and left out of every rollup.
    public let status: StatusColour
    public let state: ActivityState
    public let progress: Double?
    public let start: PlanDate?
    public let due: PlanDate?
    public let updated: PlanDate?
    public let note: String?
    public let stale: Bool
    public let overdue: Bool
}
