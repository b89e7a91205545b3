import HoshinModel

/// A small deterministic random source (SplitMix64), so a failing seed reproduces.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: Int) { state = UInt64(bitPattern: Int64(seed)) &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds random but valid plan repositories for property tests.
enum RandomPlans {
    static let none = ByteRange(start: 0, end: 0)

    static func located<T>(_ value: T) -> Located<T> { Located(value, range: none) }

    static func date(_ random: inout SeededRandom) -> PlanDate {
        PlanDate(year: 2026, month: Int.random(in: 1...12, using: &random), day: Int.random(in: 1...28, using: &random))!
    }

    static func activity(_ id: String, _ random: inout SeededRandom) -> Activity {
        let start = Bool.random(using: &random) ? date(&random) : nil
        let due = Bool.random(using: &random) ? date(&random) : nil
        return Activity(
            id: located(id), title: "Aktivitet \(id) – åäö",
            start: start.map(located), due: due.map(located),
            status: located(ActivityState.allCases.randomElement(using: &random)!),
            progress: Bool.random(using: &random) ? located(Double(Int.random(in: 0...100, using: &random))) : nil,
            updated: Bool.random(using: &random) ? located(date(&random)) : nil,
            weight: [0.5, 1, 2, 3].randomElement(using: &random)!, range: none)
    }

    static func indicator(_ id: String, _ random: inout SeededRandom) -> Indicator {
        let direction = Direction.allCases.randomElement(using: &random)!
        let target = Double(Int.random(in: 10...90, using: &random))
        let warning: Double? = Bool.random(using: &random) ? (direction == .down ? target + 5 : target - 5) : nil
        var measurements: [Measurement] = []
        var months = Array(1...12).shuffled(using: &random).prefix(Int.random(in: 0...4, using: &random))
        months.sort()
        for month in months {
            let value: MeasurementValue = Bool.random(using: &random)
                ? .number(Double(Int.random(in: 0...100, using: &random)))
                : .ratio(num: Double(Int.random(in: 0...50, using: &random)), den: Double(Int.random(in: 50...100, using: &random)))
            measurements.append(Measurement(period: Period(year: 2026, cadence: .monthly, index: month)!, value: value,
                                            keyRange: none, valueRange: none))
        }
        return Indicator(id: located(id), title: "Indikator \(id)", unit: Bool.random(using: &random) ? "%" : nil,
                         direction: direction, target: target, warning: warning, measurements: measurements, range: none)
    }

    /// A repository with 1–8 units in a tree, goals supporting goals of ancestors.
    static func repository(seed: Int) -> PlanRepository {
        var random = SeededRandom(seed: seed)
        var settings = RepositorySettings(period: 2026)
        let yellow = Double(Int.random(in: 1...6, using: &random)) / 10
        settings.rollup = RollupThresholds(green: yellow + Double(Int.random(in: 0...3, using: &random)) / 10, yellow: yellow)
        var units: [UnitPlan] = []
        var goalRefs: [String: [String]] = [:]
        var parents: [String: String] = [:]
        for index in 0..<Int.random(in: 1...8, using: &random) {
            let id = "u\(index)"
            let parent = index == 0 ? nil : "u\(Int.random(in: 0..<index, using: &random))"
            parents[id] = parent
            var ancestors: [String] = []
            var current = parent
            while let unit = current { ancestors.append(unit); current = parents[unit] }
            let candidates = ancestors.flatMap { goalRefs[$0] ?? [] }
            var goals: [Goal] = []
            var counter = 0
            func next() -> String { counter += 1; return "x\(counter)" }
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let goalID = next()
                let supports = candidates.isEmpty ? [] : [candidates.randomElement(using: &random)!]
                let indicators = (0..<Int.random(in: 0...2, using: &random)).map { _ in indicator(next(), &random) }
                let factors = (0..<Int.random(in: 0...2, using: &random)).map { _ in
                    SuccessFactor(id: located(next()), title: "Framgångsfaktor",
                                  weight: [0.5, 1, 2].randomElement(using: &random)!,
                                  activities: (0..<Int.random(in: 0...3, using: &random)).map { _ in activity(next(), &random) },
                                  range: none)
                }
                let activities = (0..<Int.random(in: 0...2, using: &random)).map { _ in activity(next(), &random) }
                goals.append(Goal(id: located(goalID), title: "Mål \(goalID)", supports: supports.map(located),
                                  weight: [0.5, 1, 2, 3].randomElement(using: &random)!, indicators: indicators,
                                  successFactors: factors, activities: activities, range: none))
                goalRefs[id, default: []].append("\(id)/\(goalID)")
            }
            units.append(UnitPlan(file: "\(id).yaml", id: located(id), name: "Enhet \(id)", parent: parent.map(located),
                                  goals: goals, range: none))
        }
        return PlanRepository(folder: "plans", settings: settings, units: units, files: units.map(\.file))
    }
}
