import HoshinModel
import HoshinRollup
import HoshinVariation

/// The bowling chart (spec §12): one row per indicator, one column per period of the plan
/// year up to a period, each value coloured by §4's indicator rule, then variation and assurance.
public struct BowlingChart: Sendable {
    /// One row.
    public struct Row: Sendable {
        /// The indicator.
        public let indicator: IndicatorStatus
        /// Per period: the value and its colour (grey and nil without a value).
        public let cells: [(period: Period, value: Double?, colour: StatusColour)]
    }

    /// The periods, oldest first.
    public let periods: [Period]
    /// The rows, in tree order.
    public let rows: [Row]

    /// The chart of every indicator of `tree`'s units, for the plan year's periods up to `through`.
    public init(tree: StatusTree, through: Period) {
        var periods: [Period] = []
        if var period = Period(year: tree.period, cadence: through.cadence, index: 1) {
            while period <= through, period.year == tree.period {
                periods.append(period)
                period = period.next
            }
        }
        self.periods = periods
        var rows: [Row] = []
        func visit(_ unit: UnitStatus) {
            for goal in unit.goals {
                for indicator in goal.indicators {
                    let values = Dictionary(indicator.series.map { ($0.period, $0.value) }, uniquingKeysWith: { first, _ in first })
                    rows.append(Row(indicator: indicator, cells: periods.map { period in
                        let value = values[period]
                        return (period, value, value.map { Self.colour(of: $0, indicator) } ?? .grey)
                    }))
                }
            }
            unit.units.forEach(visit)
        }
        visit(tree.root)
        self.rows = rows
    }

    /// §4's indicator rule applied to one value.
    static func colour(of value: Double, _ indicator: IndicatorStatus) -> StatusColour {
        switch indicator.direction {
        case .down:
            if value <= indicator.target { return .green }
            if let warning = indicator.warning, value <= warning { return .yellow }
            return .red
        case .up:
            if value >= indicator.target { return .green }
            if let warning = indicator.warning, value >= warning { return .yellow }
            return .red
        }
    }

    /// A short period heading: "jan", "Q1", "T2".
    static func heading(_ period: Period) -> String {
        let text = period.description
        return String(text.split(separator: "-").last ?? Substring(text))
    }

    /// The chart as an HTML table.
    public func html(labels: Labels) -> String {
        var out = "<table class=\"bowling\"><thead><tr><th>\(labels.indicator)</th><th>\(labels.target.capitalisedFirst)</th>"
        for period in periods { out += "<th>\(Self.heading(period))</th>" }
        out += "<th>\(labels.variationHeading)</th><th>\(labels.review.assurance)</th></tr></thead><tbody>\n"
        for row in rows {
            let indicator = row.indicator
            out += "<tr><td>\(HTML.escape(indicator.title))</td><td>\(HTML.escape(labels.value(indicator.target, unit: indicator.unit)))</td>"
            for cell in row.cells {
                let text = cell.value.map(labels.number) ?? "–"
                let title = indicator.comments[cell.period].map { " title=\"\(HTML.escape($0))\"" } ?? ""
                out += "<td class=\"\(cell.colour.rawValue)\"\(title)>\(text)\(indicator.comments[cell.period] == nil ? "" : "*")</td>"
            }
            out += "<td class=\"text\">\(labels.shortName(indicator.spc.variation))</td>"
            out += "<td class=\"text\">\(indicator.spc.assurance.map { "\(Display.assuranceSymbol($0)) \(labels.review.name($0))" } ?? "–")</td></tr>\n"
        }
        out += "</tbody></table>\n"
        return out
    }

    /// The chart as a Markdown table, colours as emoji before each value.
    public func markdown(labels: Labels, escape: (String) -> String) -> String {
        var out = "| \(labels.indicator) | \(labels.target.capitalisedFirst) |"
        for period in periods { out += " \(Self.heading(period)) |" }
        out += " \(labels.variationHeading) | \(labels.review.assurance) |\n|---|---:|"
        out += String(repeating: "---:|", count: periods.count) + "---|---|\n"
        for row in rows {
            let indicator = row.indicator
            out += "| \(escape(indicator.title)) | \(escape(labels.value(indicator.target, unit: indicator.unit))) |"
            for cell in row.cells {
                out += cell.value.map { " \(Emoji.colour(cell.colour)) \(labels.number($0)) |" } ?? " ⚪ |"
            }
            out += " \(labels.shortName(indicator.spc.variation)) | \(indicator.spc.assurance.map { "\(Display.assuranceSymbol($0)) \(labels.review.name($0))" } ?? "–") |\n"
        }
        return out
    }
}

/// Status emoji, for Markdown.
public enum Emoji {
    /// 🟢 🟡 🔴 ⚪.
    public static func colour(_ colour: StatusColour) -> String {
        switch colour {
        case .green: "🟢"
        case .yellow: "🟡"
        case .red: "🔴"
        case .grey: "⚪"
        }
    }
}

/// Countermeasures as an HTML list: problem, action, owner, due, state, overdue.
public enum CountermeasureHTML {
    /// A `<ul>` of countermeasures.
    public static func list(_ measures: [CountermeasureStatus], labels: Labels) -> String {
        let review = labels.review
        var out = "<ul class=\"countermeasures\">\n"
        for status in measures {
            let measure = status.countermeasure
            out += "<li><strong>\(HTML.escape(measure.problem))</strong>"
            if let cause = measure.cause { out += "<br><small>\(review.cause): \(HTML.escape(cause))</small>" }
            if let action = measure.action { out += "<br><small>\(review.action): \(HTML.escape(action))</small>" }
            out += "<br><small>\(labels.owner): \(HTML.escape(measure.owner))"
            if let due = measure.due { out += " · \(review.due) \(due.value)" }
            out += " · <span class=\"state\">\(review.name(measure.status.value))</span>"
            if let closed = measure.closed { out += " \(closed.value)" }
            out += "</small>"
            if status.overdue { out += " <span class=\"flag overdue\">\(labels.overdue)</span>" }
            if let result = measure.result { out += "<br><small>\(review.outcome): \(HTML.escape(result))</small>" }
            out += "</li>\n"
        }
        out += "</ul>\n"
        return out
    }
}
