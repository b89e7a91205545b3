import HoshinModel

extension Rule {
    /// A required key is absent or empty.
    public static let missingField = Rule(RuleDescription(
        id: RuleID.missingField, defaultSeverity: .error,
        summary: "a required key is absent or has no value",
        rationale: """
        Some keys carry the meaning of the plan: a unit needs 'unit' and 'name', a goal 'id' and 'title', \
        an indicator 'id', 'title', 'direction' and 'target', an activity 'id', 'title' and 'status'. \
        Without them a thing cannot be shown, referred to or rolled up.
        """,
        failing: RuleExample("""
        unit: region
        name: Region Jönköpings län
        goals:
          - id: saker-vard

        """),
        passing: .goal()))
}
