import HoshinModel

extension Rule {
    /// An activity is due before it starts.
    public static let dateOrder = Rule(RuleDescription(
        id: RuleID.dateOrder, defaultSeverity: .error,
        summary: "an activity's 'due' is before its 'start'",
        rationale: """
        An activity cannot end before it begins; one of the two dates is mistyped, and the \
        activity would turn red or yellow on the wrong day.
        """,
        failing: .activity("""
                status: not-started
                start: 2026-11-15
                due: 2026-06-30

        """),
        passing: .activity("""
                status: not-started
                start: 2026-11-15
                due: 2026-12-30

        """)),
        check: { context in
            for unit in context.repository.units {
                for activity in unit.allActivities {
                    guard let start = activity.start, let due = activity.due, due.value < start.value else { continue }
                    context.report(unit.file, due.range,
                                   "activity '\(activity.id.value)' is due \(due.value), before it starts (\(start.value))")
                }
            }
        })
}
