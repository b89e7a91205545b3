import HoshinEditing
import HoshinModel
import HoshinText

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

    /// A number as a form field holds it: the plan's notation, with a decimal comma in sv and
    /// da (`12,5`; no thousands separator, so what a person types back looks the same).
    static func field(_ value: Double, in language: Language) -> String {
        commas(number(value), in: language)
    }

    /// A measurement as a form field holds it: `7,9` or `11/142` in sv and da.
    static func field(_ value: MeasurementValue, in language: Language) -> String {
        commas(measurement(value), in: language)
    }

    static func commas(_ text: String, in language: Language) -> String {
        language == .en ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    /// A value from the plan's notation (`7.9`, `11/142`, `1234.5`) as a person reads it in
    /// the language (`7,9`, `11/142`, `1 234,5` in sv and da); other text unchanged.
    static func shown(_ text: String, in language: Language) -> String {
        text.split(separator: "/", omittingEmptySubsequences: false)
            .map { NumberText.localize(String($0), in: language) }.joined(separator: "/")
    }

    /// A number with a decimal point or a decimal comma; spaces (also no-break ones) between
    /// groups of digits are ignored (`1 234,5`).
    static func parseNumber(_ text: String) -> Double? {
        DecimalNumber.parse(String(text.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }))
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
