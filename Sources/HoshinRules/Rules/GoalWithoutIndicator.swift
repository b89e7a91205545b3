import HoshinModel

extension Rule {
    /// A goal has no indicator.
    public static let goalWithoutIndicator = Rule(RuleDescription(
        id: "goal-without-indicator", defaultSeverity: .warning,
        summary: "a goal has no indicator",
        rationale: """
        A goal without a measurable indicator can only be judged by its activities: whether the work \
        is done, not whether it made a difference. Measurement over time is the ground of improvement work.
        """,
        failing: RuleExample("""
        unit: region
        name: Region Jönköpings län
        goals:
          - id: saker-vard
            title: Säker vård – alla gånger

        """),
        passing: RuleExample("""
        unit: region
        name: Region Jönköpings län
        goals:
          - id: saker-vard
            title: Säker vård – alla gånger
            indicators:
              - id: vardskador
                title: Andel vårdtillfällen med vårdskada
                unit: "%"
                direction: down
                target: 5.0

        """)),
        check: { context in
            for unit in context.repository.units {
                for goal in unit.goals where goal.indicators.isEmpty && goal.undecodedIndicators == 0 {
                    context.report(unit.file, goal.id.range, "goal '\(goal.id.value)' has no indicator to measure it by")
                }
            }
        })
}
