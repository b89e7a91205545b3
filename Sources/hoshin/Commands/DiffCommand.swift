import ArgumentParser
import Dispatch
import Foundation
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

    /// One side, read through `parsed`: a file the other side already read with the same
    /// bytes is not parsed again (two revisions share most files).
    func side(_ name: String?, isLater: Bool, parsed: ParsedFileCache, blobs: GitBlobCache) throws -> Side {
        var loader = RepositoryLoader()
        loader.parsedFiles = parsed
        loader.keepsErrorsOnly = true   // a diff shows only errors
        if let name, let date = PlanDate(name) {
            return Side(name: name, result: language.localize(try loader.load(folder: directory, asOf: date).errorsOnly), date: date)
        }
        guard let name else {
            let date = asOf ?? .today
            return Side(name: isLater && PlanDate(from) == nil ? "working tree" : date.description,
                        result: language.localize(try loader.load(folder: directory, asOf: date).errorsOnly), date: date)
        }
        _ = try PlanFileDiscovery.planFiles(in: directory)
        let revision = try GitRevision.read(name, folder: directory, known: blobs)
        let date = asOf ?? revision.date
        guard revision.files.contains(where: { $0.path == "hoshin.yaml" }) else {
            throw CommandFailure("\(directory) has no hoshin.yaml at \(name)")
        }
        return Side(name: name, result: language.localize(loader.load(files: revision.files, folder: directory, asOf: date).errorsOnly), date: date)
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
        let command = self
        // The sides are read one after the other (each on every core) so that the later
        // one parses only the files that differ; they are rolled up at once.
        let parsed = ParsedFileCache()
        let blobs = GitBlobCache()
        let earlier = try side(from, isLater: false, parsed: parsed, blobs: blobs)
        let later = try side(to, isLater: true, parsed: parsed, blobs: blobs)
        _ = try ValidationGate.repository(earlier.result, heading: earlier.name)
        _ = try ValidationGate.repository(later.result, heading: later.name)
        let trees = Self.concurrently({ try command.tree(earlier) }, { try command.tree(later) })
        let diff = StatusDiff(from: try trees.0.get(), to: try trees.1.get())
        Terminal.write(DiffRenderer(format: format, language: later.result.language, fromName: earlier.name, toName: later.name).render(diff))
        // Nothing is left to do: exit without tearing down two repositories and trees.
        Foundation.exit(0)
    }

    /// Runs two pieces of work on two threads and returns both outcomes.
    static func concurrently<A, B>(_ first: () throws -> A, _ second: () throws -> B)
        -> (Result<A, any Error>, Result<B, any Error>) {
        var a: Result<A, any Error>?
        var b: Result<B, any Error>?
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                nonisolated(unsafe) let work = (first, second)
                nonisolated(unsafe) var outcomes: (Result<A, any Error>?, Result<B, any Error>?) = (nil, nil)
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    if index == 0 { outcomes.0 = Result { try work.0() } } else { outcomes.1 = Result { try work.1() } }
                }
                a = outcomes.0
                b = outcomes.1
            }
        }
        return (a!, b!)
    }
}
