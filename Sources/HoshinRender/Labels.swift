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
    let assurances: [Assurance: String]
    let assurancesLong: [Assurance: String]
    let states: [CountermeasureState: String]

    /// The headings of the pack's six sections, in order.
    public var sections: [String] { [cover, exceptions, bowling, attention, everythingElse, changes] }

    /// The short name of an assurance ("når målet").
    public func name(_ assurance: Assurance) -> String { assurances[assurance] ?? assurance.rawValue }
    /// The full sentence of an assurance.
    public func longName(_ assurance: Assurance) -> String { assurancesLong[assurance] ?? assurance.rawValue }
    /// The name of a countermeasure state.
    public func name(_ state: CountermeasureState) -> String { states[state] ?? state.rawValue }

    /// Labels for a language, from the message catalogue.
    public static func forLanguage(_ language: ReportLanguage) -> ReviewLabels {
        func text(_ id: String) -> String { Catalogue.text(id, language) }
        func table<Key: RawRepresentable<String> & CaseIterable & Hashable>(_ prefix: String, _: Key.Type) -> [Key: String] {
            Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0, text(prefix + $0.rawValue)) })
        }
        return ReviewLabels(
            assurance: text("review.assurance"), comment: text("review.comment"), note: text("review.note"),
            countermeasures: text("review.countermeasures"), problem: text("review.problem"),
            cause: text("review.cause"), action: text("review.action"), due: text("review.due"),
            closed: text("review.closed"), outcome: text("review.outcome"),
            missingCountermeasure: text("review.missing-countermeasure"), packTitle: text("review.pack-title"),
            cover: text("review.cover"), organisation: text("review.organisation"),
            period: text("review.period"), revision: text("review.revision"),
            itemsPerColour: text("review.items-per-colour"), exceptions: text("review.exceptions"),
            noExceptions: text("review.no-exceptions"), bowling: text("review.bowling"),
            attention: text("review.attention"), noAttention: text("review.no-attention"),
            everythingElse: text("review.everything-else"), changes: text("review.changes"),
            noChanges: text("review.no-changes"), cutNotice: text("review.cut-notice"),
            cutLines: text("review.cut-lines"), reasonRed: text("review.reason-red"),
            reasonDeteriorating: text("review.reason-deteriorating"), reasonFail: text("review.reason-fail"),
            page: text("review.page"),
            assurances: table("review.assurance.", Assurance.self),
            assurancesLong: table("review.assurance-long.", Assurance.self),
            states: table("review.state.", CountermeasureState.self))
    }
}

extension Labels {
    /// The words of comments, countermeasures, assurance and the review pack in the same language.
    public var review: ReviewLabels { ReviewLabels.forLanguage(language) }
}
