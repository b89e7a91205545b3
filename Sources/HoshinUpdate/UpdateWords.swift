import HoshinModel
import HoshinText

/// The human-facing sentences of update replies in a language, from the message catalogue
/// (`Catalogue+Commands.swift`). Rule ids, status keys and sheet column keys stay English.
public struct UpdateWords: Sendable {
    /// The language of the sentences.
    public let language: ReportLanguage

    /// Words in a language.
    public init(_ language: ReportLanguage) {
        self.language = language
    }

    func text(_ id: String, _ arguments: [String: String] = [:]) -> String {
        Catalogue.text(id, language, arguments)
    }

    /// A notice about a request, one line.
    public func notice(_ notice: UpdateNotice) -> String {
        switch notice {
        case .futureDate(_, let ref, let date):
            "\(ref): " + text("reply.future-date", ["date": "\(date)"])
        case .periodAfterPlanYear(_, let ref, let period, let year):
            "\(ref): " + text("reply.period-after-year", ["period": "\(period)", "year": "\(year)"])
        case .forced(let conflict):
            "\(conflict.ref): " + text("reply.overwritten", [
                "field": "\(conflict.field)", "plan": conflict.plan ?? "–",
                "updated": conflict.updated.map { ", updated \($0)" } ?? "",
            ])
        }
    }

    /// A conflict at a sheet cell.
    public func conflict(_ conflict: UpdateConflict) -> String {
        text("sheet.conflict", [
            "field": "\(conflict.field)", "plan": conflict.plan.map { "'\($0)'" } ?? "–",
            "updated": conflict.updated.map { " (updated \($0))" } ?? "",
            "base": conflict.base.map { "'\($0)'" } ?? "–", "yours": conflict.yours,
        ])
    }

    /// The reply when nothing changes.
    public var noChanges: String { text("sheet.no-changes") }

    /// The warning for a sheet without a base record.
    public func withoutBase(_ file: String) -> String { text("sheet.without-base", ["file": file]) }

    /// Which encoding a CSV was read in.
    public func read(_ file: String, as encoding: String) -> String { text("sheet.read-as", ["file": file, "encoding": encoding]) }

    /// After a diagnostic line the change adds.
    public var addedByThisChange: String { text("reply.added-by-change") }

    /// The refusal line for conflicts.
    public func refusedConflicts(_ count: Int) -> String {
        count == 1 ? text("sheet.refused.conflicts.one") : text("sheet.refused.conflicts", ["count": "\(count)"])
    }

    /// The refusal line for invalid cells.
    public func refusedCells(_ count: Int) -> String {
        count == 1 ? text("sheet.refused.cells.one") : text("sheet.refused.cells", ["count": "\(count)"])
    }

    /// The prefix of a dry run's change lines.
    public var wouldChange: String { text("reply.would-change-prefix") + " " }

    /// A diagnostic's message in this language.
    public func message(_ diagnostic: Diagnostic) -> String { Catalogue.translate(diagnostic.message, to: language) }

    /// The severity word of a warning line, which CI problem matchers read: English.
    public static let warning = "warning"
}
