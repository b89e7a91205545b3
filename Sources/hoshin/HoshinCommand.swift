import ArgumentParser
import Foundation
import HoshinRepository

/// The `hoshin` command: goal deployment plans in YAML, checked and rolled up.
struct HoshinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hoshin",
        abstract: "Goal deployment (hoshin kanri) plans as YAML files: validate, roll up, report.",
        discussion: "Every command reads the plan repository in ./plans unless told otherwise.",
        version: HoshinVersion.current,
        subcommands: [StatusCommand.self, ValidateCommand.self, ReportCommand.self, MeasureCommand.self, ChartCommand.self, DiffCommand.self, SheetCommand.self, ServeCommand.self, RulesCommand.self, ExplainCommand.self],
        defaultSubcommand: nil)

    /// Runs the command line; exit 0 success, 1 findings, 2 could not run.
    static func runMain() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as RepositoryError {
            FileHandle.standardError.write(Data("hoshin: \(error)\n".utf8))
            Foundation.exit(2)
        } catch let error as CommandFailure {
            FileHandle.standardError.write(Data("hoshin: \(error.message)\n".utf8))
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
