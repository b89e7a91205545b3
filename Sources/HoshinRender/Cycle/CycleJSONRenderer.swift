import HoshinOutput
import HoshinRollup

/// `{"period", "deadline", "asOf", "units": [{"id", "name", "state", "expected", "reported", "missing", "reporters"}]}`,
/// keys sorted, through the one JSON writer.
public struct CycleJSONRenderer: CycleRenderer {
    /// Creates the renderer.
    public init() {}

    public func render(_ cycle: ReportingCycle) -> String {
        var json = JSONWriter(output: OutputBuffer())
        json.beginObject()
        json.key("asOf"); json.string(cycle.asOf.description)
        json.key("deadline"); json.string(cycle.deadline.description)
        json.key("period"); json.string(cycle.period.description)
        json.key("units"); json.beginArray()
        for unit in cycle.units {
            json.beginObject()
            json.key("expected"); json.integer(unit.expected)
            json.key("id"); json.string(unit.id)
            json.key("missing"); strings(unit.missing, &json)
            json.key("name"); json.string(unit.name)
            json.key("reported"); json.integer(unit.reported)
            json.key("reporters"); strings(unit.reporters, &json)
            json.key("state"); json.string(unit.state.rawValue)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return String(decoding: json.finish().bytes, as: UTF8.self)
    }

    func strings(_ list: [String], _ json: inout JSONWriter) {
        json.beginArray()
        for item in list { json.string(item) }
        json.endArray()
    }
}
