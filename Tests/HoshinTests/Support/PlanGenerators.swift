import PropertyBased
import HoshinModel

/// swift-property-based generators of real plan values: a repository is built from generated
/// parts (units, goals, indicators, success factors, activities), so a failing input shrinks
/// to a smaller repository rather than to a smaller seed.
enum PlanGenerators {
    static let none = ByteRange(start: 0, end: 0)
    static func located<T>(_ value: T) -> Located<T> { Located(value, range: none) }
    static let yearStart = PlanDate(year: 2026, month: 1, day: 1)!.dayNumber

    /// One of `list`, shrinking towards its first element.
    static func pick<T: Sendable>(_ list: [T]) -> Generator<T, Shrink.Integer<Int>> {
        Gen.int(in: 0...(list.count - 1)).map { list[$0] }
    }

    /// A day of 2026.
    static let date = Gen.int(in: 0...364).map { PlanDate(dayNumber: yearStart + $0) }

    /// An activity without its id.
    struct ActivityPart: Sendable {
        let state: ActivityState, start: PlanDate?, due: PlanDate?, progress: Int?, updated: PlanDate?, weight: Double
    }

    static let activity = zip(
        pick(Array(ActivityState.allCases)), date.optional(valueRate: 0.5), date.optional(valueRate: 0.5),
        Gen.int(in: 0...100).optional(valueRate: 0.5), date.optional(valueRate: 0.5), pick([0.5, 1, 2, 3])
    ).map { ActivityPart(state: $0, start: $1, due: $2, progress: $3, updated: $4, weight: $5) }

    /// One measurement: a month, and a number or a ratio.
    struct MeasurementPart: Sendable { let month: Int, isRatio: Bool, value: Int, den: Int }

    static let measurement = zip(Gen.int(in: 1...12), Gen.bool(), Gen.int(in: 0...100), Gen.int(in: 50...100))
        .map { MeasurementPart(month: $0, isRatio: $1, value: $2, den: $3) }

    /// An indicator without its id.
    struct IndicatorPart: Sendable {
        let direction: Direction, target: Int, hasWarning: Bool, hasUnit: Bool, measurements: [MeasurementPart]
    }

    static let indicator = zip(pick(Array(Direction.allCases)), Gen.int(in: 10...90), Gen.bool(), Gen.bool(),
                               measurement.array(of: 0...4))
        .map { IndicatorPart(direction: $0, target: $1, hasWarning: $2, hasUnit: $3, measurements: $4) }

    struct FactorPart: Sendable { let weight: Double, activities: [ActivityPart] }

    static let factor = zip(pick([0.5, 1, 2]), activity.array(of: 0...3))
        .map { FactorPart(weight: $0, activities: $1) }

    /// A goal; `support` picks (modulo) one of the goals of the unit's ancestors, if any.
    struct GoalPart: Sendable {
        let support: Int?, weight: Double, indicators: [IndicatorPart], factors: [FactorPart], activities: [ActivityPart]
    }

    static let goal = zip(Gen.int(in: 0...1000).optional(), pick([0.5, 1, 2, 3]), indicator.array(of: 0...2),
                          factor.array(of: 0...2), activity.array(of: 0...2))
        .map { GoalPart(support: $0, weight: $1, indicators: $2, factors: $3, activities: $4) }

    /// A unit; `parent` picks (modulo) one of the units before it (the first is the root).
    struct UnitPart: Sendable { let parent: Int, goals: [GoalPart] }

    static let unit = zip(Gen.int(in: 0...1000), goal.array(of: 0...3)).map { UnitPart(parent: $0, goals: $1) }

    /// A repository of 1–8 units in a tree, goals supporting goals of ancestors.
    static let repository = zip(Gen.int(in: 1...6), Gen.int(in: 0...3), unit.array(of: 1...8))
        .map { yellow, extra, units in build(yellow: yellow, extra: extra, units: units) }

    static func build(yellow: Int, extra: Int, units parts: [UnitPart]) -> PlanRepository {
        var settings = RepositorySettings(period: 2026)
        settings.rollup = RollupThresholds(green: Double(yellow + extra) / 10, yellow: Double(yellow) / 10)
        var units: [UnitPlan] = []
        var goalRefs: [String: [String]] = [:]
        var parents: [String: String] = [:]
        for (index, part) in parts.enumerated() {
            let id = "u\(index)"
            let parent = index == 0 ? nil : "u\(part.parent % index)"
            parents[id] = parent
            var ancestors: [String] = []
            var current = parent
            while let unit = current { ancestors.append(unit); current = parents[unit] }
            let candidates = ancestors.flatMap { goalRefs[$0] ?? [] }
            var counter = 0
            func next() -> String { counter += 1; return "x\(counter)" }
            func activity(_ part: ActivityPart) -> Activity {
                Activity(id: located(next()), title: "Aktivitet – åäö", start: part.start.map(located), due: part.due.map(located),
                         status: located(part.state), progress: part.progress.map { located(Double($0)) },
                         updated: part.updated.map(located), weight: part.weight, range: none)
            }
            func indicator(_ part: IndicatorPart) -> Indicator {
                var seen: Set<Int> = []
                let measurements = part.measurements.filter { seen.insert($0.month).inserted }.sorted { $0.month < $1.month }
                    .map { m in
                        Measurement(period: Period(year: 2026, cadence: .monthly, index: m.month)!,
                                    value: m.isRatio ? .ratio(num: Double(m.value / 2), den: Double(m.den)) : .number(Double(m.value)),
                                    keyRange: none, valueRange: none)
                    }
                let target = Double(part.target)
                return Indicator(id: located(next()), title: "Indikator", unit: part.hasUnit ? "%" : nil, direction: part.direction,
                                 target: target, warning: part.hasWarning ? (part.direction == .down ? target + 5 : target - 5) : nil,
                                 measurements: measurements, range: none)
            }
            var goals: [Goal] = []
            for goalPart in part.goals {
                let goalID = next()
                let supports = goalPart.support.flatMap { candidates.isEmpty ? nil : candidates[$0 % candidates.count] }
                let indicators = goalPart.indicators.map(indicator)
                let factors = goalPart.factors.map { factor in
                    SuccessFactor(id: located(next()), title: "Framgångsfaktor", weight: factor.weight,
                                  activities: factor.activities.map(activity), range: none)
                }
                let activities = goalPart.activities.map(activity)
                goals.append(Goal(id: located(goalID), title: "Mål \(goalID)", supports: supports.map { [located($0)] } ?? [],
                                  weight: goalPart.weight, indicators: indicators, successFactors: factors,
                                  activities: activities, range: none))
                goalRefs[id, default: []].append("\(id)/\(goalID)")
            }
            units.append(UnitPlan(file: "\(id).yaml", id: located(id), name: "Enhet \(id)", parent: parent.map(located),
                                  goals: goals, range: none))
        }
        return PlanRepository(folder: "plans", settings: settings, units: units, files: units.map(\.file))
    }
}
