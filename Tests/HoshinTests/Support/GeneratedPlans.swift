import PropertyBased
import HoshinModel

/// Plan files written as people write them, generated from parts with swift-property-based:
/// activities in block and flow style with comments, notes and blank lines, goals with
/// assessments, indicators and success factors, units in a tree. The rollover and cycle
/// property tests read the generator's own record of each file (`GeneratedUnit`), not the
/// decoder's; a failing repository shrinks to fewer units, goals and activities.
enum GeneratedPlans {
    /// How one activity is written.
    struct ActivityShape: Sendable {
        let state: ActivityState
        /// `- {id: …, title: …, status: …, start: …}` on one line.
        let flow: Bool
        /// The month (1–9) of its start and updated dates.
        let month: Int
        let commentBefore: Bool, commentInside: Bool, statusComment: Bool
        let start: Bool, due: Int?, updated: Bool, note: Bool, blankAfter: Bool
    }

    /// How one goal is written: an assessment (flow or block), an indicator, a success factor's
    /// activities and the goal's own activities (nil: no such key; empty: `activities: []`).
    struct GoalShape: Sendable {
        let assessmentInFlow: Bool?
        let indicatorMonth: Int?
        let factorActivities: [ActivityShape]?
        let activities: [ActivityShape]?
    }

    /// A unit: `parent` picks (modulo) one of the units before it (the first is the root).
    struct UnitShape: Sendable {
        let parent: Int
        let goals: [GoalShape]
    }

    static let activity = zip(
        PlanGenerators.pick(Array(ActivityState.allCases)), Gen.int(in: 0...4).map { $0 == 0 }, Gen.int(in: 1...9),
        zip(Gen.bool(), Gen.bool(), Gen.bool()),
        zip(Gen.bool(), Gen.int(in: 0...2).optional(valueRate: 0.5), Gen.bool(), Gen.bool(), Gen.bool())
    ).map { state, flow, month, comments, lines in
        ActivityShape(state: state, flow: flow, month: month, commentBefore: comments.0, commentInside: comments.1,
                      statusComment: comments.2, start: lines.0, due: lines.1, updated: lines.2, note: lines.3,
                      blankAfter: lines.4)
    }

    static let goal = zip(
        Gen.bool().optional(valueRate: 0.5), Gen.int(in: 2...9).optional(valueRate: 0.5),
        activity.array(of: 0...4).optional(valueRate: 0.5), activity.array(of: 0...4).optional(valueRate: 0.5)
    ).map { GoalShape(assessmentInFlow: $0, indicatorMonth: $1, factorActivities: $2, activities: $3) }

    static let unit = zip(Gen.int(in: 0...1000), goal.array(of: 1...3)).map { UnitShape(parent: $0, goals: $1) }

    /// The parent of each unit: none for the root, else one of the units before it.
    static func parents(_ shapes: [UnitShape]) -> [Int?] {
        shapes.indices.map { $0 == 0 ? nil : shapes[$0].parent % $0 }
    }

    /// The files `u0.yaml`, `u1.yaml`, … of the shapes, with what each holds.
    static func render(_ shapes: [UnitShape]) -> [GeneratedUnit] {
        zip(shapes.indices, parents(shapes)).map { render(shapes[$0], index: $0, parent: $1) }
    }

    /// One unit's file. u0 is the root and always has g1, so every `supports` names a goal of an ancestor.
    static func render(_ shape: UnitShape, index: Int, parent: Int?) -> GeneratedUnit {
        var unit = GeneratedUnit()
        func line(_ text: String) { unit.text += text + "\n" }
        line("# Enhet \(index)")
        line("unit: u\(index)")
        line("name: Enhet \(index)")
        if let parent { line("parent: u\(parent)") }
        line("goals:")
        var counter = 0
        func next(_ prefix: String) -> String { counter += 1; return "\(prefix)\(counter)" }
        func activityList(_ activities: [ActivityShape], indent: String) {
            if activities.isEmpty { line("\(indent)activities: []"); return }
            line("\(indent)activities:")
            for activity in activities {
                if activity.commentBefore { line("\(indent)  # en kommentar före aktiviteten") }
                let id = next("a")
                let status = activity.state.rawValue
                let first = unit.lineCount
                let month = activity.month
                if activity.flow {
                    line("\(indent)  - {id: \(id), title: Aktivitet \(id), status: \(status), start: 2026-0\(month)-01}")
                    unit.dates[id] = ("2026-0\(month)-01", nil)
                } else {
                    line("\(indent)  - id: \(id)")
                    line("\(indent)    title: Aktivitet \(id) – åäö")
                    if activity.commentInside { line("\(indent)    # en kommentar inuti aktiviteten") }
                    line("\(indent)    status: \(status)" + (activity.statusComment ? "   # status" : ""))
                    if status == "done" { line("\(indent)    progress: 100") }
                    var dates: (start: String?, updated: String?) = (nil, nil)
                    if activity.start { line("\(indent)    start: 2026-0\(month)-01"); dates.start = "2026-0\(month)-01" }
                    if let due = activity.due { line("\(indent)    due: 2026-1\(due)-20") }
                    if activity.updated { line("\(indent)    updated: 2026-0\(month)-15"); dates.updated = "2026-0\(month)-15" }
                    unit.dates[id] = dates
                    if activity.note { line("\(indent)    note: |\n\(indent)      Två rader\n\(indent)      text") }
                }
                unit.activities.append((id, status, first..<unit.lineCount))
                if activity.blankAfter { line("") }
            }
        }
        for goal in shape.goals {
            let id = next("g")
            line("  - id: \(id)")
            line("    title: Mål \(id)")
            if let parent { line("    supports: [u\(parent)/g1]") }
            if let inFlow = goal.assessmentInFlow {
                let first = unit.lineCount
                if inFlow {
                    line("    assessment: {status: yellow, date: 2026-09-30}")
                } else {
                    line("    assessment:")
                    line("      status: red")
                    line("      # ledningens kommentar")
                    line("      note: Inte i takt")
                }
                unit.assessmentLines.append(first..<unit.lineCount)
            }
            if let extra = goal.indicatorMonth {
                line("    indicators:")
                let indicator = next("i")
                unit.indicators.append((indicator, ["2025-12", "2026-01", "2026-0\(extra)"]))
                line("      - id: \(indicator)")
                line("        title: Indikator")
                line("        direction: up")
                line("        target: 80")
                line("        measurements:")
                line("          2025-12: 70")
                line("          2026-01: 75")
                line("          2026-0\(extra): 77")
            }
            if let activities = goal.factorActivities {
                line("    success_factors:")
                line("      - id: \(next("f"))")
                line("        title: Framgångsfaktor")
                activityList(activities, indent: "        ")
            }
            if let activities = goal.activities { activityList(activities, indent: "    ") }
        }
        return unit
    }
}

/// A generated plan file and the generator's record of what it holds.
struct GeneratedUnit {
    var text = ""
    /// Per activity: id, status, and the lines it occupies (0-based, half-open).
    var activities: [(id: String, status: String, lines: Range<Int>)] = []
    /// Per activity, for the reporting cycle: its start and updated dates.
    var dates: [String: (start: String?, updated: String?)] = [:]
    /// Per indicator in file order: its id and measured periods.
    var indicators: [(id: String, periods: [String])] = []
    /// Lines of removed assessments.
    var assessmentLines: [Range<Int>] = []
    var lineCount: Int { text.split(separator: "\n", omittingEmptySubsequences: false).count - 1 }
}
