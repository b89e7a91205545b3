import HoshinModel
import HoshinText

extension Rule {
    /// An activity in progress has not been reported within `stale_after_days`.
    public static let staleReport = Rule(RuleDescription(
        id: RuleID.staleReport, defaultSeverity: .warning,
        summary: "an activity under way has no status report within 'stale_after_days' (default 45)",
        rationale: """
        A status is only as good as its date. An activity reported on-track in spring says little \
        in autumn; the leadership group should know that the green is old.
        """,
        failing: .activity("""
                status: on-track
                updated: 2026-05-02

        """),
        passing: .activity("""
                status: on-track
                updated: 2026-10-12

        """)),
        check: { context in
            let days = context.settings.staleAfterDays
            for unit in context.repository.units {
                unit.forEachActivity { activity in
                    guard activity.isStale(asOf: context.asOf, staleAfterDays: days) else { return }
                    let when = activity.updated.map { "last reported \($0.value)" } ?? "never reported"
                    let range = activity.updated?.range ?? activity.status.range
                    context.report(unit.file, range, staleMessage(activity.id.value, when, String(days)))
                }
            }
        })
}

/// "activity '{activity}' is {when:t}; a report older than {days} days is stale"
private let staleMessage = MessageTemplate("diag.stale-report")
