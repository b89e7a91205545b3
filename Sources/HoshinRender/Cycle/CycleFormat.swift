import HoshinRollup

/// Turns a reporting cycle into one output format.
public protocol CycleRenderer: Sendable {
    /// The whole output.
    func render(_ cycle: ReportingCycle) -> String
}

/// The formats `hoshin cycle --format` offers.
public enum CycleFormat: String, Sendable, CaseIterable {
    case text, json, markdown, csv

    /// The renderer of this format.
    public var renderer: any CycleRenderer {
        switch self {
        case .text: CycleTextRenderer()
        case .json: CycleJSONRenderer()
        case .markdown: CycleMarkdownRenderer()
        case .csv: CycleCSVRenderer()
        }
    }
}
