import HoshinModel
import HoshinOutput
import HoshinRollup
import HoshinVariation

/// The JSON of spec §5, streamed: keys in alphabetical order (fixed here in code, not
/// sorted at run time), `score` null on grey, stable between runs.
public struct JSONStatusRenderer: StatusRenderer {
    /// Creates the renderer.
    public init() {}

    public func render(_ tree: StatusTree) -> String {
        var output = OutputBuffer()
        write(tree, to: &output)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    public func write(_ tree: StatusTree, to output: inout OutputBuffer) {
        var json = JSONWriter(output: output)
        output = OutputBuffer() // the writer owns the bytes while it writes
        json.beginObject()
        json.key("asOf"); json.string(tree.asOf.description)
        json.key("organisation"); json.string(tree.organisation)
        json.key("period"); json.integer(tree.period)
        if !tree.problems.isEmpty {
            // §5: the §6 diagnostics of the files that could not be read, severity error.
            json.key("problems")
            json.beginArray()
            for d in tree.problems.diagnostics {
                d.write(to: &json)
            }
            json.endArray()
        }
        json.key("root"); unit(tree.root, &json)
        if !tree.problems.isEmpty {
            json.key("unitsLeftOut")
            json.beginArray()
            for left in tree.problems.unitsLeftOut {
                json.beginObject()
                json.key("file"); json.string(left.file)
                json.key("id"); json.string(left.id)
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
        output = json.finish()
    }

    /// One unit's subtree as JSON text (for comparing subtrees).
    func unitJSON(_ unit: UnitStatus) -> String {
        var json = JSONWriter(output: OutputBuffer())
        self.unit(unit, &json)
        return String(decoding: json.finish().bytes, as: UTF8.self)
    }

    func figure(_ figure: Figure, _ json: inout JSONWriter) {
        json.key("score"); json.number(figure.score)
        json.key("status"); json.string(figure.status.rawValue)
    }

    func figureObject(_ figure: Figure, _ json: inout JSONWriter) {
        json.beginObject()
        self.figure(figure, &json)
        json.endObject()
    }

    func unit(_ unit: UnitStatus, _ json: inout JSONWriter) {
        json.beginObject()
        json.key("goals")
        json.beginArray()
        for goal in unit.goals { self.goal(goal, &json) }
        json.endArray()
        json.key("id"); json.string(unit.id)
        json.key("name"); json.string(unit.name)
        figure(unit.figure, &json)
        json.key("units")
        json.beginArray()
        for child in unit.units { self.unit(child, &json) }
        json.endArray()
        json.endObject()
    }

    func goal(_ goal: GoalStatus, _ json: inout JSONWriter) {
        json.beginObject()
        json.key("activities"); activities(goal.activities, &json)
        if let assessment = goal.assessment {
            json.key("assessment")
            json.beginObject()
            json.key("date"); json.string(assessment.date?.description)
            json.key("note"); json.string(assessment.note)
            json.key("status"); json.string(assessment.status.rawValue)
            json.endObject()
        }
        json.key("countermeasures"); countermeasures(goal.countermeasures, &json)
        json.key("execution"); figureObject(goal.execution, &json)
        json.key("indicators")
        json.beginArray()
        for indicator in goal.indicators { self.indicator(indicator, &json) }
        json.endArray()
        json.key("ref"); json.string(goal.ref)
        json.key("result"); figureObject(goal.result, &json)
        figure(goal.figure, &json)
        json.key("successFactors")
        json.beginArray()
        for factor in goal.successFactors {
            json.beginObject()
            json.key("activities"); activities(factor.activities, &json)
            json.key("ref"); json.string(factor.ref)
            figure(factor.figure, &json)
            json.key("title"); json.string(factor.title)
            json.endObject()
        }
        json.endArray()
        json.key("supportedBy"); strings(goal.supportedBy, &json)
        json.key("supports"); strings(goal.supports, &json)
        json.key("title"); json.string(goal.title)
        json.key("weight"); json.number(goal.weight)
        json.endObject()
    }

    func strings(_ list: [String], _ json: inout JSONWriter) {
        json.beginArray()
        for text in list { json.string(text) }
        json.endArray()
    }

    func countermeasures(_ list: [CountermeasureStatus], _ json: inout JSONWriter) {
        json.beginArray()
        for status in list { countermeasure(status, &json) }
        json.endArray()
    }

    /// A countermeasure: the §3 fields (absent when the plan has none) and `overdue`.
    func countermeasure(_ status: CountermeasureStatus, _ json: inout JSONWriter) {
        let measure = status.countermeasure
        json.beginObject()
        if let action = measure.action { json.key("action"); json.string(action) }
        if let cause = measure.cause { json.key("cause"); json.string(cause) }
        if let closed = measure.closed { json.key("closed"); json.string(closed.value.description) }
        if let due = measure.due { json.key("due"); json.string(due.value.description) }
        json.key("id"); json.string(measure.id.value)
        json.key("opened"); json.string(measure.opened.value.description)
        json.key("overdue"); json.bool(status.overdue)
        json.key("owner"); json.string(measure.owner)
        json.key("problem"); json.string(measure.problem)
        json.key("ref"); json.string(status.ref)
        if let result = measure.result { json.key("result"); json.string(result) }
        json.key("status"); json.string(measure.status.value.rawValue)
        json.endObject()
    }

    func indicator(_ indicator: IndicatorStatus, _ json: inout JSONWriter) {
        json.beginObject()
        if let comment = indicator.comment { json.key("comment"); json.string(comment) }
        json.key("countermeasures"); countermeasures(indicator.countermeasures, &json)
        json.key("direction"); json.string(indicator.direction.rawValue)
        if let missing = indicator.missingCountermeasure { json.key("missingCountermeasure"); json.string(missing) }
        json.key("period"); json.string(indicator.period?.description)
        json.key("ref"); json.string(indicator.ref)
        json.key("spc"); spc(indicator.spc, &json)
        json.key("status"); json.string(indicator.status.rawValue)
        json.key("target"); json.number(indicator.target)
        json.key("title"); json.string(indicator.title)
        json.key("unit"); json.string(indicator.unit)
        json.key("value"); json.number(indicator.value)
        json.key("warning"); json.number(indicator.warning)
        json.endObject()
    }

    /// The `spc` object of spec §8.
    func spc(_ analysis: VariationAnalysis, _ json: inout JSONWriter) {
        json.beginObject()
        json.key("assurance"); json.string(analysis.assurance?.rawValue)
        json.key("centre"); json.number(analysis.centre)
        json.key("chart"); json.string(analysis.chart.rawValue)
        json.key("crossings"); json.integer(analysis.crossings)
        json.key("crossingsMin"); json.integer(analysis.crossingsMin)
        json.key("longestRun"); json.integer(analysis.longestRun)
        json.key("longestRunMax"); json.integer(analysis.longestRunMax)
        if analysis.isControlChart { json.key("lower"); json.number(analysis.latestLimits.lower) }
        json.key("points"); json.integer(analysis.points.count)
        json.key("signals")
        json.beginArray()
        for signal in analysis.signals { json.string(signal.rawValue) }
        json.endArray()
        if analysis.isControlChart { json.key("upper"); json.number(analysis.latestLimits.upper) }
        json.key("useful"); json.integer(analysis.useful)
        json.key("variation"); json.string(analysis.variation.rawValue)
        json.endObject()
    }

    func activities(_ list: [ActivityStatus], _ json: inout JSONWriter) {
        json.beginArray()
        for activity in list { self.activity(activity, &json) }
        json.endArray()
    }

    func activity(_ activity: ActivityStatus, _ json: inout JSONWriter) {
        json.beginObject()
        json.key("due"); json.string(activity.due?.description)
        if let note = activity.note { json.key("note"); json.string(note) }
        json.key("overdue"); json.bool(activity.overdue)
        json.key("progress"); json.number(activity.progress)
        json.key("ref"); json.string(activity.ref)
        json.key("stale"); json.bool(activity.stale)
        json.key("state"); json.string(activity.state.rawValue)
        json.key("status"); json.string(activity.status.rawValue)
        json.key("title"); json.string(activity.title)
        if let updated = activity.updated { json.key("updated"); json.string(updated.description) }
        json.endObject()
    }
}
