import HoshinRollup

/// `{"period", "deadline", "asOf", "units": [{"id", "name", "state", "expected", "reported", "missing", "reporters"}]}`.
public struct CycleJSONRenderer: CycleRenderer {
    /// Creates the renderer.
    public init() {}

    public func render(_ cycle: ReportingCycle) -> String {
        let units: [JSONValue] = cycle.units.map { unit in
            .object([
                "id": .string(unit.id),
                "name": .string(unit.name),
                "state": .string(unit.state.rawValue),
                "expected": .integer(unit.expected),
                "reported": .integer(unit.reported),
                "missing": .array(unit.missing.map(JSONValue.string)),
                "reporters": .array(unit.reporters.map(JSONValue.string)),
            ])
        }
        return JSONValue.object([
            "period": .string(cycle.period.description),
            "deadline": .string(cycle.deadline.description),
            "asOf": .string(cycle.asOf.description),
            "units": .array(units),
        ]).serialized()
    }
}
