import HoshinModel
import HoshinRollup

/// The report's overview at the top: one line per unit, indented like the organisation,
/// with its status, score and how many of its own goals are of each colour, linking
/// down to the unit's section. On a 400-unit region this is the page people read first.
struct ReportOverview {
    let labels: Labels
    let words: ReadingWords
    let badge: (StatusColour) -> String

    func render(_ tree: StatusTree) -> String {
        let colours: [StatusColour] = [.green, .yellow, .red, .grey]
        var out = "<nav class=\"overview\" aria-label=\"\(HTML.escape(words.overview))\">\n<h2>\(HTML.escape(words.overview))</h2>\n"
        out += "<table class=\"overview\"><colgroup><col class=\"o-unit\"><col class=\"o-score\">"
        out += colours.map { _ in "<col class=\"o-count\">" }.joined() + "</colgroup>\n"
        out += "<thead><tr><th>\(labels.unit)</th><th class=\"num\">\(labels.score)</th>"
        out += colours.map { "<th class=\"num\" title=\"\(labels.goals): \(labels.name($0))\">\(labels.goals) \(badge($0))</th>" }.joined()
        out += "</tr></thead><tbody>\n"
        var pending: [(UnitStatus, Int)] = [(tree.root, 0)]
        while let (unit, depth) = pending.popLast() {
            var counts: [StatusColour: Int] = [:]
            for goal in unit.goals { counts[goal.figure.status, default: 0] += 1 }
            out += "<tr><td style=\"padding-left: \(6 + depth * 14)px\">\(badge(unit.figure.status)) "
            out += "<a href=\"#unit-\(HTML.escape(unit.id))\">\(HTML.escape(unit.name))</a></td>"
            out += "<td class=\"num\">\(Display.percent(unit.figure.score))</td>"
            out += colours.map { "<td class=\"num\">\(counts[$0].map(String.init) ?? "·")</td>" }.joined()
            out += "</tr>\n"
            pending += unit.units.reversed().map { ($0, depth + 1) }
        }
        out += "</tbody></table>\n</nav>\n"
        return out
    }
}
