/// A reference to something in a unit's plan, `UNIT/ID` (spec §3): `kardiologi/fallrutin`.
/// Parsed and printed here only; everything that names a goal, an indicator, an activity or a
/// countermeasure across units goes through it.
public struct Reference: Sendable, Hashable, CustomStringConvertible {
    /// The unit's id.
    public let unit: String
    /// The id inside the unit's plan.
    public let id: String

    /// A reference to `id` in `unit`.
    public init(unit: String, id: String) {
        self.unit = unit
        self.id = id
    }

    /// Parses `UNIT/ID`: exactly one slash with an id on each side; nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(unit: String(parts[0]), id: String(parts[1]))
    }

    /// `UNIT/ID`.
    public var description: String { "\(unit)/\(id)" }
}

extension UnitPlan {
    /// `UNIT/ID` of `id` in this unit's plan.
    public func reference(_ id: String) -> String { Reference(unit: self.id.value, id: id).description }
}
