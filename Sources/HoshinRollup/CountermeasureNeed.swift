import HoshinModel
import HoshinVariation

/// Why an indicator needs a countermeasure (spec §6 `missing-countermeasure`), shared with the review pack.
public enum CountermeasureNeed {
    /// A phrase ("was red in the last 2 measurements (2026-09, 2026-10)"), or nil when none is needed.
    public static func reason(_ indicator: Indicator, asOf: PlanDate, after: Int, minPoints: Int) -> String? {
        let series = indicator.series(asOf: asOf)
        // The variation analysis only when the red streak does not already give the reason.
        return reason(indicator, series: series, analysis: indicator.variation(series: series, minPoints: minPoints),
                      after: after)
    }

    /// The same from a series and its analysis already computed.
    public static func reason(_ indicator: Indicator, series: [SeriesPoint], analysis: @autoclosure () -> VariationAnalysis,
                              after: Int) -> String? {
        let latest = series.suffix(after)
        if after > 0, latest.count == after, latest.allSatisfy({ indicator.colour(of: $0.value) == .red }) {
            let periods = latest.map { $0.period.description }.joined(separator: ", ")
            return after == 1 ? "is red (\(periods))"
                : "was red in the last \(after) measurements (\(periods))"
        }
        if analysis().variation == .deteriorating {
            return "is deteriorating (a special cause in the wrong direction)"
        }
        return nil
    }

    /// True when the indicator needs a countermeasure and neither it nor its goal has an active one.
    public static func isMissing(_ indicator: Indicator, goal: Goal, asOf: PlanDate, after: Int, minPoints: Int) -> Bool {
        if goal.countermeasures.contains(where: { $0.status.value.isActive }) { return false }
        if indicator.countermeasures.contains(where: { $0.status.value.isActive }) { return false }
        return reason(indicator, asOf: asOf, after: after, minPoints: minPoints) != nil
    }
}
