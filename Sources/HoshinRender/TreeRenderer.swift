import HoshinModel
import HoshinText
import HoshinRollup
import HoshinVariation

/// The cascaded status tree for a terminal: box drawing and a coloured shape per status
/// (● green, ▲ yellow, ■ red, ○ grey, so that colour is never the only sign), or plain
/// ASCII with status letters when piped or `NO_COLOR` is set. With a width, long lines
/// wrap under their own indentation.
public struct TreeRenderer: StatusRenderer {
    /// How the tree is drawn.
    public enum Style: Sendable {
        /// Colour and Unicode box drawing.
        case terminal
        /// No escape codes; ASCII branches and a letter per status.
        case plain
    }

    /// The drawing style.
    public let style: Style

    /// The terminal's width in columns to wrap long lines at, or nil not to wrap.
    public let width: Int?

    /// Creates a tree renderer.
    public init(style: Style, width: Int? = nil) {
        self.style = style
        self.width = width.map { max($0, 40) }
    }

    struct Line {
        let text: String
        let children: [Line]
    }

    public func render(_ tree: StatusTree) -> String {
        let labels = Labels.forLanguage(tree.language)
        let ansi = ANSIStyle(enabled: style == .terminal)
        var header = "\(labels.asOf) \(tree.asOf) · \(tree.period)"
        if let organisation = tree.organisation { header = "\(organisation) · " + header }
        var out = wrapped(ansi.bold(header))
        let root = unitLine(tree.root, labels: labels, ansi: ansi)
        emit(root, first: "", hanging: root.children.isEmpty ? "" : (style == .terminal ? "│  " : "|   "), into: &out)
        draw(root.children, prefix: "", into: &out)
        out += "\n" + wrapped(style == .plain ? labels.legend : legend(labels, ansi: ansi))
        out += wrapped(ansi.dim(ReadingWords.forLanguage(tree.language).percentLegend))
        out += ProblemsSection.text(tree.problems, language: tree.language)
        return out
    }

    func legend(_ labels: Labels, ansi: ANSIStyle) -> String {
        let parts = [StatusColour.green, .yellow, .red, .grey].map { "\(dot($0, ansi: ansi)) \(labels.name($0))" }
        return ansi.dim(parts.joined(separator: "  "))
    }

    func draw(_ lines: [Line], prefix: String, into out: inout String) {
        for (index, line) in lines.enumerated() {
            let last = index == lines.count - 1
            let branch = style == .terminal ? (last ? "└─ " : "├─ ") : (last ? "`-- " : "|-- ")
            let continuation = style == .terminal ? (last ? "   " : "│  ") : (last ? "    " : "|   ")
            let below = line.children.isEmpty ? "   " : (style == .terminal ? "│  " : "|   ")
            emit(line, first: prefix + branch, hanging: prefix + continuation + below, into: &out)
            draw(line.children, prefix: prefix + continuation, into: &out)
        }
    }

    /// A line outside the tree (the legend), wrapped at `width` when there is one.
    func wrapped(_ text: String) -> String {
        guard let width else { return text + "\n" }
        return TerminalWrap.wrap(text, first: "", hanging: "", width: width).map { $0 + "\n" }.joined()
    }

    /// One line of the tree, wrapped at `width` with `hanging` before each further line.
    func emit(_ line: Line, first: String, hanging: String, into out: inout String) {
        guard let width else {
            out += first + line.text + "\n"
            return
        }
        for part in TerminalWrap.wrap(line.text, first: first, hanging: hanging, width: width) { out += part + "\n" }
    }

    func dot(_ colour: StatusColour, ansi: ANSIStyle) -> String {
        guard style == .terminal else { return "[\(Display.letter(colour))]" }
        switch colour {
        case .green: return ansi.colour("●", "32")
        case .yellow: return ansi.colour("▲", "33")
        case .red: return ansi.colour("■", "31")
        case .grey: return ansi.colour("○", "90")
        }
    }

    func unitLine(_ unit: UnitStatus, labels: Labels, ansi: ANSIStyle) -> Line {
        let text = "\(dot(unit.figure.status, ansi: ansi)) \(ansi.bold(unit.name)) \(Display.percent(unit.figure.score))"
        let children = unit.goals.map { goalLine($0, labels: labels, ansi: ansi) }
            + unit.units.map { unitLine($0, labels: labels, ansi: ansi) }
        return Line(text: text, children: children)
    }

    func goalLine(_ goal: GoalStatus, labels: Labels, ansi: ANSIStyle) -> Line {
        var text = "\(dot(goal.figure.status, ansi: ansi)) \(labels.goal): \(goal.title) \(Display.percent(goal.figure.score))"
        text += ansi.dim(" · \(labels.result) ") + "\(dot(goal.result.status, ansi: ansi)) \(Display.percent(goal.result.score))"
        text += ansi.dim(" · \(labels.execution) ") + "\(dot(goal.execution.status, ansi: ansi)) \(Display.percent(goal.execution.score))"
        if let assessment = goal.assessment, assessment.status != goal.figure.status {
            text += " " + flag("⚑", "\(labels.assessment): \(labels.name(assessment.status))", code: "35", ansi: ansi)
        }
        var children = goal.indicators.map { indicatorLine($0, labels: labels, ansi: ansi) }
        children += goal.successFactors.map { factor in
            Line(text: "\(dot(factor.figure.status, ansi: ansi)) \(factor.title) \(Display.percent(factor.figure.score))",
                 children: factor.activities.map { activityLine($0, labels: labels, ansi: ansi) })
        }
        children += goal.activities.map { activityLine($0, labels: labels, ansi: ansi) }
        return Line(text: text, children: children)
    }

    func indicatorLine(_ indicator: IndicatorStatus, labels: Labels, ansi: ANSIStyle) -> Line {
        var text = "\(dot(indicator.status, ansi: ansi)) \(indicator.title): "
        if let value = indicator.value, let period = indicator.period {
            text += "\(labels.value(value, unit: indicator.unit)) "
            text += ansi.dim("(\(labels.target) \(labels.value(indicator.target, unit: indicator.unit)), \(period))")
        } else {
            text += ansi.dim(labels.noData)
        }
        switch indicator.spc.variation {
        case .improving, .deteriorating:
            let variation = indicator.spc.variation
            text += " " + (style == .terminal
                ? ansi.colour("\(variation == .improving ? "↑" : "↓") \(labels.name(variation))", variation == .improving ? "36" : "35")
                : "(\(labels.specialCause): \(labels.shortName(variation)))")
        default: break
        }
        if let assurance = indicator.spc.assurance {
            let review = labels.review
            text += " " + (style == .terminal
                ? ansi.colour("\(Display.assuranceSymbol(assurance)) \(review.name(assurance))", assurance == .fail ? "31" : "2")
                : "(\(review.assurance.lowercased()): \(review.name(assurance)))")
        }
        if indicator.missingCountermeasure != nil {
            text += " " + flag("⚠", labels.review.missingCountermeasure.lowercased(), code: "31", ansi: ansi)
        }
        return Line(text: text, children: [])
    }

    func activityLine(_ activity: ActivityStatus, labels: Labels, ansi: ANSIStyle) -> Line {
        var text = "\(dot(activity.status, ansi: ansi)) \(activity.title)"
        var state = labels.name(activity.state)
        if let progress = activity.progress, activity.state != .cancelled {
            state += " \(labels.number(progress)) %"
        }
        text += ansi.dim(" · \(state)")
        if activity.overdue { text += " " + flag(ReadingWords.overdueMark, labels.overdue, code: "31", ansi: ansi) }
        if activity.stale { text += " " + flag(ReadingWords.staleMark, labels.stale, code: "33", ansi: ansi) }
        return Line(text: text, children: [])
    }

    /// A marked flag: a symbol in colour on a terminal, "(text)" in plain output.
    func flag(_ symbol: String, _ text: String, code: String, ansi: ANSIStyle) -> String {
        style == .terminal ? ansi.colour("\(symbol) \(text)", code) : "(\(text))"
    }
}

