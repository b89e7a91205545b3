import ArgumentParser
import Foundation
import HoshinModel
import HoshinRepository
import HoshinSheets
import HoshinUpdate

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

    @Option(help: "xlsx or csv; default: from the output file's extension, else xlsx.")
    var format: Format?

    @Option(name: .shortAndLong, help: "The file to write, or - for stdout (default: UNIT.xlsx / UNIT.csv).")
    var output: String?

    @Option(name: .customLong("as-of"), help: "Measurement periods up to this date; default today.")
    var asOf: PlanDate?

    @Flag(help: "Overwrite an existing file (never a plan file).")
    var force = false

    func run() throws {
        let date = asOf ?? .today
        let chosen: Format
        if let format {
            chosen = format
        } else if let output, let byExtension = Format(rawValue: (output as NSString).pathExtension.lowercased()) {
            chosen = byExtension
        } else if let output, output != "-", !(output as NSString).pathExtension.isEmpty {
            throw CommandFailure("cannot tell the format of \(output) from its extension; name it .xlsx or .csv, or give --format")
        } else {
            chosen = .xlsx
        }
        let path = output ?? "\(unit).\(chosen.rawValue)"
        if path != "-" {
            if try ExportTarget.isPlanFile(path, plans: plans) {
                throw CommandFailure("\(path) is a plan file; a sheet is never written over one")
            }
            if FileManager.default.fileExists(atPath: path), !force {
                throw CommandFailure("\(path) exists; use --force to overwrite it")
            }
        }
        let result = try RepositoryLoader().load(folder: plans, asOf: date)
        guard let repository = result.repository else {
            ValidationGate.reportErrors(result)
            throw ExitCode(1)
        }
        guard let plan = repository.unitsByID[unit] else {
            throw CommandFailure("no unit '\(unit)'\(Suggestion.hint(for: unit, in: repository.unitsByID.keys))")
        }
        let sheet = ReportingSheet(unit: plan, settings: repository.settings, asOf: date)
        let language = repository.settings.language
        let bytes: [UInt8]
        switch chosen {
        case .csv: bytes = Array(sheet.csv(language: language).utf8)
        case .xlsx:
            bytes = XLSX.write(sheets: [("Rapport", false, sheet.table(language: language)),
                                        (SheetBase.sheetName, true, SheetBase.table(sheet.rows))])
        }
        if path == "-" {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        try AtomicFile.write(bytes, to: path)
        Terminal.write("wrote \(path): \(sheet.rows.count) rows\n")
    }
}

/// Where an export may go.
enum ExportTarget {
    /// True when `path` names a file the repository reads (a plan file or `hoshin.yaml`),
    /// through any symbolic link.
    static func isPlanFile(_ path: String, plans: String) throws -> Bool {
        guard let files = try? PlanFileDiscovery.planFiles(in: plans) else { return false }
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        return files.contains { relative in
            let file = URL(fileURLWithPath: PlanFileDiscovery.displayPath(folder: plans, relative: relative))
            return file.resolvingSymlinksInPath().standardizedFileURL.path == target
        }
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

    @Flag(help: "Perform every check and show what would change; write nothing.")
    var dryRun = false

    @Flag(help: "Apply the sheet's values even where the plan changed since the export (conflicts).")
    var force = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure("cannot read \(file)") }
        let bytes = [UInt8](data)
        let sheet: ReportingSheet.ReadSheet
        var encodingNote = ""
        do {
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                let workbook = try XLSX.readWorkbook(bytes)
                sheet = try ReportingSheet.read(table: workbook.reportTable, baseTable: workbook.sheet(named: SheetBase.sheetName))
            } else {
                let decoded = CSV.decode(bytes)
                encodingNote = "read \(file) as \(decoded.encoding.rawValue)\n"
                sheet = try ReportingSheet.read(table: try CSV.parse(text: decoded.text))
            }
        } catch let problem as CSV.Problem {
            throw CommandFailure("\(file):\(problem.line): \(problem.message)", exitCode: 1)
        } catch let problem as XLSX.Problem {
            throw CommandFailure("\(file): \(problem.message)", exitCode: 1)
        } catch let error as SheetError {
            throw CommandFailure("\(file):\(error.row): \(error.message)", exitCode: 1)
        }
        let where_ = { (row: Int, column: String?) in "\(self.file):\(row):\(column.map { sheet.letter($0) } ?? "1")" }
        do {
            let outcome = try SheetImport(folder: plans).apply(sheet, date: date ?? .today, today: .today, dryRun: dryRun, force: force)
            var out = encodingNote
            if outcome.withoutBase {
                out += "warning: \(file) has no record of the values it was exported with (made by hand?): every value that differs from the plan is applied\n"
            }
            out += outcome.result.changes.map { (dryRun ? "would change " : "") + $0.description + "\n" }.joined()
            if outcome.result.changes.isEmpty { out += "no changes: nothing in the sheet was changed since the export, or it matches the plan\n" }
            out += UpdateReply.notices(outcome.result)
            Terminal.write(out)
        } catch let failure as SheetImport.Failure {
            Terminal.writeError(encodingNote)
            switch failure {
            case .invalidRows(let problems):
                Terminal.writeError(problems.map { "\(where_($0.row, $0.column)): \($0.message)\n" }.joined())
                throw CommandFailure("refused: \(problems.count) invalid cell\(problems.count == 1 ? "" : "s"); nothing was written", exitCode: 1)
            case .conflicts(let conflicts):
                Terminal.writeError(conflicts.map { "\(where_($0.row, $0.column)): \($0.message)\n" }.joined())
                throw CommandFailure("refused: \(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s") with changes made since the export; nothing was written (--force applies the sheet)", exitCode: 1)
            case .wouldNotValidate(let diagnostics):
                ValidationGate.writeLines(diagnostics)
                throw CommandFailure("refused: the changes would not validate; nothing was written", exitCode: 1)
            case .edit(let message):
                throw CommandFailure(message, exitCode: 1)
            }
        }
    }
}
