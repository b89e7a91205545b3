import HoshinModel
import HoshinRollup
import HoshinText

/// One self-contained HTML page (inline CSS and SVG, no script, no external URL)
/// that a leadership group can open offline and print for the wall.
public struct HTMLRenderer: StatusRenderer {
    /// The plan year's periods up to this one form a bowling chart above the tree (status for one unit).
    public let bowlingThrough: Period?

    /// Creates the renderer; `bowlingThrough` adds the bowling chart of the top unit.
    public init(bowlingThrough: Period? = nil) {
        self.bowlingThrough = bowlingThrough
    }

    public func render(_ tree: StatusTree) -> String {
        let labels = Labels.forLanguage(tree.language)
        let words = ReadingWords.forLanguage(tree.language)
        let title = "\(tree.organisation ?? tree.root.name) — \(labels.reportTitle) \(tree.period)"
        var out = HTMLHead.render(language: tree.language, title: title,
                                  css: Self.css + PrintStyles.css(page: words.page, title: title))
        out += """
        <body>
        <header>
        <h1>\(HTML.escape(title))</h1>
        <p class="meta">\(labels.asOf) \(tree.asOf) · \(HTML.escape(tree.root.name)) \(badge(tree.root.figure.status, labels)) \(Display.percent(tree.root.figure.score))</p>
        <p class="legend">\(legend(labels))</p>
        </header>

        """
        if !tree.root.units.isEmpty {
            out += ReportOverview(labels: labels, words: words) { badge($0, labels) }.render(tree)
        }
        out += "<main>\n"
        if let bowlingThrough {
            out += "<section class=\"bowling\"><h2>\(labels.review.bowling) <span class=\"score\">\(bowlingThrough)</span></h2>\n"
            out += BowlingChart(tree: tree, through: bowlingThrough).html(labels: labels)
            out += "</section>\n"
        }
        if !tree.problems.isEmpty {
            out += "<section class=\"problems\"><h2>\(HTML.escape(ProblemsSection.forLanguage(tree.language).heading))</h2><ul>\n"
            for line in ProblemsSection.lines(tree.problems, language: tree.language) {
                out += "<li>\(HTML.escape(line.label)): <code>\(HTML.escape(line.subject))</code></li>\n"
            }
            out += "</ul></section>\n"
        }
        unit(tree.root, level: 2, labels: labels, goals: GoalDirectory(tree), into: &out)
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    func legend(_ labels: Labels) -> String {
        [StatusColour.green, .yellow, .red, .grey].map { "\(badge($0, labels)) \(labels.name($0))" }.joined(separator: " ")
    }

    func badge(_ colour: StatusColour, _ labels: Labels) -> String {
        "<span class=\"badge \(colour.rawValue)\" title=\"\(labels.name(colour))\">\(Display.letter(colour) == "-" ? "–" : Display.letter(colour))</span>"
    }

    /// A unit's section; its heading level follows its depth in the organisation, and its
    /// goals' headings are one level below it.
    func unit(_ unit: UnitStatus, level: Int, labels: Labels, goals: GoalDirectory, into out: inout String) {
        let heading = min(level, 6)
        out += "<section class=\"unit\" id=\"unit-\(HTML.escape(unit.id))\">\n"
        out += "<h\(heading) class=\"unit-title\">\(badge(unit.figure.status, labels)) \(HTML.escape(unit.name)) <span class=\"score\">\(Display.percent(unit.figure.score))</span></h\(heading)>\n"
        if let owner = unit.owner { out += "<p class=\"owner\">\(labels.owner): \(HTML.escape(owner))</p>\n" }
        for goal in unit.goals { self.goal(goal, level: min(level + 1, 6), labels: labels, goals: goals, into: &out) }
        for child in unit.units { self.unit(child, level: level + 1, labels: labels, goals: goals, into: &out) }
        out += "</section>\n"
    }

    func goal(_ goal: GoalStatus, level: Int, labels: Labels, goals: GoalDirectory, into out: inout String) {
        out += "<article class=\"goal \(goal.figure.status.rawValue)\" id=\"\(HTML.escape(GoalDirectory.anchor(goal.ref)))\">\n"
        out += "<h\(level) class=\"goal-title\">\(badge(goal.figure.status, labels)) \(HTML.escape(goal.title)) <span class=\"score\">\(Display.percent(goal.figure.score))</span></h\(level)>\n"
        out += "<p class=\"figures\">\(labels.result) \(badge(goal.result.status, labels)) \(Display.percent(goal.result.score))"
        out += " · \(labels.execution) \(badge(goal.execution.status, labels)) \(Display.percent(goal.execution.score))"
        if !goal.supportedBy.isEmpty {
            out += " · \(labels.supportedBy): \(goal.supportedBy.map(goals.link).joined(separator: ", "))"
        }
        out += "</p>\n"
        if let assessment = goal.assessment {
            out += "<p class=\"assessment\">\(labels.assessment): \(badge(assessment.status, labels)) \(labels.name(assessment.status))"
            if let date = assessment.date { out += " (\(date))" }
            if let note = assessment.note { out += " — <span class=\"note\">\(HTML.escape(note))</span>" }
            out += "</p>\n"
        }
        if !goal.indicators.isEmpty {
            out += "<table class=\"indicators\"><colgroup><col class=\"i-badge\"><col><col class=\"i-latest\"><col class=\"i-target\"><col class=\"i-spark\"></colgroup><thead><tr><th></th><th>\(labels.indicator)</th><th>\(labels.latest)</th><th>\(labels.target.capitalisedFirst)</th><th></th></tr></thead><tbody>\n"
            for indicator in goal.indicators {
                out += "<tr><td>\(badge(indicator.status, labels))</td><td>\(HTML.escape(indicator.title))</td>"
                if let value = indicator.value, let period = indicator.period {
                    out += "<td class=\"num\">\(HTML.escape(labels.value(value, unit: indicator.unit)))<br><small>\(period)</small></td>"
                } else {
                    out += "<td class=\"num\"><small>\(labels.noData)</small></td>"
                }
                out += "<td class=\"num\">\(HTML.escape(labels.value(indicator.target, unit: indicator.unit)))</td>"
                out += "<td>\(Sparkline.svg(indicator))</td></tr>\n"
                if let comment = indicator.comment {
                    out += "<tr class=\"comment-row\"><td></td><td colspan=\"4\"><small>\(labels.review.comment): \(HTML.escape(comment))</small></td></tr>\n"
                }
                let chart = ControlChartSVG(labels: labels).svg(indicator)
                if !chart.isEmpty {
                    out += "<tr class=\"chart-row\"><td></td><td colspan=\"4\"><details\(indicator.spc.variation == .improving || indicator.spc.variation == .deteriorating ? " open" : "")><summary>\(labels.variationHeading): \(variationMark(indicator))\(labels.name(indicator.spc.variation))\(indicator.spc.assurance.map { " · \(labels.review.assurance): \(Display.assuranceSymbol($0)) \(labels.review.name($0))" } ?? "")</summary>\(chart)</details></td></tr>\n"
                }
            }
            out += "</tbody></table>\n"
        }
        let measures = goal.countermeasures + goal.indicators.flatMap(\.countermeasures)
        if !measures.isEmpty {
            out += "<h5>\(labels.review.countermeasures)</h5>\n"
            out += CountermeasureHTML.list(measures, labels: labels)
        }
        let groups: [(String?, [ActivityStatus], Figure?)] =
            goal.successFactors.map { ($0.title, $0.activities, $0.figure) } + (goal.activities.isEmpty ? [] : [(nil, goal.activities, nil)])
        let small = min(level + 1, 6)
        for (title, activities, figure) in groups {
            if let title, let figure {
                out += "<h\(small) class=\"sf-title\">\(badge(figure.status, labels)) \(labels.successFactor): \(HTML.escape(title)) <span class=\"score\">\(Display.percent(figure.score))</span></h\(small)>\n"
            } else {
                out += "<h\(small) class=\"sf-title\">\(labels.activities)</h\(small)>\n"
            }
            out += "<ul class=\"activities\">\n"
            for activity in activities {
                out += "<li class=\"\(activity.state == .cancelled ? "cancelled" : "")\">\(badge(activity.status, labels)) \(HTML.escape(activity.title))"
                var state = labels.name(activity.state)
                if let progress = activity.progress, activity.state != .cancelled { state += " \(labels.number(progress)) %" }
                out += " <span class=\"state\">\(state)</span>"
                if activity.overdue { out += " <span class=\"flag overdue\">\(labels.overdue)</span>" }
                if activity.stale { out += " <span class=\"flag stale\">\(labels.stale)</span>" }
                if let note = activity.note {
                    out += "<br><small>\(HTML.escape(note))\(activity.updated.map { " (\($0))" } ?? "")</small>"
                }
                out += "</li>\n"
            }
            out += "</ul>\n"
        }
        out += "</article>\n"
    }

    func variationMark(_ indicator: IndicatorStatus) -> String {
        switch indicator.spc.variation {
        case .improving: "↑ "
        case .deteriorating: "↓ "
        default: ""
        }
    }

    /// The report's style sheet (also used by `hoshin serve`'s pages).
    public static let css = """

    :root { --green: #1a7f37; --yellow: #b58800; --red: #c62828; --grey: #8a8f98; --ink: #1d232b; }
    * { box-sizing: border-box; }
    body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1180px; padding: 24px; }
    header h1 { margin: 0 0 4px; font-size: 24px; }
    .meta, .legend, .owner, .figures, .assessment { margin: 4px 0; color: #4a5563; }
    .badge { display: inline-block; width: 1.45em; height: 1.45em; line-height: 1.45em; border-radius: 50%; text-align: center; font-weight: 700; font-size: 0.85em; color: #fff; vertical-align: 0.05em; border: 2px solid transparent; }
    .badge.green { background: var(--green); }
    .badge.yellow { background: var(--yellow); border-radius: 3px; }
    .badge.red { background: var(--red); border-radius: 0; }
    .badge.grey { background: #fff; color: var(--grey); border-color: var(--grey); }
    section.unit { border-left: 4px solid #d5dae1; padding: 4px 0 4px 16px; margin: 16px 0; }
    section.unit section.unit { margin-left: 8px; }
    h2, h3, h4, h5, h6 { margin: 10px 0 6px; }
    .score { color: #4a5563; font-weight: 400; }
    article.goal { border: 1px solid #d5dae1; border-radius: 6px; padding: 8px 12px; margin: 10px 0; break-inside: avoid; page-break-inside: avoid; }
    article.goal h4 { font-size: 15px; }
    article.goal h5 { font-size: 13px; margin: 8px 0 2px; }
    table.indicators { border-collapse: collapse; width: 100%; margin: 6px 0; }
    table.indicators th { text-align: left; font-weight: 600; color: #4a5563; border-bottom: 1px solid #d5dae1; padding: 2px 6px; }
    table.indicators td { border-bottom: 1px solid #eef0f3; padding: 4px 6px; vertical-align: middle; }
    td.num { text-align: right; white-space: nowrap; }
    ul.activities { list-style: none; padding-left: 4px; margin: 2px 0; }
    ul.activities li { margin: 3px 0; }
    li.cancelled { color: var(--grey); text-decoration: line-through; }
    .state { color: #4a5563; }
    .flag { font-size: 12px; padding: 0 4px; border-radius: 3px; border: 1px solid; }
    .flag.overdue { color: var(--red); }
    .flag.stale { color: var(--yellow); }
    svg.spark { display: block; }
    tr.chart-row td { border-bottom: 1px solid #d5dae1; }
    details summary { cursor: pointer; color: #4a5563; font-size: 12px; }
    svg.chart { display: block; margin: 4px 0 6px; max-width: 100%; height: auto; }
    ul.countermeasures { list-style: none; padding-left: 4px; margin: 2px 0; }
    ul.countermeasures li { margin: 3px 0; }
    .flag.missing { color: var(--red); font-weight: 600; }
    table.bowling { border-collapse: collapse; margin: 6px 0 12px; font-size: 11px; }
    table.bowling th, table.bowling td { border: 1px solid #d5dae1; padding: 2px 4px; text-align: right; white-space: nowrap; }
    table.bowling th:first-child, table.bowling td:first-child { text-align: left; white-space: normal; max-width: 200px; min-width: 140px; }
    table.bowling td.green { background: #d5ecd9; } table.bowling td.yellow { background: #f6e7b4; }
    table.bowling td.red { background: #f3c7c7; font-weight: 600; } table.bowling td.grey { color: var(--grey); }
    table.bowling td.text { text-align: left; }
    @media print { details > summary { list-style: none; } details:not([open]) { display: none; } }
    @media print { body { max-width: none; padding: 0; font-size: 11px; } section.unit { break-before: auto; } }

    """
}

/// HTML escaping for text and attribute values.
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'`.
    public static func escape(_ text: String) -> String { Escape.html(text) }
}

/// A small inline SVG of an indicator's measurements with its target as a dashed line.
public enum Sparkline {
    /// The SVG, or an empty string when there are no points.
    public static func svg(_ indicator: IndicatorStatus, width: Double = 160, height: Double = 34) -> String {
        let values = indicator.series.map(\.value)
        guard !values.isEmpty else { return "" }
        let all = values + [indicator.target]
        let low = all.min()!
        let high = all.max()!
        let span = high - low == 0 ? 1 : high - low
        let pad = 3.0
        func x(_ index: Int) -> Double {
            values.count == 1 ? width / 2 : pad + Double(index) / Double(values.count - 1) * (width - 2 * pad)
        }
        func y(_ value: Double) -> Double { pad + (1 - (value - low) / span) * (height - 2 * pad) }
        let points = values.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element)))" }.joined(separator: " ")
        let targetY = f(y(indicator.target))
        let last = values.count - 1
        return "<svg class=\"spark\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(HTML.escape(indicator.title))\">"
            + "<line x1=\"0\" y1=\"\(targetY)\" x2=\"\(f(width))\" y2=\"\(targetY)\" stroke=\"#4a5563\" stroke-width=\"1\" stroke-dasharray=\"3 2\"/>"
            + "<polyline fill=\"none\" stroke=\"#1d232b\" stroke-width=\"1.4\" points=\"\(points)\"/>"
            + "<circle cx=\"\(f(x(last)))\" cy=\"\(f(y(values[last])))\" r=\"2.6\" fill=\"#1d232b\"/></svg>"
    }

    /// A coordinate with one decimal.
    static func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
