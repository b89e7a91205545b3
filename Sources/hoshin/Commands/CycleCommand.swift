import ArgumentParser
import HoshinModel
import HoshinRender
import HoshinRepository
import HoshinRollup

extension CycleFormat: ExpressibleByArgument {}

/// `hoshin cycle`: who has reported for a period and who has not (spec §13).
struct CycleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cycle",
        abstract: "Show which units have reported for a period and which have not.",
        discussion: """
        A unit expects a measurement for the period from each indicator, and a report (an 'updated' \
        date on or after the period's first day) from each activity that is not done or cancelled and \
        has begun by the period's end. A unit is complete when all is in, late when something is \
        missing after the deadline (the period's last day plus cycle.deadline_days), else open. \
        With --fail-on late the exit code is 1 when any unit is late.
        """)

    @OptionGroup var language: LanguageOption

    /// What makes the command exit 1.
    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case late
    }

    @OptionGroup var repository: RepositoryOptions

    @Option(help: "The period (YYYY-MM, YYYY-Qn or YYYY-Tn, as 'reporting' says); default: the latest that has ended.")
    var period: String?

    @Option(help: "Output format: \(CycleFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: CycleFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when any unit is in this state: late.")
    var failOn: FailOn?

    func run() throws {
        let result = try language.load(folder: repository.directory, asOf: repository.date)
        let plans = try ValidationGate.repository(result)
        var chosen: Period?
        if let period {
            guard let parsed = Period(period) else {
                throw CommandFailure("'\(period)' is not a period; write YYYY-MM, YYYY-Qn or YYYY-Tn")
            }
            guard parsed.cadence == plans.settings.reporting else {
                throw CommandFailure("'\(period)' is not a \(plans.settings.reporting.rawValue) period, as 'reporting' in hoshin.yaml says")
            }
            chosen = parsed
        }
        let cycle = ReportingCycleComputation.cycle(plans, period: chosen, asOf: repository.date)
        Terminal.write(format.renderer.render(cycle))
        if failOn == .late, cycle.anyLate { throw ExitCode(1) }
    }
}
