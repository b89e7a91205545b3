import HoshinModel
import HoshinRepository

/// Turns a validation result into text in one output format.
public protocol DiagnosticReporter: Sendable {
    /// The whole output, ending in a newline.
    func render(_ result: ValidationResult) -> String
}

/// The formats `hoshin validate --format` offers.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, json

    /// The reporter for this format; `colour` only matters for text.
    public func reporter(colour: Bool) -> any DiagnosticReporter {
        switch self {
        case .text: TextReporter(colour: colour)
        case .json: JSONReporter()
        }
    }
}
