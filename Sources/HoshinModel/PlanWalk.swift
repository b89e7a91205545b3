/// Convenience walks over the things of a unit plan, for rules.
extension UnitPlan {
    /// Every activity of the unit: under goals directly and under success factors.
    public var allActivities: [Activity] {
        goals.flatMap { goal in goal.activities + goal.successFactors.flatMap(\.activities) }
    }

    /// Calls `body` with every activity of the unit, in the order of `allActivities`,
    /// without collecting them in an array first.
    public func forEachActivity(_ body: (Activity) throws -> Void) rethrows {
        for goal in goals {
            for activity in goal.activities { try body(activity) }
            for factor in goal.successFactors {
                for activity in factor.activities { try body(activity) }
            }
        }
    }

    /// Every indicator of the unit.
    public var allIndicators: [Indicator] {
        goals.flatMap(\.indicators)
    }
}

extension PlanRepository {
    /// Ids of the units directly below each unit.
    public var childUnits: [String: [String]] {
        var result: [String: [String]] = [:]
        for unit in units {
            if let parent = unit.parent?.value { result[parent, default: []].append(unit.id.value) }
        }
        return result
    }

    /// The goal a `UNIT/ID` reference names, with its unit, if any.
    public func goal(_ reference: String) -> (unit: UnitPlan, goal: Goal)? {
        guard let reference = Reference(reference), let unit = unitsByID[reference.unit] else { return nil }
        guard let goal = unit.goals.first(where: { $0.id.value == reference.id }) else { return nil }
        return (unit, goal)
    }
}
