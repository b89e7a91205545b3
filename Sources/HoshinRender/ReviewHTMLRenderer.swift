import HoshinModel
import HoshinRollup
import HoshinVariation

/// The review pack (spec §12) as one self-contained HTML page that prints on A4:
/// headings stay with what follows them, page numbers in the footer (CSS page margin
/// boxes, which headless Chromium prints), no script and no external URL.
public struct ReviewHTMLRenderer: Sendable {
    /// Creates the renderer.
    public init() {}

    /// The whole page.
    public func render(_ pack: ReviewPack) -> String {
        let labels = Labels.forLanguage(pack.tree.language)
        let review = labels.review
        let text = ReviewText(pack: pack, labels: labels)
        let title = "\(review.packTitle) — \(pack.tree.root.name) — \(pack.period)"
        var out = HTMLHead.render(language: pack.tree.language, title: title,
                                  css: HTMLRenderer.css + PrintStyles.css(page: review.page, title: title) + Self.css)
        out += """
        <body class="review">

        """
        out += "<header><h1>\(HTML.escape(title))</h1></header>\n<main>\n"
        out += section(1, review) + cover(pack, text) + "</section>\n"
        out += section(2, review) + exceptions(pack, text) + "</section>\n"
        out += section(3, review) + BowlingChart(tree: pack.tree, through: pack.period).html(labels: labels) + "</section>\n"
        out += section(4, review) + attention(pack, text) + "</section>\n"
        out += section(5, review) + others(pack, text) + "</section>\n"
        out += section(6, review, suffix: " <span class=\"score\">\(ReviewPack.changesSince(pack.period)) → \(pack.tree.asOf)</span>")
            + changes(pack, labels) + "</section>\n"
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    func section(_ number: Int, _ review: ReviewLabels, suffix: String = "") -> String {
        "<section class=\"pack-section\" id=\"section-\(number)\">\n<h2>\(number). \(HTML.escape(review.sections[number - 1]))\(suffix)</h2>\n"
    }

    func badge(_ colour: StatusColour, _ labels: Labels) -> String {
        HTMLRenderer().badge(colour, labels)
    }

    func cover(_ pack: ReviewPack, _ text: ReviewText) -> String {
        var out = "<table class=\"cover\"><tbody>\n"
        for (key, value) in text.coverRows() {
            out += "<tr><th>\(HTML.escape(key))</th><td>\(HTML.escape(value))</td></tr>\n"
        }
        out += "<tr><th>\(HTML.escape(text.review.itemsPerColour))</th><td>"
        out += [StatusColour.green, .yellow, .red, .grey]
            .map { "\(badge($0, text.labels)) \(pack.counts[$0] ?? 0) \(text.labels.name($0))" }.joined(separator: " · ")
        out += "</td></tr>\n</tbody></table>\n"
        return out
    }

    func exceptions(_ pack: ReviewPack, _ text: ReviewText) -> String {
        let labels = text.labels
        let review = text.review
        guard !pack.exceptions.isEmpty else { return "<p>\(HTML.escape(review.noExceptions))</p>\n" }
        var out = ""
        for exception in pack.exceptions {
            let goal = exception.goal
            out += "<article class=\"exception goal \(goal.figure.status.rawValue)\">\n"
            out += "<h3>\(badge(goal.figure.status, labels)) \(labels.goal): \(HTML.escape(goal.title)) <span class=\"score\">\(HTML.escape(exception.unitName)) · \(Display.percent(goal.figure.score))</span></h3>\n"
            if let assessment = goal.assessment {
                out += "<p class=\"assessment\">\(labels.assessment): \(badge(assessment.status, labels)) \(labels.name(assessment.status))"
                if let note = assessment.note { out += " — \(HTML.escape(note))" }
                out += "</p>\n"
            }
            if !goal.countermeasures.isEmpty {
                out += "<h4>\(review.countermeasures)</h4>\n" + CountermeasureHTML.list(goal.countermeasures, labels: labels)
            }
            for flagged in exception.indicators {
                let indicator = flagged.indicator
                out += "<div class=\"exception-indicator\">\n"
                out += "<h4>\(badge(indicator.status, labels)) \(HTML.escape(indicator.title))</h4>\n"
                out += "<p class=\"figures\">\(text.valueLine(indicator, escape: HTML.escape).replacingBold()) · "
                out += flagged.reasons.map { "<span class=\"flag overdue\">\(HTML.escape(text.reasonName($0)))</span>" }.joined(separator: " ")
                out += "<br>\(HTML.escape(text.variationLine(indicator)))</p>\n"
                out += ControlChartSVG(labels: labels, width: 620, height: 180).svg(indicator)
                if let comment = indicator.comment {
                    out += "<p class=\"comment\"><strong>\(review.comment)</strong> (\(indicator.period?.description ?? "")): \(HTML.escape(comment))</p>\n"
                }
                if !indicator.countermeasures.isEmpty {
                    out += "<h5>\(review.countermeasures)</h5>\n" + CountermeasureHTML.list(indicator.countermeasures, labels: labels)
                }
                if indicator.missingCountermeasure != nil {
                    out += "<p class=\"flag missing\">⚠ \(review.missingCountermeasure) <code>missing-countermeasure</code></p>\n"
                }
                out += "</div>\n"
            }
            out += "</article>\n"
        }
        return out
    }

    func attention(_ pack: ReviewPack, _ text: ReviewText) -> String {
        let labels = text.labels
        guard !pack.attention.isEmpty else { return "<p>\(HTML.escape(text.review.noAttention))</p>\n" }
        var out = "<table class=\"indicators attention\"><thead><tr><th></th><th>\(labels.activities)</th><th>\(labels.unit)</th><th>\(labels.owner)</th><th>\(labels.status)</th><th>\(text.review.due)</th><th>\(text.review.note)</th></tr></thead><tbody>\n"
        for item in pack.attention {
            let activity = item.activity
            out += "<tr><td>\(badge(activity.status, labels))</td><td>\(HTML.escape(activity.title))</td><td>\(HTML.escape(item.unitName))</td>"
            out += "<td>\(HTML.escape(activity.owner ?? ""))</td><td>\(HTML.escape(text.activityState(activity, symbols: false)))</td>"
            out += "<td>\(activity.due?.description ?? "")</td><td>\(HTML.escape(text.noteText(activity)))</td></tr>\n"
        }
        out += "</tbody></table>\n"
        return out
    }

    func others(_ pack: ReviewPack, _ text: ReviewText) -> String {
        guard !pack.others.isEmpty else { return "<p>–</p>\n" }
        var out = "<ul class=\"others\">\n"
        for item in pack.others {
            out += "<li>\(badge(item.status, text.labels)) \(HTML.escape(text.otherLine(item, symbols: false)))</li>\n"
        }
        return out + "</ul>\n"
    }

    func changes(_ pack: ReviewPack, _ labels: Labels) -> String {
        let renderer = DiffRenderer(format: .markdown, language: pack.tree.language,
                                    fromName: pack.changes.fromDate.description, toName: pack.changes.toDate.description)
        let groups = renderer.groups(pack.changes)
        guard !groups.isEmpty else { return "<p>\(HTML.escape(labels.review.noChanges))</p>\n" }
        var out = ""
        for (title, changes) in groups {
            out += "<h4>\(HTML.escape(title))</h4>\n<ul class=\"changes\">\n"
            for change in changes {
                out += "<li><code>\(HTML.escape(change.ref))</code> \(HTML.escape(change.title))"
                if change.kind == .status, let from = change.from.flatMap(StatusColour.init), let to = change.to.flatMap(StatusColour.init) {
                    out += ": \(badge(from, labels)) \(labels.name(from)) → \(badge(to, labels)) \(labels.name(to))"
                }
                out += "</li>\n"
            }
            out += "</ul>\n"
        }
        return out
    }

    /// The pack's own rules, after the report's (which bring A4, page numbers and print breaks):
    /// sections, the cover, exceptions, and a new page for sections 3, 4 and 6 in print.
    static let css = """

        body.review { max-width: 1000px; }
        .pack-section { margin: 18px 0; }
        .pack-section > h2 { border-bottom: 2px solid #1d232b; padding-bottom: 2px; font-size: 19px; }
        table.cover th { text-align: left; padding: 2px 12px 2px 0; color: #4a5563; font-weight: 600; }
        table.cover td { padding: 2px 0; }
        article.exception { border: 1px solid #d5dae1; border-left: 5px solid var(--grey); border-radius: 4px; padding: 6px 12px; margin: 10px 0; }
        article.exception.red { border-left-color: var(--red); }
        article.exception.yellow { border-left-color: var(--yellow); }
        article.exception.green { border-left-color: var(--green); }
        article.exception h3 { font-size: 16px; }
        .exception-indicator { break-inside: avoid; page-break-inside: avoid; border-top: 1px solid #eef0f3; margin-top: 6px; padding-top: 4px; }
        .exception-indicator h4 { font-size: 14px; }
        p.comment { margin: 4px 0; padding: 4px 8px; background: #f4f6f8; border-radius: 3px; }
        p.flag.missing { display: inline-block; border: 2px solid var(--red); color: var(--red); padding: 2px 8px; margin: 4px 0; }
        ul.others { list-style: none; padding-left: 4px; columns: 1; }
        ul.others li, ul.changes li { margin: 2px 0; }
        table.attention td { vertical-align: top; }
        table.attention td:nth-child(6) { white-space: nowrap; }
        @media print { body.review { max-width: none; padding: 0; font-size: 11px; } .pack-section { break-before: auto; }
          #section-3, #section-4, #section-6 { break-before: page; } table.bowling { font-size: 9px; } svg.chart { max-width: 100%; } }

        """
}

extension String {
    /// `**x**` as `<strong>x</strong>` (for lines shared with the Markdown pack).
    func replacingBold() -> String {
        var out = ""
        var open = false
        var rest = Substring(self)
        while let range = rest.range(of: "**") {
            out += rest[..<range.lowerBound]
            out += open ? "</strong>" : "<strong>"
            open.toggle()
            rest = rest[range.upperBound...]
        }
        return out + rest + (open ? "</strong>" : "")
    }
}
