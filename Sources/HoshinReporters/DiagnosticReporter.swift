import HoshinModel
import HoshinOutput
import HoshinRepository

/// Turns a validation result into text in one output format.
public protocol DiagnosticReporter: Sendable {
    /// The whole output, ending in a newline.
    func render(_ result: ValidationResult) -> String

    /// Appends the output to `output` (streamed when `output` streams).
    func write(_ result: ValidationResult, to output: inout OutputBuffer)
}

extension DiagnosticReporter {
    /// Appends `render(result)`: reporters without a streaming form.
    public func write(_ result: ValidationResult, to output: inout OutputBuffer) {
        output.append(render(result))
    }
}

/// The formats `hoshin validate --format` offers.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, json, github, sarif, junit

    /// The reporter for this format; `colour` only matters for text, `version` and
    /// `relativize` (file → URI from the repository root) only for SARIF.
    public func reporter(colour: Bool, version: String = "0.0.0",
                         relativize: @escaping @Sendable (String) -> String = { $0 }) -> any DiagnosticReporter {
        switch self {
        case .text: TextReporter(colour: colour)
        case .json: JSONReporter()
        case .github: GitHubReporter()
        case .sarif: SARIFReporter(version: version, relativize: relativize)
        case .junit: JUnitReporter()
        }
    }
}
