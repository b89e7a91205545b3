import Testing
import PropertyBased
import HoshinModel
@testable import HoshinVariation

/// Spec §8 on series worked out by hand; the arithmetic is written beside each case.
@Suite struct VariationTests {
    let analyzer = VariationAnalyzer(minPoints: 10)

    func points(_ values: [Double]) -> [VariationPoint] {
        values.enumerated().map { VariationPoint(label: "p\($0.offset + 1)", value: $0.element) }
    }

    func ratios(_ pairs: [(Double, Double)], scale: Double = 1) -> [VariationPoint] {
        pairs.enumerated().map { VariationPoint(label: "p\($0.offset + 1)", value: $0.element.0 / $0.element.1 * scale,
                                                num: $0.element.0, den: $0.element.1) }
    }

    @Test(arguments: [(10, 6, 2), (12, 7, 3), (20, 7, 6), (24, 8, 8), (30, 8, 10)])
    func thresholdsMatchQicharts2(n: Int, run: Int, crossings: Int) {
        #expect(VariationAnalyzer.longestRunThreshold(n) == run)
        #expect(VariationAnalyzer.crossingsThreshold(n) == crossings)
    }

    @Test func pointsOnTheMedianNeitherBreakNorExtendARun() {
        // median 3; the 3 between the two 5s is left out, so they form one run of 2.
        let analysis = analyzer.analyse(points([1, 5, 3, 5, 1]), chart: .run, direction: .up)
        #expect(analysis.centre == 3)
        #expect(analysis.useful == 4)
        #expect(analysis.longestRun == 2)
        #expect(analysis.crossings == 2)
        #expect(analysis.variation == .insufficientData)
        #expect(analysis.signals.isEmpty)
    }

    @Test func iChartScreeningDropsOneMovingRange() {
        // MR: eight 1s and one 15; AMR = 23/9 = 2.556; 3.267 × AMR = 8.35 drops the 15.
        // AMR' = 1, σ = 1/1.128 = 0.88652; mean = 119/10 = 11.9; limits 11.9 ± 2.65957.
        let analysis = analyzer.analyse(points([10, 11, 10, 11, 10, 11, 10, 11, 10, 25]), chart: .i, direction: .up)
        #expect(analysis.centre == 11.9)
        let limits = analysis.latestLimits
        #expect(abs(limits.upper! - (11.9 + 3 / 1.128)) < 1e-12)
        #expect(abs(limits.lower! - (11.9 - 3 / 1.128)) < 1e-12)
        #expect(analysis.outside == [9])
        // nine points below 11.9 then one above: longest 9 > 6, one crossing < 2.
        #expect(analysis.signals == [.crossings, .outsideLimits, .shift])
        #expect(analysis.evidence == 9)
        #expect(analysis.variation == .improving)
        let down = analyzer.analyse(points([10, 11, 10, 11, 10, 11, 10, 11, 10, 25]), chart: .i, direction: .down)
        #expect(down.variation == .deteriorating)
    }

    @Test func pChartHasPerPointLimitsFromVaryingDenominators() {
        // CL = 45/400 = 0.1125; σ = √(0.1125 · 0.8875 / den): 0.031598 (den 100), 0.022343 (den 200).
        let analysis = analyzer.analyse(ratios([(10, 100), (20, 100), (15, 200)], scale: 100), chart: .p,
                                        direction: .down, scale: 100)
        #expect(abs(analysis.centre! - 11.25) < 1e-12)
        let sigma100 = (0.1125 * 0.8875 / 100).squareRoot()
        let sigma200 = (0.1125 * 0.8875 / 200).squareRoot()
        #expect(abs(analysis.limits[0].upper! - (0.1125 + 3 * sigma100) * 100) < 1e-9)
        #expect(abs(analysis.limits[0].lower! - (0.1125 - 3 * sigma100) * 100) < 1e-9)
        #expect(abs(analysis.limits[2].upper! - (0.1125 + 3 * sigma200) * 100) < 1e-9)
        #expect(abs(analysis.limits[2].upper! - 17.9528) < 1e-3)
        #expect(analysis.limits[0] == analysis.limits[1])
        #expect(analysis.limits[0] != analysis.limits[2])
    }

    @Test func pChartLimitsAreClippedToZeroAndOne() {
        // CL = 2/20 = 0.1; den 2: σ = √(0.09/2) = 0.2121, so 0.1 ± 0.636 clips to [0, 0.736].
        let analysis = analyzer.analyse(ratios([(0, 2), (2, 18)]), chart: .p, direction: .down)
        #expect(analysis.limits[0].lower == 0)
        #expect(abs(analysis.limits[0].upper! - (0.1 + 3 * (0.09 / 2).squareRoot())) < 1e-12)
        let one = analyzer.analyse(ratios([(1, 2), (2, 2)]), chart: .p, direction: .down)
        // CL = 3/4; den 2: σ = √(0.1875/2) = 0.306, so the upper limit 1.669 clips to 1.
        #expect(one.limits[0].upper == 1)
    }

    @Test func uChartHasPerPointLimitsAndALowerLimitClippedAtZero() {
        // CL = 12/6 = 2; σ = √(2/den): 1 (den 2), 0.8165 (den 3), 1.4142 (den 1).
        let analysis = analyzer.analyse(ratios([(4, 2), (6, 3), (2, 1)]), chart: .u, direction: .down)
        #expect(analysis.centre == 2)
        #expect(analysis.limits.map(\.lower) == [0, 0, 0])
        #expect(analysis.limits[0].upper == 5)
        #expect(abs(analysis.limits[1].upper! - (2 + 3 * (2.0 / 3).squareRoot())) < 1e-12)
        #expect(abs(analysis.limits[2].upper! - (2 + 3 * 2.0.squareRoot())) < 1e-12)
    }

    @Test func cChartLowerLimitIsClippedAtZero() {
        // mean 2, σ = √2 = 1.414: 2 − 4.243 < 0 clips to 0; upper 6.243.
        let analysis = analyzer.analyse(points([2, 3, 1, 2]), chart: .c, direction: .down)
        #expect(analysis.centre == 2)
        #expect(analysis.latestLimits.lower == 0)
        #expect(abs(analysis.latestLimits.upper! - (2 + 3 * 2.0.squareRoot())) < 1e-12)
    }

    @Test func noLimitsWhereSigmaIsZeroOrCannotBeComputed() {
        #expect(analyzer.analyse(points([4, 4, 4]), chart: .i, direction: .up).latestLimits == .none)
        #expect(analyzer.analyse(points([4]), chart: .i, direction: .up).latestLimits == .none)
        #expect(analyzer.analyse(points([0, 0]), chart: .c, direction: .up).latestLimits == .none)
        #expect(analyzer.analyse(ratios([(0, 5), (0, 9)]), chart: .p, direction: .up).latestLimits == .none)
        #expect(analyzer.analyse(ratios([(5, 5), (9, 9)]), chart: .p, direction: .up).latestLimits == .none)
        #expect(analyzer.analyse(ratios([(0, 5), (0, 9)]), chart: .u, direction: .up).latestLimits == .none)
        let constant = analyzer.analyse(points(Array(repeating: 7, count: 12)), chart: .i, direction: .up)
        #expect(constant.outside.isEmpty)
        #expect(constant.useful == 0 && constant.longestRun == 0 && constant.crossings == 0)
        #expect(constant.longestRunMax == nil && constant.crossingsMin == nil)
    }

    @Test func frozenBaselineSetsTheCentreAndJudgesLaterPoints() {
        // Baseline 5,6,5,6,5,6 has median 5.5; the eight later points (8, 9) all lie above,
        // with the last 6 a run of 9; n = 14 allows 7, so a shift: improving for up.
        let values: [Double] = [5, 6, 5, 6, 5, 6, 8, 9, 8, 9, 8, 9, 8, 9]
        let frozen = analyzer.analyse(points(values), chart: .run, direction: .up, baselineCount: 6)
        #expect(frozen.centre == 5.5)
        #expect(frozen.longestRun == 9)
        #expect(frozen.signals == [.shift])
        #expect(frozen.variation == .improving)
        #expect(frozen.evidence == 13)
        // Without the freeze the median of all 14 points (5 5 5 6 6 6 8 | 8 8 8 9 9 9 9) is 8.
        #expect(analyzer.analyse(points(values), chart: .run, direction: .up).centre == 8)
        // A freeze before the first point is ignored.
        #expect(analyzer.analyse(points(values), chart: .run, direction: .up, baselineCount: 0).centre == 8)
    }

    @Test func verdicts() {
        // Alternating around median 5: nine crossings, runs of 1: common cause.
        let alternating: [Double] = [1, 9, 1, 9, 1, 9, 1, 9, 1, 9]
        #expect(analyzer.analyse(points(alternating), chart: .run, direction: .up).variation == .commonCause)
        // Five below then five above median 5: longest 5 ≤ 6 but one crossing < 2: unclear.
        let split: [Double] = [1, 2, 1, 2, 1, 9, 8, 9, 8, 9]
        let unclear = analyzer.analyse(points(split), chart: .run, direction: .up)
        #expect(unclear.signals == [.crossings])
        #expect(unclear.variation == .unclear)
        // The first nine of them: median 2, seven useful points: too few to judge,
        // but the figures are still reported.
        let short = analyzer.analyse(points(Array(split.prefix(9))), chart: .run, direction: .up)
        #expect(short.variation == .insufficientData)
        #expect(short.signals.isEmpty)
        // the 2s are left out, so the 1s form one run of three and the 9s and 8s one of four.
        #expect(short.useful == 7 && short.longestRun == 4 && short.crossings == 1)
        // 17 points, median 2 (five 1s, five 2s, three 8s, four 9s); the 2s are left out:
        // seven above then five below, n = 12 allows a run of 7 (no shift), one crossing < 3.
        let shifted: [Double] = [9, 8, 9, 8, 9, 8, 9, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2]
        let analysis = analyzer.analyse(points(shifted), chart: .run, direction: .up)
        #expect(analysis.centre == 2)
        #expect(analysis.useful == 12)
        #expect(analysis.longestRun == 7 && analysis.longestRunMax == 7)
        #expect(analysis.signals == [.crossings])
        #expect(analysis.variation == .unclear)
    }

    @Test func shiftVerdictsForUpAndDown() {
        // 16 points: eight at 10/11 then eight at 2/3; median (3 + 10) / 2 = 6.5.
        // Two runs of 8; n = 16 allows round(4 + 3) = 7, so shift; one crossing < 5: crossings.
        let values: [Double] = [10, 11, 10, 11, 10, 11, 10, 11, 2, 3, 2, 3, 2, 3, 2, 3]
        let up = analyzer.analyse(points(values), chart: .run, direction: .up)
        #expect(up.signals == [.crossings, .shift])
        #expect(up.evidence == 15)
        #expect(up.variation == .deteriorating)
        #expect(analyzer.analyse(points(values), chart: .run, direction: .down).variation == .improving)
        let rising = Array(values.reversed())
        #expect(analyzer.analyse(points(rising), chart: .run, direction: .up).variation == .improving)
        #expect(analyzer.analyse(points(rising), chart: .run, direction: .down).variation == .deteriorating)
    }

    @Test func minPointsComesFromSettings() {
        let values: [Double] = [10, 11, 10, 11, 10, 11, 10, 11, 2, 3, 2, 3, 2, 3, 2, 3]
        #expect(VariationAnalyzer(minPoints: 20).analyse(points(values), chart: .run, direction: .up).variation == .insufficientData)
    }

    static let series = Gen.int(in: 0...20).array(of: 10...30)

    @Test(arguments: [ChartType.run, .i])
    func verdictIsTheSameWhenValuesAreScaled(chart: ChartType) async {
        await propertyCheck(count: 150, input: Self.series, Gen.int(in: 0...3)) { raw, pick in
            let scale = [2.0, 10, 0.5, 1000][pick]
            let direction: Direction = raw.count % 2 == 0 ? .up : .down
            let original = analyzer.analyse(points(raw.map(Double.init)), chart: chart, direction: direction)
            let scaled = analyzer.analyse(points(raw.map { Double($0) * scale }), chart: chart, direction: direction)
            #expect(original.variation == scaled.variation, "\(raw) × \(scale)")
            #expect(original.signals == scaled.signals)
        }
    }

    @Test(arguments: [ChartType.run, .i])
    func verdictIsTheSameWhenValuesAreNegatedAndDirectionFlipped(chart: ChartType) async {
        await propertyCheck(count: 150, input: Self.series) { raw in
            let up = analyzer.analyse(points(raw.map(Double.init)), chart: chart, direction: .up)
            let mirrored = analyzer.analyse(points(raw.map { -Double($0) }), chart: chart, direction: .down)
            #expect(up.variation == mirrored.variation, "\(raw)")
            #expect(up.signals == mirrored.signals)
        }
    }
}
