import HoshinModel

extension Rule {
    /// A `supports` entry names a goal of a unit that is not a strict ancestor.
    public static let supportNotAncestor = Rule(RuleDescription(
        id: RuleID.supportNotAncestor, defaultSeverity: .error,
        summary: "a 'supports' entry names a goal of a unit that is not above this one",
        rationale: """
        Goals are broken down from the top: a clinic supports its division's goals or the region's, \
        never a sister clinic's or its own. Sideways support would count one result twice in the rollup.
        """,
        failing: RuleExample([
            ExampleFile("region.yaml", "unit: region\nname: Region Jönköpings län\n"),
            ExampleFile("a.yaml", "unit: kardiologi\nname: Kardiologiska kliniken\nparent: region\ngoals:\n  - id: vardskador\n    title: Färre vårdskador\n"),
            ExampleFile("b.yaml", "unit: njurmedicin\nname: Njurmedicinska kliniken\nparent: region\ngoals:\n  - id: fall\n    title: Färre fallskador\n    supports: [kardiologi/vardskador]\n"),
        ]),
        passing: RuleExample([
            ExampleFile("region.yaml", "unit: region\nname: Region Jönköpings län\ngoals:\n  - id: saker-vard\n    title: Säker vård – alla gånger\n"),
            ExampleFile("b.yaml", "unit: njurmedicin\nname: Njurmedicinska kliniken\nparent: region\ngoals:\n  - id: fall\n    title: Färre fallskador\n    supports: [region/saker-vard]\n"),
        ])),
        check: { context in
            let repository = context.repository
            // A unit whose chain of parents does not reach the root (an unknown or invalid
            // parent, a cycle) has unknown ancestors: its own diagnostic is the one message.
            for unit in repository.units where repository.reachesRoot(unit.id.value) {
                let ancestors = Set(repository.ancestors(of: unit.id.value))
                for goal in unit.goals {
                    for reference in goal.supports {
                        guard let target = repository.goal(reference.value) else { continue }
                        guard !ancestors.contains(target.unit.id.value) else { continue }
                        let why = target.unit.id.value == unit.id.value
                            ? "a goal cannot support a goal of its own unit"
                            : "unit '\(target.unit.id.value)' is not above '\(unit.id.value)' in the organisation"
                        context.report(unit.file, reference.range, "'\(reference.value)': \(why)")
                    }
                }
            }
        })
}
