import HoshinModel

/// The weighted mean of scores and its colour (spec §4 "Rollup").
public struct Rollup: Sendable {
    /// The colour thresholds.
    public let thresholds: RollupThresholds

    /// Creates a rollup with thresholds from `hoshin.yaml`.
    public init(thresholds: RollupThresholds) {
        self.thresholds = thresholds
    }

    /// Rolls up (score, weight) pairs; nil scores (grey children) are left out.
    public func combine(_ children: [(score: Double?, weight: Double)]) -> Figure {
        var total = 0.0
        var weights = 0.0
        for child in children {
            guard let score = child.score else { continue }
            total += score * child.weight
            weights += child.weight
        }
        guard weights > 0 else { return .grey }
        let score = min(1, max(0, total / weights))
        return Figure(status: colour(for: score), score: score)
    }

    /// The colour of a score.
    public func colour(for score: Double) -> StatusColour {
        if score >= thresholds.green { return .green }
        if score >= thresholds.yellow { return .yellow }
        return .red
    }
}
