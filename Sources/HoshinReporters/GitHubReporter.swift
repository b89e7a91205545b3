import HoshinModel
import HoshinOutput
import HoshinRepository
import HoshinText

/// GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` a
/// diagnostic, so findings land as annotations on the pull request's diff.
public struct GitHubReporter: DiagnosticReporter {
    /// Turns a diagnostic's file into a path relative to the git repository root, where
    /// GitHub attaches annotations.
    public let relativize: @Sendable (String) -> String

    /// Creates the reporter.
    public init(relativize: @escaping @Sendable (String) -> String = { $0 }) {
        self.relativize = relativize
    }

    public func write(_ result: ValidationResult, to out: inout OutputBuffer) {
        var files: [String: String] = [:]   // one file, many diagnostics: relativize and escape once
        for diagnostic in result.diagnostics {
            let file = files[diagnostic.file] ?? Self.escapeProperty(relativize(diagnostic.file))
            files[diagnostic.file] = file
            let command: String = switch diagnostic.severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "notice"
            }
            let properties = "file=\(file)," + [
                ("line", String(diagnostic.start.line)),
                ("col", String(diagnostic.start.column)),
                ("endLine", String(diagnostic.end.line)),
                ("endColumn", String(diagnostic.end.column)),
                ("title", diagnostic.rule),
            ].map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
            out.write("::\(command) \(properties)::\(Self.escapeData(diagnostic.message))\n")
        }
    }

    /// Escapes a message: `%`, `\r`, `\n`; other control characters and ANSI escapes
    /// are shown as `\u{1B}` so that they never reach the log raw.
    public static func escapeData(_ text: String) -> String { Escape.gitHubCommand(text) }

    /// Escapes a property value: as a message, and also `:` and `,`.
    public static func escapeProperty(_ text: String) -> String { Escape.gitHubCommand(text, property: true) }
}
