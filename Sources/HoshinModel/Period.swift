/// How often indicators are measured (`reporting` in `hoshin.yaml`).
public enum ReportingCadence: String, Sendable, CaseIterable, Codable {
    case monthly, quarterly, tertial

    /// Periods in a year.
    public var periodsPerYear: Int {
        switch self {
        case .monthly: 12
        case .quarterly: 4
        case .tertial: 3
        }
    }

    /// Months in one period.
    public var monthsPerPeriod: Int { 12 / periodsPerYear }
}

/// A measurement period: `YYYY-MM`, `YYYY-Qn` or `YYYY-Tn`.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Four bytes in all: a repository holds hundreds of thousands of measurements.
    let storedYear: Int16
    let storedIndex: UInt8
    /// The cadence the period belongs to.
    public let cadence: ReportingCadence

    /// The year.
    public var year: Int { Int(storedYear) }
    /// 1-based index within the year (month, quarter or tertial number).
    public var index: Int { Int(storedIndex) }

    /// Creates a period if the index fits the cadence.
    public init?(year: Int, cadence: ReportingCadence, index: Int) {
        guard (1...9999).contains(year), (1...cadence.periodsPerYear).contains(index) else { return nil }
        self.storedYear = Int16(year)
        self.cadence = cadence
        self.storedIndex = UInt8(index)
    }

    /// Parses `YYYY-MM`, `YYYY-Qn` or `YYYY-Tn`.
    public init?(_ text: String) {
        var text = text
        let parts = text.withUTF8 { bytes -> (Int, ReportingCadence, Int)? in
            guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
                  let year = PlanDate.number(bytes, 0..<4) else { return nil }
            let marker = bytes[5]
            if marker == UInt8(ascii: "Q") || marker == UInt8(ascii: "T") {
                guard let n = PlanDate.number(bytes, 6..<7) else { return nil }
                return (year, marker == UInt8(ascii: "Q") ? .quarterly : .tertial, n)
            }
            guard let month = PlanDate.number(bytes, 5..<7) else { return nil }
            return (year, .monthly, month)
        }
        guard let parts else { return nil }
        self.init(year: parts.0, cadence: parts.1, index: parts.2)
    }

    /// The first day of the period.
    public var firstDay: PlanDate {
        PlanDate(year: year, month: (index - 1) * cadence.monthsPerPeriod + 1, day: 1)!
    }

    /// The last day of the period.
    public var lastDay: PlanDate {
        let month = index * cadence.monthsPerPeriod
        return PlanDate(year: year, month: month, day: PlanDate.daysIn(month: month, year: year))!
    }

    /// The period that contains `date`, in `cadence`.
    public init(containing date: PlanDate, cadence: ReportingCadence) {
        self.storedYear = Int16(truncatingIfNeeded: date.year)
        self.cadence = cadence
        self.storedIndex = UInt8(truncatingIfNeeded: (date.month - 1) / cadence.monthsPerPeriod + 1)
    }

    /// The period after this one.
    public var next: Period {
        if index == cadence.periodsPerYear { return Period(year: year + 1, cadence: cadence, index: 1)! }
        return Period(year: year, cadence: cadence, index: index + 1)!
    }

    /// The period before this one.
    public var previous: Period {
        if index == 1 { return Period(year: year - 1, cadence: cadence, index: cadence.periodsPerYear)! }
        return Period(year: year, cadence: cadence, index: index - 1)!
    }

    /// The canonical spelling.
    public var description: String {
        if (0...9999).contains(year), (0...99).contains(index) {
            // Seven ASCII bytes: a small string, made without allocating.
            let marker: UInt8? = switch cadence {
            case .monthly: nil
            case .quarterly: UInt8(ascii: "Q")
            case .tertial: UInt8(ascii: "T")
            }
            if marker != nil, index >= 10 { return "\(PlanDate.pad(year, 4))-\(Character(Unicode.Scalar(marker!)))\(index)" }
            return String(unsafeUninitializedCapacity: 7) { buffer in
                PlanDate.writeYear(year, into: buffer)
                if let marker {
                    buffer[5] = marker
                    buffer[6] = PlanDate.digit(index)
                } else {
                    buffer[5] = PlanDate.digit(index / 10)
                    buffer[6] = PlanDate.digit(index)
                }
                return 7
            }
        }
        return switch cadence {
        case .monthly: "\(PlanDate.pad(year, 4))-\(PlanDate.pad(index, 2))"
        case .quarterly: "\(PlanDate.pad(year, 4))-Q\(index)"
        case .tertial: "\(PlanDate.pad(year, 4))-T\(index)"
        }
    }

    /// Orders by first day.
    public static func < (lhs: Period, rhs: Period) -> Bool {
        lhs.firstDay < rhs.firstDay
    }
}
