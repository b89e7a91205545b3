import HoshinModel

extension Rule {
    /// Two units share an id, or two things in one unit share an id.
    public static let duplicateID = Rule(RuleDescription(
        id: RuleID.duplicateID, defaultSeverity: .error,
        summary: "two units with one id, or two goals, indicators, success factors, activities or countermeasures of one unit with one id",
        rationale: """
        A reference such as kardiologi/saker-vard must name exactly one thing, and a report must land \
        on exactly one activity. Ids are unique among units, and within a unit across goals, \
        indicators, success factors and activities together.
        """,
        failing: .goal("""
          - id: saker-vard
            title: Jämlik vård

        """),
        passing: .goal("""
          - id: jamlik-vard
            title: Jämlik vård

        """)),
        check: { context in
            var unitsSeen: [String: UnitPlan] = [:]
            for unit in context.repository.units {
                if let first = unitsSeen[unit.id.value] {
                    context.report(unit.file, unit.id.range,
                                   "unit id '\(unit.id.value)' is already used in \(context.place(first.file, first.id.range.start, from: unit.file))")
                } else {
                    unitsSeen[unit.id.value] = unit
                }
                var seen: [String: ByteRange] = [:]
                func note(_ id: Located<String>, _ kind: String, _ context: inout RuleContext) {
                    if let first = seen[id.value] {
                        context.report(unit.file, id.range,
                                       "\(kind) id '\(id.value)' is already used in this unit at \(context.place(unit.file, first.start, from: unit.file))")
                    } else {
                        seen[id.value] = id.range
                    }
                }
                for goal in unit.goals {
                    note(goal.id, "goal", &context)
                    for countermeasure in goal.countermeasures { note(countermeasure.id, "countermeasure", &context) }
                    for indicator in goal.indicators {
                        note(indicator.id, "indicator", &context)
                        for countermeasure in indicator.countermeasures { note(countermeasure.id, "countermeasure", &context) }
                    }
                    for factor in goal.successFactors {
                        note(factor.id, "success factor", &context)
                        for activity in factor.activities { note(activity.id, "activity", &context) }
                    }
                    for activity in goal.activities { note(activity.id, "activity", &context) }
                }
                var strategies: [String: ByteRange] = [:]
                for strategy in unit.strategies {
                    if let first = strategies[strategy.id.value] {
                        context.report(unit.file, strategy.id.range,
                                       "strategy id '\(strategy.id.value)' is already used at \(context.place(unit.file, first.start, from: unit.file))")
                    } else {
                        strategies[strategy.id.value] = strategy.id.range
                    }
                }
            }
        })
}
