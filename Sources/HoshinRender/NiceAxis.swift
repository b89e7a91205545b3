import Foundation

/// Round axis ticks ("nice numbers", Heckbert 1990): steps of 1, 2 or 5 times a power of
/// ten, an axis from a multiple of the step at or below the lowest value to one at or
/// above the highest. 3.33…12.8 gives 2, 4, 6, …, 14.
public struct NiceAxis: Sendable, Equatable {
    /// The axis' lowest value (the first tick).
    public let low: Double
    /// The axis' highest value (the last tick).
    public let high: Double
    /// The distance between ticks.
    public let step: Double

    /// An axis covering `low…high` with about `ticks` ticks (at least 2).
    public init(low: Double, high: Double, ticks: Int = 5) {
        var low = low, high = high
        if !(low.isFinite && high.isFinite) { (low, high) = (0, 1) }
        if low > high { swap(&low, &high) }
        if high - low < 1e-12 {
            let half = low == 0 ? 1 : abs(low) * 0.1
            (low, high) = (low - half, high + half)
        }
        let range = Self.nice(high - low, round: false)
        let step = Self.nice(range / Double(max(ticks, 2) - 1), round: true)
        self.step = step
        self.low = (low / step).rounded(.down) * step
        self.high = (high / step).rounded(.up) * step
    }

    /// The tick values from `low` to `high`.
    public var ticks: [Double] {
        let count = Int(((high - low) / step).rounded()) + 1
        return (0..<count).map { index in
            let value = low + Double(index) * step
            return abs(value) < step * 1e-9 ? 0 : value
        }
    }

    /// Decimals a tick label needs: 0 for a step of 1 or more, 1 for 0.5, 2 for 0.05.
    public var decimals: Int { max(0, -Int(log10(step).rounded(.down))) }

    /// A tick's label with exactly the decimals the step needs (`.` as the separator).
    public func label(_ value: Double) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// A nice number near `value`: rounded to the nearest 1, 2, 5 or 10 times a power of
    /// ten, or with `round: false` the smallest such at or above it.
    static func nice(_ value: Double, round: Bool) -> Double {
        let exponent = log10(value).rounded(.down)
        let power = pow(10, exponent)
        let fraction = value / power
        let niceFraction: Double
        if round {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * power
    }
}
