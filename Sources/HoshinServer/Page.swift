import Foundation
import HoshinModel
import HoshinRender

/// The server's page frame around the HTML report's renderers: navigation, identity,
/// messages. Every text from the plans goes through `HTML.escape`.
enum Page {
    static let extraCSS = """
    nav.site { display: flex; flex-wrap: wrap; gap: 6px 16px; align-items: baseline; border-bottom: 1px solid #d5dae1; padding: 0 0 8px; margin: 0 0 12px; }
    nav.site .who { margin-left: auto; color: #4a5563; }
    a { color: #1d4f91; }
    a.button, button { display: inline-block; font: inherit; font-weight: 600; padding: 6px 14px; border: 2px solid #1d232b; border-radius: 4px; background: #fff; color: #1d232b; text-decoration: none; cursor: pointer; }
    button.primary { background: #1d232b; color: #fff; }
    .notice { border: 2px solid #1d232b; border-radius: 4px; padding: 8px 12px; margin: 10px 0; }
    .notice.ok { border-style: solid; }
    .notice.error { border-style: double; border-width: 4px; }
    .notice ul { margin: 4px 0 0 18px; padding: 0; }
    .units-below a { margin-right: 10px; }
    """

    /// A small complete page with one message.
    static func message(words: ServerWords, title: String, text: String) -> String {
        """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title><style>\(HTMLRenderer.css)\(extraCSS)</style></head>
        <body><nav class="site"><a href="/">\(words.overview)</a></nav>
        <main><h1>\(HTML.escape(title))</h1><p class="notice error">\(HTML.escape(text))</p></main></body></html>

        """
    }

    /// Inserts `fragment` right after `<body>` and the server's CSS into `<head>`.
    static func inject(_ html: String, afterBody fragment: String) -> String {
        var page = html.replacingOccurrences(of: "</style>\n</head>", with: extraCSS + "</style>\n</head>")
        if let body = page.range(of: "<body>\n") {
            page.insert(contentsOf: fragment, at: body.upperBound)
        }
        return page
    }

    /// Adds "signed in as" to a cached page (the page itself does not depend on who reads it).
    static func withIdentity(_ html: String, _ identity: Identity, words: ServerWords) -> String {
        guard let email = identity.email else { return html }
        return html.replacingOccurrences(of: "<!--who-->", with: "<span class=\"who\">\(words.signedInAs) \(HTML.escape(email))</span>")
    }

    /// The status tree with a link from every unit's heading to its page.
    static func overview(_ html: String, repository: PlanRepository, words: ServerWords) -> String {
        var page = inject(html, afterBody: "<nav class=\"site\"><strong>\(words.overview)</strong><!--who--></nav>\n")
        for unit in repository.units {
            let id = HTML.escape(unit.id.value)
            guard let section = page.range(of: "<section class=\"unit\" id=\"unit-\(id)\">\n"),
                  let close = page.range(of: "</h", range: section.upperBound..<page.endIndex) else { continue }
            page.insert(contentsOf: " <small><a href=\"/units/\(id)\">\(words.show)</a> · <a href=\"/units/\(id)/report\">\(words.report)</a></small>",
                        at: close.lowerBound)
        }
        return page
    }

    /// Navigation of one unit: overview, parent, the form, the units below.
    static func unitNavigation(_ unit: UnitPlan, repository: PlanRepository, words: ServerWords, current: String) -> String {
        var nav = "<nav class=\"site\"><a href=\"/\">\(words.overview)</a>"
        if let parent = unit.parent?.value, let parentUnit = repository.unitsByID[parent] {
            nav += " <span>\(words.parentUnit): <a href=\"/units/\(HTML.escape(parent))\">\(HTML.escape(parentUnit.name))</a></span>"
        }
        if current == "report" {
            nav += " <a href=\"/units/\(HTML.escape(unit.id.value))\">\(words.backToUnit)</a>"
        } else {
            nav += " <a class=\"button\" href=\"/units/\(HTML.escape(unit.id.value))/report\">\(words.openReport)</a>"
        }
        nav += "<!--who--></nav>\n"
        let children = (repository.childUnits[unit.id.value] ?? []).compactMap { repository.unitsByID[$0] }
        if !children.isEmpty, current != "report" {
            nav += "<p class=\"units-below\">\(words.childUnits): "
            nav += children.map { "<a href=\"/units/\(HTML.escape($0.id.value))\">\(HTML.escape($0.name))</a>" }.joined(separator: " ")
            nav += "</p>\n"
        }
        return nav
    }

    /// One unit's page: the HTML report of the unit alone, with navigation.
    static func unit(_ html: String, unit: UnitPlan, repository: PlanRepository, words: ServerWords) -> String {
        var page = inject(html, afterBody: unitNavigation(unit, repository: repository, words: words, current: "unit"))
        let commented = unit.allIndicators.filter { !$0.comments.isEmpty }
        guard !commented.isEmpty, let end = page.range(of: "</main>", options: .backwards) else { return page }
        var section = "<section class=\"comments\" id=\"comments\"><h3>\(words.comments)</h3>\n"
        for indicator in commented {
            section += "<h4>\(HTML.escape(indicator.title))</h4>\n<dl>"
            for comment in indicator.comments.sorted(by: { $0.period > $1.period }) {
                section += "<dt>\(comment.period)</dt><dd>\(HTML.escape(comment.text))</dd>"
            }
            section += "</dl>\n"
        }
        section += "</section>\n"
        page.insert(contentsOf: section, at: end.lowerBound)
        return page
    }
}
