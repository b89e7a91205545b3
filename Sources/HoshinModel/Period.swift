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
    /// The year.
    public let year: Int
    /// The cadence the period belongs to.
    public let cadence: ReportingCadence
    /// 1-based index within the year (month, quarter or tertial number).
    public let index: Int

    /// Creates a period if the index fits the cadence.
    public init?(year: Int, cadence: ReportingCadence, index: Int) {
        guard (1...9999).contains(year), (1...cadence.periodsPerYear).contains(index) else { return nil }
        self.year = year
        self.cadence = cadence
        self.index = index
    }

    /// Parses `YYYY-MM`, `YYYY-Qn` or `YYYY-Tn`.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 7, bytes[4] == UInt8(ascii: "-"),
              let year = PlanDate.number(bytes[0..<4]) else { return nil }
        let marker = bytes[5]
        if marker == UInt8(ascii: "Q") || marker == UInt8(ascii: "T") {
            guard bytes.count == 7, let n = PlanDate.number(bytes[6..<7]) else { return nil }
            self.init(year: year, cadence: marker == UInt8(ascii: "Q") ? .quarterly : .tertial, index: n)
        } else {
            guard bytes.count == 7, let month = PlanDate.number(bytes[5..<7]) else { return nil }
            self.init(year: year, cadence: .monthly, index: month)
        }
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
        self.year = date.year
        self.cadence = cadence
        self.index = (date.month - 1) / cadence.monthsPerPeriod + 1
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
        switch cadence {
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
