import HoshinModel

extension Rule {
    /// Following `parent` from a unit leads back to it.
    public static let parentCycle = Rule(RuleDescription(
        id: RuleID.parentCycle, defaultSeverity: .error,
        summary: "following 'parent' from a unit leads back to the unit",
        rationale: """
        The organisation is a tree. A cycle has no top, so nothing in it can be rolled up and \
        'supports' cannot say which goals are above which.
        """,
        failing: RuleExample([
            ExampleFile("region.yaml", "unit: region\nname: Region Jönköpings län\n"),
            ExampleFile("a.yaml", "unit: medicinsk-vard\nname: Medicinsk vård\nparent: kardiologi\n"),
            ExampleFile("b.yaml", "unit: kardiologi\nname: Kardiologiska kliniken\nparent: medicinsk-vard\n"),
        ]),
        passing: RuleExample([
            ExampleFile("region.yaml", "unit: region\nname: Region Jönköpings län\n"),
            ExampleFile("a.yaml", "unit: medicinsk-vard\nname: Medicinsk vård\nparent: region\n"),
            ExampleFile("b.yaml", "unit: kardiologi\nname: Kardiologiska kliniken\nparent: medicinsk-vard\n"),
        ])),
        check: { context in
            let byID = context.repository.unitsByID
            for unit in context.repository.units {
                guard let parent = unit.parent else { continue }
                var path = [unit.id.value]
                var current: String? = parent.value
                var seen: Set<String> = [unit.id.value]
                while let id = current, let next = byID[id] {
                    path.append(id)
                    if id == unit.id.value {
                        context.report(unit.file, parent.range,
                                       "unit '\(unit.id.value)' is its own ancestor: \(path.joined(separator: " → "))")
                        break
                    }
                    guard seen.insert(id).inserted else { break }
                    current = next.parent?.value
                }
            }
        })
}
