import HoshinRollup

/// Every goal of a status tree by its `UNIT/GOAL` reference, with its title and unit
/// name, so that a report can show "goal title (unit name)" and link to the goal.
struct GoalDirectory: Sendable {
    struct Entry: Sendable {
        let title: String
        let unitName: String
    }

    let entries: [String: Entry]

    init(_ tree: StatusTree) {
        var entries: [String: Entry] = [:]
        var pending = [tree.root]
        while let unit = pending.popLast() {
            for goal in unit.goals { entries[goal.ref] = Entry(title: goal.title, unitName: unit.name) }
            pending += unit.units
        }
        self.entries = entries
    }

    /// The anchor a goal's heading carries.
    static func anchor(_ ref: String) -> String { "goal-" + ref }

    /// A link to the goal reading "title (unit name)", or the bare reference for a goal
    /// outside the tree (a `--unit` subtree leaves the rest of the organisation out).
    func link(_ ref: String) -> String {
        guard let entry = entries[ref] else { return HTML.escape(ref) }
        return "<a href=\"#\(HTML.escape(Self.anchor(ref)))\">\(HTML.escape(entry.title)) (\(HTML.escape(entry.unitName)))</a>"
    }
}
