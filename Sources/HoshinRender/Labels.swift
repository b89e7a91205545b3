import Foundation
import HoshinModel
import HoshinVariation

/// Words of the status reports in the repository's language (sv, da, en).
public struct Labels: Sendable {
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

    /// Labels for a language.
    public static func forLanguage(_ language: ReportLanguage) -> Labels {
        switch language {
        case .sv: swedish
        case .da: danish
        case .en: english
        }
    }

    static let swedish = Labels(
        status: "Status", goal: "Mål", goals: "Mål", indicator: "Indikator", indicators: "Indikatorer",
        successFactor: "Framgångsfaktor", activities: "Aktiviteter", unit: "Enhet", units: "Enheter",
        result: "Resultat", execution: "Genomförande", assessment: "Ledningens bedömning",
        stale: "inaktuell rapport", overdue: "försenad", target: "mål", latest: "Senaste värde",
        score: "Poäng", asOf: "Läge per", supportedBy: "Stöds av", noData: "inga mätningar ännu",
        owner: "Ansvarig", progress: "Klart", reportTitle: "Målbild och uppföljning",
        legend: "G grön · Y gul · R röd · – grå (ingen information ännu)",
        variationHeading: "Variation", baseline: "baslinje", centre: "mittlinje", limits: "styrgränser",
        specialCause: "särskild orsak",
        colours: [.green: "grön", .yellow: "gul", .red: "röd", .grey: "grå"],
        states: [.notStarted: "ej påbörjad", .onTrack: "enligt plan", .atRisk: "risk för avvikelse",
                 .offTrack: "avviker", .done: "klar", .cancelled: "avbruten"],
        variations: [.insufficientData: "för få mätpunkter", .commonCause: "slumpmässig variation",
                     .improving: "förbättring (särskild orsak)", .deteriorating: "försämring (särskild orsak)",
                     .unclear: "oklart mönster"],
        charts: [.run: "Körschema", .i: "I-diagram", .p: "p-diagram", .u: "u-diagram", .c: "c-diagram"])

    static let danish = Labels(
        status: "Status", goal: "Mål", goals: "Mål", indicator: "Indikator", indicators: "Indikatorer",
        successFactor: "Succesfaktor", activities: "Aktiviteter", unit: "Enhed", units: "Enheder",
        result: "Resultat", execution: "Gennemførelse", assessment: "Ledelsens vurdering",
        stale: "forældet rapport", overdue: "forsinket", target: "mål", latest: "Seneste værdi",
        score: "Score", asOf: "Status pr.", supportedBy: "Understøttes af", noData: "ingen målinger endnu",
        owner: "Ansvarlig", progress: "Færdig", reportTitle: "Målbillede og opfølgning",
        legend: "G grøn · Y gul · R rød · – grå (ingen information endnu)",
        variationHeading: "Variation", baseline: "baseline", centre: "centerlinje", limits: "kontrolgrænser",
        specialCause: "særlig årsag",
        colours: [.green: "grøn", .yellow: "gul", .red: "rød", .grey: "grå"],
        states: [.notStarted: "ikke startet", .onTrack: "som planlagt", .atRisk: "i risiko",
                 .offTrack: "afviger", .done: "færdig", .cancelled: "aflyst"],
        variations: [.insufficientData: "for få målepunkter", .commonCause: "tilfældig variation",
                     .improving: "forbedring (særlig årsag)", .deteriorating: "forværring (særlig årsag)",
                     .unclear: "uklart mønster"],
        charts: [.run: "Seriediagram", .i: "I-kort", .p: "p-kort", .u: "u-kort", .c: "c-kort"])

    static let english = Labels(
        status: "Status", goal: "Goal", goals: "Goals", indicator: "Indicator", indicators: "Indicators",
        successFactor: "Success factor", activities: "Activities", unit: "Unit", units: "Units",
        result: "Result", execution: "Execution", assessment: "Leadership assessment",
        stale: "stale report", overdue: "overdue", target: "target", latest: "Latest value",
        score: "Score", asOf: "Status as of", supportedBy: "Supported by", noData: "no measurements yet",
        owner: "Owner", progress: "Done", reportTitle: "Goals and follow-up",
        legend: "G green · Y yellow · R red · – grey (no information yet)",
        variationHeading: "Variation", baseline: "baseline", centre: "centre", limits: "control limits",
        specialCause: "special cause",
        colours: [.green: "green", .yellow: "yellow", .red: "red", .grey: "grey"],
        states: [.notStarted: "not started", .onTrack: "on track", .atRisk: "at risk",
                 .offTrack: "off track", .done: "done", .cancelled: "cancelled"],
        variations: [.insufficientData: "too few points", .commonCause: "common-cause variation",
                     .improving: "improving (special cause)", .deteriorating: "deteriorating (special cause)",
                     .unclear: "unclear pattern"],
        charts: [.run: "Run chart", .i: "I chart", .p: "p chart", .u: "u chart", .c: "c chart"])
}

extension String {
    /// The text with its first letter in upper case ("mål" → "Mål").
    var capitalisedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
