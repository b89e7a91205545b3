import Testing
import PropertyBased
import HoshinModel
@testable import HoshinRender
import HoshinRollup

/// Invariants of the rollup over generated repositories (`PlanGenerators`: real values that shrink).
@Suite struct RollupPropertyTests {
    static let asOf = PlanDate(year: 2026, month: 7, day: 15)!

    /// Calls `check` on every figure of a unit subtree; `rolledUp` is true for computed means.
    static func visit(_ unit: UnitStatus, _ check: (Figure, Bool) -> Void) {
        check(unit.figure, true)
        for goal in unit.goals {
            check(goal.figure, true)
            check(goal.result, true)
            check(goal.execution, true)
            for factor in goal.successFactors {
                check(factor.figure, true)
                for activity in factor.activities { check(Figure(status: activity.status, score: activity.status.score), false) }
            }
            for indicator in goal.indicators { check(Figure(status: indicator.status, score: indicator.status.score), false) }
        }
        for child in unit.units { visit(child, check) }
    }

    @Test func scoresLieInTheUnitIntervalAndAgreeWithTheirColour() async {
        await propertyCheck(count: 200, input: PlanGenerators.repository) { repository in
            let thresholds = repository.settings.rollup
            let tree = try RollupEngine(repository: repository, asOf: Self.asOf).tree()
            Self.visit(tree.root) { figure, rolledUp in
                #expect((figure.score == nil) == (figure.status == .grey), "\(repository.units.count) units")
                if let score = figure.score {
                    #expect(score >= 0 && score <= 1, "\(repository.units.count) units")
                    if rolledUp {
                        let expected: StatusColour = score >= thresholds.green ? .green : score >= thresholds.yellow ? .yellow : .red
                        #expect(figure.status == expected, "score \(score)")
                    }
                }
            }
        }
    }

    @Test func unitOptionGivesTheSameSubtreeAsTheFullRun() async {
        await propertyCheck(count: 100, input: PlanGenerators.repository) { repository in
            let engine = RollupEngine(repository: repository, asOf: Self.asOf)
            let full = try engine.tree()
            var subtrees: [String: UnitStatus] = [:]
            func collect(_ unit: UnitStatus) { subtrees[unit.id] = unit; unit.units.forEach(collect) }
            collect(full.root)
            let renderer = JSONStatusRenderer()
            for unit in repository.units {
                let alone = try engine.tree(from: unit.id.value)
                let inFull = try #require(subtrees[unit.id.value])
                #expect(renderer.unitJSON(alone.root) == renderer.unitJSON(inFull), "unit \(unit.id.value)")
            }
        }
    }
}
