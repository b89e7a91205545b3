/// A whole plan repository: settings and every unit plan, with lookups.
public struct PlanRepository: Sendable {
    /// The folder as the user named it.
    public var folder: String
    /// `hoshin.yaml`.
    public var settings: RepositorySettings
    /// Unit plans, sorted by file path.
    public var units: [UnitPlan]
    /// Every plan file read (as named for output), sorted.
    public var files: [String]
    /// Unit plan files that could not be decoded into a unit (their problems are reported).
    public var undecodedFiles: [String] = []

    /// Creates a repository.
    public init(folder: String, settings: RepositorySettings, units: [UnitPlan], files: [String]) {
        self.folder = folder
        self.settings = settings
        self.units = units
        self.files = files
    }

    /// The first unit with each id.
    public var unitsByID: [String: UnitPlan] {
        var result: [String: UnitPlan] = [:]
        for unit in units where result[unit.id.value] == nil { result[unit.id.value] = unit }
        return result
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
