import ArgumentParser
import HoshinModel
import HoshinRender
import HoshinRepository
import HoshinRollup
import HoshinVariation
import HoshinText

/// `hoshin chart`: one indicator's run or control chart, as SVG or as text.
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Show one indicator's run or control chart.",
        discussion: "--format svg writes an SVG file (to --output, default UNIT-INDICATOR.svg); text prints a sparkline with the figures.")

    @OptionGroup var language: LanguageOption

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case svg, text
    }

    @Argument(help: "The indicator, as UNIT/INDICATOR.")
    var reference: String

    @Option(help: "The plan repository folder.")
    var plans: String = "plans"

    @Option(name: .customLong("as-of"), help: "Use measurements whose period has begun by this date; default today.")
    var asOf: PlanDate?

    @Option(help: "svg or text.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Where to write the SVG.")
    var output: String?

    func run() throws {
        let date = asOf ?? .today
        let result = language.localize(try RepositoryLoader().load(folder: try PlanFolder.resolve(plans), asOf: date))
        let repository = try ValidationGate.repository(result)
        let parts = reference.split(separator: "/").map(String.init)
        let allIndicators = repository.units.flatMap { unit in unit.allIndicators.map { unit.reference($0.id.value) } }
        guard parts.count == 2, let unit = repository.unitsByID[parts[0]],
              unit.allIndicators.contains(where: { $0.id.value == parts[1] }) else {
            throw CommandFailure(parts.count == 1 ? ReferenceHint.message(for: reference, kind: .indicator, in: repository)
                                 : "no indicator '\(reference)'\(Suggestion.hint(for: reference, in: allIndicators))")
        }
        let tree = try RollupEngine(repository: repository, asOf: date).tree(from: unit.id.value, depth: 0)
        guard let indicator = tree.root.goals.flatMap(\.indicators).first(where: { $0.ref == reference }) else {
            throw CommandFailure("no indicator '\(reference)'")
        }
        let labels = Labels.forLanguage(repository.settings.language)
        switch format {
        case .svg:
            let svg = ControlChartSVG(labels: labels).svg(indicator, standalone: true)
            guard !svg.isEmpty else { throw CommandFailure("'\(reference)' has no measurements by \(date)", exitCode: 1) }
            let path = output ?? "\(parts[0])-\(parts[1]).svg"
            try AtomicFile.write(Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n").utf8), to: path)
            Terminal.write(Catalogue.text("sheet.wrote", labels.language, ["file": path]) + "\n")
        case .text:
            Terminal.write(ChartText.render(indicator, labels: labels))
        }
    }
}

/// A terminal view of a chart: a sparkline and the figures of the analysis.
enum ChartText {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func render(_ indicator: IndicatorStatus, labels: Labels) -> String {
        let spc = indicator.spc
        var out = "\(indicator.ref) — \(indicator.title)\n"
        let values = spc.points.map(\.value)
        guard let low = values.min(), let high = values.max() else {
            return out + labels.noData + "\n"
        }
        let span = high - low
        let line = String(values.map { value in
            blocks[span == 0 ? 3 : min(7, Int((value - low) / span * 7.999))]
        })
        out += "\(spc.points.first!.label) \(line) \(spc.points.last!.label)\n"
        let language = labels.language
        func text(_ id: String, _ arguments: [String: String] = [:]) -> String { Catalogue.text(id, language, arguments) }
        let kind = text(spc.isControlChart ? "chart.text.kind.control" : "chart.kind.run")
        var chartLine = "\(labels.chartName(spc.chart))"
        if spc.isControlChart { chartLine += " (\(kind))" }
        if let centre = spc.centre { chartLine += " · \(text("chart.text.centre-line")) \(labels.number(centre))" }
        if spc.isControlChart {
            let limits = spc.latestLimits
            chartLine += " · \(text("chart.text.limits-line")) \(limits.lower.map(labels.number) ?? "–")–\(limits.upper.map(labels.number) ?? "–")"
        }
        out += chartLine + "\n"
        // The figures of spec §8 in words, with the limit that would make each a signal.
        out += text("chart.text.points", ["points": "\(spc.points.count)", "useful": "\(spc.useful)"]) + "\n"
        if let max = spc.longestRunMax {
            out += text("chart.text.run", ["run": "\(spc.longestRun)", "max": "\(max)"]) + "\n"
        } else {
            out += text("chart.text.run.none", ["run": "\(spc.longestRun)"]) + "\n"
        }
        if let min = spc.crossingsMin {
            out += text("chart.text.crossings", ["crossings": "\(spc.crossings)", "min": "\(min)"]) + "\n"
        } else {
            out += text("chart.text.crossings.none", ["crossings": "\(spc.crossings)"]) + "\n"
        }
        if spc.signals.isEmpty {
            out += text("chart.text.signals.none") + "\n"
        } else {
            out += text("chart.text.signals") + "\n"
            for signal in spc.signals { out += "  – " + text("chart.text.signal.\(signal.rawValue)") + "\n" }
        }
        let verdict = labels.name(spc.variation)
        if let evidence = spc.evidence {
            out += text("chart.text.verdict.evidence", ["verdict": verdict, "period": spc.points[evidence].label]) + "\n"
        } else {
            out += text("chart.text.verdict", ["verdict": verdict]) + "\n"
        }
        if let value = indicator.value, let period = indicator.period {
            out += text("chart.text.latest", [
                "value": labels.value(value, unit: indicator.unit), "period": "\(period)",
                "target": labels.value(indicator.target, unit: indicator.unit), "status": labels.name(indicator.status),
            ]) + "\n"
        }
        return out
    }
}
