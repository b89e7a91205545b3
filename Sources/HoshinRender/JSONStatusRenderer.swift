import HoshinModel
import HoshinRollup
import HoshinVariation

/// The JSON of spec §5: keys sorted, `score` null on grey, stable between runs.
public struct JSONStatusRenderer: StatusRenderer {
    /// Creates the renderer.
    public init() {}

    public func render(_ tree: StatusTree) -> String {
        var object: [String: JSONValue] = [
            "asOf": .string(tree.asOf.description),
            "period": .integer(tree.period),
            "organisation": .string(tree.organisation),
            "root": unit(tree.root),
        ]
        if !tree.problems.isEmpty {
            // §5: the §6 diagnostics of the files that could not be read, severity error.
            object["problems"] = .array(tree.problems.diagnostics.map { d in
                .object([
                    "file": .string(d.file), "line": .integer(d.start.line), "column": .integer(d.start.column),
                    "endLine": .integer(d.end.line), "endColumn": .integer(d.end.column),
                    "severity": .string(d.severity.rawValue), "rule": .string(d.rule), "message": .string(d.message),
                ])
            })
            object["unitsLeftOut"] = .array(tree.problems.unitsLeftOut.map {
                .object(["id": .string($0.id), "file": .string($0.file)])
            })
        }
        return JSONValue.object(object).serialized()
    }

    func figure(_ figure: Figure) -> [String: JSONValue] {
        ["status": .string(figure.status.rawValue), "score": .number(figure.score)]
    }

    func unit(_ unit: UnitStatus) -> JSONValue {
        var object = figure(unit.figure)
        object["id"] = .string(unit.id)
        object["name"] = .string(unit.name)
        object["goals"] = .array(unit.goals.map(goal))
        object["units"] = .array(unit.units.map(self.unit))
        return .object(object)
    }

    func goal(_ goal: GoalStatus) -> JSONValue {
        var object = figure(goal.figure)
        object["ref"] = .string(goal.ref)
        object["title"] = .string(goal.title)
        object["weight"] = .number(goal.weight)
        object["result"] = .object(figure(goal.result))
        object["execution"] = .object(figure(goal.execution))
        if let assessment = goal.assessment {
            object["assessment"] = .object([
                "status": .string(assessment.status.rawValue),
                "date": .string(assessment.date?.description),
                "note": .string(assessment.note),
            ])
        }
        object["supports"] = .array(goal.supports.map(JSONValue.string))
        object["supportedBy"] = .array(goal.supportedBy.map(JSONValue.string))
        object["indicators"] = .array(goal.indicators.map(indicator))
        object["successFactors"] = .array(goal.successFactors.map { factor in
            var object = figure(factor.figure)
            object["ref"] = .string(factor.ref)
            object["title"] = .string(factor.title)
            object["activities"] = .array(factor.activities.map(activity))
            return .object(object)
        })
        object["activities"] = .array(goal.activities.map(activity))
        object["countermeasures"] = .array(goal.countermeasures.map(countermeasure))
        return .object(object)
    }

    /// A countermeasure: the §3 fields (absent when the plan has none) and `overdue`.
    func countermeasure(_ status: CountermeasureStatus) -> JSONValue {
        let measure = status.countermeasure
        var object: [String: JSONValue] = [
            "ref": .string(status.ref),
            "id": .string(measure.id.value),
            "opened": .string(measure.opened.value.description),
            "problem": .string(measure.problem),
            "owner": .string(measure.owner),
            "status": .string(measure.status.value.rawValue),
            "overdue": .bool(status.overdue),
        ]
        if let cause = measure.cause { object["cause"] = .string(cause) }
        if let action = measure.action { object["action"] = .string(action) }
        if let due = measure.due { object["due"] = .string(due.value.description) }
        if let closed = measure.closed { object["closed"] = .string(closed.value.description) }
        if let result = measure.result { object["result"] = .string(result) }
        return .object(object)
    }

    func indicator(_ indicator: IndicatorStatus) -> JSONValue {
        var object: [String: JSONValue] = [
            "ref": .string(indicator.ref),
            "title": .string(indicator.title),
            "status": .string(indicator.status.rawValue),
            "value": .number(indicator.value),
            "period": .string(indicator.period?.description),
            "target": .number(indicator.target),
            "warning": .number(indicator.warning),
            "unit": .string(indicator.unit),
            "direction": .string(indicator.direction.rawValue),
            "spc": spc(indicator.spc),
            "countermeasures": .array(indicator.countermeasures.map(countermeasure)),
        ]
        if let comment = indicator.comment { object["comment"] = .string(comment) }
        if let missing = indicator.missingCountermeasure { object["missingCountermeasure"] = .string(missing) }
        return .object(object)
    }

    /// The `spc` object of spec §8.
    func spc(_ analysis: VariationAnalysis) -> JSONValue {
        var object: [String: JSONValue] = [
            "chart": .string(analysis.chart.rawValue),
            "points": .integer(analysis.points.count),
            "useful": .integer(analysis.useful),
            "centre": .number(analysis.centre),
            "longestRun": .integer(analysis.longestRun),
            "longestRunMax": analysis.longestRunMax.map(JSONValue.integer) ?? .null,
            "crossings": .integer(analysis.crossings),
            "crossingsMin": analysis.crossingsMin.map(JSONValue.integer) ?? .null,
            "signals": .array(analysis.signals.map { .string($0.rawValue) }),
            "variation": .string(analysis.variation.rawValue),
            "assurance": .string(analysis.assurance?.rawValue),
        ]
        if analysis.isControlChart {
            object["lower"] = .number(analysis.latestLimits.lower)
            object["upper"] = .number(analysis.latestLimits.upper)
        }
        return .object(object)
    }

    func activity(_ activity: ActivityStatus) -> JSONValue {
        var object: [String: JSONValue] = [
            "ref": .string(activity.ref),
            "title": .string(activity.title),
            "status": .string(activity.status.rawValue),
            "state": .string(activity.state.rawValue),
            "progress": .number(activity.progress),
            "stale": .bool(activity.stale),
            "overdue": .bool(activity.overdue),
            "due": .string(activity.due?.description),
        ]
        if let updated = activity.updated { object["updated"] = .string(updated.description) }
        if let note = activity.note { object["note"] = .string(note) }
        return .object(object)
    }
}
