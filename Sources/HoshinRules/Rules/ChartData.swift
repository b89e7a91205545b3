import HoshinModel

extension Rule {
    /// Measurements that do not fit the indicator's SPC chart.
    public static let chartData = Rule(RuleDescription(
        id: RuleID.chartData, defaultSeverity: .error,
        summary: "measurements that do not fit the indicator's chart (p and u need num/den, c whole counts)",
        rationale: """
        Control limits depend on the kind of data: a p chart judges proportions and needs each \
        numerator and denominator, a u chart rates, a c chart counts. Data of another kind would give \
        limits that mean nothing, and signals that send people looking for causes that are not there.
        """,
        failing: .indicator("""
                chart: p
                measurements:
                  2026-01: 7.9

        """),
        passing: .indicator("""
                chart: p
                measurements:
                  2026-01: {num: 11, den: 142}

        """)),
        check: { context in
            for unit in context.repository.units {
                for indicator in unit.allIndicators {
                    for measurement in indicator.measurements {
                        if let problem = chartDataProblem(indicator.chart, measurement.value) {
                            context.report(unit.file, measurement.valueRange,
                                           "\(measurement.period) of '\(indicator.id.value)': \(problem)")
                        }
                    }
                }
            }
        })

    static func chartDataProblem(_ chart: ChartType, _ value: MeasurementValue) -> String? {
        switch (chart, value) {
        case (.p, .number), (.u, .number):
            return "a \(chart.rawValue) chart needs {num, den}, not a single number"
        case (_, .ratio(_, let den)) where den <= 0:
            return "the denominator must be greater than 0"
        case (.p, .ratio(let num, let den)) where num < 0 || num > den:
            return "a p chart needs 0 ≤ num ≤ den (a proportion)"
        case (.u, .ratio(let num, _)) where num < 0:
            return "a u chart needs num ≥ 0"
        case (.c, .ratio):
            return "a c chart counts events: give a whole number, not {num, den}"
        case (.c, .number(let count)) where count < 0 || count.rounded() != count:
            return "a c chart counts events: give a whole number ≥ 0"
        default:
            return nil
        }
    }
}
