import HoshinModel

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
        measurements
            .filter { $0.period.firstDay <= asOf }
            .sorted { $0.period < $1.period }
            .compactMap { measurement in
                let value = shownValue(measurement.value)
                return value.isFinite ? SeriesPoint(period: measurement.period, value: value, raw: measurement.value) : nil
            }
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
}
