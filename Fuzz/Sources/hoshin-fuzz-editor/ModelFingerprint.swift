import HoshinModel

/// A unit plan as lines of text without byte positions: two plans with the same
/// fingerprint say the same thing (positions move with every edit).
enum ModelFingerprint {
    static func lines(_ unit: UnitPlan) -> [String] {
        var out = ["unit \(unit.id.value) name \(unit.name.debugDescription) parent \(String(describing: unit.parent?.value))",
                   "owner \(String(describing: unit.owner)) vision \(String(describing: unit.vision))"]
        out += unit.strategies.map { "strategy \($0.id.value) \($0.title.debugDescription)" }
        for goal in unit.goals {
            out.append("goal \(goal.id.value) \(goal.title.debugDescription) \(String(describing: goal.strategy?.value))"
                       + " \(String(describing: goal.perspective?.value)) \(goal.supports.map(\.value))"
                       + " \(String(describing: goal.owner)) \(goal.weight) \(String(describing: goal.assessment))")
            for indicator in goal.indicators { out.append(line(indicator)) }
            out += goal.activities.map(line)
            for factor in goal.successFactors {
                out.append("factor \(factor.id.value) \(factor.title.debugDescription) \(factor.weight)")
                out += factor.activities.map(line)
            }
        }
        return out
    }

    static func line(_ indicator: Indicator) -> String {
        "indicator \(indicator.id.value) \(indicator.title.debugDescription) \(String(describing: indicator.unit))"
            + " \(indicator.direction) \(String(describing: indicator.baseline)) \(indicator.target)"
            + " \(String(describing: indicator.warning)) \(indicator.chart) \(String(describing: indicator.freeze?.value))"
            + " \(indicator.measurements.map { "\($0.period)=\($0.value)" })"
    }

    static func line(_ activity: Activity) -> String {
        "activity \(activity.id.value) \(activity.title.debugDescription) \(String(describing: activity.owner))"
            + " \(String(describing: activity.start?.value)) \(String(describing: activity.due?.value))"
            + " \(activity.status.value) \(String(describing: activity.progress?.value))"
            + " \(String(describing: activity.updated?.value)) \(String(describing: activity.note?.debugDescription))"
            + " \(activity.weight)"
    }
}
