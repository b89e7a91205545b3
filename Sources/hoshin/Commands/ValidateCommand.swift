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
        discussion: """
        Exit code 0: no errors; 1: errors (or warnings with --strict); 2: could not run. \
        --rule ID=SEVERITY sets a rule's severity for this run only, over hoshin.yaml \
        (CI: --rule stale-report=info --rule overdue-activity=info keeps date-dependent rules \
        from failing a pull request).
        """)

    @OptionGroup var language: LanguageOption

    @OptionGroup var repository: RepositoryOptions

    @Option(help: "Output format: \(DiagnosticFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: DiagnosticFormat = .text

    @Flag(help: "Treat warnings as errors for the exit code (and as failures in junit).")
    var strict = false

    @OptionGroup var overrides: RuleOverrideOptions

    func run() throws {
        var loader = RepositoryLoader()
        loader.ruleOverrides = try overrides.parsed()
        // Only the text format shows lines of the files.
        loader.dropsSourceBytes = format != .text
        let result = language.localize(try loader.load(folder: try PlanFolder.resolve(repository.directory), asOf: repository.date))
        let reporter = format.reporter(colour: Terminal.stdoutSupportsColour, version: HoshinVersion.current,
                                       strict: strict,
                                       relativize: RepositoryRoot.relativizer(directory: repository.directory))
        var buffer = OutputBuffer(streamingTo: STDOUT_FILENO)
        reporter.write(result, to: &buffer)
        buffer.flush()
        // The process ends here: exiting directly skips tearing down the loaded
        // repository, which costs as much as a tenth of the run on a large one.
        Foundation.exit(result.errorCount > 0 || (strict && result.warningCount > 0) ? 1 : 0)
    }
}
