import HoshinModel
import HoshinOutput
import HoshinRollup
import HoshinText

/// `hoshin diff` output: text, Markdown (for a pull-request comment) or JSON.
public struct DiffRenderer: Sendable {
    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    /// The format.
    public let format: Format
    /// The language of labels.
    public let language: ReportLanguage
    /// How each side was named (a date, or a git revision), for the heading.
    public let fromName: String
    /// How the later side was named.
    public let toName: String

    /// Creates a renderer.
    public init(format: Format, language: ReportLanguage, fromName: String, toName: String) {
        self.format = format
        self.language = language
        self.fromName = fromName
        self.toName = toName
    }

    struct Words {
        let title: String, status: String, stale: String, fresh: String, overdue: String, onTime: String
        let added: String, removed: String, none: String
        let nodes: [StatusDiff.Change.Node: String]
    }

    /// The words of the output in the renderer's language, from the message catalogue.
    var words: Words {
        func text(_ id: String) -> String { Catalogue.text(id, language) }
        return Words(title: text("diff.title"), status: text("diff.status"), stale: text("diff.stale"),
                     fresh: text("diff.fresh"), overdue: text("diff.overdue"), onTime: text("diff.on-time"),
                     added: text("diff.added"), removed: text("diff.removed"), none: text("diff.none"),
                     nodes: Dictionary(uniqueKeysWithValues: StatusDiff.Change.Node.allCases.map { ($0, text("diff.node.\($0.rawValue)")) }))
    }

    /// The whole output.
    public func render(_ diff: StatusDiff) -> String {
        switch format {
        case .json: json(diff)
        case .text, .markdown: sections(diff, markdown: format == .markdown)
        }
    }

    func groups(_ diff: StatusDiff) -> [(String, [StatusDiff.Change])] {
        let w = words
        let by = { (kind: StatusDiff.Change.Kind, to: String?) in
            diff.changes.filter { $0.kind == kind && (to == nil || $0.to == to) }
        }
        return [
            (w.status, by(.status, nil)),
            (w.stale, by(.stale, "true")), (w.fresh, by(.stale, "false")),
            (w.overdue, by(.overdue, "true")), (w.onTime, by(.overdue, "false")),
            (w.added, by(.added, nil)), (w.removed, by(.removed, nil)),
        ].filter { !$0.1.isEmpty }
    }

    func sections(_ diff: StatusDiff, markdown: Bool) -> String {
        let labels = Labels.forLanguage(language)
        let w = words
        var heading = "\(w.title) \(fromName) → \(toName)"
        if fromName != diff.fromDate.description || toName != diff.toDate.description {
            heading += " (\(diff.fromDate) → \(diff.toDate))"
        }
        var out = markdown ? "## \(heading)\n" : heading + "\n"
        let groups = groups(diff)
        if groups.isEmpty { return out + (markdown ? "\n" : "") + w.none + "\n" }
        for (title, changes) in groups {
            out += markdown ? "\n### \(title)\n\n" : "\n\(title):\n"
            for change in changes {
                let node = w.nodes[change.node] ?? change.node.rawValue
                var line = markdown ? "- \(node) `\(change.ref)` \(escape(change.title))" : "  \(node) \(change.ref) — \(change.title)"
                if change.kind == .status, let from = change.from, let to = change.to {
                    let fromColour = StatusColour(rawValue: from).map(labels.name) ?? from
                    let toColour = StatusColour(rawValue: to).map(labels.name) ?? to
                    line += markdown ? ": \(emoji(from)) \(fromColour) → \(emoji(to)) \(toColour)" : ": \(fromColour) → \(toColour)"
                }
                out += line + "\n"
            }
        }
        return out
    }

    func emoji(_ colour: String) -> String {
        switch StatusColour(rawValue: colour) {
        case .green: "🟢"
        case .yellow: "🟡"
        case .red: "🔴"
        default: "⚪"
        }
    }

    func escape(_ text: String) -> String {
        MarkdownRenderer().escape(text)
    }

    func json(_ diff: StatusDiff) -> String {
        var json = JSONWriter(output: OutputBuffer())
        json.beginObject()
        json.key("changes")
        json.beginArray()
        for change in diff.changes {
            json.stringObject(["change": change.kind.rawValue, "from": change.from, "node": change.node.rawValue,
                               "ref": change.ref, "title": change.title, "to": change.to])
        }
        json.endArray()
        json.key("from"); side(fromName, diff.fromDate, &json)
        json.key("to"); side(toName, diff.toDate, &json)
        json.endObject()
        return String(decoding: json.finish().bytes, as: UTF8.self)
    }

    func side(_ name: String, _ date: PlanDate, _ json: inout JSONWriter) {
        json.beginObject()
        json.key("asOf"); json.string(date.description)
        json.key("name"); json.string(name)
        json.endObject()
    }
}
