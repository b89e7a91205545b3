import HoshinModel

extension Rule {
    /// An open or monitoring countermeasure past its due date.
    public static let overdueCountermeasure = Rule(RuleDescription(
        id: RuleID.overdueCountermeasure, defaultSeverity: .warning,
        summary: "a countermeasure that is open or monitoring is past its 'due' date",
        rationale: """
        A countermeasure promises an action by a date. Past that date the leadership group needs to \
        hear whether it was done (then it is monitoring or closed, with its result), needs a new date, \
        or should be replaced by another action.
        """,
        failing: .goal(dueLines + """
                status: open

        """),
        passing: .goal(dueLines + """
                status: closed
                closed: 2026-09-28
                result: Ikapp sedan september

        """)),
        check: { context in
            for unit in context.repository.units {
                for goal in unit.goals {
                    let all = goal.countermeasures + goal.indicators.flatMap(\.countermeasures)
                    for countermeasure in all where countermeasure.isOverdue(asOf: context.asOf) {
                        guard let due = countermeasure.due else { continue }
                        context.report(unit.file, due.range,
                                       "countermeasure '\(countermeasure.id.value)' was due \(due.value) and is still \(countermeasure.status.value.rawValue)")
                    }
                }
            }
        })

    /// The examples' countermeasure on the goal, due 2026-09-30, without its status.
    private static let dueLines = """
            countermeasures:
              - id: granskning-ikapp
                opened: 2026-05
                problem: Journalgranskningen släpar efter sammanslagningen
                owner: Chefläkare
                due: 2026-09-30

        """
}
