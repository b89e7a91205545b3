import HoshinModel

extension Rule {
    /// The repository has no unit without `parent`, or more than one.
    public static let rootCount = Rule(RuleDescription(
        id: RuleID.rootCount, defaultSeverity: .error,
        summary: "no unit without 'parent', or more than one",
        rationale: """
        Goal deployment starts from one place: the organisation's own plan with its vision and \
        strategies. Exactly one unit has no parent; every other unit hangs below it.
        """,
        failing: RuleExample([
            ExampleFile("region.yaml", "unit: region\nname: Region Jönköpings län\n"),
            ExampleFile("kardiologi.yaml", "unit: kardiologi\nname: Kardiologiska kliniken\n"),
        ]),
        passing: RuleExample([
            ExampleFile("region.yaml", "unit: region\nname: Region Jönköpings län\n"),
            ExampleFile("kardiologi.yaml", "unit: kardiologi\nname: Kardiologiska kliniken\nparent: region\n"),
        ])),
        check: { context in
            let units = context.repository.units
            let roots = units.filter { $0.parent == nil }
            if roots.isEmpty {
                // The root may be in a file that could not be read; its own diagnostic says why.
                if !context.repository.undecodedFiles.isEmpty { return }
                // A unit whose 'parent' is not a valid id has its own invalid-value diagnostic.
                if units.contains(where: \.parentIsInvalid) { return }
                if let first = units.first {
                    context.report(first.file, first.id.range,
                                   "the repository has no root unit: every unit has a 'parent' (remove it from the organisation's own plan)")
                } else {
                    context.report(context.settings.file, ByteRange(start: 0, end: 0),
                                   "the repository has no unit plan files")
                }
            } else if roots.count > 1 {
                let names = roots.map(\.id.value).joined(separator: ", ")
                for root in roots {
                    context.report(root.file, root.id.range,
                                   "more than one unit has no 'parent' (\(names)); exactly one may be the root")
                }
            }
        })
}
