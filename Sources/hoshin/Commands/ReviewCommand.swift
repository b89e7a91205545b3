import ArgumentParser
import Foundation
import HoshinModel
import HoshinRender
import HoshinRepository
import HoshinRollup

/// The formats of `hoshin review`.
enum ReviewFormat: String, CaseIterable, ExpressibleByArgument {
    case html, markdown, pdf
}

/// `hoshin review`: the pack a leadership group reads before its monthly meeting (spec §12).
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Write the monthly review pack of a unit: exceptions first.",
        discussion: """
        Sections: cover, exceptions (red goals; red, deteriorating or failing indicators with chart, \
        comment and countermeasures), bowling chart, activities needing attention, everything else, \
        changes since the end of the previous period. --period defaults to the latest reporting period \
        that has ended by --as-of; statuses are judged at --as-of. --format pdf prints the HTML with \
        headless Chromium found on PATH.
        """)

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var language: LanguageOption

    @Option(help: "The unit the pack is for.")
    var unit: String

    @Option(help: "The reporting period reviewed (YYYY-MM, YYYY-Qn or YYYY-Tn); default: the latest that has ended.")
    var period: String?

    @Option(help: "How many levels of units below to take into the pack (default 0: the unit alone).")
    var depth: Int = 0

    @Option(help: "Output format: html, markdown or pdf.")
    var format: ReviewFormat = .html

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of stdout.")
    var output: String?

    func validate() throws {
        if depth < 0 { throw ValidationError("--depth must be 0 or more") }
    }

    func run() throws {
        let asOf = repository.date
        let result = try language.load(folder: repository.directory, asOf: asOf)
        let plans = try ValidationGate.repository(result)
        let reviewed: Period
        if let period {
            guard let parsed = Period(period), parsed.cadence == plans.settings.reporting else {
                throw CommandFailure("--period '\(period)' is not a \(plans.settings.reporting.rawValue) period; write \(Period(containing: asOf, cadence: plans.settings.reporting))")
            }
            reviewed = parsed
        } else {
            reviewed = plans.latestEndedPeriod(asOf: asOf)
        }
        let revision = GitRevision.head(folder: repository.directory).map { ReviewPack.Revision(hash: $0.hash, date: $0.date) }
        let pack: ReviewPack
        do {
            pack = try ReviewPack.assemble(repository: plans, unit: unit, period: reviewed, asOf: asOf, depth: depth,
                                           revision: revision)
        } catch let failure as RollupEngine.Failure {
            throw CommandFailure(failure.description)
        }
        let bytes: [UInt8]
        switch format {
        case .markdown: bytes = Array(ReviewMarkdownRenderer().render(pack).utf8)
        case .html: bytes = Array(ReviewHTMLRenderer().render(pack).utf8)
        case .pdf: bytes = try ChromiumPDF.print(html: ReviewHTMLRenderer().render(pack))
        }
        if let output {
            try AtomicFile.write(bytes, to: output)
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
