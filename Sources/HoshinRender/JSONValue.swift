import HoshinOutput

/// A JSON value written with sorted keys and stable number formatting.
public indirect enum JSONValue: Sendable, Equatable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null

    /// A number, or null when absent or not finite.
    public static func number(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    /// A string, or null when absent.
    public static func string(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// Pretty-printed text with two-space indentation and a final newline (keys sorted),
    /// written by the one `JSONWriter`.
    public func serialized() -> String {
        var json = JSONWriter(output: OutputBuffer())
        write(to: &json)
        return String(decoding: json.finish().bytes, as: UTF8.self)
    }

    /// Writes the value, object keys in sorted order.
    public func write(to json: inout JSONWriter) {
        switch self {
        case .object(let members):
            json.beginObject()
            for key in members.keys.sorted() {
                json.key(escaping: key)
                members[key]!.write(to: &json)
            }
            json.endObject()
        case .array(let items):
            json.beginArray()
            for item in items { item.write(to: &json) }
            json.endArray()
        case .string(let text): json.string(text)
        case .number(let value): json.number(value)
        case .integer(let value): json.integer(value)
        case .bool(let value): json.bool(value)
        case .null: json.null()
        }
    }
}
