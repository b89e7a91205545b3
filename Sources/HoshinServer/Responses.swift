import HTTPTypes
import Hummingbird
import HoshinModel
import HoshinRender

/// Building responses: HTML pages and JSON bodies.
enum Responses {
    static func html(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ status: HTTPResponse.Status, _ value: JSONValue) -> Response {
        json(status, text: value.serialized())
    }

    static func html(_ status: HTTPResponse.Status, buffer: ByteBuffer) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: buffer))
    }

    static func json(_ status: HTTPResponse.Status, buffer: ByteBuffer) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: buffer))
    }

    static func json(_ status: HTTPResponse.Status, text: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// `{"error": message}` with a status.
    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        json(status, .object(["error": .string(message)]))
    }

    /// A §6 diagnostic as JSON.
    static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            "file": .string(diagnostic.file), "line": .integer(diagnostic.start.line),
            "column": .integer(diagnostic.start.column), "endLine": .integer(diagnostic.end.line),
            "endColumn": .integer(diagnostic.end.column), "severity": .string(diagnostic.severity.rawValue),
            "rule": .string(diagnostic.rule), "message": .string(diagnostic.message),
        ])
    }

    static func see(other location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
