import HoshinModel
import HoshinText

extension Rule {
    /// An activity not done or cancelled is past its due date.
    public static let overdueActivity = Rule(RuleDescription(
        id: RuleID.overdueActivity, defaultSeverity: .warning,
        summary: "an activity that is not done or cancelled is past its 'due' date",
        rationale: """
        Past its due date an activity counts as red. Either it is done and the report is missing, \
        it needs a new date agreed with the leadership group, or it should be cancelled.
        """,
        failing: .activity("""
                status: on-track
                due: 2026-06-30
                updated: 2026-10-01

        """),
        passing: .activity("""
                status: done
                progress: 100
                due: 2026-06-30

        """)),
        check: { context in
            for unit in context.repository.units {
                unit.forEachActivity { activity in
                    guard activity.isOverdue(asOf: context.asOf), let due = activity.due else { return }
                    context.report(unit.file, due.range,
                                   overdueMessage(activity.id.value, due.value.description, activity.status.value.rawValue))
                }
            }
        })
}

/// "activity '{activity}' was due {due} and is {state:t}"
private let overdueMessage = MessageTemplate("diag.overdue-activity")
