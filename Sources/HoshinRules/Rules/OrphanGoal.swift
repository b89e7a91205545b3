import HoshinModel
import HoshinText

extension Rule {
    /// A goal of a unit below the root supports no goal above it.
    public static let orphanGoal = Rule(RuleDescription(
        id: RuleID.orphanGoal, defaultSeverity: .warning,
        summary: "a goal of a unit other than the root has no 'supports'",
        rationale: """
        In goal deployment every unit's goals are a breakdown of the goals above it. A goal that \
        supports nothing is outside the line of sight to the vision: either it lacks its 'supports', \
        or it is work the leadership group has not agreed on.
        """,
        failing: RuleExample([
            ExampleFile("region.yaml", "unit: region\nname: Region Jönköpings län\ngoals:\n  - id: saker-vard\n    title: Säker vård – alla gånger\n"),
            ExampleFile("kardiologi.yaml", "unit: kardiologi\nname: Kardiologiska kliniken\nparent: region\ngoals:\n  - id: vardskador\n    title: Färre vårdskador\n"),
        ]),
        passing: RuleExample([
            ExampleFile("region.yaml", "unit: region\nname: Region Jönköpings län\ngoals:\n  - id: saker-vard\n    title: Säker vård – alla gånger\n"),
            ExampleFile("kardiologi.yaml", "unit: kardiologi\nname: Kardiologiska kliniken\nparent: region\ngoals:\n  - id: vardskador\n    title: Färre vårdskador\n    supports: [region/saker-vard]\n"),
        ])),
        check: { context in
            for unit in context.repository.units where unit.parent != nil {
                for goal in unit.goals where goal.supports.isEmpty {
                    context.report(unit.file, goal.id.range, orphanMessage(goal.id.value, unit.id.value))
                }
            }
        })
}

/// "goal '{goal}' supports no goal of a unit above '{unit}'; add 'supports'"
private let orphanMessage = MessageTemplate("diag.orphan-goal")
