import ArgumentParser
import Foundation
import HoshinModel
import HoshinRepository
import HoshinSheets

/// `hoshin sheet`: report through a spreadsheet instead of the command line (spec §9).
struct SheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "Export a unit's reporting sheet, or import a filled-in one.",
        subcommands: [SheetExportCommand.self, SheetImportCommand.self])
}

/// `hoshin sheet export UNIT`.
struct SheetExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a unit's reporting sheet: a row per activity, and per indicator and period.",
        discussion: "The first header row holds the English column keys; the second, labels in the repository's language.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, xlsx
    }

    @Argument(help: "The unit id.")
    var unit: String

    @Option(help: "The plan repository folder.")
    var plans: String = "plans"

    @Option(help: "xlsx or csv.")
    var format: Format = .xlsx

    @Option(name: .shortAndLong, help: "The file to write (default: UNIT.csv / UNIT.xlsx).")
    var output: String?

    @Option(name: .customLong("as-of"), help: "Measurement periods up to this date; default today.")
    var asOf: PlanDate?

    func run() throws {
        let date = asOf ?? .today
        let result = try RepositoryLoader().load(folder: try PlanFolder.resolve(plans), asOf: date)
        guard let repository = result.repository else {
            ValidationGate.reportErrors(result)
            throw ExitCode(1)
        }
        guard let plan = repository.unitsByID[unit] else {
            throw CommandFailure("no unit '\(unit)'\(Suggestion.hint(for: unit, in: repository.unitsByID.keys))")
        }
        let sheet = ReportingSheet(unit: plan, settings: repository.settings, asOf: date)
        let path = output ?? "\(unit).\(format.rawValue)"
        let bytes: [UInt8]
        switch format {
        case .csv: bytes = Array(sheet.csv(language: repository.settings.language).utf8)
        case .xlsx:
            let table = sheet.table(language: repository.settings.language)
            bytes = XLSX.write(table, layout: SheetLayout(table: table, asOf: date))
        }
        try AtomicFile.write(bytes, to: path)
        Terminal.write("wrote \(path): \(sheet.rows.count) rows\n")
    }
}

/// `hoshin sheet import FILE`.
struct SheetImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Apply a filled-in reporting sheet, all or nothing.",
        discussion: """
        Every row whose values differ from the plan is applied as 'report' and 'measure' would \
        ('updated' becomes --date). If any row is invalid, or the result would not validate, \
        nothing is written and every bad row is reported with its row number and column.
        """)

    @Argument(help: "The sheet: .csv (comma or semicolon, UTF-8) or .xlsx.")
    var file: String

    @Option(help: "The plan repository folder.")
    var plans: String = "plans"

    @Option(help: "The reports' date (YYYY-MM-DD); default today.")
    var date: PlanDate?

    @Flag(help: "Show what would change; write nothing.")
    var dryRun = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure("cannot read \(file)") }
        let bytes = [UInt8](data)
        let table: [[String]]
        do {
            table = bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? try XLSX.read(bytes) : try CSV.parse(bytes)
        } catch let problem as CSV.Problem {
            throw CommandFailure("\(file):\(problem.line): \(problem.message)", exitCode: 1)
        } catch let problem as XLSX.Problem {
            throw CommandFailure("\(file): \(problem.message)", exitCode: 1)
        }
        let rows: [ReportingSheet.ReadRow]
        do {
            rows = try ReportingSheet.read(table: table)
        } catch let error as SheetError {
            throw CommandFailure("\(file): \(error)", exitCode: 1)
        }
        do {
            let summaries = try SheetImport(folder: try PlanFolder.resolve(plans)).apply(rows, date: date ?? .today, dryRun: dryRun)
            var out = summaries.map { (dryRun ? "would change " : "") + $0.description + "\n" }.joined()
            if summaries.isEmpty { out = "no changes: the sheet matches the plan\n" }
            Terminal.write(out)
        } catch let failure as SheetImport.Failure {
            switch failure {
            case .invalidRows(let problems):
                Terminal.writeError(problems.map { "\(file): \($0)\n" }.joined())
                throw CommandFailure("refused: \(problems.count) invalid row\(problems.count == 1 ? "" : "s"); nothing was written", exitCode: 1)
            case .wouldNotValidate(let diagnostics):
                ValidationGate.writeLines(diagnostics)
                throw CommandFailure("refused: the changes would not validate; nothing was written", exitCode: 1)
            case .edit(let message):
                throw CommandFailure(message, exitCode: 1)
            }
        }
    }
}
