import HoshinModel
import HoshinVariation

/// The monthly review pack of a unit (spec §12): what the sections hold, in the spec's order.
/// Rendering is elsewhere; this is the data a leadership group reads before its meeting.
public struct ReviewPack: Sendable {
    /// Why an indicator is an exception.
    public enum Reason: String, Sendable, CaseIterable {
        /// Its latest value is red.
        case red
        /// Its variation is `deteriorating`.
        case deteriorating
        /// Its assurance is `fail`.
        case assuranceFail = "assurance-fail"
    }

    /// An indicator in section 2, with why it is there.
    public struct IndicatorException: Sendable {
        public let indicator: IndicatorStatus
        public let reasons: [Reason]
    }

    /// A goal in section 2: red itself, or holding an exceptional indicator.
    public struct GoalException: Sendable {
        /// The unit's name.
        public let unitName: String
        public let goal: GoalStatus
        /// True when the goal itself is red.
        public let isRed: Bool
        public let indicators: [IndicatorException]
    }

    /// An activity in section 4 and the unit and goal it belongs to.
    public struct ActivityItem: Sendable {
        public let unitName: String
        public let goalTitle: String
        public let activity: ActivityStatus
    }

    /// A one-line item of section 5.
    public struct OtherItem: Sendable {
        /// `goal`, `indicator` or `activity`.
        public let kind: String
        public let unitName: String
        public let title: String
        public let status: StatusColour
        /// A short detail: a score, a value against target, a state.
        public let indicator: IndicatorStatus?
        public let goal: GoalStatus?
        public let activity: ActivityStatus?
    }

    /// A git revision: short hash and commit date.
    public struct Revision: Sendable, Hashable {
        public let hash: String
        public let date: PlanDate

        /// Creates a revision.
        public init(hash: String, date: PlanDate) {
            self.hash = hash
            self.date = date
        }
    }

    /// The statuses of the unit (and `depth` levels below) at the as-of date.
    public let tree: StatusTree
    /// The period reviewed.
    public let period: Period
    /// The git revision of the files, when the folder is in git.
    public let revision: Revision?
    /// Goals, indicators and activities (not cancelled) per colour.
    public let counts: [StatusColour: Int]
    /// Section 2.
    public let exceptions: [GoalException]
    /// Section 4.
    public let attention: [ActivityItem]
    /// Section 5.
    public let others: [OtherItem]
    /// Section 6: changes since the end of the period before `period`.
    public let changes: StatusDiff

    /// Assembles the pack from the tree at the as-of date and the tree at the end of the previous period.
    public init(tree: StatusTree, previous: StatusTree, period: Period, revision: Revision?) {
        self.tree = tree
        self.period = period
        self.revision = revision
        var counts: [StatusColour: Int] = [.green: 0, .yellow: 0, .red: 0, .grey: 0]
        var exceptions: [GoalException] = []
        var attention: [ActivityItem] = []
        var others: [OtherItem] = []
        func visit(_ unit: UnitStatus) {
            for goal in unit.goals {
                counts[goal.figure.status, default: 0] += 1
                var flagged: [IndicatorException] = []
                for indicator in goal.indicators {
                    counts[indicator.status, default: 0] += 1
                    let reasons = Self.reasons(indicator)
                    if reasons.isEmpty {
                        others.append(OtherItem(kind: "indicator", unitName: unit.name, title: indicator.title,
                                                status: indicator.status, indicator: indicator, goal: nil, activity: nil))
                    } else {
                        flagged.append(IndicatorException(indicator: indicator, reasons: reasons))
                    }
                }
                let isRed = goal.figure.status == .red
                if isRed || !flagged.isEmpty {
                    exceptions.append(GoalException(unitName: unit.name, goal: goal, isRed: isRed, indicators: flagged))
                }
                if !isRed {
                    others.append(OtherItem(kind: "goal", unitName: unit.name, title: goal.title, status: goal.figure.status,
                                            indicator: nil, goal: goal, activity: nil))
                }
                let activities = goal.successFactors.flatMap(\.activities) + goal.activities
                for activity in activities where activity.state != .cancelled {
                    counts[activity.status, default: 0] += 1
                    if Self.needsAttention(activity) {
                        attention.append(ActivityItem(unitName: unit.name, goalTitle: goal.title, activity: activity))
                    } else {
                        others.append(OtherItem(kind: "activity", unitName: unit.name, title: activity.title,
                                                status: activity.status, indicator: nil, goal: nil, activity: activity))
                    }
                }
            }
            unit.units.forEach(visit)
        }
        visit(tree.root)
        self.counts = counts
        self.exceptions = exceptions
        self.attention = attention
        self.others = others
        self.changes = StatusDiff(from: previous, to: tree)
    }

    /// Why an indicator belongs in section 2 (empty: it does not).
    public static func reasons(_ indicator: IndicatorStatus) -> [Reason] {
        var reasons: [Reason] = []
        if indicator.status == .red { reasons.append(.red) }
        if indicator.spc.variation == .deteriorating { reasons.append(.deteriorating) }
        if indicator.spc.assurance == .fail { reasons.append(.assuranceFail) }
        return reasons
    }

    /// Overdue, stale, at risk or off track.
    public static func needsAttention(_ activity: ActivityStatus) -> Bool {
        activity.overdue || activity.stale || activity.state == .atRisk || activity.state == .offTrack
    }

    /// The date the changes start from: the last day of the period before `period`.
    public static func changesSince(_ period: Period) -> PlanDate { period.previous.lastDay }
}

extension ReviewPack {
    /// Assembles the pack for `unit` (and `depth` levels below) as `hoshin review` does:
    /// statuses at `asOf`, changes since the end of the period before `period`
    /// (default: the latest reporting period that has ended by `asOf`).
    public static func assemble(repository: PlanRepository, unit: String, period: Period? = nil, asOf: PlanDate,
                                depth: Int = 0, revision: Revision? = nil) throws -> ReviewPack {
        let reviewed = period ?? repository.latestEndedPeriod(asOf: asOf)
        let tree = try RollupEngine(repository: repository, asOf: asOf).tree(from: unit, depth: depth)
        let previous = try RollupEngine(repository: repository, asOf: changesSince(reviewed)).tree(from: unit, depth: depth)
        return ReviewPack(tree: tree, previous: previous, period: reviewed, revision: revision)
    }
}
