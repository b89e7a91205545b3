import HoshinModel
import HoshinRollup
import HoshinText

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

    /// Labels for a language, from the message catalogue.
    public static func forLanguage(_ language: ReportLanguage) -> CycleLabels {
        func word(_ id: String) -> String { Catalogue.text("cycle.\(id)", language) }
        return CycleLabels(
            title: word("title"), deadline: word("deadline"), asOf: word("as-of"), of: word("of"),
            reported: word("reported"), missing: word("missing"), reporters: word("reporters"), unit: word("unit"),
            state: word("state"), reportedHeading: word("reported-heading"), noUnits: word("no-units"),
            states: Dictionary(uniqueKeysWithValues: CycleState.allCases.map { ($0, word("state.\($0.rawValue)")) }))
    }
}
