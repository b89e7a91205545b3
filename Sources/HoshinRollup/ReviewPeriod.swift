import HoshinModel

extension PlanRepository {
    /// The latest reporting period that has ended by `asOf` (§12's default `--period`).
    public func latestEndedPeriod(asOf: PlanDate) -> Period {
        let current = Period(containing: asOf, cadence: settings.reporting)
        return current.lastDay <= asOf ? current : current.previous
    }

    /// The last column of a bowling chart at `asOf`: the period holding it, kept within the plan year.
    public func bowlingPeriod(asOf: PlanDate) -> Period {
        let current = Period(containing: asOf, cadence: settings.reporting)
        if current.year > settings.period {
            return Period(year: settings.period, cadence: settings.reporting, index: settings.reporting.periodsPerYear)!
        }
        return current
    }
}
