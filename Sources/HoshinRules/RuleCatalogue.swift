import HoshinModel

/// Every rule Hoshin has, in the order of spec §6.
public enum RuleCatalogue {
    /// All rules.
    public static let all: [Rule] = [
        .yamlSyntax, .duplicateKey, .unknownKey, .missingField, .invalidType, .invalidValue, .invalidDate,
        .duplicateID, .unknownParent, .parentCycle, .rootCount, .unknownReference, .supportNotAncestor,
        .dateOrder, .outsidePeriod, .orphanGoal, .uncascadedGoal, .goalWithoutIndicator, .staleReport,
        .overdueActivity, .progressMismatch, .resourceLimit, .chartData, .missingCountermeasure, .overdueCountermeasure, .valueCutByComment,
    ]

    /// All rule ids.
    public static var ids: [String] { all.map(\.id) }

    /// The rule with an id, if any.
    public static func rule(_ id: String) -> Rule? {
        all.first { $0.id == id }
    }

    /// The severity a rule has in a repository, or nil when it is turned off.
    public static func severity(of id: String, settings: RepositorySettings?) -> Severity? {
        if let setting = settings?.rules[id] { return setting.severity }
        return rule(id)?.description.defaultSeverity ?? .error
    }

    /// Runs every repository-wide rule and returns their findings (default severities).
    public static func check(_ repository: PlanRepository, asOf: PlanDate,
                             locate: @escaping @Sendable (String, Int) -> TextPosition) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for rule in all {
            guard let check = rule.check else { continue }
            if repository.settings.rules[rule.id] == .off { continue }
            var context = RuleContext(asOf: asOf, repository: repository, rule: rule.description, locate: locate)
            check(&context)
            result += context.diagnostics
        }
        return result
    }
}
