import HoshinModel
import HoshinRollup

extension Rule {
    /// A red or deteriorating indicator with no open or monitoring countermeasure.
    public static let missingCountermeasure = Rule(RuleDescription(
        id: RuleID.missingCountermeasure, defaultSeverity: .warning,
        summary: "an indicator red for review.countermeasure_after measurements in a row, or deteriorating, has no open or monitoring countermeasure on it or its goal",
        rationale: """
        A red result reported month after month without anything done about it is the pattern the \
        monthly review exists to break. When an indicator stays red (review.countermeasure_after \
        periods in a row, default 2) or its variation shows a special cause in the wrong direction, \
        the unit records what it does about it: a countermeasure with problem, cause, action, owner \
        and due date, on the indicator or on its goal.
        """,
        failing: .indicator("""
                measurements:
                  2026-08: 6.1
                  2026-09: 7.2
                  2026-10: 7.9

        """),
        passing: .indicator("""
                measurements:
                  2026-08: 6.1
                  2026-09: 7.2
                  2026-10: 7.9
                countermeasures:
                  - id: granskning-ikapp
                    opened: 2026-09
                    problem: Vårdskadorna ökar
                    owner: Chefläkare
                    due: 2026-12-31
                    status: open

        """)),
        check: { context in
            let after = context.settings.countermeasureAfter
            let minPoints = context.settings.spcMinPoints
            let asOf = context.asOf
            // The variation analysis of every indicator is the most work of any rule: units
            // are judged on every core, and reported in their order.
            let findings = Parallel.map(context.repository.units) { unit -> [(ByteRange, String)] in
                var found: [(ByteRange, String)] = []
                for goal in unit.goals {
                    let goalCovered = goal.countermeasures.contains { $0.status.value.isActive }
                    for indicator in goal.indicators {
                        guard !goalCovered, !indicator.countermeasures.contains(where: { $0.status.value.isActive }),
                              let reason = CountermeasureNeed.reason(indicator, asOf: asOf, after: after,
                                                                     minPoints: minPoints) else { continue }
                        found.append((indicator.id.range,
                                      "indicator '\(indicator.id.value)' \(reason), and neither it nor goal '\(goal.id.value)' has an open or monitoring countermeasure"))
                    }
                }
                return found
            }
            for (unit, found) in zip(context.repository.units, findings) {
                for (range, message) in found { context.report(unit.file, range, message) }
            }
        })
}
