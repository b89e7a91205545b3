import Foundation
import HoshinModel
import HoshinText
import HoshinVariation

/// Words of the status reports in the repository's language (sv, da, en).
public struct Labels: Sendable {
    /// The language these labels are in.
    public let language: ReportLanguage
    public let status: String
    public let goal: String
    public let goals: String
    public let indicator: String
    public let indicators: String
    public let successFactor: String
    public let activities: String
    public let unit: String
    public let units: String
    public let result: String
    public let execution: String
    public let assessment: String
    public let stale: String
    public let overdue: String
    public let target: String
    public let latest: String
    public let score: String
    public let asOf: String
    public let supportedBy: String
    public let noData: String
    public let owner: String
    public let progress: String
    public let reportTitle: String
    public let legend: String
    public let variationHeading: String
    public let baseline: String
    public let centre: String
    public let limits: String
    /// "särskild orsak": the words for a special cause, for plain output.
    public let specialCause: String
    let colours: [StatusColour: String]
    let states: [ActivityState: String]
    let variations: [Variation: String]
    let charts: [ChartType: String]

    /// The name of a variation verdict.
    public func name(_ variation: Variation) -> String { variations[variation] ?? variation.rawValue }

    /// The verdict alone ("förbättring"), without the words for a special cause.
    public func shortName(_ variation: Variation) -> String {
        let full = name(variation)
        guard let parenthesis = full.firstIndex(of: "(") else { return full }
        return String(full[..<parenthesis]).trimmingCharacters(in: .whitespaces)
    }

    /// The name of a chart type.
    public func chartName(_ chart: ChartType) -> String { charts[chart] ?? chart.rawValue }

    /// The name of a colour.
    public func name(_ colour: StatusColour) -> String { colours[colour] ?? colour.rawValue }

    /// The name of an activity state.
    public func name(_ state: ActivityState) -> String { states[state] ?? state.rawValue }

    /// Labels for a language, from the message catalogue.
    public static func forLanguage(_ language: ReportLanguage) -> Labels {
        func word(_ id: String) -> String { Catalogue.text(id, language) }
        return Labels(
            language: language, status: word("label.status"), goal: word("label.goal"), goals: word("label.goals"),
            indicator: word("label.indicator"), indicators: word("label.indicators"),
            successFactor: word("label.success-factor"), activities: word("label.activities"),
            unit: word("label.unit"), units: word("label.units"), result: word("label.result"),
            execution: word("label.execution"), assessment: word("label.assessment"), stale: word("label.stale"),
            overdue: word("label.overdue"), target: word("label.target"), latest: word("label.latest"),
            score: word("label.score"), asOf: word("label.as-of"), supportedBy: word("label.supported-by"),
            noData: word("label.no-data"), owner: word("label.owner"), progress: word("label.progress"),
            reportTitle: word("label.report-title"), legend: word("label.legend"),
            variationHeading: word("label.variation"), baseline: word("label.baseline"), centre: word("label.centre"),
            limits: word("label.limits"), specialCause: word("label.special-cause"),
            colours: Dictionary(uniqueKeysWithValues: StatusColour.allCases.map { ($0, word("colour.\($0.rawValue)")) }),
            states: Dictionary(uniqueKeysWithValues: ActivityState.allCases.map { ($0, word("state.\($0.rawValue)")) }),
            variations: Dictionary(uniqueKeysWithValues: Variation.allCases.map { ($0, word("variation.\($0.rawValue)")) }),
            charts: Dictionary(uniqueKeysWithValues: ChartType.allCases.map { ($0, word("chart.\($0.rawValue)")) }))
    }

    /// A number as this language writes it: `3,5` in sv and da, `3.5` in en.
    public func number(_ value: Double) -> String { NumberText.format(value, in: language) }

    /// A value with its unit in this language: "6,1 %", "29 dagar".
    public func value(_ value: Double?, unit: String?) -> String {
        guard let value else { return "–" }
        guard let unit, !unit.isEmpty else { return number(value) }
        return "\(number(value)) \(unit)"
    }
}

extension String {
    /// The text with its first letter in upper case ("mål" → "Mål").
    var capitalisedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}

/// Words of comments, countermeasures, assurance and the review pack (spec §8, §12), in sv, da and en.
public struct ReviewLabels: Sendable {
    public let assurance: String
    public let comment: String
    public let note: String
    public let countermeasures: String
    public let problem: String
    public let cause: String
    public let action: String
    public let due: String
    public let closed: String
    public let outcome: String
    public let missingCountermeasure: String
    public let packTitle: String
    public let cover: String
    public let organisation: String
    public let period: String
    public let revision: String
    public let itemsPerColour: String
    public let exceptions: String
    public let noExceptions: String
    public let bowling: String
    public let attention: String
    public let noAttention: String
    public let everythingElse: String
    public let changes: String
    public let noChanges: String
    public let cutNotice: String
    public let cutLines: String
    public let reasonRed: String
    public let reasonDeteriorating: String
    public let reasonFail: String
    public let page: String
    public let sections: [String]
    let assurances: [Assurance: String]
    let assurancesLong: [Assurance: String]
    let states: [CountermeasureState: String]

    /// The short name of an assurance ("når målet").
    public func name(_ assurance: Assurance) -> String { assurances[assurance] ?? assurance.rawValue }
    /// The full sentence of an assurance.
    public func longName(_ assurance: Assurance) -> String { assurancesLong[assurance] ?? assurance.rawValue }
    /// The name of a countermeasure state.
    public func name(_ state: CountermeasureState) -> String { states[state] ?? state.rawValue }

    /// Labels for a language.
    public static func forLanguage(_ language: ReportLanguage) -> ReviewLabels {
        switch language {
        case .sv: swedish
        case .da: danish
        case .en: english
        }
    }

    static let swedish = ReviewLabels(
        assurance: "Måluppfyllelse", comment: "Kommentar", note: "Notering", countermeasures: "Åtgärder",
        problem: "Problem", cause: "Orsak", action: "Vad görs", due: "Klart senast", closed: "Avslutad",
        outcome: "Resultat", missingCountermeasure: "Åtgärd saknas",
        packTitle: "Månadsuppföljning", cover: "Översikt", organisation: "Organisation", period: "Period",
        revision: "Version (git)", itemsPerColour: "Antal per färg", exceptions: "Avvikelser",
        noExceptions: "Inga avvikelser denna period.", bowling: "Bowlingdiagram",
        attention: "Aktiviteter som behöver uppmärksamhet", noAttention: "Inga aktiviteter är försenade, inaktuella eller avviker.",
        everythingElse: "Övrigt", changes: "Förändringar sedan förra perioden", noChanges: "Inga förändringar.",
        cutNotice: "Avsnitt 5 (Övrigt) är utelämnat så att packen ryms i en kommentar (under 65 536 tecken). Hela packen: --format html.",
        cutLines: "rader utelämnade", reasonRed: "röd", reasonDeteriorating: "försämring (särskild orsak)", reasonFail: "når inte målet med nuvarande process",
        page: "Sida",
        sections: ["Översikt", "Avvikelser", "Bowlingdiagram", "Aktiviteter som behöver uppmärksamhet", "Övrigt", "Förändringar sedan förra perioden"],
        assurances: [.pass: "når målet", .fail: "når inte målet", .inconsistent: "når målet ibland"],
        assurancesLong: [.pass: "når målet varje gång (målet ligger utanför styrgränserna på rätt sida)",
                         .fail: "når inte målet utan att processen ändras (målet ligger bortom styrgränserna)",
                         .inconsistent: "når målet ibland, av slump (målet ligger mellan styrgränserna)"],
        states: [.open: "öppen", .monitoring: "följs upp", .closed: "avslutad"])

    static let danish = ReviewLabels(
        assurance: "Målopfyldelse", comment: "Kommentar", note: "Note", countermeasures: "Tiltag",
        problem: "Problem", cause: "Årsag", action: "Handling", due: "Frist", closed: "Lukket",
        outcome: "Resultat", missingCountermeasure: "Tiltag mangler",
        packTitle: "Månedsopfølgning", cover: "Overblik", organisation: "Organisation", period: "Periode",
        revision: "Version (git)", itemsPerColour: "Antal pr. farve", exceptions: "Afvigelser",
        noExceptions: "Ingen afvigelser i denne periode.", bowling: "Bowlingdiagram",
        attention: "Aktiviteter der kræver opmærksomhed", noAttention: "Ingen aktiviteter er forsinkede, forældede eller afviger.",
        everythingElse: "Øvrigt", changes: "Ændringer siden forrige periode", noChanges: "Ingen ændringer.",
        cutNotice: "Afsnit 5 (Øvrigt) er udeladt, så pakken kan være i en kommentar (under 65 536 tegn). Hele pakken: --format html.",
        cutLines: "linjer udeladt", reasonRed: "rød", reasonDeteriorating: "forværring (særlig årsag)", reasonFail: "når ikke målet med den nuværende proces",
        page: "Side",
        sections: ["Overblik", "Afvigelser", "Bowlingdiagram", "Aktiviteter der kræver opmærksomhed", "Øvrigt", "Ændringer siden forrige periode"],
        assurances: [.pass: "når målet", .fail: "når ikke målet", .inconsistent: "når målet nogle gange"],
        assurancesLong: [.pass: "når målet hver gang (målet ligger uden for kontrolgrænserne på den rigtige side)",
                         .fail: "når ikke målet uden at ændre processen (målet ligger bag kontrolgrænserne)",
                         .inconsistent: "når målet nogle gange, tilfældigt (målet ligger mellem kontrolgrænserne)"],
        states: [.open: "åben", .monitoring: "følges op", .closed: "lukket"])

    static let english = ReviewLabels(
        assurance: "Assurance", comment: "Comment", note: "Note", countermeasures: "Countermeasures",
        problem: "Problem", cause: "Cause", action: "Action", due: "Due", closed: "Closed",
        outcome: "Result", missingCountermeasure: "Countermeasure missing",
        packTitle: "Monthly review", cover: "Overview", organisation: "Organisation", period: "Period",
        revision: "Revision (git)", itemsPerColour: "Items per colour", exceptions: "Exceptions",
        noExceptions: "No exceptions this period.", bowling: "Bowling chart",
        attention: "Activities needing attention", noAttention: "No activity is overdue, stale, at risk or off track.",
        everythingElse: "Everything else", changes: "Changes since the previous period", noChanges: "No changes.",
        cutNotice: "Section 5 (Everything else) is left out so that the pack fits a comment (under 65,536 characters). The whole pack: --format html.",
        cutLines: "lines left out", reasonRed: "red", reasonDeteriorating: "deteriorating (special cause)", reasonFail: "will not meet the target as the process runs now",
        page: "Page",
        sections: ["Overview", "Exceptions", "Bowling chart", "Activities needing attention", "Everything else", "Changes since the previous period"],
        assurances: [.pass: "pass", .fail: "fail", .inconsistent: "hit and miss"],
        assurancesLong: [.pass: "meets the target every time (the target lies beyond the limits on the good side)",
                         .fail: "will not meet the target without changing the process (the target lies beyond the limits)",
                         .inconsistent: "meets and misses the target by chance (the target lies between the limits)"],
        states: [.open: "open", .monitoring: "monitoring", .closed: "closed"])
}

extension Labels {
    /// The words of comments, countermeasures, assurance and the review pack in the same language.
    public var review: ReviewLabels { ReviewLabels.forLanguage(language) }
}
