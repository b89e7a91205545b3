import HoshinEditing
import HoshinModel

/// Values as text for conflicts, changes and form fields (the plan's own notation).
enum ValueText {
    /// `40`, `12.5`.
    static func number(_ value: Double) -> String { ScalarWriter.number(value) }

    /// `7.9` or `11/142`.
    static func measurement(_ value: MeasurementValue) -> String {
        switch value {
        case .number(let number): ScalarWriter.number(number)
        case .ratio(let num, let den): "\(ScalarWriter.number(num))/\(ScalarWriter.number(den))"
        }
    }

    /// A number with a decimal point or a decimal comma.
    static func parseNumber(_ text: String) -> Double? {
        DecimalNumber.parse(text.trimmingCharacters(in: [" "]))
    }

    /// A measurement from `7,9`, `7.9` or `11/142`; nil when it is neither.
    static func parseMeasurement(_ text: String) -> MeasurementValue? {
        let trimmed = text.trimmingCharacters(in: [" "])
        if let slash = trimmed.firstIndex(of: "/") {
            guard let num = parseNumber(String(trimmed[..<slash])),
                  let den = parseNumber(String(trimmed[trimmed.index(after: slash)...])), den > 0 else { return nil }
            return .ratio(num: num, den: den)
        }
        return parseNumber(trimmed).map(MeasurementValue.number)
    }
}
