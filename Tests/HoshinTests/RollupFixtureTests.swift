import Foundation
import Testing
import HoshinTestSupport
import HoshinModel
import HoshinRepository
import HoshinRollup

/// Spec §4 pinned on fixture repositories under `Tests/Fixtures/status/`.
@Suite struct RollupFixtureTests {
    static func tree(_ name: String, unit: String? = nil) throws -> StatusTree {
        let folder = Fixtures.root.appendingPathComponent("status").appendingPathComponent(name)
        let result = try Fixtures.validate(folder)
        #expect(result.errorCount == 0)
        let repository = try #require(result.repository)
        return try RollupEngine(repository: repository, asOf: Fixtures.asOf).tree(from: unit)
    }

    static func activities(_ tree: StatusTree) -> [String: ActivityStatus] {
        var result: [String: ActivityStatus] = [:]
        func visit(_ unit: UnitStatus) {
            for goal in unit.goals {
                for activity in goal.activities + goal.successFactors.flatMap(\.activities) { result[activity.ref] = activity }
            }
            unit.units.forEach(visit)
        }
        visit(tree.root)
        return result
    }

    @Test(arguments: [
        // (activity, colour, stale, overdue) at 2026-10-31, stale_after_days 45
        ("cancelled", StatusColour.grey, false, false),
        ("done-late", .green, false, false),
        ("on-track", .green, false, false),
        ("on-track-due-today", .green, false, false),
        ("on-track-late", .red, false, true),
        ("at-risk", .yellow, false, false),
        ("at-risk-late", .red, false, true),
        ("off-track", .red, false, false),
        ("not-started", .grey, false, false),
        ("not-started-no-dates", .grey, false, false),
        ("not-started-should-have", .yellow, false, false),
        ("not-started-late", .red, false, true),
        ("stale-46-days", .green, true, false),
        ("fresh-45-days", .green, false, false),
        ("never-reported", .yellow, true, false),
    ])
    func activityColourFollowsTheTable(id: String, colour: StatusColour, stale: Bool, overdue: Bool) throws {
        let activity = try #require(Self.activities(try Self.tree("activity-table"))["region/\(id)"])
        #expect(activity.status == colour)
        #expect(activity.stale == stale)
        #expect(activity.overdue == overdue)
    }

    @Test func cancelledActivitiesAreLeftOutOfTheRollup() throws {
        let goal = try Self.tree("activity-table").root.goals[0]
        // Scores of the 14 activities that count (cancelled is left out), plus the grey indicator.
        let counted: [Double] = [1, 1, 1, 0, 0.5, 0, 0, 0.5, 0, 1, 1, 0.5]  // non-grey ones
        let expected = counted.reduce(0, +) / Double(counted.count)
        #expect(goal.figure.score == expected)
        #expect(goal.execution.score == expected)
        #expect(goal.result == .grey)
    }

    @Test(arguments: [
        ("down-at-target", StatusColour.green, 5.0 as Double?),
        ("down-yellow", .yellow, 6.5),
        ("down-red", .red, 6.6),
        ("down-no-warning", .red, 5.1),
        ("up-at-target", .green, 90),
        ("up-yellow", .yellow, 80),
        ("up-red", .red, 79.9),
        ("up-no-warning", .red, 89),
        ("ratio-percent", .yellow, 75),
        ("ratio-plain", .yellow, 0.75),
        ("none", .grey, nil),
        ("latest-by-period", .green, 4),
        ("future-period-not-begun", .red, 9),
        ("only-future", .grey, nil),
    ])
    func indicatorColourComparesTheLatestBegunValueWithTarget(id: String, colour: StatusColour, value: Double?) throws {
        let indicators = try Self.tree("indicators").root.goals[0].indicators
        let indicator = try #require(indicators.first { $0.ref == "region/\(id)" })
        #expect(indicator.status == colour)
        #expect(indicator.value == value)
        #expect(indicator.period == (value == nil ? nil : Period("2026-10")))
    }

    @Test func weightsGreyChildrenAndThresholdsFromSettings() throws {
        let root = try Self.tree("rollup").root
        let weighted = root.goals[0]
        // indicator 1 (w1), grey indicator left out, success factor 0 (w3), yellow activity 0.5 (w2)
        #expect(weighted.figure.score == 2.0 / 6.0)
        #expect(weighted.figure.status == .red)
        #expect(weighted.successFactors[0].figure == Figure(status: .red, score: 0))
        #expect(weighted.result == Figure(status: .green, score: 1))
        #expect(weighted.execution.score == 1.0 / 3.0)
        #expect(root.goals[1].figure == .grey)
        #expect(root.goals[1].result == .grey && root.goals[1].execution == .grey)
    }

    @Test func resultAndExecutionFlowThroughSupportingGoals() throws {
        let root = try Self.tree("rollup").root
        let supported = root.goals[2]
        #expect(supported.supportedBy == ["kardiologi/child-goal"])
        // own red indicator (0, w1) + supporting goal 0.75 (weight 2): 1.5 / 3
        #expect(supported.figure == Figure(status: .red, score: 0.5))
        // result: red indicator (0, w1) + supporter's result 1 (w2): 2/3, yellow at yellow 0.6
        #expect(supported.result.score == 2.0 / 3.0)
        #expect(supported.result.status == .yellow)
        // execution: supporter's execution only (0.5)
        #expect(supported.execution == Figure(status: .red, score: 0.5))
        let child = try #require(root.units.first?.goals.first)
        #expect(child.figure == Figure(status: .yellow, score: 0.75))
    }

    @Test func unitIsTheWeightedRollupOfItsGoals() throws {
        let root = try Self.tree("rollup").root
        // weighted (w3) 1/3, all-grey left out, supported (w1) 0.5
        #expect(root.figure.score == (3 * (1.0 / 3.0) + 0.5) / 4)
        #expect(root.figure.status == .red)
        #expect(root.units[0].figure == Figure(status: .yellow, score: 0.75))
    }

    @Test func unitOptionGivesThatSubtree() throws {
        let tree = try Self.tree("rollup", unit: "kardiologi")
        #expect(tree.root.id == "kardiologi")
        #expect(tree.root.figure == Figure(status: .yellow, score: 0.75))
        #expect(throws: RollupEngine.Failure.unknownUnit("kardiolgi", suggestion: "kardiologi")) {
            try Self.tree("rollup", unit: "kardiolgi")
        }
    }
}
