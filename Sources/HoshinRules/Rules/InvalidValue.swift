import HoshinModel

extension Rule {
    /// A value outside its closed list or range: a status, a direction, a perspective, a weight, a period's cadence.
    public static let invalidValue = Rule(RuleDescription(
        id: RuleID.invalidValue, defaultSeverity: .error,
        summary: "a value outside its closed list or allowed range (status, direction, perspective, weight, progress, id)",
        rationale: """
        Closed lists keep the rollup honest: 'on track' or 'grön' would not be understood. Perspectives \
        come from hoshin.yaml, measurement periods must match its 'reporting', ids use a–z, 0–9, '-' and '_'.
        """,
        failing: .activity("""
                status: on track

        """),
        passing: .activity("""
                status: on-track
                updated: 2026-10-01

        """)),
        check: { context in
            let settings = context.settings
            for unit in context.repository.units {
                for goal in unit.goals {
                    if let perspective = goal.perspective, let allowed = settings.perspectives,
                       !allowed.contains(perspective.value) {
                        context.report(unit.file, perspective.range,
                                       "'\(perspective.value)' is not one of the perspectives in hoshin.yaml (\(allowed.joined(separator: ", ")))\(Suggestion.hint(for: perspective.value, in: allowed))")
                    }
                    for indicator in goal.indicators {
                        for measurement in indicator.measurements where measurement.period.cadence != settings.reporting {
                            context.report(unit.file, measurement.keyRange,
                                           "period \(measurement.period) does not match reporting: \(settings.reporting.rawValue) in hoshin.yaml")
                        }
                        if let freeze = indicator.freeze, freeze.value.cadence != settings.reporting {
                            context.report(unit.file, freeze.range,
                                           "freeze period \(freeze.value) does not match reporting: \(settings.reporting.rawValue) in hoshin.yaml")
                        }
                    }
                }
            }
        })
}
