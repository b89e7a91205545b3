import HoshinModel

extension Rule {
    /// A date or measurement period outside the plan year.
    public static let outsidePeriod = Rule(RuleDescription(
        id: RuleID.outsidePeriod, defaultSeverity: .warning,
        summary: "an activity date outside the plan year, or a measurement after it",
        rationale: """
        A plan is for one year ('period' in hoshin.yaml). Activities that start or end in another year, \
        or measurements for periods after it, are usually typos of the year. Measurements from earlier \
        years are history and welcome: they show variation over time.
        """,
        failing: .activity("""
                status: not-started
                due: 2027-06-30

        """),
        passing: .activity("""
                status: not-started
                due: 2026-12-30

        """)),
        check: { context in
            let year = context.settings.period
            for unit in context.repository.units {
                for activity in unit.allActivities {
                    for (name, date) in [("start", activity.start), ("due", activity.due)] {
                        guard let date, date.value.year != year else { continue }
                        // A carried-over activity keeps its dates from the year it came from (§14).
                        if let carried = activity.carriedFrom?.value, date.value.year < year,
                           date.value.year <= carried { continue }
                        let side = date.value.year > year ? "after" : "before"
                        context.report(unit.file, date.range,
                                       "\(name) \(date.value) of activity '\(activity.id.value)' lies \(side) the plan year \(year)")
                    }
                }
                for indicator in unit.allIndicators {
                    for measurement in indicator.measurements where measurement.period.year > year {
                        context.report(unit.file, measurement.keyRange,
                                       "measurement \(measurement.period) of '\(indicator.id.value)' lies after the plan year \(year)")
                    }
                }
            }
        })
}
