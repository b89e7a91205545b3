import Foundation
import HoshinModel
import HoshinRollup
import HoshinVariation

/// The review pack (spec §12) as Markdown for a pull-request comment: under 65 536
/// characters, cutting section 5 first (and then, only if needed, the tail of later
/// sections), and saying what it cut.
public struct ReviewMarkdownRenderer: Sendable {
    /// The most characters (UTF-16 code units, which GitHub counts) the pack may have.
    public let limit: Int

    /// Creates the renderer.
    public init(limit: Int = 65_535) {
        self.limit = limit
    }

    /// One section: heading and body lines.
    struct Section {
        let heading: String
        var lines: [String]
    }

    /// The whole pack.
    public func render(_ pack: ReviewPack) -> String {
        let labels = Labels.forLanguage(pack.tree.language)
        let review = labels.review
        let text = ReviewText(pack: pack, labels: labels)
        let md = MarkdownRenderer()
        let title = "# \(review.packTitle) — \(md.escape(pack.tree.root.name)) — \(pack.period)\n"
        var sections = [
            Section(heading: "## 1. \(review.sections[0])", lines: cover(pack, text)),
            Section(heading: "## 2. \(review.sections[1])", lines: exceptions(pack, text)),
            Section(heading: "## 3. \(review.sections[2])", lines: [BowlingChart(tree: pack.tree, through: pack.period).markdown(labels: labels, escape: md.escape).trimmingCharacters(in: .newlines)]),
            Section(heading: "## 4. \(review.sections[3])", lines: attention(pack, text)),
            Section(heading: "## 5. \(review.sections[4])", lines: others(pack, text)),
            Section(heading: "## 6. \(review.sections[5]) (\(ReviewPack.changesSince(pack.period)) → \(pack.tree.asOf))", lines: changes(pack, labels)),
        ]
        var notices: [String] = []
        func assemble() -> String {
            var out = title
            if !notices.isEmpty { out += "\n" + notices.map { "> ⚠ \($0)" }.joined(separator: "\n>\n") + "\n" }
            for section in sections {
                out += "\n\(section.heading)\n\n" + section.lines.joined(separator: "\n") + "\n"
            }
            return out
        }
        var out = assemble()
        guard out.utf16.count > limit else { return out }
        // Section 5 goes first.
        sections[4].lines = ["_\(review.cutNotice)_"]
        notices = [review.cutNotice]
        out = assemble()
        // Then, only if still too long, the tails of sections 6, 4, 3 and 2, line by line.
        for index in [5, 3, 2, 1] where out.utf16.count > limit {
            let total = sections[index].lines.count
            var kept = total
            while kept > 0, out.utf16.count > limit {
                kept = max(0, kept - max(1, (kept + 9) / 10))
                sections[index].lines = Array(sections[index].lines.prefix(kept))
                    + ["_… \(total - kept) / \(total) (\(review.cutLines))_"]
                let note = "\(review.sections[index]): \(total - kept) / \(total) \(review.cutLines)"
                notices = [review.cutNotice] + notices.dropFirst().filter { !$0.hasPrefix(review.sections[index]) } + [note]
                out = assemble()
            }
        }
        return out
    }

    func cover(_ pack: ReviewPack, _ text: ReviewText) -> [String] {
        text.coverRows().map { "- **\($0.0)**: \(MarkdownRenderer().escape($0.1))" }
            + ["- **\(text.review.itemsPerColour)**: " + [StatusColour.green, .yellow, .red, .grey]
                .map { "\(Emoji.colour($0)) \(pack.counts[$0] ?? 0) \(text.labels.name($0))" }.joined(separator: " · ")]
    }

    func exceptions(_ pack: ReviewPack, _ text: ReviewText) -> [String] {
        let md = MarkdownRenderer()
        let review = text.review
        guard !pack.exceptions.isEmpty else { return [review.noExceptions] }
        var lines: [String] = []
        for exception in pack.exceptions {
            let goal = exception.goal
            lines.append("### \(Emoji.colour(goal.figure.status)) \(text.labels.goal): \(md.escape(goal.title)) — \(md.escape(exception.unitName)) \(Display.percent(goal.figure.score))")
            if let assessment = goal.assessment {
                lines.append("")
                lines.append("\(text.labels.assessment): \(Emoji.colour(assessment.status)) \(text.labels.name(assessment.status))\(assessment.note.map { " — \(md.escape($0))" } ?? "")")
            }
            if !goal.countermeasures.isEmpty {
                lines.append("")
                lines.append("**\(review.countermeasures)** (\(text.labels.goal.lowercased()))")
                lines.append("")
                lines += goal.countermeasures.map { "- " + text.countermeasureLine($0, escape: md.escape) }
            }
            for flagged in exception.indicators {
                let indicator = flagged.indicator
                lines.append("")
                lines.append("#### \(Emoji.colour(indicator.status)) \(md.escape(indicator.title))")
                lines.append("")
                lines.append("- " + text.valueLine(indicator, escape: md.escape) + " · " + flagged.reasons.map { text.reasonName($0) }.joined(separator: ", "))
                lines.append("- " + text.variationLine(indicator))
                lines.append("- " + text.seriesLine(indicator))
                if let comment = indicator.comment { lines.append("- **\(review.comment)** (\(indicator.period?.description ?? "")): \(md.escape(comment))") }
                for measure in indicator.countermeasures {
                    lines.append("- **\(review.countermeasures)**: " + text.countermeasureLine(measure, escape: md.escape))
                }
                if indicator.missingCountermeasure != nil {
                    lines.append("- **⚠ \(review.missingCountermeasure)** (`missing-countermeasure`)")
                }
            }
            lines.append("")
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    func attention(_ pack: ReviewPack, _ text: ReviewText) -> [String] {
        let md = MarkdownRenderer()
        guard !pack.attention.isEmpty else { return [text.review.noAttention] }
        var lines = ["| | \(text.labels.activities) | \(text.labels.unit) | \(text.labels.owner) | \(text.labels.status) | \(text.review.due) | \(text.review.note) |",
                     "|---|---|---|---|---|---|---|"]
        for item in pack.attention {
            let activity = item.activity
            lines.append("| \(Emoji.colour(activity.status)) | \(md.escape(activity.title)) | \(md.escape(item.unitName)) | \(md.escape(activity.owner ?? "")) | \(text.activityState(activity)) | \(activity.due?.description ?? "") | \(md.escape(text.noteText(activity))) |")
        }
        return lines
    }

    func others(_ pack: ReviewPack, _ text: ReviewText) -> [String] {
        let md = MarkdownRenderer()
        guard !pack.others.isEmpty else { return ["–"] }
        return pack.others.map { "- \(Emoji.colour($0.status)) " + md.escape(text.otherLine($0)) }
    }

    func changes(_ pack: ReviewPack, _ labels: Labels) -> [String] {
        let renderer = DiffRenderer(format: .markdown, language: pack.tree.language,
                                    fromName: pack.changes.fromDate.description, toName: pack.changes.toDate.description)
        let groups = renderer.groups(pack.changes)
        guard !groups.isEmpty else { return [labels.review.noChanges] }
        let body = renderer.render(pack.changes).split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        return body.map { $0.hasPrefix("### ") ? "**\($0.dropFirst(4))**" : String($0) }.drop { $0.isEmpty }.map { $0 }
            .reversed().drop { $0.isEmpty }.reversed()
    }
}

/// Words and one-line texts shared by the Markdown and HTML packs.
struct ReviewText {
    let pack: ReviewPack
    let labels: Labels
    var review: ReviewLabels { labels.review }

    func coverRows() -> [(String, String)] {
        var rows: [(String, String)] = []
        if let organisation = pack.tree.organisation { rows.append((review.organisation, organisation)) }
        rows.append((labels.unit, "\(pack.tree.root.name) (\(pack.tree.root.id))"))
        rows.append((review.period, pack.period.description))
        rows.append((labels.asOf, pack.tree.asOf.description))
        if let revision = pack.revision { rows.append((review.revision, "\(revision.hash) (\(revision.date))")) }
        rows.append((labels.status, "\(labels.name(pack.tree.root.figure.status)) \(Display.percent(pack.tree.root.figure.score))"))
        return rows
    }

    func reasonName(_ reason: ReviewPack.Reason) -> String {
        switch reason {
        case .red: review.reasonRed
        case .deteriorating: review.reasonDeteriorating
        case .assuranceFail: review.reasonFail
        }
    }

    func valueLine(_ indicator: IndicatorStatus, escape: (String) -> String) -> String {
        guard let value = indicator.value, let period = indicator.period else { return labels.noData }
        return "\(labels.latest): **\(escape(labels.value(value, unit: indicator.unit)))** (\(period)) · \(labels.target) \(escape(labels.value(indicator.target, unit: indicator.unit)))"
    }

    func variationLine(_ indicator: IndicatorStatus) -> String {
        var line = "\(labels.variationHeading): \(labels.name(indicator.spc.variation)) (\(labels.chartName(indicator.spc.chart)))"
        if let assurance = indicator.spc.assurance {
            line += " · \(review.assurance): \(Display.assuranceSymbol(assurance)) \(review.longName(assurance))"
        }
        return line
    }

    /// The latest twelve points as text, the chart of a Markdown pack.
    func seriesLine(_ indicator: IndicatorStatus) -> String {
        let points = indicator.series.suffix(12).map { "\($0.period) \(labels.number($0.value))" }
        var line = points.joined(separator: " · ")
        if let centre = indicator.spc.centre { line += " (\(labels.centre) \(labels.number(centre))" }
        let limits = indicator.spc.latestLimits
        if let lower = limits.lower, let upper = limits.upper {
            line += ", \(labels.limits) \(labels.number(lower))–\(labels.number(upper))"
        }
        if indicator.spc.centre != nil { line += ")" }
        return line
    }

    func countermeasureLine(_ status: CountermeasureStatus, escape: (String) -> String) -> String {
        let measure = status.countermeasure
        var line = escape(measure.problem)
        if let cause = measure.cause { line += " · \(review.cause): \(escape(cause))" }
        if let action = measure.action { line += " · \(review.action): \(escape(action))" }
        line += " · \(labels.owner): \(escape(measure.owner))"
        if let due = measure.due { line += " · \(review.due) \(due.value)" }
        line += " · \(review.name(measure.status.value))"
        if let closed = measure.closed { line += " \(closed.value)" }
        if status.overdue { line += " · ⏰ **\(labels.overdue)**" }
        if let result = measure.result { line += " · \(review.outcome): \(escape(result))" }
        return line
    }

    /// State and progress, then the overdue and stale flags (with ⏰ and ⌛ where `symbols`,
    /// which print fonts without emoji lack).
    func activityState(_ activity: ActivityStatus, symbols: Bool = true) -> String {
        var state = labels.name(activity.state)
        if let progress = activity.progress { state += " \(labels.number(progress)) %" }
        if activity.overdue { state += " · " + (symbols ? "⏰ " : "") + labels.overdue }
        if activity.stale { state += " · " + (symbols ? "⌛ " : "") + labels.stale }
        return state
    }

    func noteText(_ activity: ActivityStatus) -> String {
        var note = activity.note ?? ""
        if let updated = activity.updated { note += note.isEmpty ? "(\(updated))" : " (\(updated))" }
        return note
    }

    func otherLine(_ item: ReviewPack.OtherItem, symbols: Bool = true) -> String {
        if let goal = item.goal {
            return "\(labels.goal): \(item.title) — \(item.unitName) · \(Display.percent(goal.figure.score))"
        }
        if let indicator = item.indicator {
            var line = "\(item.title) — \(item.unitName) · \(labels.value(indicator.value, unit: indicator.unit))"
            line += " (\(labels.target) \(labels.value(indicator.target, unit: indicator.unit)))"
            if let assurance = indicator.spc.assurance { line += " · \(Display.assuranceSymbol(assurance)) \(review.name(assurance))" }
            return line
        }
        if let activity = item.activity {
            return "\(item.title) — \(item.unitName) · \(activityState(activity, symbols: symbols))"
        }
        return item.title
    }
}
