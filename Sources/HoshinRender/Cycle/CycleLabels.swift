import HoshinModel
import HoshinRollup

/// The words of `hoshin cycle` output in the repository's language (sv, da, en), in one place.
public struct CycleLabels: Sendable {
    /// Heading word: "Rapportering".
    public let title: String
    /// "sista dag": the deadline.
    public let deadline: String
    /// "läge per": the as-of date.
    public let asOf: String
    /// "av" in "3 av 5".
    public let of: String
    /// "rapporterade".
    public let reported: String
    /// "saknas".
    public let missing: String
    /// "rapportörer".
    public let reporters: String
    /// Table heading "Enhet".
    public let unit: String
    /// Table heading "Läge".
    public let state: String
    /// Table heading "Rapporterat".
    public let reportedHeading: String
    /// When the repository has no unit.
    public let noUnits: String
    let states: [CycleState: String]

    /// The word for a unit's state.
    public func name(_ state: CycleState) -> String { states[state] ?? state.rawValue }

    /// Labels for a language.
    public static func forLanguage(_ language: ReportLanguage) -> CycleLabels {
        switch language {
        case .sv: swedish
        case .da: danish
        case .en: english
        }
    }

    static let swedish = CycleLabels(
        title: "Rapportering", deadline: "sista dag", asOf: "läge per", of: "av", reported: "rapporterade",
        missing: "saknas", reporters: "rapportörer", unit: "Enhet", state: "Läge", reportedHeading: "Rapporterat",
        noUnits: "inga enheter",
        states: [.complete: "klar", .open: "öppen", .late: "försenad"])

    static let danish = CycleLabels(
        title: "Indrapportering", deadline: "frist", asOf: "status pr.", of: "af", reported: "indrapporteret",
        missing: "mangler", reporters: "indrapportører", unit: "Enhed", state: "Status",
        reportedHeading: "Indrapporteret", noUnits: "ingen enheder",
        states: [.complete: "komplet", .open: "åben", .late: "forsinket"])

    static let english = CycleLabels(
        title: "Reporting", deadline: "deadline", asOf: "as of", of: "of", reported: "reported",
        missing: "missing", reporters: "reporters", unit: "Unit", state: "State", reportedHeading: "Reported",
        noUnits: "no units",
        states: [.complete: "complete", .open: "open", .late: "late"])
}
