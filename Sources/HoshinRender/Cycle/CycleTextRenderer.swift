import HoshinRollup

/// Plain text: a heading line, then one line a unit indented by depth, with what is missing below it.
public struct CycleTextRenderer: CycleRenderer {
    /// Creates the renderer.
    public init() {}

    public func render(_ cycle: ReportingCycle) -> String {
        let labels = CycleLabels.forLanguage(cycle.language)
        var out = "\(labels.title) \(cycle.period) · \(labels.deadline) \(cycle.deadline) · \(labels.asOf) \(cycle.asOf)\n"
        if cycle.units.isEmpty { return out + labels.noUnits + "\n" }
        out += "\n"
        for unit in cycle.units {
            let indent = String(repeating: "  ", count: unit.depth)
            out += "\(indent)\(unit.id) (\(unit.name)): \(labels.name(unit.state)), "
            out += "\(unit.reported) \(labels.of) \(unit.expected) \(labels.reported)\n"
            if !unit.missing.isEmpty {
                out += "\(indent)  \(labels.missing): \(unit.missing.joined(separator: ", "))\n"
                if !unit.reporters.isEmpty {
                    out += "\(indent)  \(labels.reporters): \(unit.reporters.joined(separator: ", "))\n"
                }
            }
        }
        let counts = CycleState.allCases.map { state in
            "\(labels.name(state)): \(cycle.units.filter { $0.state == state }.count)"
        }
        return out + "\n" + counts.joined(separator: " · ") + "\n"
    }
}
