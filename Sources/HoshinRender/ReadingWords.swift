import HoshinModel

/// Words added for readers (issue 18): what the percentage is, the report's overview,
/// page numbers and chart axes, in sv, da and en. One place, for the message catalogue.
public struct ReadingWords: Sendable {
    /// The tree's second legend line: the percentage is a rollup score, not work done.
    public let percentLegend: String
    /// The heading of the report's overview of units.
    public let overview: String
    /// "Sida" before a page number in print.
    public let page: String
    /// The x axis of a chart.
    public let period: String
    /// The tree's marker before the word for overdue (a plain symbol, never an emoji).
    public static let overdueMark = "!"
    /// The tree's marker before the word for a stale report.
    public static let staleMark = "≈"

    /// The words for a language.
    public static func forLanguage(_ language: ReportLanguage) -> ReadingWords {
        switch language {
        case .sv: ReadingWords(
            percentLegend: "% = sammanvägd poäng (grön 1, gul 0,5, röd 0; grå räknas inte), inte hur mycket som är klart",
            overview: "Översikt", page: "Sida", period: "Period")
        case .da: ReadingWords(
            percentLegend: "% = samlet score (grøn 1, gul 0,5, rød 0; grå tælles ikke med), ikke hvor meget der er færdigt",
            overview: "Overblik", page: "Side", period: "Periode")
        case .en: ReadingWords(
            percentLegend: "% = rollup score (green 1, yellow 0.5, red 0; grey not counted), not how much is done",
            overview: "Overview", page: "Page", period: "Period")
        }
    }
}
