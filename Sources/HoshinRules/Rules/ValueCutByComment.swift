import HoshinModel

extension Rule {
    /// A plain free-text value followed on its line by ` #` and more text: YAML cut it there.
    ///
    /// Found while decoding (the decoder sees the bytes after the value); this carries the
    /// description, severity and examples.
    public static let valueCutByComment = Rule(RuleDescription(
        id: RuleID.valueCutByComment, defaultSeverity: .warning,
        summary: "free text (a name, title, owner, note, problem, cause, action or result) cut short at ' #'",
        rationale: """
        In YAML, ' #' starts a comment, also in the middle of a text that is not in quotes: \
        'title: Bästa vården #1 i regionen' has the title 'Bästa vården'. The rest is silently \
        lost from every report. Put the whole text in quotes to keep it.
        """,
        failing: RuleExample("""
        unit: region
        name: Region Jönköpings län
        goals:
          - id: basta-varden
            title: Bästa vården #1 i regionen

        """),
        passing: RuleExample("""
        unit: region
        name: Region Jönköpings län
        goals:
          - id: basta-varden
            title: "Bästa vården #1 i regionen"

        """)))
}
