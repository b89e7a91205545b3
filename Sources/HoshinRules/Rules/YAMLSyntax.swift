import HoshinModel

extension Rule {
    /// The file is not well-formed YAML, or not UTF-8 text.
    public static let yamlSyntax = Rule(RuleDescription(
        id: RuleID.yamlSyntax, defaultSeverity: .error,
        summary: "the file is not well-formed YAML (or not UTF-8 text)",
        rationale: """
        A file that does not parse cannot be read at all, so nothing in it counts towards the plan. \
        Typical causes are a tab used for indentation, an unclosed quote, a missing space after ':' \
        or a file saved in another encoding than UTF-8.
        """,
        failing: RuleExample("unit: region\nname: \"Region Jönköpings län\n"),
        passing: RuleExample("unit: region\nname: \"Region Jönköpings län\"\n")))
}
