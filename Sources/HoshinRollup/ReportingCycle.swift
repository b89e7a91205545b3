import HoshinModel

/// Who has reported for one measurement period and who has not (spec §13).
public struct ReportingCycle: Sendable, Equatable {
    /// The period asked about.
    public let period: Period
    /// The last day of the period plus `cycle.deadline_days`.
    public let deadline: PlanDate
    /// The date the cycle is judged at.
    public let asOf: PlanDate
    /// The plan year (`period` in `hoshin.yaml`).
    public let planYear: Int
    /// The repository's language, for human-readable output.
    public let language: ReportLanguage
    /// Every unit in tree order: depth first from the root, siblings in the order of their files' paths.
    public let units: [UnitCycle]

    /// True when some unit is late.
    public var anyLate: Bool { units.contains { $0.state == .late } }
}

/// Where a unit stands in the reporting cycle.
public enum CycleState: String, Sendable, CaseIterable, Codable {
    /// Everything expected is reported.
    case complete
    /// Something is missing, and the deadline has not passed.
    case open
    /// Something is missing after the deadline.
    case late
}

/// One unit's reports for the period.
public struct UnitCycle: Sendable, Equatable {
    /// The unit id.
    public let id: String
    /// The unit's name.
    public let name: String
    /// Its depth below the root (the root is 0).
    public let depth: Int
    /// complete, open or late.
    public let state: CycleState
    /// How many reports are expected.
    public let expected: Int
    /// How many of them are in.
    public let reported: Int
    /// `UNIT/ID` of what is missing: indicators first, then activities, each in file order.
    public let missing: [String]
    /// The unit's own `reporters`.
    public let reporters: [String]
}

extension Period {
    /// The period before this one.
    public var previous: Period {
        if index == 1 { return Period(year: year - 1, cadence: cadence, index: cadence.periodsPerYear) ?? self }
        return Period(year: year, cadence: cadence, index: index - 1)!
    }

    /// The latest period of `cadence` that has ended by `date` (its last day is before `date`).
    public static func latestEnded(by date: PlanDate, cadence: ReportingCadence) -> Period {
        Period(containing: date, cadence: cadence).previous
    }
}

extension PlanDate {
    /// The date `days` days later.
    public func adding(days: Int) -> PlanDate { PlanDate(dayNumber: dayNumber + days) }
}

/// Computes a `ReportingCycle`: a pure function of the repository, the period and the date.
public enum ReportingCycleComputation {
    /// The cycle of `period` (default: the latest period that has ended by `asOf`).
    public static func cycle(_ repository: PlanRepository, period: Period? = nil, asOf: PlanDate) -> ReportingCycle {
        let settings = repository.settings
        let period = period ?? Period.latestEnded(by: asOf, cadence: settings.reporting)
        let deadline = period.lastDay.adding(days: settings.deadlineDays)
        var units: [UnitCycle] = []
        for unit in treeOrder(repository) {
            units.append(report(unit.unit, depth: unit.depth, period: period, deadline: deadline, asOf: asOf))
        }
        return ReportingCycle(period: period, deadline: deadline, asOf: asOf, planYear: settings.period,
                              language: settings.language, units: units)
    }

    /// Units depth first from the root (or roots), siblings in the order of their files' paths.
    static func treeOrder(_ repository: PlanRepository) -> [(unit: UnitPlan, depth: Int)] {
        let children = repository.childUnits
        let byID = repository.unitsByID
        var result: [(unit: UnitPlan, depth: Int)] = []
        var seen: Set<String> = []
        // A stack of (unit id, depth); children pushed in reverse so the first file comes first.
        var stack: [(String, Int)] = repository.units.filter { $0.parent == nil }.reversed().map { ($0.id.value, 0) }
        while let (id, depth) = stack.popLast() {
            guard seen.insert(id).inserted, let unit = byID[id] else { continue }
            result.append((unit, depth))
            for child in (children[id] ?? []).reversed() { stack.append((child, depth + 1)) }
        }
        return result
    }

    /// One unit's expected and reported items for `period`.
    public static func report(_ unit: UnitPlan, depth: Int = 0, period: Period, deadline: PlanDate,
                              asOf: PlanDate) -> UnitCycle {
        let reference = { (id: Located<String>) in unit.reference(id.value) }
        var expected = 0
        var missing: [String] = []
        for indicator in unit.allIndicators.sorted(by: { $0.range.start < $1.range.start }) {
            expected += 1
            if !indicator.measurements.contains(where: { $0.period == period }) {
                missing.append(reference(indicator.id))
            }
        }
        for activity in unit.allActivities.sorted(by: { $0.range.start < $1.range.start })
        where isExpected(activity, in: period) {
            expected += 1
            if !isReported(activity, for: period) { missing.append(reference(activity.id)) }
        }
        let state: CycleState = missing.isEmpty ? .complete : (asOf > deadline ? .late : .open)
        return UnitCycle(id: unit.id.value, name: unit.name, depth: depth, state: state, expected: expected,
                         reported: expected - missing.count, missing: missing, reporters: unit.reporters)
    }

    /// Not done or cancelled, and begun by the end of the period (`start` on or before its last day, or none).
    public static func isExpected(_ activity: Activity, in period: Period) -> Bool {
        switch activity.status.value {
        case .done, .cancelled: return false
        default: break
        }
        guard let start = activity.start?.value else { return true }
        return start <= period.lastDay
    }

    /// `updated` on or after the period's first day.
    public static func isReported(_ activity: Activity, for period: Period) -> Bool {
        guard let updated = activity.updated?.value else { return false }
        return updated >= period.firstDay
    }
}
