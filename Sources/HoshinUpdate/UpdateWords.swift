import HoshinModel

/// The human-facing sentences of update replies in sv, da and en, in one place (a later
/// message catalogue moves them). Rule ids, status keys and sheet column keys stay English.
public struct UpdateWords: Sendable {
    /// The language of the sentences.
    public let language: ReportLanguage

    /// Words in a language.
    public init(_ language: ReportLanguage) {
        self.language = language
    }

    func pick(_ sv: String, _ da: String, _ en: String) -> String {
        switch language {
        case .sv: sv
        case .da: da
        case .en: en
        }
    }

    /// A notice about a request, one line.
    public func notice(_ notice: UpdateNotice) -> String {
        switch notice {
        case .futureDate(_, let ref, let date):
            "\(ref): " + pick("datumet \(date) ligger i framtiden", "datoen \(date) ligger i fremtiden", "the date \(date) is in the future")
        case .periodAfterPlanYear(_, let ref, let period, let year):
            "\(ref): " + pick("perioden \(period) ligger efter planåret \(year)", "perioden \(period) ligger efter planåret \(year)",
                              "period \(period) is after the plan year \(year)")
        case .forced(let conflict):
            "\(conflict.ref): \(conflict.field) " + pick("skrevs över", "blev overskrevet", "overwritten") + " ("
                + pick("planen hade", "planen havde", "the plan had") + " \(conflict.plan ?? "–")"
                + (conflict.updated.map { ", " + pick("rapporterad", "rapporteret", "updated") + " \($0)" } ?? "") + ")"
        }
    }

    /// A conflict at a sheet cell.
    public func conflict(_ conflict: UpdateConflict) -> String {
        let plan = conflict.plan.map { "'\($0)'" } ?? "–"
        let updated = conflict.updated.map { " (" + pick("rapporterad", "rapporteret", "updated") + " \($0))" } ?? ""
        let base = conflict.base.map { "'\($0)'" } ?? "–"
        return pick(
            "\(conflict.field) har ändrats i planen sedan arket exporterades: planen har nu \(plan)\(updated), arket gjordes när det var \(base), och arket säger '\(conflict.yours)'; --force skriver arkets värde",
            "\(conflict.field) er ændret i planen siden arket blev eksporteret: planen har nu \(plan)\(updated), arket blev lavet da det var \(base), og arket siger '\(conflict.yours)'; --force skriver arkets værdi",
            "\(conflict.field) was changed in the plan since the sheet was exported: the plan now has \(plan)\(updated), the sheet was made when it was \(base), and the sheet says '\(conflict.yours)'; use --force to apply the sheet's value")
    }

    /// The reply when nothing changes.
    public var noChanges: String {
        pick("inga ändringar: inget i arket har ändrats sedan exporten, eller så stämmer det med planen",
             "ingen ændringer: intet i arket er ændret siden eksporten, eller det stemmer med planen",
             "no changes: nothing in the sheet was changed since the export, or it matches the plan")
    }

    /// The warning for a sheet without a base record.
    public func withoutBase(_ file: String) -> String {
        pick("\(file) saknar uppgift om värdena det exporterades med (gjort för hand?): varje värde som skiljer sig från planen skrivs",
             "\(file) mangler oplysning om værdierne det blev eksporteret med (lavet i hånden?): hver værdi der afviger fra planen skrives",
             "\(file) has no record of the values it was exported with (made by hand?): every value that differs from the plan is applied")
    }

    /// Which encoding a CSV was read in.
    public func read(_ file: String, as encoding: String) -> String {
        pick("läste \(file) som \(encoding)", "læste \(file) som \(encoding)", "read \(file) as \(encoding)")
    }

    /// After a diagnostic line the change adds.
    public var addedByThisChange: String {
        pick("(tillkommer med ändringen)", "(kommer med ændringen)", "(added by this change)")
    }

    /// The refusal line for conflicts.
    public func refusedConflicts(_ count: Int) -> String {
        pick("avvisat: \(count) \(count == 1 ? "konflikt" : "konflikter") med ändringar gjorda efter exporten; inget skrevs (--force skriver arket)",
             "afvist: \(count) \(count == 1 ? "konflikt" : "konflikter") med ændringer lavet efter eksporten; intet blev skrevet (--force skriver arket)",
             "refused: \(count) conflict\(count == 1 ? "" : "s") with changes made since the export; nothing was written (--force applies the sheet)")
    }

    /// The refusal line for invalid cells.
    public func refusedCells(_ count: Int) -> String {
        pick("avvisat: \(count) \(count == 1 ? "ogiltig cell" : "ogiltiga celler"); inget skrevs",
             "afvist: \(count) \(count == 1 ? "ugyldig celle" : "ugyldige celler"); intet blev skrevet",
             "refused: \(count) invalid cell\(count == 1 ? "" : "s"); nothing was written")
    }

    /// The prefix of a dry run's change lines.
    public var wouldChange: String { pick("skulle ändra ", "ville ændre ", "would change ") }

    /// The severity word of a warning line, which CI problem matchers read: English.
    public static let warning = "warning"
}
