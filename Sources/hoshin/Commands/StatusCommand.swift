import ArgumentParser
import Foundation
import HoshinOutput
import HoshinRender
import HoshinRepository
import HoshinModel
import HoshinRollup

extension StatusFormat: ExpressibleByArgument {}

/// `hoshin status`: the cascaded status tree from the root (or `--unit`) down.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the cascaded status tree of a plan repository.",
        discussion: """
        A repository with validation errors still shows every unit that could be read: the \
        errors go to stderr, the output names the files that could not be read and the units \
        left out, and the exit code is 1. Warnings do not change anything. --depth 0 shows \
        only the starting unit's own goals.
        """)

    @OptionGroup var language: LanguageOption

    @OptionGroup var repository: RepositoryOptions

    @Option(help: "Start at this unit instead of the root.")
    var unit: String?

    @Option(help: "How many levels of units below the starting unit to show (default: all).")
    var depth: Int?

    @Option(help: "Output format: \(StatusFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: StatusFormat = .tree

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of stdout.")
    var output: String?

    func validate() throws {
        if let depth, depth < 0 { throw ValidationError("--depth must be 0 or more") }
    }

    func run() throws {
        // Only errors are shown (on stderr): only they are translated.
        var loader = RepositoryLoader()
        loader.keepsErrorsOnly = true
        loader.dropsSourceBytes = true
        let result = language.localize(try loader.load(folder: try PlanFolder.resolve(repository.directory), asOf: repository.date))
        let hasErrors = result.errorCount > 0
        guard let plans = result.repository else {
            ValidationGate.reportErrors(result)
            throw ExitCode(1)
        }
        if hasErrors { ValidationGate.reportErrors(result) }
        var tree: StatusTree
        do {
            tree = try RollupEngine(repository: plans, asOf: repository.date).tree(from: unit, depth: depth)
        } catch let failure as RollupEngine.Failure {
            if let unit, let slash = unit.firstIndex(of: "/") {
                throw CommandFailure(CommandMessages.unitTakesUnitID(unit, unit: String(unit[..<slash])))
            }
            if hasErrors { throw ExitCode(1) }   // no root to start from: the errors say why
            throw CommandFailure(failure.description)
        }
        if hasErrors {
            let rootID = unit == nil ? tree.root.id : nil
            tree.problems = StatusProblems(repository: plans, errors: result.errorsOnly.diagnostics, rootID: rootID)
        }
        let terminal = output == nil && Terminal.stdoutSupportsColour
        let renderer: any StatusRenderer = format == .html && unit != nil
            ? HTMLRenderer(bowlingThrough: plans.bowlingPeriod(asOf: repository.date))
            : format.renderer(terminal: terminal, width: output == nil ? Terminal.stdoutColumns : nil)
        if let output {
            var buffer = OutputBuffer()
            renderer.write(tree, to: &buffer)
            try AtomicFile.write(buffer.bytes, to: output)
        } else {
            var buffer = OutputBuffer(streamingTo: STDOUT_FILENO)
            renderer.write(tree, to: &buffer)
            buffer.flush()
            // Nothing is left to do: exit without tearing down the repository and tree.
            Foundation.exit(hasErrors ? 1 : 0)
        }
        if hasErrors { throw ExitCode(1) }
    }
}
