import HoshinModel
import HoshinRepository
import HoshinText

/// Compiler-style text: `file:line:col: severity: message [rule]`, the source line and a caret.
public struct TextReporter: DiagnosticReporter {
    /// Whether to use ANSI colour.
    public let colour: Bool

    /// Creates a text reporter.
    public init(colour: Bool) {
        self.colour = colour
    }

    public func render(_ result: ValidationResult) -> String {
        let style = ANSIStyle(enabled: colour)
        var out = ""
        for diagnostic in result.diagnostics {
            let where_ = "\(diagnostic.file):\(diagnostic.start.line):\(diagnostic.start.column):"
            let severity = diagnostic.severity.rawValue + ":"
            let coloured: String = switch diagnostic.severity {
            case .error: style.red(severity)
            case .warning: style.yellow(severity)
            case .info: style.cyan(severity)
            }
            out += "\(style.bold(where_)) \(coloured) \(diagnostic.message) \(style.dim("[\(diagnostic.rule)]"))\n"
            if let source = result.sources[diagnostic.file], !source.bytes.isEmpty {
                out += excerpt(diagnostic, line: source.lineText(diagnostic.start.line), style: style)
            }
        }
        out += Catalogue.translate(summary(result), to: result.language) + "\n"
        return out
    }

    func excerpt(_ diagnostic: Diagnostic, line: String, style: ANSIStyle) -> String {
        let number = String(diagnostic.start.line)
        let gutter = String(repeating: " ", count: number.count)
        let shown = String(line.map { $0 == "\t" ? " " : $0 })
        let lineLength = shown.unicodeScalars.count
        let startColumn = min(diagnostic.start.column, lineLength + 1)
        var endColumn = diagnostic.end.line == diagnostic.start.line ? diagnostic.end.column : lineLength + 1
        endColumn = max(endColumn, startColumn + 1)
        let width = max(1, min(endColumn, max(lineLength + 1, startColumn + 1)) - startColumn)
        let marker = "^" + String(repeating: "~", count: max(0, width - 1))
        let pad = String(repeating: " ", count: startColumn - 1)
        return " \(style.dim(number + " |")) \(shown)\n \(style.dim(gutter + " |")) \(pad)\(style.green(marker))\n"
    }

    func summary(_ result: ValidationResult) -> String {
        let files = result.fileCount == 1 ? "1 file" : "\(result.fileCount) files"
        if result.diagnostics.isEmpty { return "\(files) checked: no problems" }
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(files) checked: \(count(result.errorCount, "error")), \(count(result.warningCount, "warning")), \(count(result.infoCount, "info"))"
    }
}

/// ANSI colour codes that vanish when colour is off.
public struct ANSIStyle: Sendable {
    /// Whether codes are emitted.
    public let enabled: Bool

    /// Creates a style.
    public init(enabled: Bool) {
        self.enabled = enabled
    }

    func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Bold text.
    public func bold(_ text: String) -> String { wrap(text, "1") }
    /// Dim text.
    public func dim(_ text: String) -> String { wrap(text, "2") }
    /// Red text.
    public func red(_ text: String) -> String { wrap(text, "1;31") }
    /// Yellow text.
    public func yellow(_ text: String) -> String { wrap(text, "1;33") }
    /// Green text.
    public func green(_ text: String) -> String { wrap(text, "32") }
    /// Cyan text.
    public func cyan(_ text: String) -> String { wrap(text, "1;36") }
    /// Grey text.
    public func grey(_ text: String) -> String { wrap(text, "90") }
}
