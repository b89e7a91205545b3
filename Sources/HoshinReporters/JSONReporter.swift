import Foundation
import HoshinModel
import HoshinOutput
import HoshinRepository

/// The JSON of spec §6: `{"diagnostics": [...], "summary": {...}}`, keys sorted,
/// streamed in `JSONEncoder`'s pretty layout (the `Output` structs below are the same
/// document for `JSONEncoder`, which the tests compare against).
public struct JSONReporter: DiagnosticReporter {
    /// Creates a JSON reporter.
    public init() {}

    struct Output: Encodable {
        let diagnostics: [Entry]
        let summary: Summary
    }

    struct Entry: Encodable {
        let file: String
        let line: Int
        let column: Int
        let endLine: Int
        let endColumn: Int
        let severity: String
        let rule: String
        let message: String
    }

    struct Summary: Encodable {
        let files: Int
        let errors: Int
        let warnings: Int
        let infos: Int
    }

    public func write(_ result: ValidationResult, to output: inout OutputBuffer) {
        var json = JSONWriter(output: output, layout: .foundation)
        output = OutputBuffer() // the writer owns the bytes while it writes
        json.beginObject()
        json.key("diagnostics")
        json.beginArray()
        for diagnostic in result.diagnostics {
            json.beginObject()
            json.key("column"); json.integer(diagnostic.start.column)
            json.key("endColumn"); json.integer(diagnostic.end.column)
            json.key("endLine"); json.integer(diagnostic.end.line)
            json.key("file"); json.string(diagnostic.file)
            json.key("line"); json.integer(diagnostic.start.line)
            json.key("message"); json.string(diagnostic.message)
            json.key("rule"); json.string(diagnostic.rule)
            json.key("severity"); json.string(diagnostic.severity.rawValue)
            json.endObject()
        }
        json.endArray()
        json.key("summary")
        json.beginObject()
        json.key("errors"); json.integer(result.errorCount)
        json.key("files"); json.integer(result.fileCount)
        json.key("infos"); json.integer(result.infoCount)
        json.key("warnings"); json.integer(result.warningCount)
        json.endObject()
        json.endObject()
        output = json.finish()
    }

    /// The same document through `JSONEncoder` (sorted keys), for comparison in tests.
    func encoded(_ result: ValidationResult) -> String {
        let output = Output(
            diagnostics: result.diagnostics.map {
                Entry(file: $0.file, line: $0.start.line, column: $0.start.column, endLine: $0.end.line,
                      endColumn: $0.end.column, severity: $0.severity.rawValue, rule: $0.rule, message: $0.message)
            },
            summary: Summary(files: result.fileCount, errors: result.errorCount,
                             warnings: result.warningCount, infos: result.infoCount))
        return StableJSON.encode(output)
    }
}

/// JSON with sorted keys, unescaped slashes, two-space indentation and a final newline.
public enum StableJSON {
    /// Encodes a value; encoding plain structs cannot fail.
    public static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
