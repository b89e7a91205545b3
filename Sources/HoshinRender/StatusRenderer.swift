import HoshinModel
import HoshinOutput
import HoshinText
import HoshinRollup
import HoshinVariation

/// Turns a status tree into one output format.
public protocol StatusRenderer: Sendable {
    /// The whole output.
    func render(_ tree: StatusTree) -> String

    /// Appends the output to `output` (streamed when `output` streams).
    func write(_ tree: StatusTree, to output: inout OutputBuffer)
}

extension StatusRenderer {
    /// Appends `render(tree)`: renderers without a streaming form.
    public func write(_ tree: StatusTree, to output: inout OutputBuffer) {
        output.append(render(tree))
    }
}

/// The formats `hoshin status --format` offers.
public enum StatusFormat: String, Sendable, CaseIterable {
    case tree, json, markdown, csv, html

    /// The renderer; `terminal` turns on colour and Unicode box drawing for `tree`, and
    /// `width` wraps the tree's long lines at that many columns.
    public func renderer(terminal: Bool, width: Int? = nil) -> any StatusRenderer {
        switch self {
        case .tree: TreeRenderer(style: terminal ? .terminal : .plain, width: width)
        case .json: JSONStatusRenderer()
        case .markdown: MarkdownRenderer()
        case .csv: CSVRenderer()
        case .html: HTMLRenderer()
        }
    }
}

/// Number formatting shared by the renderers (display only; scores stay exact).
public enum Display {
    /// A score as a whole percentage, or "–" for grey.
    public static func percent(_ score: Double?) -> String {
        guard let score else { return "–" }
        return "\(Int((score * 100).rounded())) %"
    }

    /// A measured value: two decimals below 10, one from 10, trailing zeros dropped.
    public static func number(_ value: Double) -> String { NumberText.plain(value) }

    /// A value with its unit: "6.1 %", "29 dagar".
    public static func value(_ value: Double?, unit: String?) -> String {
        guard let value else { return "–" }
        guard let unit, !unit.isEmpty else { return number(value) }
        return "\(number(value)) \(unit)"
    }

    /// A symbol for an assurance: ✓ pass, ✗ fail, ~ hit and miss.
    public static func assuranceSymbol(_ assurance: Assurance) -> String {
        switch assurance {
        case .pass: "✓"
        case .fail: "✗"
        case .inconsistent: "~"
        }
    }

    /// One letter per colour, so that status reads without colour too.
    public static func letter(_ colour: StatusColour) -> String {
        switch colour {
        case .green: "G"
        case .yellow: "Y"
        case .red: "R"
        case .grey: "-"
        }
    }
}
