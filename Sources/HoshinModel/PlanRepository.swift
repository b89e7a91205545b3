/// A whole plan repository: settings and every unit plan, with lookups.
public struct PlanRepository: Sendable {
    /// The folder as the user named it.
    public var folder: String
    /// `hoshin.yaml`.
    public var settings: RepositorySettings
    /// Unit plans, sorted by file path.
    public let units: [UnitPlan]
    /// Every plan file read (as named for output), sorted.
    public var files: [String]
    /// Unit plan files that could not be decoded into a unit (their problems are reported).
    public var undecodedFiles: [String] = []
    /// Unit ids that may live in the undecoded files (the `unit:` line if one could be
    /// read, and the file name): references to them are not reported again.
    public var undecodedUnitIDs: Set<String> = []

    /// The first unit with each id, built once.
    public let unitsByID: [String: UnitPlan]

    /// Creates a repository.
    public init(folder: String, settings: RepositorySettings, units: [UnitPlan], files: [String]) {
        self.folder = folder
        self.settings = settings
        self.units = units
        self.files = files
        var byID: [String: UnitPlan] = [:]
        for unit in units where byID[unit.id.value] == nil { byID[unit.id.value] = unit }
        self.unitsByID = byID
    }

    /// The single unit without `parent`, or nil when there is none or more than one.
    public var knownRoot: UnitPlan? {
        let roots = units.filter { $0.parent == nil }
        return roots.count == 1 ? roots[0] : nil
    }

    /// True when following `parent` from a unit reaches the unit without a parent (no
    /// unknown or invalid parent, no cycle on the way).
    public func reachesRoot(_ unitID: String) -> Bool {
        var seen: Set<String> = []
        var current = unitsByID[unitID]
        while let unit = current, seen.insert(unit.id.value).inserted {
            guard let parent = unit.parent else { return true }
            if unit.parentIsInvalid { return false }
            current = unitsByID[parent.value]
        }
        return false
    }

    /// The ids of a unit's strict ancestors, nearest first (stops at a cycle).
    public func ancestors(of unitID: String) -> [String] {
        let byID = unitsByID
        var result: [String] = []
        var seen: Set<String> = [unitID]
        var current = byID[unitID]?.parent?.value
        while let id = current, !seen.contains(id), let unit = byID[id] {
            result.append(id)
            seen.insert(id)
            current = unit.parent?.value
        }
        return result
    }
}
