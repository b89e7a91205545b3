import HoshinModel
import HoshinRollup
import HoshinVariation

/// An indicator's run or control chart as inline SVG that explains itself when pasted
/// alone: the indicator's title and unit above, round y ticks (`NiceAxis`) with light
/// grid lines, period labels on the x axis, points joined in period order, centre line,
/// limits as steps where they vary, the target dashed and labelled, signal points
/// marked by shape (readable in greyscale).
public struct ControlChartSVG: Sendable {
    /// Size in CSS pixels.
    public var width: Double = 560
    /// Size in CSS pixels.
    public var height: Double = 214
    /// Labels for the legend.
    public let labels: Labels

    /// Creates a chart renderer.
    public init(labels: Labels, width: Double = 560, height: Double = 214) {
        self.labels = labels
        self.width = width
        self.height = height
    }

    let left = 54.0
    let right = 54.0
    let top = 40.0
    let bottom = 30.0

    /// The SVG of an indicator's chart, or an empty string without points; `standalone`
    /// adds the XML namespace a `.svg` file needs (inline SVG in HTML does without).
    public func svg(_ indicator: IndicatorStatus, standalone: Bool = false) -> String {
        let spc = indicator.spc
        let values = spc.points.map(\.value)
        guard !values.isEmpty else { return "" }
        var extent = values + [indicator.target]
        if let centre = spc.centre { extent.append(centre) }
        for limit in spc.limits {
            if let lower = limit.lower { extent.append(lower) }
            if let upper = limit.upper { extent.append(upper) }
        }
        let axis = NiceAxis(low: extent.min()!, high: extent.max()!)
        let low = axis.low
        let high = axis.high
        // A long title takes two lines; the plot moves down and the chart grows by one line.
        let title = titleLines(indicator)
        let extra = Double(title.count - 1) * 14
        let top = self.top + extra
        let height = self.height + extra
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let step = values.count > 1 ? plotWidth / Double(values.count - 1) : 0
        func x(_ index: Int) -> Double { values.count == 1 ? left + plotWidth / 2 : left + Double(index) * step }
        func y(_ value: Double) -> Double { top + (1 - (value - low) / (high - low)) * plotHeight }

        let namespace = standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : ""
        var out = "<svg class=\"chart\"\(namespace) font-family=\"system-ui, DejaVu Sans, sans-serif\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(HTML.escape(indicator.title))\">"
        out += "<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(plotWidth))\" height=\"\(n(plotHeight))\" fill=\"#fff\" stroke=\"#d5dae1\"/>"
        // title and unit, so that a chart pasted alone says what it shows
        for (index, line) in title.enumerated() {
            out += "<text x=\"\(n(left))\" y=\"\(n(14 + Double(index) * 14))\" font-size=\"12\" font-weight=\"600\" fill=\"#1d232b\">\(HTML.escape(line))</text>"
        }
        if let unit = indicator.unit, !unit.isEmpty {
            let middle = top + plotHeight / 2
            out += "<text x=\"12\" y=\"\(n(middle))\" transform=\"rotate(-90 12 \(n(middle)))\" text-anchor=\"middle\" font-size=\"10\" fill=\"#4a5563\">\(HTML.escape(unit))</text>"
        }
        // y axis: round ticks with light grid lines
        for tick in axis.ticks {
            if tick > low, tick < high {
                out += "<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(tick)))\" stroke=\"#eef0f3\"/>"
            }
            out += "<text x=\"\(n(left - 4))\" y=\"\(n(y(tick) + 3))\" text-anchor=\"end\" font-size=\"10\" fill=\"#4a5563\">\(HTML.escape(NumberText.localize(axis.label(tick), in: labels.language)))</text>"
        }
        // x axis: at most eight period labels, always the last
        let every = max(1, Int((Double(values.count) / 8).rounded(.up)))
        for index in values.indices where index % every == 0 || index == values.count - 1 {
            if index != values.count - 1, values.count - 1 - index < every { continue }
            let anchor = values.count > 1 && index == values.count - 1 ? "end" : (values.count > 1 && index == 0 ? "start" : "middle")
            out += "<text x=\"\(n(x(index)))\" y=\"\(n(height - bottom + 14))\" text-anchor=\"\(anchor)\" font-size=\"10\" fill=\"#4a5563\">\(HTML.escape(spc.points[index].label))</text>"
        }
        // baseline end (freeze)
        if spc.baselineCount < values.count, spc.baselineCount > 0 {
            let bx = (x(spc.baselineCount - 1) + x(spc.baselineCount)) / 2
            out += "<line x1=\"\(n(bx))\" y1=\"\(n(top))\" x2=\"\(n(bx))\" y2=\"\(n(top + plotHeight))\" stroke=\"#8a8f98\" stroke-dasharray=\"2 3\"/>"
            out += "<text x=\"\(n(bx - 3))\" y=\"\(n(top + 10))\" text-anchor=\"end\" font-size=\"9\" fill=\"#4a5563\">\(labels.baseline)</text>"
        }
        // limits as steps
        for side in [\Limits.lower, \Limits.upper] {
            var path = ""
            for index in values.indices {
                guard let value = spc.limits[index][keyPath: side] else { continue }
                let half = values.count > 1 ? step / 2 : plotWidth / 2
                let x0 = max(left, x(index) - half)
                let x1 = min(left + plotWidth, x(index) + half)
                path += (path.isEmpty || spc.limits[max(0, index - 1)][keyPath: side] == nil ? "M" : "L") + "\(n(x0)) \(n(y(value))) L\(n(x1)) \(n(y(value))) "
            }
            if !path.isEmpty {
                out += "<path d=\"\(path)\" fill=\"none\" stroke=\"#6b7280\" stroke-width=\"1\" stroke-dasharray=\"1 2\"/>"
            }
        }
        // centre line and target
        if let centre = spc.centre {
            out += "<line x1=\"\(n(left))\" y1=\"\(n(y(centre)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(centre)))\" stroke=\"#4a5563\" stroke-width=\"1.2\"/>"
        }
        out += "<line x1=\"\(n(left))\" y1=\"\(n(y(indicator.target)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(indicator.target)))\" stroke=\"\(spc.assurance == .fail ? "#c62828" : "#1a7f37")\" stroke-width=\"1.2\" stroke-dasharray=\"6 3\"/>"
        // the target's label in the right margin, at the line's height, clear of the points
        out += "<text x=\"\(n(left + plotWidth + 4))\" y=\"\(n(y(indicator.target) + 3))\" font-size=\"9\" fill=\"#1a7f37\">\(HTML.escape("\(labels.target) \(labels.value(indicator.target, unit: indicator.unit))"))</text>"
        // the series
        let line = values.indices.map { "\(n(x($0))),\(n(y(values[$0])))" }.joined(separator: " ")
        out += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"#1d232b\" stroke-width=\"1.4\"/>"
        for index in values.indices {
            let cx = n(x(index))
            let cy = n(y(values[index]))
            let title = "<title>\(HTML.escape(spc.points[index].label)): \(HTML.escape(labels.value(values[index], unit: indicator.unit)))</title>"
            if spc.outside.contains(index) {
                out += "<rect x=\"\(n(x(index) - 4.5))\" y=\"\(n(y(values[index]) - 4.5))\" width=\"9\" height=\"9\" fill=\"#c62828\" stroke=\"#1d232b\">\(title)</rect>"
            } else if spc.inLongRun.contains(index) {
                out += "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"4.2\" fill=\"#fff\" stroke=\"#b58800\" stroke-width=\"2.4\">\(title)</circle>"
            } else {
                out += "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"2.6\" fill=\"#1d232b\">\(title)</circle>"
            }
        }
        // legend
        out += "<text x=\"\(n(left))\" y=\"\(n(30 + extra))\" font-size=\"10\" fill=\"#4a5563\">\(HTML.escape(legendText(indicator)))</text>"
        out += "</svg>"
        return out
    }

    /// "Fallskador (antal per 1000 vårddagar)": the title, and the unit when there is one.
    func titleText(_ indicator: IndicatorStatus) -> String {
        guard let unit = indicator.unit, !unit.isEmpty else { return indicator.title }
        return "\(indicator.title) (\(unit))"
    }

    /// The title in at most two lines of about the chart's width (12 px text is about
    /// 7.6 px a character in bold), the second shortened with "…" when it is still too long.
    func titleLines(_ indicator: IndicatorStatus) -> [String] {
        let limit = max(20, Int((width - left - 8) / 7.6))
        var lines = [""]
        for word in titleText(indicator).split(separator: " ") {
            let candidate = lines[lines.count - 1].isEmpty ? String(word) : lines[lines.count - 1] + " " + word
            if candidate.count <= limit || lines[lines.count - 1].isEmpty || lines.count == 2 {
                lines[lines.count - 1] = candidate
            } else {
                lines.append(String(word))
            }
        }
        if lines[lines.count - 1].count > limit { lines[lines.count - 1] = String(lines[lines.count - 1].prefix(limit - 1)) + "…" }
        return lines
    }

    func legendText(_ indicator: IndicatorStatus) -> String {
        let spc = indicator.spc
        var parts = ["\(labels.chartName(spc.chart))"]
        if let centre = spc.centre { parts.append("\(labels.centre) \(labels.number(centre))") }
        parts.append("\(labels.target) \(labels.number(indicator.target)) (- -)")
        if spc.isControlChart { parts.append("\(labels.limits) (···)") }
        parts.append(labels.name(spc.variation))
        if let assurance = spc.assurance {
            parts.append("\(labels.review.assurance): \(Display.assuranceSymbol(assurance)) \(labels.review.name(assurance))")
        }
        return parts.joined(separator: " · ")
    }

    func n(_ value: Double) -> String { Sparkline.f(value) }
}
