/// A calendar date `YYYY-MM-DD`, without time or zone.
public struct PlanDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    // Four bytes in all, like `Period`: every activity holds up to three dates (a date of
    // three `Int`s made an activity 264 bytes instead of 192).
    private let storedYear: Int16
    private let storedMonth: UInt8
    private let storedDay: UInt8

    /// The year.
    public var year: Int { Int(storedYear) }
    /// The month, 1...12.
    public var month: Int { Int(storedMonth) }
    /// The day of the month.
    public var day: Int { Int(storedDay) }

    /// Creates a date if the parts name a real day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= PlanDate.daysIn(month: month, year: year) else { return nil }
        storedYear = Int16(year)
        storedMonth = UInt8(month)
        storedDay = UInt8(day)
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: String) {
        var text = text
        let parts = text.withUTF8 { bytes -> (Int, Int, Int)? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                  let year = PlanDate.number(bytes, 0..<4), let month = PlanDate.number(bytes, 5..<7),
                  let day = PlanDate.number(bytes, 8..<10) else { return nil }
            return (year, month, day)
        }
        guard let parts else { return nil }
        self.init(year: parts.0, month: parts.1, day: parts.2)
    }

    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    /// The decimal number in `bytes[range]`, or nil when a byte there is not a digit.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    /// Days in a month of a year (Gregorian).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        // Years beyond ±32 767 (from absurd day counts) are held at the limit: such a date
        // still orders before or after every real one.
        storedYear = Int16(clamping: year)
        storedMonth = UInt8(month)
        storedDay = UInt8(day)
    }

    /// Days from `other` to this date (positive when this is later).
    public func days(since other: PlanDate) -> Int { dayNumber - other.dayNumber }

    /// `YYYY-MM-DD`.
    public var description: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return "\(PlanDate.pad(year, 4))-\(PlanDate.pad(month, 2))-\(PlanDate.pad(day, 2))"
        }
        // Ten ASCII bytes: a small string, made without allocating.
        return String(unsafeUninitializedCapacity: 10) { buffer in
            PlanDate.writeYear(year, into: buffer)
            buffer[5] = PlanDate.digit(month / 10)
            buffer[6] = PlanDate.digit(month)
            buffer[7] = UInt8(ascii: "-")
            buffer[8] = PlanDate.digit(day / 10)
            buffer[9] = PlanDate.digit(day)
            return 10
        }
    }

    /// Writes `year` (0…9999) as four ASCII digits and a `-` into the first five bytes.
    static func writeYear(_ year: Int, into buffer: UnsafeMutableBufferPointer<UInt8>) {
        buffer[0] = digit(year / 1000)
        buffer[1] = digit(year / 100)
        buffer[2] = digit(year / 10)
        buffer[3] = digit(year)
        buffer[4] = UInt8(ascii: "-")
    }

    /// The ASCII digit of `value`'s last decimal place.
    static func digit(_ value: Int) -> UInt8 {
        UInt8(ascii: "0") + UInt8(value % 10)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// Orders chronologically.
    public static func < (lhs: PlanDate, rhs: PlanDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Encodes as the `YYYY-MM-DD` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes from a `YYYY-MM-DD` string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = PlanDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date: \(text)")
        }
        self = date
    }
}
