import HoshinModel

extension Rule {
    /// A key the plan format does not know, usually a typo.
    public static let unknownKey = Rule(RuleDescription(
        id: RuleID.unknownKey, defaultSeverity: .error,
        summary: "a key that the plan format does not know (usually a typo)",
        rationale: """
        A misspelt key is silently ignored by most YAML tools, so a whole list of success factors \
        could vanish from the rollup without anyone noticing. Hoshin names the nearest known key.
        """,
        failing: .goal("""
            sucess_factors: []

        """),
        passing: .goal("""
            success_factors: []

        """)))
}
