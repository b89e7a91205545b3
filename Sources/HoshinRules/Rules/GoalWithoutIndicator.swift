import HoshinModel

extension Rule {
    /// A goal has no indicator.
    public static let goalWithoutIndicator = Rule(RuleDescription(
        id: RuleID.goalWithoutIndicator, defaultSeverity: .warning,
        summary: "a goal has no indicator",
        rationale: """
        A goal without a measurable indicator can only be judged by its activities: whether the work \
        is done, not whether it made a difference. Measurement over time is the ground of improvement work.
        """,
        failing: .goal(),
        passing: .indicator()),
        check: { context in
            for unit in context.repository.units {
                for goal in unit.goals where goal.indicators.isEmpty && goal.undecodedIndicators == 0 {
                    context.report(unit.file, goal.id.range, "goal '\(goal.id.value)' has no indicator to measure it by")
                }
            }
        })
}
