import Foundation

/// Month periods as spreadsheets rewrite them: Excel turns `2026-01` typed or opened from a CSV
/// into a date and saves it as `jan-26`, `2026-01-01`, `01-01-2026` or `januari 2026`.
public enum SheetPeriod {
    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let names = [
            ["jan", "januari", "januar", "january"], ["feb", "februari", "februar", "february"],
            ["mar", "mars", "marts", "march"], ["apr", "april"], ["maj", "may"], ["jun", "juni", "june"],
            ["jul", "juli", "july"], ["aug", "augusti", "august"], ["sep", "sept", "september"],
            ["okt", "oct", "oktober", "october"], ["nov", "november"], ["dec", "december"],
        ]
        for (index, words) in names.enumerated() { for word in words { table[word] = index + 1 } }
        return table
    }()

    /// `YYYY-MM` for text that names a month (a date, or a month name and a year), else nil.
    public static func month(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.split(whereSeparator: { "-./ ".contains($0) }).map(String.init)
        func format(_ year: Int, _ month: Int) -> String? {
            guard (1...12).contains(month), (1900...2999).contains(year) else { return nil }
            return String(format: "%04d-%02d", year, month)
        }
        guard digits.count >= 2 else { return nil }
        if digits.count == 3, let a = Int(digits[0]), let b = Int(digits[1]), let c = Int(digits[2]) {
            if digits[0].count == 4 { return format(a, b) }          // 2026-01-15
            if digits[2].count == 4 { return format(c, b) }          // 15-01-2026, 15.01.2026
            return nil
        }
        if digits.count == 2 {
            let name = digits[0].trimmingCharacters(in: CharacterSet(charactersIn: "."))
            if let month = months[name], let year = Int(digits[1]) {  // jan-26, januari 2026
                return format(digits[1].count == 2 ? 2000 + year : year, month)
            }
        }
        return nil
    }
}
