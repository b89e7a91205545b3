import HoshinModel

/// One point of a series: its shown value, and `num`/`den` when it is a proportion or rate.
public struct VariationPoint: Sendable, Hashable {
    /// The period label, for charts.
    public let label: String
    /// The value as shown (`num/den`, ×100 for `%`).
    public let value: Double
    /// Numerator, for p and u charts.
    public let num: Double?
    /// Denominator, for p and u charts.
    public let den: Double?

    /// Creates a point.
    public init(label: String, value: Double, num: Double? = nil, den: Double? = nil) {
        self.label = label
        self.value = value
        self.num = num
        self.den = den
    }
}

/// A special-cause signal (spec §8), named as in the JSON.
public enum Signal: String, Sendable, CaseIterable, Comparable {
    case crossings
    case outsideLimits = "outside-limits"
    case shift

    /// Orders by name, as the JSON lists them.
    public static func < (lhs: Signal, rhs: Signal) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What the variation of an indicator says (spec §8).
public enum Variation: String, Sendable, CaseIterable {
    case insufficientData = "insufficient-data"
    case commonCause = "common-cause"
    case improving
    case deteriorating
    case unclear
}

/// Will the process, as it runs now, meet the target? (spec §8, as in *Making Data Count*)
public enum Assurance: String, Sendable, CaseIterable {
    /// The target lies beyond the limit on the bad side: it is met every time.
    case pass
    /// The target lies beyond the limit on the good side: not met without changing the process.
    case fail
    /// The target lies between the limits: met and missed by chance.
    case inconsistent
}

/// Control limits at one point; nil where the chart has none.
public struct Limits: Sendable, Hashable {
    /// Lower limit, on the shown scale.
    public let lower: Double?
    /// Upper limit, on the shown scale.
    public let upper: Double?

    /// No limits.
    public static let none = Limits(lower: nil, upper: nil)
}

/// The variation analysis of one series: centre, limits, runs and the verdict.
public struct VariationAnalysis: Sendable {
    /// The chart type.
    public let chart: ChartType
    /// The points analysed, in period order.
    public let points: [VariationPoint]
    /// How many points form the baseline (all unless frozen).
    public let baselineCount: Int
    /// The centre line, on the shown scale; nil without points.
    public let centre: Double?
    /// Limits per point (control charts); `.none` everywhere for run charts.
    public let limits: [Limits]
    /// Points not on the centre line.
    public let useful: Int
    /// The longest run of useful points on one side of the centre.
    public let longestRun: Int
    /// The longest run expected by chance, or nil without useful points.
    public let longestRunMax: Int?
    /// Crossings of the centre line.
    public let crossings: Int
    /// The fewest crossings expected by chance, or nil without useful points.
    public let crossingsMin: Int?
    /// Signals found, sorted by name; empty when there are too few useful points.
    public let signals: [Signal]
    /// The verdict.
    public let variation: Variation
    /// The point the verdict rests on (the latest evidence point), if any.
    public let evidence: Int?
    /// Indices of points outside their limits.
    public let outside: Set<Int>
    /// Indices of points inside a run longer than `longestRunMax`.
    public let inLongRun: Set<Int>
    /// The target judged against the latest limits, or nil where §8 gives none.
    public var assurance: Assurance? = nil

    /// True for charts with control limits (all but `run`).
    public var isControlChart: Bool { chart != .run }

    /// The limits of the latest point.
    public var latestLimits: Limits { limits.last ?? .none }
}
