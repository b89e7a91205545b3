import ArgumentParser
import Foundation
import HoshinRepository
import HoshinText

/// The `hoshin` command: goal deployment plans in YAML, checked and rolled up.
struct HoshinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hoshin",
        abstract: "Goal deployment (hoshin kanri) plans as YAML files: validate, roll up, report.",
        discussion: "Every command reads the plan repository in ./plans unless told otherwise.",
        version: HoshinVersion.current,
        subcommands: [StatusCommand.self, ValidateCommand.self, ReportCommand.self, MeasureCommand.self, ChartCommand.self, DiffCommand.self, CycleCommand.self, RolloverCommand.self, ReviewCommand.self, SheetCommand.self, ServeCommand.self, RulesCommand.self, ExplainCommand.self],
        defaultSubcommand: nil)

    /// Runs the command line; exit 0 success, 1 findings, 2 could not run.
    static func runMain() {
        do {
            let arguments = try ArgumentPrecheck.check(Array(CommandLine.arguments.dropFirst()))
            var command: any ParsableCommand
            do {
                command = try parseAsRoot(arguments)
            } catch {
                // Help and --version print in full; every argument error is one line, exit 2.
                if exitCode(for: error) == .success || error is CleanExit { throw error }
                throw CommandFailure(CommandMessages.parserError(message(for: error), command: commandPath(arguments)))
            }
            try command.run()
        } catch let error as RepositoryError {
            FileHandle.standardError.write(Data("hoshin: \(Catalogue.translate("\(error)", to: RunLanguage.current))\n".utf8))
            Foundation.exit(2)
        } catch let error as CommandFailure {
            let message = Catalogue.translateLines(error.message, to: RunLanguage.current)
            FileHandle.standardError.write(Data("hoshin: \(message)\n".utf8))
            Foundation.exit(error.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is CleanExit {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if let exit = error as? ExitCode { Foundation.exit(exit.rawValue) }
            let message = fullMessage(for: error)
            FileHandle.standardError.write(Data("\(message)\n".utf8))
            Foundation.exit(2)
        }
    }
}

extension HoshinCommand {
    /// `hoshin` and the subcommand named in the arguments, for "see 'hoshin report --help'".
    static func commandPath(_ arguments: [String]) -> String {
        let names = configuration.subcommands.map { $0.configuration.commandName ?? "" }
        var path = ["hoshin"]
        if let first = arguments.first, names.contains(first) {
            path.append(first)
            if first == "sheet", arguments.count > 1, ["export", "import"].contains(arguments[1]) { path.append(arguments[1]) }
        }
        return path.joined(separator: " ")
    }
}

/// The version printed by `--version` and in SARIF.
enum HoshinVersion {
    static let current = "0.1.0"
}

/// A failure with one clear line for stderr and an exit code.
struct CommandFailure: Error {
    let message: String
    let exitCode: Int32

    init(_ message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }
}
