import ArgumentParser
import HoshinModel
import HoshinRender
import HoshinRepository
import HoshinRollup

extension DiffRenderer.Format: ExpressibleByArgument {}

/// `hoshin diff`: what changed between two dates or two git revisions (spec §10).
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare the status tree at two dates or two git revisions.",
        discussion: """
        --from and --to are dates (YYYY-MM-DD: the same files at two as-of dates) or git \
        revisions of the repository holding DIR (the files as of that revision, each at its \
        commit date unless --as-of is given). Without --to: today's date, or the working tree \
        for a revision. Lists colour changes, what became stale or overdue, and goals and \
        activities that came or went.
        """)

    @OptionGroup var language: LanguageOption

    @Argument(help: "The plan repository folder.")
    var directory: String = "plans"

    @Option(help: "The earlier side: a date or a git revision.")
    var from: String

    @Option(help: "The later side: a date or a git revision (default: today / the working tree).")
    var to: String?

    @Option(name: .customLong("as-of"), help: "Judge both sides of a revision diff at this date.")
    var asOf: PlanDate?

    @Option(help: "Output format: text, markdown or json.")
    var format: DiffRenderer.Format = .text

    struct Side {
        let name: String
        let result: ValidationResult
        let date: PlanDate
    }

    func side(_ name: String?, isLater: Bool) throws -> Side {
        let loader = RepositoryLoader()
        if let name, let date = PlanDate(name) {
            return Side(name: name, result: language.localize(try loader.load(folder: directory, asOf: date)), date: date)
        }
        guard let name else {
            let date = asOf ?? .today
            return Side(name: isLater && PlanDate(from) == nil ? "working tree" : date.description,
                        result: language.localize(try loader.load(folder: directory, asOf: date)), date: date)
        }
        _ = try PlanFileDiscovery.planFiles(in: directory)
        let revision = try GitRevision.read(name, folder: directory)
        let date = asOf ?? revision.date
        guard revision.files.contains(where: { $0.path == "hoshin.yaml" }) else {
            throw CommandFailure("\(directory) has no hoshin.yaml at \(name)")
        }
        return Side(name: name, result: language.localize(loader.load(files: revision.files, folder: directory, asOf: date)), date: date)
    }

    func tree(_ side: Side) throws -> StatusTree {
        let repository = try ValidationGate.repository(side.result, heading: side.name)
        do {
            return try RollupEngine(repository: repository, asOf: side.date).tree()
        } catch let failure as RollupEngine.Failure {
            throw CommandFailure(failure.description)
        }
    }

    mutating func run() throws {
        directory = try PlanFolder.resolve(directory)
        let earlier = try side(from, isLater: false)
        let later = try side(to, isLater: true)
        let diff = StatusDiff(from: try tree(earlier), to: try tree(later))
        Terminal.write(DiffRenderer(format: format, language: later.result.language, fromName: earlier.name, toName: later.name).render(diff))
    }
}
