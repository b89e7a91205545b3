import Foundation
import HoshinModel
import HoshinRepository

/// The JSON of spec §6: `{"diagnostics": [...], "summary": {...}}`, keys sorted.
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

    public func write<Out: TextOutputStream>(_ result: ValidationResult, to out: inout Out) {
        let diagnostics = result.diagnostics
        out.write("{\n  \"diagnostics\" : ")
        StreamedJSON.array(diagnostics.count, indent: 2, to: &out) { (index: Int) -> String in
            let d = diagnostics[index]
            return """
            {
                  "column" : \(d.start.column),
                  "endColumn" : \(d.end.column),
                  "endLine" : \(d.end.line),
                  "file" : \(JSONText.quoted(d.file)),
                  "line" : \(d.start.line),
                  "message" : \(JSONText.quoted(d.message)),
                  "rule" : \(JSONText.quoted(d.rule)),
                  "severity" : "\(d.severity.rawValue)"
                }
            """
        }
        let summary = Summary(files: result.fileCount, errors: result.errorCount,
                              warnings: result.warningCount, infos: result.infoCount)
        out.write(",\n  \"summary\" : " + StreamedJSON.value(summary, indent: 2, encoder: StreamedJSON.encoder()) + "\n}\n")
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
