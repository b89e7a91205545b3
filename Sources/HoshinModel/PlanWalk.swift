/// Convenience walks over the things of a unit plan, for rules.
extension UnitPlan {
    /// Every activity of the unit: under goals directly and under success factors.
    public var allActivities: [Activity] {
        goals.flatMap { goal in goal.activities + goal.successFactors.flatMap(\.activities) }
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
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let unit = unitsByID[String(parts[0])] else { return nil }
        guard let goal = unit.goals.first(where: { $0.id.value == parts[1] }) else { return nil }
        return (unit, goal)
    }
}
