import HoshinModel

extension Rule {
    /// A unit's `parent` names no unit of the repository.
    public static let unknownParent = Rule(RuleDescription(
        id: RuleID.unknownParent, defaultSeverity: .error,
        summary: "a unit's 'parent' names no unit in the repository",
        rationale: """
        The organisation tree is built from 'parent'. A unit whose parent does not exist hangs \
        outside the tree: its goals reach no rollup and its leadership group sees nothing of it.
        """,
        failing: RuleExample([
            ExampleFile("region.yaml", "unit: region\nname: Region Jönköpings län\n"),
            ExampleFile("kardiologi.yaml", "unit: kardiologi\nname: Kardiologiska kliniken\nparent: medicinsk-vard\n"),
        ]),
        passing: RuleExample([
            ExampleFile("region.yaml", "unit: region\nname: Region Jönköpings län\n"),
            ExampleFile("kardiologi.yaml", "unit: kardiologi\nname: Kardiologiska kliniken\nparent: region\n"),
        ])),
        check: { context in
            let ids = context.repository.units.map(\.id.value)
            let known = Set(ids)
            let unreadable = context.repository.undecodedUnitIDs
            for unit in context.repository.units where !unit.parentIsInvalid {
                // A parent that may be in a file that could not be read: that file's diagnostic says why.
                guard let parent = unit.parent, !known.contains(parent.value), !unreadable.contains(parent.value) else { continue }
                context.report(unit.file, parent.range,
                               "unknown parent unit '\(parent.value)'\(Suggestion.hint(for: parent.value, in: ids))")
            }
        })
}
