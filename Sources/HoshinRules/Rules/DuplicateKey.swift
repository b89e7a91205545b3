import HoshinModel

extension Rule {
    /// A mapping gives the same key twice.
    public static let duplicateKey = Rule(RuleDescription(
        id: RuleID.duplicateKey, defaultSeverity: .error,
        summary: "a mapping gives the same key twice",
        rationale: """
        YAML forbids repeating a key in one mapping, and readers disagree on which value wins. \
        Usually one of them was meant for another goal or activity, or a copy-and-paste left an old value behind.
        """,
        failing: RuleExample("unit: region\nname: Region Jönköpings län\nname: Regionen\n"),
        passing: RuleExample("unit: region\nname: Region Jönköpings län\n")))
}
