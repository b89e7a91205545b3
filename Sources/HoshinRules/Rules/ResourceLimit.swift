import HoshinModel

extension Rule {
    /// A file too large, too deep, with too many nodes or alias expansions.
    public static let resourceLimit = Rule(RuleDescription(
        id: RuleID.resourceLimit, defaultSeverity: .error,
        summary: "a file over 8 MiB, nested deeper than 64, over 200 000 nodes or 10 000 alias expansions",
        rationale: """
        No plan needs that much, and a file built to exhaust memory (an alias bomb) must not stop CI \
        or the monthly report. Hoshin stops reading the file at the limit and goes on with the others.
        """,
        failing: RuleExample("unit: region\nname: Region Jönköpings län\ngoals: "
            + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n"),
        passing: RuleExample("unit: region\nname: Region Jönköpings län\ngoals: []\n")))
}
