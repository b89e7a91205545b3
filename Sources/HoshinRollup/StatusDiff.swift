import HoshinModel

/// What changed between two status trees (spec §10): colours, stale and overdue flags,
/// goals and activities that came or went.
public struct StatusDiff: Sendable {
    /// One change.
    public struct Change: Sendable, Hashable {
        /// What changed.
        public enum Kind: String, Sendable {
            case status, stale, overdue, added, removed
        }

        /// What a change is about; the raw values are the JSON's `node`.
        public enum Node: String, Sendable, CaseIterable {
            case unit, goal, indicator, successFactor = "success-factor", activity

            /// Goals and activities are added and removed; the others only change.
            var isAddedOrRemoved: Bool { self == .goal || self == .activity }
        }

        /// The kind of node.
        public let node: Node
        /// The node's ref (`UNIT/ID`, or the unit id).
        public let ref: String
        /// Its title (the newer one when both exist).
        public let title: String
        /// What changed.
        public let kind: Kind
        /// Before, as text (a colour, `true`/`false`), or nil for `added`.
        public let from: String?
        /// After, or nil for `removed`.
        public let to: String?
    }

    /// The earlier tree's date.
    public let fromDate: PlanDate
    /// The later tree's date.
    public let toDate: PlanDate
    /// Changes in tree order of the later tree (removed ones where they stood in the earlier).
    public let changes: [Change]

    struct Entry {
        let node: Change.Node
        let ref: String
        let title: String
        let status: StatusColour
        let stale: Bool?
        let overdue: Bool?

        var key: Key { Key(node: node, ref: ref) }
    }

    /// Compares two trees.
    public init(from old: StatusTree, to new: StatusTree) {
        fromDate = old.asOf
        toDate = new.asOf
        let before = Self.flatten(old.root)
        let after = Self.flatten(new.root)
        var beforeByKey: [Key: Int] = [:]
        beforeByKey.reserveCapacity(before.count)
        for (index, entry) in before.enumerated() where beforeByKey[entry.key] == nil { beforeByKey[entry.key] = index }
        let afterKeys = Set(after.map { $0.key })
        var changes: [Change] = []
        for entry in after {
            guard let wasIndex = beforeByKey[entry.key] else {
                if entry.node.isAddedOrRemoved {
                    changes.append(Change(node: entry.node, ref: entry.ref, title: entry.title, kind: .added,
                                          from: nil, to: entry.status.rawValue))
                }
                continue
            }
            let was = before[wasIndex]
            if was.status != entry.status {
                changes.append(Change(node: entry.node, ref: entry.ref, title: entry.title, kind: .status,
                                      from: was.status.rawValue, to: entry.status.rawValue))
            }
            if let stale = entry.stale, let wasStale = was.stale, stale != wasStale {
                changes.append(Change(node: entry.node, ref: entry.ref, title: entry.title, kind: .stale,
                                      from: String(wasStale), to: String(stale)))
            }
            if let overdue = entry.overdue, let wasOverdue = was.overdue, overdue != wasOverdue {
                changes.append(Change(node: entry.node, ref: entry.ref, title: entry.title, kind: .overdue,
                                      from: String(wasOverdue), to: String(overdue)))
            }
        }
        for entry in before where !afterKeys.contains(entry.key)
            && entry.node.isAddedOrRemoved {
            changes.append(Change(node: entry.node, ref: entry.ref, title: entry.title, kind: .removed,
                                  from: entry.status.rawValue, to: nil))
        }
        self.changes = changes
    }

    /// A node of a tree: its kind and ref.
    struct Key: Hashable {
        let node: Change.Node
        let ref: String
    }

    /// Every node of a subtree in tree order.
    static func flatten(_ unit: UnitStatus) -> [Entry] {
        var entries: [Entry] = []
        flatten(unit, into: &entries)
        return entries
    }

    static func flatten(_ unit: UnitStatus, into entries: inout [Entry]) {
        entries.append(Entry(node: .unit, ref: unit.id, title: unit.name, status: unit.figure.status, stale: nil, overdue: nil))
        for goal in unit.goals {
            entries.append(Entry(node: .goal, ref: goal.ref, title: goal.title, status: goal.figure.status, stale: nil, overdue: nil))
            for indicator in goal.indicators {
                entries.append(Entry(node: .indicator, ref: indicator.ref, title: indicator.title, status: indicator.status,
                                     stale: nil, overdue: nil))
            }
            for factor in goal.successFactors {
                entries.append(Entry(node: .successFactor, ref: factor.ref, title: factor.title,
                                     status: factor.figure.status, stale: nil, overdue: nil))
                for activity in factor.activities { entries.append(Self.activity(activity)) }
            }
            for activity in goal.activities { entries.append(Self.activity(activity)) }
        }
        for child in unit.units { flatten(child, into: &entries) }
    }

    static func activity(_ activity: ActivityStatus) -> Entry {
        Entry(node: .activity, ref: activity.ref, title: activity.title, status: activity.status,
              stale: activity.stale, overdue: activity.overdue)
    }
}
