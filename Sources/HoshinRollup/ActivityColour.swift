import HoshinModel
import HoshinVariation

extension Activity {
    /// The colour at `asOf` (spec §4's activity table); cancelled gives nil (left out).
    public func colour(asOf: PlanDate) -> StatusColour? {
        let late = due.map { $0.value < asOf } ?? false
        switch status.value {
        case .cancelled: return nil
        case .done: return .green
        case .onTrack: return late ? .red : .green
        case .atRisk: return late ? .red : .yellow
        case .offTrack: return .red
        case .notStarted:
            if late { return .red }
            if let start = start?.value, start < asOf { return .yellow }
            return .grey
        }
    }
}

extension Indicator {
    /// Measurements whose period has begun by `asOf`, in period order, with shown values.
    public func series(asOf: PlanDate) -> [SeriesPoint] {
        var points: [SeriesPoint] = []
        points.reserveCapacity(measurements.count)
        var inOrder = true
        for measurement in measurements where measurement.period.firstDay <= asOf {
            let value = shownValue(measurement.value)
            guard value.isFinite else { continue }
            if let last = points.last, measurement.period < last.period { inOrder = false }
            points.append(SeriesPoint(period: measurement.period, value: value, raw: measurement.value))
        }
        // Plans list measurements in period order; sorting (stable) is needed only when not.
        if !inOrder { points.sort { $0.period < $1.period } }
        return points
    }

    /// The colour of a value against target and warning (spec §4).
    public func colour(of value: Double) -> StatusColour {
        switch direction {
        case .down:
            if value <= target { return .green }
            if let warning, value <= warning { return .yellow }
            return .red
        case .up:
            if value >= target { return .green }
            if let warning, value >= warning { return .yellow }
            return .red
        }
    }

    /// The variation analysis of a series (spec §8), with the assurance against `target`.
    public func variation(series: [SeriesPoint], minPoints: Int) -> VariationAnalysis {
        let points = series.map { point -> VariationPoint in
            switch point.raw {
            case .number: return VariationPoint(label: point.period.description, value: point.value)
            case .ratio(let num, let den):
                return VariationPoint(label: point.period.description, value: point.value, num: num, den: den)
            }
        }
        let baseline = freeze.map { freeze in series.filter { $0.period <= freeze.value }.count }
        return VariationAnalyzer(minPoints: minPoints).analyse(
            points, chart: chart, direction: direction, baselineCount: baseline,
            scale: isPercent ? 100 : 1, target: target)
    }
}
