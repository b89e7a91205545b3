import HoshinModel
import HoshinRollup

/// Markdown for a pull-request comment or a wiki page: a heading per unit and
/// tables of goals, indicators and activities with status emoji.
public struct MarkdownRenderer: StatusRenderer {
    /// Creates the renderer.
    public init() {}

    public func render(_ tree: StatusTree) -> String {
        let labels = Labels.forLanguage(tree.language)
        var out = "# \(escape(tree.organisation ?? tree.root.name)) — \(labels.asOf) \(tree.asOf)\n\n"
        out += "\(emoji(tree.root.figure.status)) **\(escape(tree.root.name))** \(Display.percent(tree.root.figure.score))"
        out += " · \(labels.legendEmoji)\n"
        write(tree.root, trail: [], labels: labels, into: &out)
        if !tree.problems.isEmpty {
            out += "\n## ⚠️ \(ProblemsSection.forLanguage(tree.language).heading)\n\n"
            for line in ProblemsSection.lines(tree.problems, language: tree.language) {
                out += "- \(escape(line.label)): `\(line.subject.split(separator: "`", omittingEmptySubsequences: false).joined(separator: "'"))`\n"
            }
        }
        return out
    }

    func emoji(_ colour: StatusColour) -> String {
        switch colour {
        case .green: "🟢"
        case .yellow: "🟡"
        case .red: "🔴"
        case .grey: "⚪"
        }
    }

    func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            case "*", "_", "`", "<", ">", "[", "]": out += "\\\(character)"
            default: out.append(character)
            }
        }
        return out
    }

    func variationCell(_ indicator: IndicatorStatus, _ labels: Labels) -> String {
        let mark: String = switch indicator.spc.variation {
        case .improving: "▲ "
        case .deteriorating: "▼ "
        default: ""
        }
        return mark + labels.name(indicator.spc.variation)
    }

    func assuranceCell(_ indicator: IndicatorStatus, _ labels: Labels) -> String {
        var cell = indicator.spc.assurance.map { "\(Display.assuranceSymbol($0)) \(labels.review.name($0))" } ?? ""
        if indicator.missingCountermeasure != nil {
            cell += (cell.isEmpty ? "" : " · ") + "⚠ \(labels.review.missingCountermeasure.lowercased())"
        }
        return cell
    }

    func countermeasureState(_ status: CountermeasureStatus, _ labels: Labels) -> String {
        var text = labels.review.name(status.countermeasure.status.value)
        if let closed = status.countermeasure.closed { text += " \(closed.value)" }
        if status.overdue { text += " · ⏰ \(labels.overdue)" }
        return text
    }

    func write(_ unit: UnitStatus, trail: [String], labels: Labels, into out: inout String) {
        let path = (trail + [unit.name]).map(escape).joined(separator: " › ")
        out += "\n## \(emoji(unit.figure.status)) \(path) — \(Display.percent(unit.figure.score))\n"
        if !unit.goals.isEmpty {
            out += "\n| | \(labels.goal) | \(labels.score) | \(labels.result) | \(labels.execution) | \(labels.assessment) |\n"
            out += "|---|---|---:|---|---|---|\n"
            for goal in unit.goals {
                var assessment = ""
                if let judged = goal.assessment {
                    assessment = "\(emoji(judged.status)) \(labels.name(judged.status))"
                    if let note = judged.note { assessment += ": \(escape(note))" }
                }
                out += "| \(emoji(goal.figure.status)) | \(escape(goal.title)) | \(Display.percent(goal.figure.score)) "
                out += "| \(emoji(goal.result.status)) \(Display.percent(goal.result.score)) "
                out += "| \(emoji(goal.execution.status)) \(Display.percent(goal.execution.score)) | \(assessment) |\n"
            }
        }
        let indicators = unit.goals.flatMap(\.indicators)
        if !indicators.isEmpty {
            let review = labels.review
            out += "\n**\(labels.indicators)**\n\n| | \(labels.indicator) | \(labels.latest) | \(labels.target.capitalisedFirst) | | \(labels.variationHeading) | \(review.assurance) | \(review.comment) |\n|---|---|---:|---:|---|---|---|---|\n"
            for indicator in indicators {
                out += "| \(emoji(indicator.status)) | \(escape(indicator.title)) "
                out += "| \(escape(labels.value(indicator.value, unit: indicator.unit))) "
                out += "| \(escape(labels.value(indicator.target, unit: indicator.unit))) | \(indicator.period?.description ?? labels.noData) | \(variationCell(indicator, labels)) "
                out += "| \(assuranceCell(indicator, labels)) | \(escape(indicator.comment ?? "")) |\n"
            }
        }
        let measures = unit.goals.flatMap { goal in
            goal.countermeasures.map { (goal.title, $0) } + goal.indicators.flatMap { indicator in indicator.countermeasures.map { (indicator.title, $0) } }
        }
        if !measures.isEmpty {
            let review = labels.review
            out += "\n**\(review.countermeasures)**\n\n| \(labels.goal) / \(labels.indicator.lowercased()) | \(review.problem) | \(review.action) | \(labels.owner) | \(review.due) | \(labels.status) |\n|---|---|---|---|---|---|\n"
            for (title, measure) in measures {
                out += "| \(escape(title)) | \(escape(measure.countermeasure.problem)) | \(escape(measure.countermeasure.action ?? "")) "
                out += "| \(escape(measure.countermeasure.owner)) | \(measure.countermeasure.due?.value.description ?? "") "
                out += "| \(countermeasureState(measure, labels)) |\n"
            }
        }
        let activities: [(factor: SuccessFactorStatus?, activity: ActivityStatus)] = unit.goals.flatMap { goal in
            goal.successFactors.flatMap { factor in factor.activities.map { (factor, $0) } }
                + goal.activities.map { (nil, $0) }
        }
        if !activities.isEmpty {
            out += "\n**\(labels.activities)**\n\n| | \(labels.activities) | \(labels.successFactor) | \(labels.status) | \(labels.progress) | | \(labels.review.note) |\n|---|---|---|---|---:|---|---|\n"
            for (factor, activity) in activities {
                var flags: [String] = []
                if activity.overdue { flags.append("⏰ \(labels.overdue)") }
                if activity.stale { flags.append("⌛ \(labels.stale)") }
                let progress = activity.progress.map { "\(labels.number($0)) %" } ?? ""
                let factorCell = factor.map { "\(emoji($0.figure.status)) \(escape($0.title))" } ?? ""
                out += "| \(emoji(activity.status)) | \(escape(activity.title)) | \(factorCell) | \(labels.name(activity.state)) "
                var note = activity.note.map(escape) ?? ""
                if let updated = activity.updated { note += note.isEmpty ? "(\(updated))" : " (\(updated))" }
                out += "| \(progress) | \(flags.joined(separator: ", ")) | \(note) |\n"
            }
        }
        for child in unit.units {
            write(child, trail: trail + [unit.name], labels: labels, into: &out)
        }
    }
}

extension Labels {
    var legendEmoji: String {
        "🟢 \(name(.green)) 🟡 \(name(.yellow)) 🔴 \(name(.red)) ⚪ \(name(.grey))"
    }
}
