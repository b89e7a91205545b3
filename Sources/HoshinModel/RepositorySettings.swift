@_exported import HoshinText

/// The language of everything a person reads (spec §7): sv, da or en.
public typealias ReportLanguage = Language

/// A severity setting for one rule in `hoshin.yaml`, `off` included.
public enum SeveritySetting: String, Sendable, CaseIterable, Codable {
    case error, warning, info, off

    /// The severity, or nil for `off`.
    public var severity: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .off: nil
        }
    }
}

/// The colour thresholds of a rollup.
public struct RollupThresholds: Sendable, Hashable {
    /// Score at or above which a rollup is green.
    public var green: Double
    /// Score at or above which a rollup is yellow (below: red).
    public var yellow: Double

    /// Creates thresholds.
    public init(green: Double = 0.8, yellow: Double = 0.5) {
        self.green = green
        self.yellow = yellow
    }
}

/// The contents of `hoshin.yaml` (spec §2), defaults filled in.
public struct RepositorySettings: Sendable {
    /// The file as the user named it.
    public var file: String
    /// Format version; must be 1.
    public var version: Int
    /// The organisation's name, if given.
    public var organisation: String?
    /// The plan year.
    public var period: Int
    /// How often indicators are measured.
    public var reporting: ReportingCadence
    /// The default language of report labels.
    public var language: ReportLanguage
    /// The closed list of goal perspectives, if any.
    public var perspectives: [String]?
    /// Days after which an activity report is stale.
    public var staleAfterDays: Int
    /// Rollup colour thresholds.
    public var rollup: RollupThresholds
    /// Fewest useful points for a variation signal.
    public var spcMinPoints: Int
    /// Per-rule severity overrides.
    public var rules: [String: SeveritySetting]
    /// Days after a period's last day by which its reports are due (`cycle.deadline_days`, §13).
    public var deadlineDays: Int = 10
    /// Red periods in a row before an indicator needs a countermeasure (`review.countermeasure_after`).
    public var countermeasureAfter: Int = 2
    /// E-mail addresses of who may report every unit through `serve` (§11).
    public var admins: [String] = []

    /// Settings with every default and the given plan year.
    public init(file: String = "hoshin.yaml", period: Int) {
        self.file = file
        self.version = 1
        self.organisation = nil
        self.period = period
        self.reporting = .monthly
        self.language = .sv
        self.perspectives = nil
        self.staleAfterDays = 45
        self.rollup = RollupThresholds()
        self.spcMinPoints = 10
        self.rules = [:]
    }
}
