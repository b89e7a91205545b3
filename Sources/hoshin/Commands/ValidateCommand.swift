import ArgumentParser
import Foundation
import HoshinOutput
import HoshinRepository
import HoshinReporters

extension DiagnosticFormat: ExpressibleByArgument {}

/// `hoshin validate`: every problem of a repository, with file, line, column and rule.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a plan repository and report every problem.",
        discussion: "Exit code 0: no errors; 1: errors (or warnings with --strict); 2: could not run.")

    @OptionGroup var repository: RepositoryOptions

    @Option(help: "Output format: \(DiagnosticFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: DiagnosticFormat = .text

    @Flag(help: "Treat warnings as errors for the exit code.")
    var strict = false

    func run() throws {
        let result = try RepositoryLoader().load(folder: repository.directory, asOf: repository.date)
        let reporter = format.reporter(colour: Terminal.stdoutSupportsColour, version: HoshinVersion.current,
                                       relativize: RepositoryRoot.relativizer())
        var buffer = OutputBuffer(streamingTo: STDOUT_FILENO)
        reporter.write(result, to: &buffer)
        buffer.flush()
        // The process ends here: exiting directly skips tearing down the loaded
        // repository, which costs as much as a tenth of the run on a large one.
        Foundation.exit(result.errorCount > 0 || (strict && result.warningCount > 0) ? 1 : 0)
    }
}
