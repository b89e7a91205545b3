import Testing
import HoshinModel
@testable import HoshinVariation

/// Spec §8's assurance: the target against the latest limits, worked out by hand.
@Suite struct AssuranceTests {
    let analyzer = VariationAnalyzer(minPoints: 10)

    func points(_ values: [Double]) -> [VariationPoint] {
        values.enumerated().map { VariationPoint(label: "p\($0.offset + 1)", value: $0.element) }
    }

    func ratios(_ pairs: [(Double, Double)], scale: Double = 1) -> [VariationPoint] {
        pairs.enumerated().map { VariationPoint(label: "p\($0.offset + 1)", value: $0.element.0 / $0.element.1 * scale,
                                                num: $0.element.0, den: $0.element.1) }
    }

    /// (target, direction, expected) for limits [lower, upper] with `below` < lower < `inside` < upper < `above`.
    static func cases(below: Double, inside: Double, above: Double) -> [(Double, Direction, Assurance)] {
        [(below, .up, .pass), (inside, .up, .inconsistent), (above, .up, .fail),
         (below, .down, .fail), (inside, .down, .inconsistent), (above, .down, .pass)]
    }

    @Test func iChart() {
        // 10, 12 alternating: mean 11, every moving range 2, σ = 2/1.128, limits 11 ± 5.32 = [5.68, 16.32].
        let series = points([10, 12, 10, 12, 10, 12, 10, 12, 10, 12])
        for (target, direction, expected) in Self.cases(below: 5, inside: 11, above: 17) {
            let analysis = analyzer.analyse(series, chart: .i, direction: direction, target: target)
            #expect(analysis.assurance == expected, "i \(direction) target \(target)")
        }
    }

    @Test func pChart() {
        // 18/100 and 22/100 alternating, then 9/50 and 11/50: CL 180/900 = 0.2.
        let alternating: [(Double, Double)] = [(18, 100), (22, 100), (18, 100), (22, 100), (18, 100), (22, 100), (18, 100), (22, 100)]
        let series = ratios(alternating + [(9, 50), (11, 50)], scale: 100)
        let analysis = analyzer.analyse(series, chart: .p, direction: .up, scale: 100, target: 50)
        #expect(abs(analysis.latestLimits.upper! - (0.2 + 3 * (0.2 * 0.8 / 50).squareRoot()) * 100) < 1e-9)
        // The latest point has den 50: σ = √(0.16/50) = 0.05657, limits 3.03 % and 36.97 %.
        for (target, direction, expected) in Self.cases(below: 3, inside: 20, above: 37) {
            let judged = analyzer.analyse(series, chart: .p, direction: direction, scale: 100, target: target)
            #expect(judged.assurance == expected, "p \(direction) target \(target)")
        }
        // The same targets against the den-100 limits (σ = √(0.16/100) = 0.04: 8 %, 32 %) when that is the latest point.
        let reversed = ratios([(9, 50), (11, 50)] + alternating, scale: 100)
        for (target, direction, expected) in Self.cases(below: 7.9, inside: 20, above: 32.1) {
            let judged = analyzer.analyse(reversed, chart: .p, direction: direction, scale: 100, target: target)
            #expect(judged.assurance == expected, "p latest den 100 \(direction) target \(target)")
        }
    }

    @Test func uChart() {
        // 28 and 32 per 10 alternating: CL 3, σ = √(3/10) = 0.5477, limits 1.357 and 4.643.
        let series = ratios(Array(repeating: [(28.0, 10.0), (32.0, 10.0)], count: 5).flatMap { $0 })
        for (target, direction, expected) in Self.cases(below: 1.3, inside: 3, above: 4.7) {
            let analysis = analyzer.analyse(series, chart: .u, direction: direction, target: target)
            #expect(analysis.assurance == expected, "u \(direction) target \(target)")
        }
    }

    @Test func cChart() {
        // 14, 18 alternating: CL 16, σ = 4, limits 4 and 28.
        let series = points([14, 18, 14, 18, 14, 18, 14, 18, 14, 18])
        for (target, direction, expected) in Self.cases(below: 3.9, inside: 16, above: 28.1) {
            let analysis = analyzer.analyse(series, chart: .c, direction: direction, target: target)
            #expect(analysis.assurance == expected, "c \(direction) target \(target)")
        }
        // A target exactly on a limit is not strictly beyond it.
        #expect(analyzer.analyse(series, chart: .c, direction: .up, target: 4).assurance == .inconsistent)
        #expect(analyzer.analyse(series, chart: .c, direction: .down, target: 28).assurance == .inconsistent)
    }

    @Test func clippedLimitsAreNumbers() {
        // 0 and 2 per 100: CL 0.01, σ = 0.00995, lower 0.01 − 0.02985 clipped to 0, upper 3.985 %.
        let low = ratios(Array(repeating: [(0.0, 100.0), (2.0, 100.0)], count: 5).flatMap { $0 }, scale: 100)
        let down = analyzer.analyse(low, chart: .p, direction: .down, scale: 100, target: 5)
        #expect(down.latestLimits.lower == 0)
        #expect(down.assurance == .pass)
        // A target of 0 is on the clipped limit, not below it.
        #expect(analyzer.analyse(low, chart: .p, direction: .up, scale: 100, target: 0).assurance == .inconsistent)
        #expect(analyzer.analyse(low, chart: .p, direction: .up, scale: 100, target: 4).assurance == .fail)
        // 98 and 100 per 100: CL 0.99, the upper limit is clipped to 100 %; a target of 100 % is on it.
        let high = ratios(Array(repeating: [(98.0, 100.0), (100.0, 100.0)], count: 5).flatMap { $0 }, scale: 100)
        let up = analyzer.analyse(high, chart: .p, direction: .up, scale: 100, target: 100)
        #expect(up.latestLimits.upper == 100)
        #expect(up.assurance == .inconsistent)
        #expect(analyzer.analyse(high, chart: .p, direction: .up, scale: 100, target: 90).assurance == .pass)
        // c with CL 4: lower 4 − 6 clipped to 0.
        let counts = analyzer.analyse(points([3, 5, 3, 5, 3, 5, 3, 5, 3, 5]), chart: .c, direction: .down, target: 11)
        #expect(counts.latestLimits.lower == 0)
        #expect(counts.assurance == .pass)
    }

    @Test func tooFewPointsRunChartsNoLimitsAndNoTargetAreNull() {
        let nine = points([10, 12, 10, 12, 10, 12, 10, 12, 10])
        #expect(analyzer.analyse(nine, chart: .i, direction: .up, target: 1).assurance == nil)
        let ten = points([10, 12, 10, 12, 10, 12, 10, 12, 10, 12])
        #expect(analyzer.analyse(ten, chart: .i, direction: .up, target: 1).assurance == .pass)
        #expect(analyzer.analyse(ten, chart: .run, direction: .up, target: 1).assurance == nil)
        #expect(analyzer.analyse(ten, chart: .i, direction: .up).assurance == nil)
        // Points on the centre line are not useful: 11 points, mean 11, 8 useful.
        let onCentre = points([11, 11, 11, 10, 12, 10, 12, 10, 12, 10, 12])
        #expect(analyzer.analyse(onCentre, chart: .c, direction: .up, target: 1).useful < 10)
        #expect(analyzer.analyse(onCentre, chart: .c, direction: .up, target: 1).assurance == nil)
        // A constant i-chart baseline has no limits, frozen or not.
        let constant = analyzer.analyse(points([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 4]), chart: .i, direction: .up,
                                        baselineCount: 10, target: 1)
        #expect(constant.latestLimits.lower == nil)
        #expect(constant.assurance == nil)
        // A p centre of 0 has no limits.
        let zero = analyzer.analyse(ratios(Array(repeating: (0, 100), count: 10)), chart: .p, direction: .down, target: 1)
        #expect(zero.assurance == nil)
    }

    @Test func judgedAgainstTheLatestPointsLimitsOnly() {
        // u chart with den 10, then den 1000 at the end: CL 6240/2080 = 3, the last limits narrow (3 ± 0.164).
        let small = Array(repeating: [(28.0, 10.0), (32.0, 10.0)], count: 4).flatMap { $0 }
        let series = ratios(small + [(2900, 1000), (3100, 1000)])
        let analysis = analyzer.analyse(series, chart: .u, direction: .up, target: 2.5)
        #expect(analysis.assurance == .pass)
        // The mirror: den 1000, then den 10 at the end (3 ± 1.643).
        let large = Array(repeating: [(2800.0, 1000.0), (3200.0, 1000.0)], count: 4).flatMap { $0 }
        let wide = ratios(large + [(29, 10), (31, 10)])
        #expect(analyzer.analyse(wide, chart: .u, direction: .up, target: 2.5).assurance == .inconsistent)
    }
}
