import Foundation
import HoshinModel

/// Computes run and control charts with the Anhøj rules, as spec §8 and qicharts2.
public struct VariationAnalyzer: Sendable {
    /// Fewest useful points for a signal to be judged (`spc.min_points`).
    public let minPoints: Int

    /// Creates an analyser.
    public init(minPoints: Int = 10) {
        self.minPoints = minPoints
    }

    /// Analyses `points` (period order) on `chart`; `baselineCount` points form the
    /// baseline; `scale` is 100 for `%` proportions and rates, else 1; `target`, on the
    /// shown scale, gives the assurance.
    public func analyse(_ points: [VariationPoint], chart: ChartType, direction: Direction,
                        baselineCount requested: Int? = nil, scale: Double = 1,
                        target: Double? = nil) -> VariationAnalysis {
        // A freeze before the first point (0 baseline points) is ignored: all points are the baseline.
        let frozen = min(requested ?? points.count, points.count)
        let baselineCount = frozen > 0 ? frozen : points.count
        let baseline = Array(points.prefix(baselineCount))
        let centre = Self.centre(baseline, chart: chart, scale: scale)
        let limits = centre.map { Self.limits(points, baseline: baseline, chart: chart, centre: $0, scale: scale) }
            ?? Array(repeating: .none, count: points.count)
        var outside: Set<Int> = []
        for (index, point) in points.enumerated() {
            let limit = limits[index]
            if let upper = limit.upper, point.value > upper { outside.insert(index) }
            if let lower = limit.lower, point.value < lower { outside.insert(index) }
        }
        // Closures rather than key paths here and below: a key path of more than one part
        // (`\.indices.count`) is looked up at run time for every element.
        let runs = centre.map { Runs(points.map { $0.value }, centre: $0) } ?? Runs.empty
        let n = runs.useful
        let longestRunMax = n > 0 ? Self.longestRunThreshold(n) : nil
        let crossingsMin = n > 0 ? Self.crossingsThreshold(n) : nil
        var inLongRun: Set<Int> = []
        if let longestRunMax {
            for run in runs.runs where run.span.count > longestRunMax { inLongRun.formUnion(runs.indices(of: run)) }
        }
        var signals: [Signal] = []
        var variation = Variation.insufficientData
        var evidence: Int?
        if n >= minPoints {
            if let longestRunMax, runs.longest > longestRunMax { signals.append(.shift) }
            if let crossingsMin, runs.crossings < crossingsMin { signals.append(.crossings) }
            if !outside.isEmpty { signals.append(.outsideLimits) }
            signals.sort()
            if signals.isEmpty {
                variation = .commonCause
            } else if signals == [.crossings] {
                variation = .unclear
            } else if let latest = outside.union(inLongRun).max(), let centre {
                evidence = latest
                let above = points[latest].value > centre
                variation = above == (direction == .up) ? .improving : .deteriorating
            }
        }
        var analysis = VariationAnalysis(
            chart: chart, points: points, baselineCount: baselineCount, centre: centre, limits: limits,
            useful: n, longestRun: runs.longest, longestRunMax: longestRunMax, crossings: runs.crossings,
            crossingsMin: crossingsMin, signals: signals, variation: variation, evidence: evidence,
            outside: outside, inLongRun: signals.isEmpty ? [] : inLongRun)
        if n >= minPoints, let target {
            analysis.assurance = Self.assurance(target: target, limits: analysis.latestLimits,
                                                chart: chart, direction: direction)
        }
        return analysis
    }

    /// Spec §8's assurance: a control chart with both limits at the latest point; `up`
    /// passes with the target strictly below the lower limit and fails strictly above
    /// the upper; `down` is the mirror image; anything else is inconsistent.
    public static func assurance(target: Double, limits: Limits, chart: ChartType,
                                 direction: Direction) -> Assurance? {
        guard chart != .run, let lower = limits.lower, let upper = limits.upper, target.isFinite else { return nil }
        let belowLower = target < lower
        let aboveUpper = target > upper
        switch direction {
        case .up: return belowLower ? .pass : aboveUpper ? .fail : .inconsistent
        case .down: return aboveUpper ? .pass : belowLower ? .fail : .inconsistent
        }
    }

    /// The centre line on the shown scale: median (run), mean (i, c), Σnum/Σden (p, u).
    static func centre(_ baseline: [VariationPoint], chart: ChartType, scale: Double) -> Double? {
        guard !baseline.isEmpty else { return nil }
        switch chart {
        case .run:
            return median(baseline.map { $0.value })
        case .i, .c:
            return baseline.map { $0.value }.reduce(0, +) / Double(baseline.count)
        case .p, .u:
            let num = baseline.compactMap { $0.num }.reduce(0, +)
            let den = baseline.compactMap { $0.den }.reduce(0, +)
            return den > 0 ? num / den * scale : nil
        }
    }

    /// The median of values.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Per-point limits on the shown scale, or `.none` where σ is 0 or cannot be computed.
    static func limits(_ points: [VariationPoint], baseline: [VariationPoint], chart: ChartType,
                       centre: Double, scale: Double) -> [Limits] {
        let none = Array(repeating: Limits.none, count: points.count)
        switch chart {
        case .run:
            return none
        case .i:
            let values = baseline.map { $0.value }
            guard values.count >= 2 else { return none }
            let ranges = zip(values.dropFirst(), values).map { abs($0 - $1) }
            let amr = ranges.reduce(0, +) / Double(ranges.count)
            let kept = ranges.filter { $0 < 3.267 * amr }
            guard !kept.isEmpty else { return none }
            let sigma = kept.reduce(0, +) / Double(kept.count) / 1.128
            guard sigma > 0 else { return none }
            return Array(repeating: Limits(lower: centre - 3 * sigma, upper: centre + 3 * sigma), count: points.count)
        case .c:
            guard centre > 0 else { return none }
            let sigma = centre.squareRoot()
            return Array(repeating: Limits(lower: max(0, centre - 3 * sigma), upper: centre + 3 * sigma), count: points.count)
        case .p, .u:
            let rate = centre / scale
            if chart == .p, rate <= 0 || rate >= 1 { return none }
            if chart == .u, rate <= 0 { return none }
            return points.map { point in
                guard let den = point.den, den > 0 else { return .none }
                let sigma = chart == .p ? (rate * (1 - rate) / den).squareRoot() : (rate / den).squareRoot()
                var lower = max(0, rate - 3 * sigma)
                var upper = rate + 3 * sigma
                if chart == .p { upper = min(1, upper); lower = min(lower, 1) }
                return Limits(lower: lower * scale, upper: upper * scale)
            }
        }
    }

    /// `round(log2(n) + 3)`: the longest run expected by chance among n useful points.
    public static func longestRunThreshold(_ n: Int) -> Int {
        Int((log2(Double(n)) + 3).rounded())
    }

    /// `qbinom(0.05, n − 1, 0.5)`: the smallest c with P(X ≤ c) ≥ 0.05, X ~ Binomial(n − 1, ½).
    public static func crossingsThreshold(_ n: Int) -> Int {
        let trials = n - 1
        guard trials > 0 else { return 0 }
        // Cumulative probabilities in log space to stay exact for long series.
        var cumulative = 0.0
        var logCoefficient = 0.0  // log C(trials, 0)
        let logHalfPower = Double(trials) * log(0.5)
        for c in 0...trials {
            if c > 0 { logCoefficient += log(Double(trials - c + 1)) - log(Double(c)) }
            cumulative += exp(logCoefficient + logHalfPower)
            if cumulative >= 0.05 - 1e-12 { return c }
        }
        return trials
    }
}

/// The runs of a series around its centre line.
struct Runs {
    /// A run: points on one side of the centre, one after another (equal points left out).
    struct Run {
        let above: Bool
        /// Its points, as positions in `Runs.usefulIndices`.
        var span: Range<Int>
    }

    let runs: [Run]
    /// The indices of the points not on the centre, in order (runs are spans of it).
    let usefulIndices: [Int]
    let useful: Int
    let longest: Int
    let crossings: Int

    static let empty = Runs(runs: [], usefulIndices: [], longest: 0, crossings: 0)

    init(runs: [Run], usefulIndices: [Int], longest: Int, crossings: Int) {
        self.runs = runs
        self.usefulIndices = usefulIndices
        self.useful = usefulIndices.count
        self.longest = longest
        self.crossings = crossings
    }

    /// Points equal to the centre are left out; they neither break nor extend a run.
    init(_ values: [Double], centre: Double) {
        var runs: [Run] = []
        var usefulIndices: [Int] = []
        usefulIndices.reserveCapacity(values.count)
        var longest = 0
        for (index, value) in values.enumerated() where value != centre {
            let above = value > centre
            let position = usefulIndices.count
            usefulIndices.append(index)
            if let last = runs.last, last.above == above {
                runs[runs.count - 1].span = last.span.lowerBound..<(position + 1)
            } else {
                runs.append(Run(above: above, span: position..<(position + 1)))
            }
            longest = max(longest, runs[runs.count - 1].span.count)
        }
        self.init(runs: runs, usefulIndices: usefulIndices, longest: longest, crossings: max(0, runs.count - 1))
    }

    /// The indices of a run's points.
    func indices(of run: Run) -> ArraySlice<Int> { usefulIndices[run.span] }
}
