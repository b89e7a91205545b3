import HoshinRollup

/// One row a unit (RFC 4180, UTF-8); `missing` and `reporters` are space-separated lists.
public struct CycleCSVRenderer: CycleRenderer {
    /// Creates the renderer.
    public init() {}

    static let header = ["period", "deadline", "asOf", "unit", "name", "state", "expected", "reported", "missing",
                         "reporters"]

    public func render(_ cycle: ReportingCycle) -> String {
        var rows: [[String]] = [Self.header]
        for unit in cycle.units {
            rows.append([cycle.period.description, cycle.deadline.description, cycle.asOf.description, unit.id,
                         unit.name, unit.state.rawValue, String(unit.expected), String(unit.reported),
                         unit.missing.joined(separator: " "), unit.reporters.joined(separator: " ")])
        }
        return rows.map { $0.map(CSVRenderer.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
