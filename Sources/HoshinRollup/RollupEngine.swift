import HoshinModel
import HoshinVariation

/// Computes every status of a repository at an as-of date (spec §4).
public struct RollupEngine: Sendable {
    /// The repository.
    public let repository: PlanRepository
    /// The date statuses are judged at.
    public let asOf: PlanDate

    /// Creates an engine.
    public init(repository: PlanRepository, asOf: PlanDate) {
        self.repository = repository
        self.asOf = asOf
    }

    /// Why a tree cannot be built.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The repository has no root unit.
        case noRoot
        /// `--unit` named no unit.
        case unknownUnit(String, suggestion: String?)

        public var description: String {
            switch self {
            case .noRoot: "the repository has no root unit"
            case .unknownUnit(let id, let suggestion):
                "no unit '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
            }
        }
    }

    /// The tree from the root, or from `unitID`, down `depth` levels of units (nil: all).
    public func tree(from unitID: String? = nil, depth: Int? = nil) throws -> StatusTree {
        let byID = repository.unitsByID
        let startID: String
        if let unitID {
            guard byID[unitID] != nil else {
                throw Failure.unknownUnit(unitID, suggestion: Suggestion.nearest(to: unitID, in: byID.keys))
            }
            startID = unitID
        } else {
            guard let root = repository.units.first(where: { $0.parent == nil }) else { throw Failure.noRoot }
            startID = root.id.value
        }
        var computation = Computation(engine: self)
        computation.prepareIndicators(of: subtree(from: startID, depth: depth))
        let root = computation.unit(startID, depth: depth, children: repository.childUnits, byID: byID)
        let settings = repository.settings
        return StatusTree(asOf: asOf, period: settings.period, organisation: settings.organisation,
                          language: settings.language, root: root)
    }
}

extension RollupEngine {
    /// The units of the tree from `startID` down `depth` levels (each once, whatever cycles).
    func subtree(from startID: String, depth: Int?) -> [UnitPlan] {
        let byID = repository.unitsByID
        let children = repository.childUnits
        var seen: Set<String> = [startID]
        var level = [startID]
        var units: [UnitPlan] = []
        var remaining = depth
        while !level.isEmpty {
            units += level.compactMap { byID[$0] }
            if let left = remaining {
                if left <= 0 { break }
                remaining = left - 1
            }
            level = level.flatMap { children[$0] ?? [] }.filter { seen.insert($0).inserted }
        }
        return units
    }
}

/// One run of the rollup: goal statuses are computed once and shared by reference.
struct Computation {
    let engine: RollupEngine
    let rollup: Rollup
    let supporters: [String: [(unit: UnitPlan, goal: Goal)]]
    var goals: [String: GoalStatus] = [:]
    /// Units already placed in the tree: each unit appears once, so a `parent` cycle or a
    /// duplicate unit id (rules that `hoshin.yaml` may switch off) cannot make the walk endless.
    var placed: Set<String> = []

    init(engine: RollupEngine) {
        self.engine = engine
        self.rollup = Rollup(thresholds: engine.repository.settings.rollup)
        var supporters: [String: [(unit: UnitPlan, goal: Goal)]] = [:]
        let repository = engine.repository
        for unit in repository.units {
            let ancestors = Set(repository.ancestors(of: unit.id.value))
            for goal in unit.goals {
                for reference in Set(goal.supports.map({ $0.value })) {
                    guard let target = repository.goal(reference), ancestors.contains(target.unit.id.value) else { continue }
                    supporters[reference, default: []].append((unit, goal))
                }
            }
        }
        self.supporters = supporters
    }

    var asOf: PlanDate { engine.asOf }

    /// Indicator statuses (their variation analysis is most of the rollup's work) computed
    /// ahead, unit by unit on every core; keyed by file, goal position and indicator position.
    var preparedIndicators: [IndicatorKey: IndicatorStatus] = [:]

    struct IndicatorKey: Hashable, Sendable {
        let file: String
        let goalStart: Int
        let index: Int
    }

    mutating func prepareIndicators(of units: [UnitPlan]) {
        let computation = self
        let perUnit = Parallel.map(units) { unit -> [(IndicatorKey, IndicatorStatus)] in
            var prepared: [(IndicatorKey, IndicatorStatus)] = []
            for goal in unit.goals {
                let goalCovered = goal.countermeasures.contains { $0.status.value.isActive }
                for (index, indicator) in goal.indicators.enumerated() {
                    prepared.append((IndicatorKey(file: unit.file, goalStart: goal.range.start, index: index),
                                     computation.indicator(unit: unit, indicator, goalCovered: goalCovered)))
                }
            }
            return prepared
        }
        for list in perUnit {
            for (key, status) in list where preparedIndicators[key] == nil { preparedIndicators[key] = status }
        }
    }

    mutating func unit(_ id: String, depth: Int?, children: [String: [String]], byID: [String: UnitPlan]) -> UnitStatus {
        let plan = byID[id]!
        placed.insert(id)
        let goalStatuses = plan.goals.map { goal(unit: plan, goal: $0) }
        let figure = rollup.combine(goalStatuses.map { ($0.figure.score, $0.weight) })
        var units: [UnitStatus] = []
        if depth.map({ $0 > 0 }) ?? true {
            let below = (children[id] ?? []).sorted { (byID[$0]?.file ?? $0) < (byID[$1]?.file ?? $1) }
            for child in below where !placed.contains(child) && byID[child] != nil {
                units.append(unit(child, depth: depth.map { $0 - 1 }, children: children, byID: byID))
            }
        }
        return UnitStatus(id: id, name: plan.name, owner: plan.owner, figure: figure, goals: goalStatuses, units: units)
    }

    mutating func goal(unit: UnitPlan, goal: Goal) -> GoalStatus {
        let ref = unit.reference(goal.id.value)
        if let cached = goals[ref] { return cached }
        goals[ref] = placeholder(ref)  // guards against a cycle in invalid input
        let goalCovered = goal.countermeasures.contains { $0.status.value.isActive }
        let indicators = goal.indicators.enumerated().map { index, item in
            preparedIndicators[IndicatorKey(file: unit.file, goalStart: goal.range.start, index: index)]
                ?? indicator(unit: unit, item, goalCovered: goalCovered)
        }
        let factors = goal.successFactors.map { factor in
            let activities = factor.activities.map { activity(unit: unit, $0) }
            return SuccessFactorStatus(
                ref: unit.reference(factor.id.value), title: factor.title, weight: factor.weight,
                figure: rollup.combine(activities.compactMap(Self.contribution)), activities: activities)
        }
        let activities = goal.activities.map { activity(unit: unit, $0) }
        let supporting = (supporters[ref] ?? []).map { self.goal(unit: $0.unit, goal: $0.goal) }
            .sorted { $0.ref < $1.ref }
        let indicatorScores = indicators.map { (score: $0.status.score, weight: 1.0) }
        let figure = rollup.combine(
            indicatorScores
            + factors.map { ($0.figure.score, $0.weight) }
            + activities.compactMap(Self.contribution)
            + supporting.map { ($0.figure.score, $0.weight) })
        let result = rollup.combine(indicatorScores + supporting.map { ($0.result.score, $0.weight) })
        let allActivities = activities + factors.flatMap { $0.activities }
        let execution = rollup.combine(
            allActivities.compactMap(Self.contribution) + supporting.map { ($0.execution.score, $0.weight) })
        var status = GoalStatus(
            ref: ref, title: goal.title, owner: goal.owner, weight: goal.weight, figure: figure, result: result,
            execution: execution, assessment: goal.assessment, supports: goal.supports.map { $0.value },
            supportedBy: supporting.map { $0.ref }, indicators: indicators, successFactors: factors, activities: activities)
        status.countermeasures = countermeasures(unit: unit, goal.countermeasures)
        goals[ref] = status
        return status
    }

    func placeholder(_ ref: String) -> GoalStatus {
        GoalStatus(ref: ref, title: "", owner: nil, weight: 1, figure: .grey, result: .grey, execution: .grey,
                   assessment: nil, supports: [], supportedBy: [], indicators: [], successFactors: [], activities: [])
    }

    /// An activity's part in a rollup; nil for cancelled ones.
    static func contribution(_ activity: ActivityStatus) -> (score: Double?, weight: Double)? {
        activity.state == .cancelled ? nil : (activity.status.score, activity.weight)
    }

    func activity(unit: UnitPlan, _ activity: Activity) -> ActivityStatus {
        let settings = engine.repository.settings
        return ActivityStatus(
            ref: unit.reference(activity.id.value), title: activity.title, owner: activity.owner,
            weight: activity.weight, status: activity.colour(asOf: asOf) ?? .grey, state: activity.status.value,
            progress: activity.progress?.value, start: activity.start?.value, due: activity.due?.value,
            updated: activity.updated?.value, note: activity.note,
            stale: activity.isStale(asOf: asOf, staleAfterDays: settings.staleAfterDays),
            overdue: activity.isOverdue(asOf: asOf))
    }

    func countermeasures(unit: UnitPlan, _ list: [Countermeasure]) -> [CountermeasureStatus] {
        list.map { CountermeasureStatus(ref: unit.reference($0.id.value), countermeasure: $0,
                                        overdue: $0.isOverdue(asOf: asOf)) }
    }

    func indicator(unit: UnitPlan, _ indicator: Indicator, goalCovered: Bool) -> IndicatorStatus {
        let series = indicator.series(asOf: asOf)
        let latest = series.last
        let spc = indicator.variation(series: series, minPoints: engine.repository.settings.spcMinPoints)
        var status = IndicatorStatus(
            ref: unit.reference(indicator.id.value), title: indicator.title, unit: indicator.unit,
            direction: indicator.direction, chart: indicator.chart, target: indicator.target,
            warning: indicator.warning, baseline: indicator.baseline,
            status: latest.map { indicator.colour(of: $0.value) } ?? .grey,
            value: latest?.value, period: latest?.period, series: series, freeze: indicator.freeze?.value, spc: spc)
        status.comment = indicator.comment(for: latest?.period)
        status.comments = Dictionary(indicator.comments.map { ($0.period, $0.text) }, uniquingKeysWith: { first, _ in first })
        status.countermeasures = countermeasures(unit: unit, indicator.countermeasures)
        let settings = engine.repository.settings
        if !goalCovered, !indicator.countermeasures.contains(where: { $0.status.value.isActive }) {
            status.missingCountermeasure = CountermeasureNeed.reason(
                indicator, series: series, analysis: spc, after: settings.countermeasureAfter)
        }
        return status
    }
}
