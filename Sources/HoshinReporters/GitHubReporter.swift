import HoshinModel
import HoshinRepository

/// GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` a
/// diagnostic, so findings land as annotations on the pull request's diff.
public struct GitHubReporter: DiagnosticReporter {
    /// Creates the reporter.
    public init() {}

    public func render(_ result: ValidationResult) -> String {
        var out = ""
        for diagnostic in result.diagnostics {
            let command: String = switch diagnostic.severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "notice"
            }
            let properties = [
                ("file", diagnostic.file),
                ("line", String(diagnostic.start.line)),
                ("col", String(diagnostic.start.column)),
                ("endLine", String(diagnostic.end.line)),
                ("endColumn", String(diagnostic.end.column)),
                ("title", diagnostic.rule),
            ].map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
            out += "::\(command) \(properties)::\(Self.escapeData(diagnostic.message))\n"
        }
        return out
    }

    /// Escapes a message: `%`, `\r`, `\n`.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Escapes a property value: as a message, and also `:` and `,`.
    public static func escapeProperty(_ text: String) -> String {
        var out = ""
        for character in escapeData(text).unicodeScalars {
            switch character {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
