import Foundation

/// A JSON value read from a request body, with numbers, strings, booleans and null kept apart.
enum JSONInput: Decodable, Equatable {
    case object([String: JSONInput])
    case array([JSONInput])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null; return }
        if let value = try? container.decode(Bool.self) { self = .bool(value); return }
        if let value = try? container.decode(Double.self) { self = .number(value); return }
        if let value = try? container.decode(String.self) { self = .string(value); return }
        if let value = try? container.decode([String: JSONInput].self) { self = .object(value); return }
        self = .array(try container.decode([JSONInput].self))
    }

    /// Parses a body; nil when it is not JSON.
    static func parse(_ bytes: [UInt8]) -> JSONInput? {
        try? JSONDecoder().decode(JSONInput.self, from: Data(bytes))
    }

    var object: [String: JSONInput]? {
        if case .object(let members) = self { return members }
        return nil
    }
}

/// Why a body is malformed (400).
struct MalformedBody: Error {
    let message: String
}

/// Typed access to an object's members.
struct JSONFields {
    let members: [String: JSONInput]
    let allowed: Set<String>

    init(_ members: [String: JSONInput], allowed: Set<String>) throws {
        self.members = members
        self.allowed = allowed
        if let unknown = members.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw MalformedBody(message: "unknown field '\(unknown)'")
        }
    }

    /// A string member; absent (or null when `nullable`) gives nil.
    func string(_ key: String) throws -> String? {
        switch members[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw MalformedBody(message: "'\(key)' must be a string")
        }
    }

    func number(_ key: String) throws -> Double? {
        switch members[key] {
        case nil, .null?: return nil
        case .number(let value)?: return value
        default: throw MalformedBody(message: "'\(key)' must be a number")
        }
    }

    func has(_ key: String) -> Bool { members[key] != nil }
}
