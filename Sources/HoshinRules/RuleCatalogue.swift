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

    /// Runs every repository-wide rule (or those in `only`) and returns their findings
    /// (default severities), in catalogue order whatever `concurrency` (how many rules run at once).
    public static func check(_ repository: PlanRepository, asOf: PlanDate, only: Set<String>? = nil, concurrency: Int = 1,
                             locate: @escaping @Sendable (String, Int) -> TextPosition) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        check(repository, asOf: asOf, only: only, concurrency: concurrency, appendingTo: &diagnostics, locate: locate)
        return diagnostics
    }

    /// Runs the rules as `check` does and appends their findings to `diagnostics`, which
    /// grows once, to exactly the size needed; each rule's own list is let go as soon as
    /// it is copied (peak memory holds the findings about once, not twice or more).
    public static func check(_ repository: PlanRepository, asOf: PlanDate, only: Set<String>? = nil, concurrency: Int = 1,
                             appendingTo diagnostics: inout [Diagnostic],
                             locate: @escaping @Sendable (String, Int) -> TextPosition) {
        let active = all.filter { rule in
            rule.check != nil && repository.settings.rules[rule.id] != .off && (only?.contains(rule.id) ?? true)
        }
        let run = { @Sendable (rule: Rule) -> [Diagnostic] in
            var context = RuleContext(asOf: asOf, repository: repository, rule: rule.description, locate: locate)
            rule.check!(&context)
            return context.diagnostics
        }
        var found = Parallel.map(active, workers: concurrency, run)
        diagnostics.reserveCapacity(diagnostics.count + found.reduce(0) { $0 + $1.count })
        for index in found.indices {
            diagnostics += found[index]
            found[index] = []
        }
    }
}
