import HoshinModel

extension Rule {
    /// A goal of a unit with child units is supported by no goal below it.
    public static let uncascadedGoal = Rule(RuleDescription(
        id: RuleID.uncascadedGoal, defaultSeverity: .info,
        summary: "a goal of a unit with units below it is supported by none of their goals",
        rationale: """
        A goal that no unit below has broken down rests on the leadership group alone. That can be \
        right (some goals are the group's own work), so this is information, not a warning.
        """,
        failing: RuleExample([
            ExampleFile("region.yaml", "unit: region\nname: Region Jönköpings län\ngoals:\n  - id: saker-vard\n    title: Säker vård – alla gånger\n"),
            ExampleFile("kardiologi.yaml", "unit: kardiologi\nname: Kardiologiska kliniken\nparent: region\n"),
        ]),
        passing: RuleExample([
            ExampleFile("region.yaml", "unit: region\nname: Region Jönköpings län\ngoals:\n  - id: saker-vard\n    title: Säker vård – alla gånger\n"),
            ExampleFile("kardiologi.yaml", "unit: kardiologi\nname: Kardiologiska kliniken\nparent: region\ngoals:\n  - id: vardskador\n    title: Färre vårdskador\n    supports: [region/saker-vard]\n"),
        ])),
        check: { context in
            let repository = context.repository
            // With a unit file unreadable, which units lie below which is not known.
            // Nor is it when a unit's chain of parents does not reach the root (an unknown or
            // invalid parent, a cycle): its goals may support goals above it.
            if !repository.undecodedFiles.isEmpty { return }
            if repository.units.contains(where: { !repository.reachesRoot($0.id.value) }) { return }
            let children = repository.childUnits
            var supported: Set<String> = []
            var supportersBelow: [String: Set<String>] = [:]
            for unit in repository.units {
                let ancestors = Set(repository.ancestors(of: unit.id.value))
                for goal in unit.goals {
                    for reference in goal.supports {
                        guard let target = repository.goal(reference.value),
                              ancestors.contains(target.unit.id.value) else { continue }
                        supported.insert(reference.value)
                        supportersBelow[reference.value, default: []].insert(unit.id.value)
                    }
                }
            }
            for unit in repository.units where !(children[unit.id.value] ?? []).isEmpty {
                for goal in unit.goals where !supported.contains(unit.reference(goal.id.value)) {
                    context.report(unit.file, goal.id.range,
                                   "no unit below '\(unit.id.value)' has a goal that supports '\(goal.id.value)'")
                }
            }
        })
}
