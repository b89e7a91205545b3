import HoshinModel

extension Rule {
    /// A date or period that is not `YYYY-MM-DD` / `YYYY-MM`, `YYYY-Qn`, `YYYY-Tn`, or names no real day.
    public static let invalidDate = Rule(RuleDescription(
        id: RuleID.invalidDate, defaultSeverity: .error,
        summary: "a date that is not YYYY-MM-DD, or a period that is not YYYY-MM, YYYY-Qn or YYYY-Tn",
        rationale: """
        Status depends on dates: an activity past its due date turns red, an old report goes stale. \
        A date such as 2026-02-30 or 31/3 cannot be compared, so it is refused rather than guessed.
        """,
        failing: .activity("""
                status: on-track
                due: 2026-02-30

        """),
        passing: .activity("""
                status: on-track
                due: 2026-02-28
                updated: 2026-10-01

        """)))
}
