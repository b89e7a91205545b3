import Foundation
import HoshinRollup

/// A heading and one table row a unit, for an issue or a pull-request comment.
public struct CycleMarkdownRenderer: CycleRenderer {
    /// Creates the renderer.
    public init() {}

    public func render(_ cycle: ReportingCycle) -> String {
        let labels = CycleLabels.forLanguage(cycle.language)
        var out = "## \(labels.title) \(cycle.period)\n\n"
        out += "\(labels.deadline.capitalisedFirst) \(cycle.deadline) · \(labels.asOf) \(cycle.asOf)\n\n"
        if cycle.units.isEmpty { return out + labels.noUnits + "\n" }
        out += "| \(labels.unit) | \(labels.state) | \(labels.reportedHeading) | \(labels.missing.capitalisedFirst) | \(labels.reporters.capitalisedFirst) |\n"
        out += "| --- | --- | --- | --- | --- |\n"
        for unit in cycle.units {
            let name = String(repeating: "\u{A0}\u{A0}", count: unit.depth) + Self.cell("\(unit.id) (\(unit.name))")
            let missing = unit.missing.map { "`\($0)`" }.joined(separator: ", ")
            let reporters = Self.cell(unit.reporters.joined(separator: ", "))
            out += "| \(name) | \(labels.name(unit.state)) | \(unit.reported) \(labels.of) \(unit.expected) | \(missing) | \(reporters) |\n"
        }
        return out
    }

    /// Text safe in a table cell: pipes escaped, line breaks as spaces.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
    }
}
