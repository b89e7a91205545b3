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
