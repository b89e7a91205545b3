import ArgumentParser
import HoshinModel
import HoshinRepository
import HoshinUpdate

/// `hoshin rollover`: next year's draft of the plans, in place (spec §14).
struct RolloverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollover",
        abstract: "Turn the plans into next year's draft, in place, for review as one pull request.",
        discussion: """
        period in hoshin.yaml becomes YEAR (which must be the plan year + 1); activities that are done \
        or cancelled, closed countermeasures and assessments are removed; every other activity gains \
        carried_from: <the old year>. Everything else stays byte for byte. Refuses (exit 2) when DIR \
        has uncommitted changes in git. --dry-run prints the plan of changes and writes nothing.
        """)

    @OptionGroup var language: LanguageOption

    @Argument(help: "The plan repository folder.")
    var directory: String = "plans"

    @Option(help: "The new plan year: the current 'period' + 1.")
    var to: Int

    @Flag(name: .customLong("dry-run"), help: "Print the plan of changes without writing.")
    var dryRun = false

    func run() throws {
        let today = PlanDate.today
        let result = try language.load(folder: directory, asOf: today)
        // Uncommitted changes refuse first: nothing the rollover does could be told from them.
        let changes = Rollover.uncommittedChanges(folder: directory)
        let text = RolloverText.forLanguage(result.language)
        if let changes, !changes.isEmpty { throw CommandFailure("\(directory) \(text.dirty)") }
        let plans = try ValidationGate.repository(result)
        if changes == nil, !dryRun { Terminal.writeError("hoshin: \(directory) \(text.noGit)\n") }
        let period = plans.settings.period
        guard to == period + 1 else {
            throw CommandFailure(RolloverError.wrongYear(period: period, requested: to).description)
        }
        let (files, locks) = try Rollover.lockAndRead(folder: directory)
        defer { withExtendedLifetime(locks) {} }
        let plan: RolloverPlan
        do { plan = try Rollover.plan(files: files, period: period, to: to) } catch let error as RolloverError {
            throw CommandFailure(error.description)
        }
        // The draft must validate in its own year, as hoshin validate would judge it in January.
        let draft = RepositoryLoader().load(files: plan.draft(of: files), folder: directory,
                                            asOf: PlanDate(year: to, month: 1, day: 15)!).localized(result.language)
        if draft.errorCount > 0 {
            ValidationGate.reportErrors(draft, heading: "the draft would not validate; nothing written")
            throw ExitCode(1)
        }
        if !dryRun { try Rollover.write(plan, folder: directory) }
        Terminal.write(text.render(plan, folder: directory, dryRun: dryRun))
    }
}
