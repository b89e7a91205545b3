import HoshinModel

extension Rule {
    /// A `supports` entry or a goal's `strategy` names nothing that exists.
    public static let unknownReference = Rule(RuleDescription(
        id: RuleID.unknownReference, defaultSeverity: .error,
        summary: "a 'supports' entry names no goal, or a 'strategy' names no strategy of the root",
        rationale: """
        Cascading lives in references: a unit's goal supports a goal of a unit above it, written \
        UNIT/GOAL; a goal serves one of the organisation's strategies. A reference to nothing \
        breaks the line of sight from the unit to the vision.
        """,
        failing: RuleExample([
            ExampleFile("region.yaml", "unit: region\nname: Region Jönköpings län\ngoals:\n  - id: saker-vard\n    title: Säker vård – alla gånger\n"),
            ExampleFile("kardiologi.yaml", "unit: kardiologi\nname: Kardiologiska kliniken\nparent: region\ngoals:\n  - id: vardskador\n    title: Färre vårdskador\n    supports: [region/saker-vrd]\n"),
        ]),
        passing: RuleExample([
            ExampleFile("region.yaml", "unit: region\nname: Region Jönköpings län\ngoals:\n  - id: saker-vard\n    title: Säker vård – alla gånger\n"),
            ExampleFile("kardiologi.yaml", "unit: kardiologi\nname: Kardiologiska kliniken\nparent: region\ngoals:\n  - id: vardskador\n    title: Färre vårdskador\n    supports: [region/saker-vard]\n"),
        ])),
        check: { context in
            let repository = context.repository
            let byID = repository.unitsByID
            // Strategies are checked only when the root is known: with none or several, the
            // root-count diagnostic (or an unreadable file) is the one message.
            let root = repository.knownRoot
            let strategyIDs = root?.strategies.map(\.id.value) ?? []
            let unreadable = repository.undecodedUnitIDs
            let allGoalRefs = repository.units.flatMap { unit in unit.goals.map { unit.reference($0.id.value) } }
            for unit in repository.units {
                for goal in unit.goals {
                    if root != nil, let strategy = goal.strategy, !strategyIDs.contains(strategy.value) {
                        let hint = strategyIDs.isEmpty ? "; the root unit defines no strategies"
                                                       : Suggestion.hint(for: strategy.value, in: strategyIDs)
                        context.report(unit.file, strategy.range, "unknown strategy '\(strategy.value)'\(hint)")
                    }
                    for reference in goal.supports {
                        guard let parsed = Reference(reference.value) else {
                            context.report(unit.file, reference.range,
                                           "'\(reference.value)' is not a reference; write UNIT/GOAL, e.g. region/saker-vard")
                            continue
                        }
                        let unitID = parsed.unit
                        let thingID = parsed.id
                        if unreadable.contains(unitID) && byID[unitID] == nil { continue }
                        guard let target = byID[unitID] else {
                            context.report(unit.file, reference.range,
                                           "'\(reference.value)' names unknown unit '\(unitID)'\(Suggestion.hint(for: reference.value, in: allGoalRefs))")
                            continue
                        }
                        if target.goals.contains(where: { $0.id.value == thingID }) { continue }
                        if target.undecodedGoalIDs.contains(thingID) { continue }
                        let isOther = target.allIndicators.contains { $0.id.value == thingID }
                            || target.goals.contains { $0.successFactors.contains { $0.id.value == thingID } }
                            || target.allActivities.contains { $0.id.value == thingID }
                        let message = isOther
                            ? "'\(reference.value)' names something that is not a goal; 'supports' lists goals"
                            : "'\(reference.value)' names no goal of unit '\(unitID)'\(Suggestion.hint(for: reference.value, in: allGoalRefs))"
                        context.report(unit.file, reference.range, message)
                    }
                }
            }
        })
}
