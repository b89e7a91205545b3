/// Numbers as people type them in Sweden and Denmark: a decimal point or a decimal comma.
public enum DecimalNumber {
    /// Parses `7.9`, `7,9`, `-3`, `1e3` (surrounding spaces ignored); nil for anything else.
    public static func parse(_ text: String) -> Double? {
        let trimmed = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        let normalised = trimmed.contains(".") ? trimmed : String(trimmed.map { $0 == "," ? "." : $0 })
        guard !normalised.isEmpty, normalised.allSatisfy({ "0123456789.-+eE".contains($0) }),
              let value = Double(normalised), value.isFinite else { return nil }
        return value
    }
}
