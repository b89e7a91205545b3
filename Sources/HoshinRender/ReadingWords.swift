import HoshinModel
import HoshinText

/// Words added for readers (issue 18): what the percentage is, the report's overview,
/// page numbers and chart axes, in sv, da and en, from the message catalogue.
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

    /// The words for a language, from the message catalogue.
    public static func forLanguage(_ language: ReportLanguage) -> ReadingWords {
        func text(_ id: String) -> String { Catalogue.text(id, language) }
        return ReadingWords(percentLegend: text("reading.percent-legend"), overview: text("reading.overview"),
                            page: text("reading.page"), period: text("reading.period"))
    }
}
