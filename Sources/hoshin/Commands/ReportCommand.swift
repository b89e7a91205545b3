import ArgumentParser
import HoshinModel
import HoshinRepository
import Foundation

/// `hoshin report`: a unit reports an activity, editing its plan file in place.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report an activity's status, progress and note, in place.",
        discussion: """
        Only the bytes of the values set change (and the lines that must be added); comments, \
        order and quoting elsewhere stay. 'updated' becomes --date (default today). \
        '--status done' without --progress sets progress 100. The file is locked while it is \
        read, changed and written, and the change is refused (exit 1, file untouched) when \
        the repository would not validate.
        """)

    @Argument(help: "The activity, as UNIT/ACTIVITY.")
    var reference: String

    @Option(help: "The plan repository folder.")
    var plans: String = "plans"

    @Option(help: "New status: \(ActivityState.allCases.map(\.rawValue).joined(separator: " | ")).")
    var status: String?

    @Option(parsing: .unconditional, help: "Progress in percent, 0 to 100.")
    var progress: String?

    @Option(parsing: .unconditional, help: "A note (Swedish, Danish or English text is fine).")
    var note: String?

    @Option(help: "The report's date (YYYY-MM-DD); default today.")
    var date: PlanDate?

    func run() throws {
        var report = ActivityReport(date: date ?? .today)
        if let status {
            guard let state = ActivityState(rawValue: status) else {
                let allowed = ActivityState.allCases.map(\.rawValue)
                throw CommandFailure("'\(status)' is not a status (\(allowed.joined(separator: " | ")))\(Suggestion.hint(for: status, in: allowed))")
            }
            report.status = state
        }
        if let progress {
            guard let value = DecimalNumber.parse(progress) else {
                throw CommandFailure("progress must be a number from 0 to 100, not '\(progress)'")
            }
            report.progress = value
        }
        report.note = note
        let folder = try PlanFolder.resolve(plans)
        try UpdateRunner.run({ try PlanUpdate(folder: folder).report(reference, report) }) { summary in
            summary.changes.isEmpty ? CommandMessages.confirmed(summary.reference, date: report.date.description) : summary.description
        }
    }
}

/// `hoshin measure`: adds or replaces one measurement of an indicator, in place.
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Add or replace one measurement of an indicator, in place.",
        discussion: """
        VALUE is a number (a decimal point or a decimal comma) or NUM/DEN. The period must fit \
        'reporting' in hoshin.yaml (YYYY-MM, YYYY-Qn or YYYY-Tn). Periods are kept in order; \
        'measurements' is created when the indicator has none.
        """)

    @Argument(help: "The indicator, as UNIT/INDICATOR.")
    var reference: String

    @Argument(help: "The period, such as 2026-10.")
    var period: String

    @Argument(help: "The value: a number, or NUM/DEN.")
    var value: String

    @Option(help: "The plan repository folder.")
    var plans: String = "plans"

    func run() throws {
        let measured: MeasurementValue
        if let slash = value.firstIndex(of: "/") {
            guard let num = DecimalNumber.parse(String(value[..<slash])),
                  let den = DecimalNumber.parse(String(value[value.index(after: slash)...])) else {
                throw CommandFailure("'\(value)' is not NUM/DEN, such as 11/142")
            }
            guard den > 0 else { throw CommandFailure("the denominator must be greater than 0") }
            measured = .ratio(num: num, den: den)
        } else {
            guard let number = DecimalNumber.parse(value) else {
                throw CommandFailure("'\(value)' is not a number (write 7.9 or 7,9, or NUM/DEN)")
            }
            measured = .number(number)
        }
        let folder = try PlanFolder.resolve(plans)
        try UpdateRunner.run { try PlanUpdate(folder: folder).measure(reference, period: period, value: measured, asOf: .today) }
    }
}

/// Runs an update and turns its outcome into output and exit codes.
enum UpdateRunner {
    static func run(_ update: () throws -> UpdateSummary,
                    describe: (UpdateSummary) -> String = \.description) throws {
        do {
            let summary = try update()
            Terminal.write(describe(summary) + "\n")
        } catch let error as UpdateError {
            switch error {
            case .invalidArgument(let message):
                throw CommandFailure(message)
            case .edit(let message):
                throw CommandFailure(message, exitCode: 1)
            case .wouldNotValidate(let diagnostics):
                ValidationGate.writeLines(diagnostics)
                throw CommandFailure("refused: the change would not validate; the file is unchanged", exitCode: 1)
            }
        }
    }
}
