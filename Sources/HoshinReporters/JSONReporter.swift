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

    public func render(_ result: ValidationResult) -> String {
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
