import HoshinModel

extension Rule {
    /// A value of the wrong kind: text where a number belongs, a list where a mapping belongs, a YAML tag.
    public static let invalidType = Rule(RuleDescription(
        id: RuleID.invalidType, defaultSeverity: .error,
        summary: "a value of the wrong kind (text for a number, a list for a mapping, a YAML tag)",
        rationale: """
        Targets, weights and measurements are numbers; goals and activities are lists of mappings. \
        A quoted number or a decimal comma reads as text, and the indicator could not be judged.
        """,
        failing: .goal("""
            weight: "2"

        """),
        passing: .goal("""
            weight: 2

        """)))
}
