import ArgumentParser
import Foundation
import HoshinModel
import HoshinOutput
import HoshinReporters
import HoshinRepository
import HoshinText

/// How commands that need a valid repository report one that is not.
enum ValidationGate {
    /// The repository when it has no errors; otherwise its errors go to stderr as
    /// `validate` prints them, and the command exits 1.
    static func repository(_ result: ValidationResult, heading: String? = nil) throws -> PlanRepository {
        guard result.errorCount == 0, let repository = result.repository else {
            reportErrors(result, heading: heading)
            throw ExitCode(1)
        }
        return repository
    }

    /// Writes a result's errors to stderr in `validate`'s text format.
    static func reportErrors(_ result: ValidationResult, heading: String? = nil) {
        var out = OutputBuffer(streamingTo: STDERR_FILENO)
        if let heading { out.write("\(Catalogue.translate(heading, to: result.language)):\n") }
        TextReporter(colour: Terminal.stderrSupportsColour).write(result.errorsOnly, to: &out)
        out.flush()
    }

    /// Writes one `file:line:col: error: message [rule]` line per diagnostic to stderr.
    static func writeLines(_ diagnostics: [Diagnostic]) {
        let language = RunLanguage.current
        Terminal.writeError(diagnostics.map {
            "\(PrintableText.escaped($0.file)):\($0.start.line):\($0.start.column): error: \(PrintableText.escaped(Catalogue.translate($0.message, to: language))) [\($0.rule)]\n"
        }.joined())
    }
}
