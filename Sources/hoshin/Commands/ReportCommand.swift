import ArgumentParser
import HoshinModel
import HoshinRepository
import HoshinUpdate
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
                throw CommandFailure("'\(status)' is not a status (\(allowed.joined(separator: " | ")))\(Suggestion.hint(for: status, in: allowed))", exitCode: 1)
            }
            report.status = state
        }
        if let progress {
            guard let value = DecimalNumber.parse(progress) else {
                throw CommandFailure("progress must be a number from 0 to 100, not '\(progress)'", exitCode: 1)
            }
            report.progress = value
        }
        report.note = note
        try UpdateRunner.run(.report(reference, report, today: .today), plans: plans)
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

    @Option(parsing: .unconditional, help: "The unit's comment on the period's value (the indicator's 'comments').")
    var comment: String?

    func run() throws {
        let measured: MeasurementValue
        if let slash = value.firstIndex(of: "/") {
            guard let num = DecimalNumber.parse(String(value[..<slash])),
                  let den = DecimalNumber.parse(String(value[value.index(after: slash)...])) else {
                throw CommandFailure("'\(value)' is not NUM/DEN, such as 11/142", exitCode: 1)
            }
            guard den > 0 else { throw CommandFailure("the denominator must be greater than 0", exitCode: 1) }
            measured = .ratio(num: num, den: den)
        } else {
            guard let number = DecimalNumber.parse(value) else {
                throw CommandFailure("'\(value)' is not a number (write 7.9 or 7,9, or NUM/DEN)", exitCode: 1)
            }
            measured = .number(number)
        }
        guard let parsed = Period(period) else {
            throw CommandFailure("'\(period)' is not a period; write YYYY-MM, YYYY-Qn or YYYY-Tn, e.g. 2026-10", exitCode: 1)
        }
        try UpdateRunner.run(.measure(reference, period: parsed, value: measured, comment: comment, asOf: .today), plans: plans)
    }
}

/// Runs an update request and turns its outcome into the reply and exit codes.
enum UpdateRunner {
    static func run(_ request: UpdateRequest, plans: String) throws {
        do {
            let result = try PlanUpdate(folder: plans).apply(request)
            var out = result.changes.map { $0.description + "\n" }.joined()
            if result.changes.isEmpty, let ref = request.updates.first?.ref { out = "\(ref): no change\n" }
            out += UpdateReply.notices(result)
            Terminal.write(out)
        } catch let error as UpdateError {
            throw UpdateReply.failure(error)
        }
    }
}

/// The words of update replies, in one place (a later message catalogue moves them).
enum UpdateReply {
    /// Warnings about the request and every diagnostic the change adds, one line each.
    static func notices(_ result: UpdateResult) -> String {
        var out = result.notices.map { "warning: \($0)\n" }.joined()
        out += result.added.map {
            "\($0.file):\($0.start.line):\($0.start.column): \($0.severity.rawValue): \($0.message) [\($0.rule)] (added by this change)\n"
        }.joined()
        return out
    }

    /// A refused update as the command's failure (exit 1; every file untouched).
    static func failure(_ error: UpdateError) -> CommandFailure {
        switch error {
        case .invalid(let problems):
            return CommandFailure(problems.map(\.message).joined(separator: "\n"), exitCode: 1)
        case .conflicts(let conflicts):
            let lines = conflicts.map { conflict in
                "\(conflict.ref): \(conflict.field) was changed since (the plan has \(conflict.plan ?? "nothing")"
                    + (conflict.updated.map { ", updated \($0)" } ?? "") + ", you saw \(conflict.base ?? "nothing"))"
            }
            return CommandFailure((lines + ["refused: conflicting changes; nothing was written (--force applies them)"]).joined(separator: "\n"), exitCode: 1)
        case .wouldNotValidate(let diagnostics):
            ValidationGate.writeLines(diagnostics)
            return CommandFailure("refused: the change would not validate; the file is unchanged", exitCode: 1)
        case .edit(let message), .repository(let message), .unwritable(let message):
            return CommandFailure(message, exitCode: 1)
        }
    }
}
