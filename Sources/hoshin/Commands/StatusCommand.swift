import ArgumentParser
import Foundation
import HoshinOutput
import HoshinRender
import HoshinRepository
import HoshinRollup

extension StatusFormat: ExpressibleByArgument {}

/// `hoshin status`: the cascaded status tree from the root (or `--unit`) down.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the cascaded status tree of a plan repository.",
        discussion: """
        A repository with validation errors prints them on stderr and exits 1 without a tree; \
        warnings do not stop it. --depth 0 shows only the starting unit's own goals.
        """)

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
        let result = try RepositoryLoader().load(folder: repository.directory, asOf: repository.date)
        let plans = try ValidationGate.repository(result)
        let tree: StatusTree
        do {
            tree = try RollupEngine(repository: plans, asOf: repository.date).tree(from: unit, depth: depth)
        } catch let failure as RollupEngine.Failure {
            throw CommandFailure(failure.description)
        }
        let terminal = output == nil && Terminal.stdoutSupportsColour
        let renderer = format.renderer(terminal: terminal)
        if let output {
            var buffer = OutputBuffer()
            renderer.write(tree, to: &buffer)
            try AtomicFile.write(buffer.bytes, to: output)
        } else {
            var buffer = OutputBuffer(streamingTo: STDOUT_FILENO)
            renderer.write(tree, to: &buffer)
            buffer.flush()
            // Nothing is left to do: exit without tearing down the repository and tree.
            Foundation.exit(0)
        }
    }
}
