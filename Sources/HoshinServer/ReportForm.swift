import HoshinModel
import HoshinRender
import HoshinRollup

/// What the reporting form shows: the plan's values, or the person's own after a
/// refused submission, the base values carried in hidden fields, and messages per field.
struct ReportFormModel {
    let unit: UnitPlan
    let repository: PlanRepository
    let period: Period
    let periods: [Period]
    let statuses: [String: ActivityStatus]
    let csrf: String
    let mayReport: Bool
    /// Field name → the value to show instead of the plan's.
    var values: [String: String] = [:]
    /// Field name → the base to carry instead of the plan's.
    var bases: [String: String] = [:]
    /// `UNIT/ID` → messages shown beside that activity or indicator.
    var messages: [String: [String]] = [:]
    /// The notice at the top.
    var notice: (ok: Bool, text: String, items: [String])?
}

/// Field names of the form: `a.ID.status`, `a.ID.progress`, `a.ID.note`, `i.ID.value`,
/// each with a `base.` twin carrying what the person saw.
enum FormField {
    static func activity(_ id: String, _ field: String) -> String { "a.\(id).\(field)" }
    static func indicator(_ id: String) -> String { "i.\(id).value" }
    static func comment(_ id: String) -> String { "i.\(id).comment" }
    static func base(_ name: String) -> String { "base.\(name)" }

    /// The plan's value of an activity field, as the form shows it.
    static func planValue(_ activity: Activity, _ field: String, _ language: Language) -> String {
        switch field {
        case "status": activity.status.value.rawValue
        case "progress": activity.progress.map { ValueText.field($0.value, in: language) } ?? ""
        default: activity.note ?? ""
        }
    }

    /// The plan's comment on an indicator's period.
    static func planComment(_ indicator: Indicator, _ period: Period) -> String {
        indicator.comment(for: period) ?? ""
    }

    /// The plan's value of an indicator for a period, as the form shows it.
    static func planValue(_ indicator: Indicator, _ period: Period, _ language: Language) -> String {
        indicator.measurements.first { $0.period == period }.map { ValueText.field($0.value, in: language) } ?? ""
    }
}

/// Renders the reporting form (works without JavaScript; greyscale-readable).
enum ReportFormPage {
    static let css = """
    form.report fieldset { border: 1px solid #d5dae1; border-radius: 6px; margin: 12px 0; padding: 8px 12px; }
    form.report legend { font-weight: 700; padding: 0 4px; }
    .row { display: grid; grid-template-columns: minmax(200px, 2fr) 150px 90px minmax(200px, 3fr); gap: 6px 12px; align-items: start; padding: 8px 0; border-bottom: 1px solid #eef0f3; }
    .row.indicator { grid-template-columns: minmax(200px, 2fr) 160px minmax(200px, 3fr); }
    .row label { display: block; font-size: 12px; color: #4a5563; }
    .row input, .row select, .row textarea { font: inherit; width: 100%; padding: 4px; border: 1px solid #6b7280; border-radius: 3px; }
    .row textarea { min-height: 3.2em; }
    .row .title { font-weight: 600; }
    .row .now { font-size: 12px; color: #4a5563; }
    .row.has-message { border-left: 4px double #1d232b; padding-left: 8px; }
    .message { grid-column: 1 / -1; margin: 0; font-weight: 600; }
    .message::before { content: "⚠ "; }
    .actions { margin: 14px 0; display: flex; gap: 12px; align-items: center; }
    form.period { margin: 6px 0 12px; }
    """

    static func render(_ model: ReportFormModel, words: ServerWords) -> String {
        let labels = Labels.forLanguage(model.repository.settings.language)
        let unitID = HTML.escape(model.unit.id.value)
        let title = "\(words.report): \(model.unit.name) — \(model.period)"
        var out = HTMLHead.render(language: model.repository.settings.language, title: title,
                                  css: HTMLRenderer.css + Page.extraCSS + css)
        out += """
        <body>
        \(Page.unitNavigation(model.unit, repository: model.repository, words: words, current: "report"))
        <main>
        <h1>\(HTML.escape(model.unit.name)): \(HTML.escape(words.report.lowercased())) \(model.period)</h1>

        """
        if model.periods.count > 1 {
            out += "<form class=\"period\" method=\"get\" action=\"/units/\(unitID)/report\"><label>\(words.otherPeriod): "
            out += "<select name=\"period\">"
            for period in model.periods.reversed() {
                out += "<option value=\"\(period)\"\(period == model.period ? " selected" : "")>\(period)</option>"
            }
            out += "</select></label> <button type=\"submit\">\(words.show)</button></form>\n"
        }
        if let notice = model.notice {
            out += "<div class=\"notice \(notice.ok ? "ok" : "error")\" role=\"\(notice.ok ? "status" : "alert")\" id=\"notice\"><strong>\(HTML.escape(notice.text))</strong>"
            if !notice.items.isEmpty {
                out += "<ul>" + notice.items.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>"
            }
            out += "</div>\n"
        }
        if !model.mayReport {
            out += "<p class=\"notice error\">\(HTML.escape(words.readOnly))</p>\n"
        }
        let disabled = model.mayReport ? "" : " disabled"
        out += "<form class=\"report\" method=\"post\" action=\"/units/\(unitID)/report\">\n"
        out += "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(model.csrf))\">\n"
        out += "<input type=\"hidden\" name=\"period\" value=\"\(model.period)\">\n"
        let activities = model.unit.allActivities
        out += "<fieldset><legend>\(labels.activities)</legend>\n"
        if activities.isEmpty { out += "<p>\(words.noActivities)</p>\n" }
        for activity in activities {
            out += row(activity, model: model, labels: labels, words: words, disabled: disabled)
        }
        out += "</fieldset>\n"
        let indicators = model.unit.allIndicators
        out += "<fieldset><legend>\(labels.indicators) \(model.period)</legend>\n"
        if indicators.isEmpty { out += "<p>\(words.noIndicators)</p>\n" }
        for indicator in indicators {
            out += row(indicator, model: model, words: words, disabled: disabled)
        }
        out += "</fieldset>\n"
        if model.mayReport {
            out += "<div class=\"actions\"><button class=\"primary\" type=\"submit\" id=\"save\">\(words.save)</button></div>\n"
        }
        out += "</form>\n</main>\n</body>\n</html>\n"
        return out
    }

    static func value(_ name: String, plan: String, model: ReportFormModel) -> (shown: String, base: String) {
        (model.values[name] ?? plan, model.bases[FormField.base(name)] ?? plan)
    }

    static func messages(_ ref: String, model: ReportFormModel) -> String {
        (model.messages[ref] ?? []).map { "<p class=\"message\">\(HTML.escape($0))</p>" }.joined()
    }

    static func row(_ activity: Activity, model: ReportFormModel, labels: Labels, words: ServerWords, disabled: String) -> String {
        let id = activity.id.value
        let ref = "\(model.unit.id.value)/\(id)"
        let html = HTML.escape(id)
        let status = value(FormField.activity(id, "status"), plan: FormField.planValue(activity, "status", labels.language), model: model)
        let progress = value(FormField.activity(id, "progress"), plan: FormField.planValue(activity, "progress", labels.language), model: model)
        let note = value(FormField.activity(id, "note"), plan: FormField.planValue(activity, "note", labels.language), model: model)
        let messages = messages(ref, model: model)
        var out = "<div class=\"row activity\(messages.isEmpty ? "" : " has-message")\" id=\"activity-\(html)\">"
        let colour = model.statuses[ref]
        out += "<div><span class=\"title\">\(colour.map { badge($0.status, labels) + " " } ?? "")\(HTML.escape(activity.title))</span>"
        var now = labels.name(activity.status.value)
        if let progress = activity.progress { now += ", \(labels.number(progress.value)) %" }
        if let updated = activity.updated { now += " (\(updated.value))" }
        if colour?.overdue == true { now += " · \(labels.overdue)" }
        if colour?.stale == true { now += " · \(labels.stale)" }
        out += "<div class=\"now\">\(words.current): \(HTML.escape(now))</div></div>"
        out += "<div><label for=\"a-\(html)-status\">\(labels.status)</label><select id=\"a-\(html)-status\" name=\"a.\(html).status\"\(disabled)>"
        for state in ActivityState.allCases {
            out += "<option value=\"\(state.rawValue)\"\(state.rawValue == status.shown ? " selected" : "")>\(HTML.escape(labels.name(state)))</option>"
        }
        out += "</select></div>"
        out += "<div><label for=\"a-\(html)-progress\">\(labels.progress) %</label><input id=\"a-\(html)-progress\" name=\"a.\(html).progress\" inputmode=\"decimal\" value=\"\(HTML.escape(progress.shown))\"\(disabled)></div>"
        out += "<div><label for=\"a-\(html)-note\">\(words.note)</label><textarea id=\"a-\(html)-note\" name=\"a.\(html).note\" rows=\"2\"\(disabled)>\(HTML.escape(note.shown))</textarea></div>"
        out += "<input type=\"hidden\" name=\"base.a.\(html).status\" value=\"\(HTML.escape(status.base))\">"
        out += "<input type=\"hidden\" name=\"base.a.\(html).progress\" value=\"\(HTML.escape(progress.base))\">"
        out += "<input type=\"hidden\" name=\"base.a.\(html).note\" value=\"\(HTML.escape(note.base))\">"
        out += messages + "</div>\n"
        return out
    }

    static func row(_ indicator: Indicator, model: ReportFormModel, words: ServerWords, disabled: String) -> String {
        let language = model.repository.settings.language
        let id = indicator.id.value
        let ref = "\(model.unit.id.value)/\(id)"
        let html = HTML.escape(id)
        let field = value(FormField.indicator(id), plan: FormField.planValue(indicator, model.period, language), model: model)
        let messages = messages(ref, model: model)
        let unit = indicator.unit.map { " (\(HTML.escape($0)))" } ?? ""
        var out = "<div class=\"row indicator\(messages.isEmpty ? "" : " has-message")\" id=\"indicator-\(html)\">"
        out += "<div><span class=\"title\">\(HTML.escape(indicator.title))\(unit)</span>"
        let recent = indicator.measurements.filter { $0.period < model.period }.suffix(3)
            .map { "\($0.period): \(ValueText.shown(ValueText.measurement($0.value), in: language))" }.joined(separator: " · ")
        if !recent.isEmpty { out += "<div class=\"now\">\(HTML.escape(recent))</div>" }
        out += "</div>"
        out += "<div><label for=\"i-\(html)-value\">\(words.value) \(model.period)</label><input id=\"i-\(html)-value\" name=\"i.\(html).value\" inputmode=\"decimal\" value=\"\(HTML.escape(field.shown))\"\(disabled)></div>"
        let comment = value(FormField.comment(id), plan: FormField.planComment(indicator, model.period), model: model)
        out += "<div><label for=\"i-\(html)-comment\">\(words.comment) \(model.period)</label><textarea id=\"i-\(html)-comment\" name=\"i.\(html).comment\" rows=\"2\"\(disabled)>\(HTML.escape(comment.shown))</textarea></div>"
        out += "<input type=\"hidden\" name=\"base.i.\(html).value\" value=\"\(HTML.escape(field.base))\">"
        out += "<input type=\"hidden\" name=\"base.i.\(html).comment\" value=\"\(HTML.escape(comment.base))\">"
        out += messages + "</div>\n"
        return out
    }

    static func badge(_ colour: StatusColour, _ labels: Labels) -> String {
        "<span class=\"badge \(colour.rawValue)\" title=\"\(labels.name(colour))\">\(Display.letter(colour) == "-" ? "–" : Display.letter(colour))</span>"
    }
}
