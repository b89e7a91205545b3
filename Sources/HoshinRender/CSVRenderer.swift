import HoshinModel
import HoshinRollup

/// One row per node (unit, goal, indicator, success factor, activity); RFC 4180, UTF-8.
public struct CSVRenderer: StatusRenderer {
    /// Creates the renderer.
    public init() {}

    static let header = ["path", "kind", "ref", "title", "status", "score", "result", "execution", "value",
                         "target", "warning", "unit", "period", "state", "progress", "due", "updated", "stale",
                         "overdue", "assessment", "variation", "signals", "assurance", "comment", "note", "owner",
                         "opened", "closed"]

    public func render(_ tree: StatusTree) -> String {
        var rows: [[String]] = [Self.header]
        unit(tree.root, path: [], into: &rows)
        // Rows of kind "problem": what the status leaves out because of errors (§7).
        for line in ProblemsSection.lines(tree.problems, language: tree.language) {
            var row = Array(repeating: "", count: Self.header.count)
            row[1] = "problem"
            row[2] = line.subject
            row[3] = line.label
            rows.append(row)
        }
        return rows.map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes a field when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingQuotes() + "\""
    }

    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    func row(path: [String], kind: String, ref: String, title: String, figure: Figure) -> [String] {
        var row = Array(repeating: "", count: Self.header.count)
        row[0] = path.joined(separator: "/")
        row[1] = kind
        row[2] = ref
        row[3] = title
        row[4] = figure.status.rawValue
        row[5] = Self.number(figure.score)
        return row
    }

    func unit(_ unit: UnitStatus, path: [String], into rows: inout [[String]]) {
        let unitPath = path + [unit.id]
        rows.append(row(path: unitPath, kind: "unit", ref: unit.id, title: unit.name, figure: unit.figure))
        for goal in unit.goals {
            let goalPath = unitPath + [last(goal.ref)]
            var goalRow = row(path: goalPath, kind: "goal", ref: goal.ref, title: goal.title, figure: goal.figure)
            goalRow[6] = goal.result.status.rawValue
            goalRow[7] = goal.execution.status.rawValue
            goalRow[19] = goal.assessment?.status.rawValue ?? ""
            rows.append(goalRow)
            for indicator in goal.indicators {
                let figure = Figure(status: indicator.status, score: indicator.status.score)
                var r = row(path: goalPath + [last(indicator.ref)], kind: "indicator", ref: indicator.ref,
                            title: indicator.title, figure: figure)
                r[8] = Self.number(indicator.value)
                r[9] = Self.number(indicator.target)
                r[10] = Self.number(indicator.warning)
                r[11] = indicator.unit ?? ""
                r[12] = indicator.period?.description ?? ""
                r[20] = indicator.spc.variation.rawValue
                r[21] = indicator.spc.signals.map(\.rawValue).joined(separator: " ")
                r[22] = indicator.spc.assurance?.rawValue ?? ""
                r[23] = indicator.comment ?? ""
                rows.append(r)
                let indicatorPath = goalPath + [last(indicator.ref)]
                for measure in indicator.countermeasures { rows.append(countermeasureRow(measure, path: indicatorPath)) }
            }
            for measure in goal.countermeasures { rows.append(countermeasureRow(measure, path: goalPath)) }
            for factor in goal.successFactors {
                let factorPath = goalPath + [last(factor.ref)]
                rows.append(row(path: factorPath, kind: "success-factor", ref: factor.ref, title: factor.title,
                                figure: factor.figure))
                for activity in factor.activities { rows.append(activityRow(activity, path: factorPath)) }
            }
            for activity in goal.activities { rows.append(activityRow(activity, path: goalPath)) }
        }
        for child in unit.units { self.unit(child, path: unitPath, into: &rows) }
    }

    func last(_ ref: String) -> String { Reference(ref)?.id ?? "" }

    func activityRow(_ activity: ActivityStatus, path: [String]) -> [String] {
        let figure = Figure(status: activity.status, score: activity.state == .cancelled ? nil : activity.status.score)
        var r = row(path: path + [last(activity.ref)], kind: "activity", ref: activity.ref, title: activity.title,
                    figure: figure)
        r[13] = activity.state.rawValue
        r[14] = Self.number(activity.progress)
        r[15] = activity.due?.description ?? ""
        r[16] = activity.updated?.description ?? ""
        r[17] = activity.stale ? "true" : "false"
        r[18] = activity.overdue ? "true" : "false"
        r[24] = activity.note ?? ""
        r[25] = activity.owner ?? ""
        return r
    }

    /// A countermeasure: `title` is the problem, `state` its status, `note` the action.
    func countermeasureRow(_ status: CountermeasureStatus, path: [String]) -> [String] {
        let measure = status.countermeasure
        var r = Array(repeating: "", count: Self.header.count)
        r[0] = (path + [measure.id.value]).joined(separator: "/")
        r[1] = "countermeasure"
        r[2] = status.ref
        r[3] = measure.problem
        r[13] = measure.status.value.rawValue
        r[15] = measure.due?.value.description ?? ""
        r[18] = status.overdue ? "true" : "false"
        r[24] = measure.action ?? ""
        r[25] = measure.owner
        r[26] = measure.opened.value.description
        r[27] = measure.closed?.value.description ?? ""
        return r
    }
}

extension String {
    /// Doubles every `"`, as RFC 4180 quoting needs.
    func replacingQuotes() -> String {
        var out = ""
        for character in self {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out
    }
}
