import HoshinModel
import HoshinYAML

/// What `hoshin rollover` (spec §14) does to one unit plan file, as splices of its bytes.
public struct UnitRollover: Sendable, Equatable {
    /// The splices, non-overlapping.
    public var splices: [Splice] = []
    /// Ids of the activities kept, each gaining `carried_from`.
    public var carried: [String] = []
    /// Ids of the activities removed (done or cancelled), with their status.
    public var removedActivities: [(id: String, status: String)] = []
    /// Ids of the closed countermeasures removed.
    public var removedCountermeasures: [String] = []
    /// Ids of the goals whose assessment was removed.
    public var removedAssessments: [String] = []

    public static func == (lhs: UnitRollover, rhs: UnitRollover) -> Bool {
        lhs.splices == rhs.splices && lhs.carried == rhs.carried
            && lhs.removedActivities.map(\.id) == rhs.removedActivities.map(\.id)
            && lhs.removedActivities.map(\.status) == rhs.removedActivities.map(\.status)
            && lhs.removedCountermeasures == rhs.removedCountermeasures && lhs.removedAssessments == rhs.removedAssessments
    }
}

extension PlanEditor {
    /// The unit id of the file (`unit:`), if it has one.
    public var unitID: String? {
        guard let root = document.root, let entry = value(root, "unit") else { return nil }
        return document.string(document.resolved(entry.value))
    }

    /// Splices that set `period` in `hoshin.yaml` to `year`.
    public func settingPeriod(_ year: Int) throws -> [Splice] {
        guard let root = document.root, document[root].kind == .mapping else {
            throw EditError.unsupportedShape("hoshin.yaml is not a mapping")
        }
        return try set([(key: "period", value: .number(Double(year)))], in: root)
    }

    /// Next year's draft of this unit plan: activities that are done or cancelled, closed
    /// countermeasures and assessments removed (their lines and the comment lines inside
    /// them, nothing around them; a list left empty becomes `[]`), and every other activity
    /// given `carried_from: oldYear`. Works on YAML keys, so it needs no decoded model.
    public func rollover(from oldYear: Int) -> UnitRollover {
        var result = UnitRollover()
        guard let root = document.root, document[root].kind == .mapping,
              let goals = value(root, "goals") else { return result }
        for goal in mappingItems(goals.value) {
            let goalID = idOf(goal)
            if let assessment = value(goal, "assessment") {
                if let splice = pairRemoval(assessment, in: goal) {
                    result.splices.append(splice)
                    result.removedAssessments.append(goalID)
                }
            }
            countermeasures(in: goal, into: &result)
            if let indicators = value(goal, "indicators") {
                for indicator in mappingItems(indicators.value) { countermeasures(in: indicator, into: &result) }
            }
            activities(in: goal, oldYear: oldYear, into: &result)
            if let factors = value(goal, "success_factors") {
                for factor in mappingItems(factors.value) { activities(in: factor, oldYear: oldYear, into: &result) }
            }
        }
        return result
    }

    // MARK: What is removed and what is kept

    func countermeasures(in owner: YAMLNode.ID, into result: inout UnitRollover) {
        guard let entry = value(owner, "countermeasures") else { return }
        let removed = listEdit(entry, remove: { statusOf($0) == "closed" }, keep: { _ in [] })
        result.splices += removed.splices
        result.removedCountermeasures += removed.removed.map(idOf)
    }

    func activities(in owner: YAMLNode.ID, oldYear: Int, into result: inout UnitRollover) {
        guard let entry = value(owner, "activities") else { return }
        let edit = listEdit(entry, remove: { ["done", "cancelled"].contains(statusOf($0)) }, keep: { item in
            // An activity that carries a YAML anchor is not edited (aliases elsewhere would
            // lose their target): it stays as it is, without `carried_from`.
            (try? set([(key: "carried_from", value: .number(Double(oldYear)))], in: item)) ?? []
        })
        result.splices += edit.splices
        result.removedActivities += edit.removed.map { (idOf($0), statusOf($0)) }
        result.carried += edit.kept.map(idOf)
    }

    func idOf(_ mapping: YAMLNode.ID) -> String {
        value(mapping, "id").map { document.string(document.resolved($0.value)) } ?? ""
    }

    func statusOf(_ mapping: YAMLNode.ID) -> String {
        value(mapping, "status").map { document.string(document.resolved($0.value)) } ?? ""
    }

    /// The mapping items of a sequence value (aliases and other nodes are left out).
    func mappingItems(_ sequence: YAMLNode.ID) -> [YAMLNode.ID] {
        guard document[sequence].kind == .sequence else { return [] }
        return document.children(of: sequence).filter { document[$0].kind == .mapping }
    }

    // MARK: Splices

    /// Removes the items of the list under `entry` for which `remove` holds, and applies
    /// `keep` to the others; a list left empty becomes `[]`.
    func listEdit(_ entry: (key: YAMLNode.ID, value: YAMLNode.ID), remove: (YAMLNode.ID) -> Bool,
                  keep: (YAMLNode.ID) -> [Splice]) -> (splices: [Splice], removed: [YAMLNode.ID], kept: [YAMLNode.ID]) {
        let sequence = entry.value
        let node = document[sequence]
        guard node.kind == .sequence else { return ([], [], []) }
        let items = Array(document.children(of: sequence))
        let removed = items.filter { document[$0].kind == .mapping && remove($0) }
        let kept = items.filter { document[$0].kind == .mapping && !remove($0) }
        let keptSplices = kept.map { keep($0) }
        if removed.isEmpty { return (keptSplices.flatMap { $0 }, [], kept) }
        if node.style == .flow {
            // Rewrite the flow list from its kept items, each with its own splices applied.
            let remaining = items.filter { !removed.contains($0) }
            let texts = remaining.map { item -> String in
                let itemNode = document[item]
                let own = kept.firstIndex(of: item).map { keptSplices[$0] } ?? []
                let shifted = own.map { Splice(start: $0.start - itemNode.start, end: $0.end - itemNode.start, replacement: $0.replacement) }
                return String(decoding: Splice.apply(shifted, to: Array(bytes[itemNode.start..<itemNode.end])), as: UTF8.self)
            }
            return ([Splice(replace: node.start, node.end, with: "[" + texts.joined(separator: ", ") + "]")], removed, kept)
        }
        var splices = keptSplices.flatMap { $0 }
        splices += removed.map(itemRemoval)
        if removed.count == items.count, let colon = colon(after: entry.key) {
            splices.append(Splice(insert: " []", at: colon + 1))
        }
        return (splices, removed, kept)
    }

    /// The offset of the `:` after a block mapping key.
    func colon(after key: YAMLNode.ID) -> Int? {
        var index = document[key].end
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: ":") ? index : nil
    }

    /// The offset just past the line break ending the line that holds `offset` (or the end of the file).
    func afterLineBreak(_ offset: Int) -> Int {
        var index = endOfLine(from: offset)
        if index < bytes.count, bytes[index] == 0x0D { index += 1 }
        if index < bytes.count, bytes[index] == 0x0A { index += 1 }
        return index
    }

    /// The lines of a block sequence item: from its `-` line to the end of its last line.
    func itemRemoval(_ item: YAMLNode.ID) -> Splice {
        let node = document[item]
        var dash = node.start - 1
        while dash > 0, !(bytes[dash] == UInt8(ascii: "-") && [0x20, 0x0A, 0x0D, 0x09].contains(bytes[dash + 1])) {
            dash -= 1
        }
        return Splice(replace: startOfLine(max(dash, 0)), afterLineBreak(node.end), with: "")
    }

    /// Removes one key and its value from a mapping: whole lines in block style, the pair and
    /// one separating comma in flow style. Nil when the pair cannot go without breaking the mapping.
    func pairRemoval(_ pair: (key: YAMLNode.ID, value: YAMLNode.ID), in mapping: YAMLNode.ID) -> Splice? {
        let pairs = document.pairs(of: mapping)
        guard let index = pairs.firstIndex(where: { $0.key == pair.key }) else { return nil }
        let key = document[pair.key]
        let value = document[pair.value]
        let next = index + 1 < pairs.count ? pairs[index + 1] : nil
        if document[mapping].style == .flow {
            if let next { return Splice(replace: key.start, document[next.key].start, with: "") }
            guard index > 0 else { return Splice(replace: key.start, value.end, with: "") }
            return Splice(replace: document[pairs[index - 1].value].end, value.end, with: "")
        }
        let lineStart = startOfLine(key.start)
        if bytes[lineStart..<key.start].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            return Splice(replace: lineStart, afterLineBreak(value.end), with: "")
        }
        // The first key, on the line of the item's `-`: the next key moves up onto it.
        guard let next else { return nil }
        return Splice(replace: key.start, document[next.key].start, with: "")
    }
}
