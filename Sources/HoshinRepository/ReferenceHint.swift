import HoshinModel

/// What to tell someone whose `UNIT/ID` names no activity (for `report`) or no indicator
/// (for `measure`): that it is the other kind, which unit holds a bare id, that a unit id
/// needs an item after it, or the nearest reference.
public enum ReferenceHint {
    /// The kind of item a command edits.
    public enum Kind: String, Sendable {
        case activity, indicator

        var other: Kind { self == .activity ? .indicator : .activity }
        var command: String { self == .activity ? "hoshin report" : "hoshin measure" }
        var usage: String { self == .activity ? "" : " PERIOD VALUE" }

        func ids(_ unit: UnitPlan) -> [String] {
            self == .activity ? unit.allActivities.map(\.id.value) : unit.allIndicators.map(\.id.value)
        }
    }

    /// The one-line message for a reference that names no item of `kind`.
    public static func message(for reference: String, kind: Kind, in repository: PlanRepository) -> String {
        if let parsed = Reference(reference), let unit = repository.unitsByID[parsed.unit], kind.other.ids(unit).contains(parsed.id) {
            return "\(reference) is an \(kind.other.rawValue), not an \(kind.rawValue): use `\(kind.other.command) \(reference)\(kind.other.usage)`"
        }
        if !reference.contains("/") {
            let id = reference
            let holders = repository.units.filter { kind.ids($0).contains(id) }.map { $0.reference(id) }.sorted()
            if holders.count == 1 { return "give the unit too: \(holders[0])" }
            if holders.count > 1 { return "'\(id)' is in \(holders.count) units; give one: \(holders.joined(separator: ", "))" }
            if let unit = repository.unitsByID[id] {
                let example = kind.ids(unit).first.map { ", such as \(unit.reference($0))" } ?? ""
                return "'\(id)' is a unit; give UNIT/\(kind.rawValue.uppercased())\(example)"
            }
        }
        let all = repository.units.flatMap { unit in kind.ids(unit).map(unit.reference) }
        return "no \(kind.rawValue) '\(reference)'\(Suggestion.hint(for: reference, in: all))"
    }
}
