/// Numbers as a person reads them in a language: `1 234,5` in sv and da, `1234.5` in en.
///
/// Machine formats (JSON, SARIF, JUnit, CSV machine columns) never come here.
public enum NumberText {
    /// The separator between groups of thousands in sv and da: a no-break space, so a number never
    /// breaks over two lines.
    public static let thousandsSeparator: Character = "\u{00A0}"

    /// A number written with a decimal point (`1234.5`, `-0.25`, `82`) in the language's convention.
    ///
    /// Text that is not such a number is returned unchanged.
    public static func localize(_ text: String, in language: Language) -> String {
        guard language != .en, isPlainNumber(text) else { return text }
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var integer = String(parts[0])
        if integer.count > 3 {
            var grouped = ""
            for (offset, digit) in integer.enumerated() {
                if offset > 0, (integer.count - offset) % 3 == 0 { grouped.append(thousandsSeparator) }
                grouped.append(digit)
            }
            integer = grouped
        }
        let fraction = parts.count > 1 ? "," + parts[1] : ""
        return (negative ? "-" : "") + integer + fraction
    }

    /// A number in the language: two decimals below 10, one from 10, trailing zeros dropped.
    public static func format(_ value: Double, in language: Language) -> String {
        localize(plain(value), in: language)
    }

    /// Two decimals below 10, one from 10, trailing zeros dropped, with a decimal point ("6.1", "29").
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let scale = abs(value) < 10 ? 100.0 : 10.0
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        var text = String(rounded)
        if let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 3 {
            text = String(text[...text.index(dot, offsetBy: 2)])
        }
        return text
    }

    /// True for `-?digits(.digits)?`.
    static func isPlainNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasPrefix("-") { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, first.allSatisfy(\.isASCIIDigit) else { return false }
        if parts.count == 2 { return !parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit) }
        return true
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
