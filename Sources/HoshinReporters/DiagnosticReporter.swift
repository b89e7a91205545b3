import HoshinModel
import HoshinOutput
import HoshinRepository

/// Turns a validation result into text in one output format.
///
/// Reporters write diagnostic by diagnostic into a stream (an `OutputBuffer` streaming to stdout),
/// so the output is never held whole in memory.
public protocol DiagnosticReporter: Sendable {
    /// Writes the whole output, ending in a newline (streamed when `out` streams).
    func write(_ result: ValidationResult, to out: inout OutputBuffer)
}

extension DiagnosticReporter {
    /// The whole output as one string (for tests and small results).
    public func render(_ result: ValidationResult) -> String {
        var out = OutputBuffer()
        write(result, to: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

/// The formats `hoshin validate --format` offers.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, json, github, sarif, junit

    /// The reporter for this format; `colour` only matters for text, `version` only for
    /// SARIF, `relativize` (file → path from the git repository root) for SARIF and
    /// GitHub, `strict` (warnings are failures) for JUnit.
    public func reporter(colour: Bool, version: String = "0.0.0", strict: Bool = false,
                         relativize: @escaping @Sendable (String) -> String = { $0 }) -> any DiagnosticReporter {
        switch self {
        case .text: TextReporter(colour: colour)
        case .json: JSONReporter()
        case .github: GitHubReporter(relativize: relativize)
        case .sarif: SARIFReporter(version: version, relativize: relativize)
        case .junit: JUnitReporter(strict: strict)
        }
    }
}
