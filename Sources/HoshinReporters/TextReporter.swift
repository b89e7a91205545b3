import HoshinModel
import HoshinOutput
import HoshinRepository
import HoshinText
import HoshinYAML

/// Compiler-style text: `file:line:col: severity: message [rule]`, the source line and a caret.
public struct TextReporter: DiagnosticReporter {
    /// Whether to use ANSI colour.
    public let colour: Bool

    /// Creates a text reporter.
    public init(colour: Bool) {
        self.colour = colour
    }

    public func write(_ result: ValidationResult, to out: inout OutputBuffer) {
        let style = ANSIStyle(enabled: colour)
        var reread: [String: SourceText] = [:]
        for diagnostic in result.diagnostics {
            let where_ = "\(PrintableText.escaped(diagnostic.file)):\(diagnostic.start.line):\(diagnostic.start.column):"
            let severity = diagnostic.severity.rawValue + ":"
            let coloured: String = switch diagnostic.severity {
            case .error: style.red(severity)
            case .warning: style.yellow(severity)
            case .info: style.cyan(severity)
            }
            out.write("\(style.bold(where_)) \(coloured) \(PrintableText.escaped(diagnostic.message)) \(style.dim("[\(diagnostic.rule)]"))\n")
            // No excerpt from a file that is not UTF-8 text (UTF-16, binary): the message says so.
            if let source = Self.text(of: diagnostic.file, in: result, reread: &reread), !source.bytes.isEmpty,
               source.firstNULOffset == nil, source.firstInvalidUTF8Offset == nil {
                out.write(excerpt(diagnostic, source: source, style: style))
            }
        }
        out.write(Catalogue.translate(summary(result), to: result.language) + "\n")
    }

    /// A file's text for excerpts: as loaded, or, when the load kept only positions
    /// (`RepositoryLoader.dropsSourceBytes`), read again once, if it has not changed size.
    static func text(of file: String, in result: ValidationResult, reread: inout [String: SourceText]) -> SourceText? {
        guard let source = result.sources[file] else { return nil }
        guard source.hasDroppedBytes else { return source }
        if let known = reread[file] { return known }
        var again: SourceText?
        if let bytes = RepositoryLoader.fileBytes(at: file), bytes.count == source.byteCount {
            again = SourceText(bytes: bytes)
        }
        reread[file] = again ?? source
        return again
    }

    /// At most this many characters of the source line are shown on each side of the node's start.
    static let excerptReach = 100

    /// The source line under a diagnostic, cut to about 200 characters around the node
    /// (with `…` where it is cut), unsafe characters escaped, and a caret line under the node.
    ///
    /// Works from the node's byte offset outwards, so it costs the same whatever the
    /// length of the line.
    func excerpt(_ diagnostic: Diagnostic, source: SourceText, style: ANSIStyle) -> String {
        let bytes = source.bytes
        let lineRange = source.lineRange(diagnostic.start.line - 1)
        let nodeStart = max(lineRange.lowerBound, min(diagnostic.range.start, lineRange.upperBound))
        let nodeEnd = max(nodeStart, min(diagnostic.range.end, lineRange.upperBound))
        var from = nodeStart
        var steps = 0
        while from > lineRange.lowerBound, steps < Self.excerptReach {
            from -= 1
            while from > lineRange.lowerBound, bytes[from] & 0xC0 == 0x80 { from -= 1 }
            steps += 1
        }
        var to = nodeStart
        steps = 0
        while to < lineRange.upperBound, steps < Self.excerptReach {
            to += 1
            while to < lineRange.upperBound, bytes[to] & 0xC0 == 0x80 { to += 1 }
            steps += 1
        }
        var shown = from > lineRange.lowerBound ? "…" : ""
        var pad = shown.count
        var width = 0
        let before = String(decoding: bytes[from..<nodeStart], as: UTF8.self)
        let node = String(decoding: bytes[nodeStart..<min(nodeEnd, to)], as: UTF8.self)
        let after = String(decoding: bytes[min(nodeEnd, to)..<to], as: UTF8.self)
        func append(_ text: String, counting count: inout Int) {
            if !text.unicodeScalars.contains(where: { $0 == "\t" || PrintableText.isUnsafe($0) }) {
                shown += text
                count += text.unicodeScalars.count
                return
            }
            for scalar in text.unicodeScalars {
                let piece = scalar == "\t" ? " " : PrintableText.isUnsafe(scalar) ? PrintableText.escape(scalar) : String(scalar)
                shown += piece
                count += piece.unicodeScalars.count
            }
        }
        append(before, counting: &pad)
        append(node, counting: &width)
        var ignored = 0
        append(after, counting: &ignored)
        if to < lineRange.upperBound { shown += "…" }
        let number = String(diagnostic.start.line)
        let gutter = String(repeating: Character(" "), count: number.count)
        let marker = "^" + String(repeating: Character("~"), count: max(0, width - 1))
        let spaces = String(repeating: Character(" "), count: pad)
        return " \(style.dim(number + " |")) \(shown)\n \(style.dim(gutter + " |")) \(spaces)\(style.green(marker))\n"
    }

    func summary(_ result: ValidationResult) -> String {
        let files = result.fileCount == 1 ? "1 file" : "\(result.fileCount) files"
        if result.diagnostics.isEmpty { return "\(files) checked: no problems" }
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(files) checked: \(count(result.errorCount, "error")), \(count(result.warningCount, "warning")), \(count(result.infoCount, "info"))"
    }
}

