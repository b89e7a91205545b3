import Foundation
import HoshinModel

/// Today's date for the server: the machine's, or a fixed one (tests, demonstrations).
public struct ServerClock: Sendable {
    /// A fixed date, or nil for the machine's date.
    public var fixed: PlanDate?

    /// The machine's clock, or a fixed date.
    public init(fixed: PlanDate? = nil) {
        self.fixed = fixed
    }

    /// Today in the machine's time zone (or the fixed date).
    public var today: PlanDate {
        if let fixed { return fixed }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return PlanDate(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1)!
    }
}
