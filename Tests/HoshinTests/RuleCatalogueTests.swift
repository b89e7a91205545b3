import Testing
import HoshinModel
import HoshinRepository
import HoshinRules

/// The catalogue is complete and every rule's examples behave as documented.
@Suite struct RuleCatalogueTests {
    /// Spec §6: the rule ids every build must have.
    static let specIDs = [
        "yaml-syntax", "duplicate-key", "unknown-key", "missing-field", "invalid-type", "invalid-value",
        "invalid-date", "duplicate-id", "unknown-parent", "parent-cycle", "root-count", "unknown-reference",
        "support-not-ancestor", "date-order", "outside-period", "orphan-goal", "uncascaded-goal",
        "goal-without-indicator", "stale-report", "overdue-activity", "progress-mismatch", "resource-limit",
        "chart-data",
    ]

    @Test func idsAreUniqueAndCoverTheSpec() {
        let ids = RuleCatalogue.ids
        #expect(Set(ids).count == ids.count)
        for id in Self.specIDs { #expect(ids.contains(id), "missing rule \(id)") }
    }

    @Test func defaultSeveritiesFollowTheSpec() {
        let warnings: Set = ["outside-period", "orphan-goal", "goal-without-indicator", "stale-report",
                             "overdue-activity", "progress-mismatch", "value-cut-by-comment",
                             "missing-countermeasure", "overdue-countermeasure"]
        for rule in RuleCatalogue.all {
            let expected: Severity = warnings.contains(rule.id) ? .warning : rule.id == "uncascaded-goal" ? .info : .error
            #expect(rule.description.defaultSeverity == expected, "\(rule.id)")
        }
    }

    @Test func everyRuleHasARationaleAndExamples() {
        for rule in RuleCatalogue.all {
            #expect(!rule.description.summary.isEmpty)
            #expect(rule.description.rationale.count > 60, "\(rule.id) needs a real rationale")
            #expect(!rule.description.failing.files.isEmpty)
            #expect(!rule.description.passing.files.isEmpty)
        }
    }

    static func run(_ example: RuleExample) -> ValidationResult {
        let files = example.completeFiles.map { InMemoryFile(path: $0.path, text: $0.text) }
        return RepositoryLoader().load(files: files, folder: "example", asOf: example.asOf)
    }

    @Test(arguments: RuleCatalogue.ids)
    func failingExampleFiresTheRule(id: String) throws {
        let rule = try #require(RuleCatalogue.rule(id))
        let result = Self.run(rule.description.failing)
        #expect(result.diagnostics.contains { $0.rule == id }, "\(id)'s failing example does not fire it")
    }

    @Test(arguments: RuleCatalogue.ids)
    func passingExampleDoesNotFireTheRule(id: String) throws {
        let rule = try #require(RuleCatalogue.rule(id))
        let result = Self.run(rule.description.passing)
        #expect(!result.diagnostics.contains { $0.rule == id }, "\(id)'s passing example fires it")
    }

    @Test func severityOverridesFromHoshinYAMLApply() {
        let settings = "hoshin: 1\nperiod: 2026\nrules:\n  goal-without-indicator: error\n  stale-report: off\n"
        let unit = """
        unit: region
        name: Region
        goals:
          - id: g
            title: Mål
            activities:
              - {id: a, title: Aktivitet, status: on-track, updated: 2026-01-01}

        """
        let result = RepositoryLoader().load(
            files: [InMemoryFile(path: "hoshin.yaml", text: settings), InMemoryFile(path: "region.yaml", text: unit)],
            asOf: PlanDate(year: 2026, month: 10, day: 31)!)
        #expect(result.diagnostics.first { $0.rule == "goal-without-indicator" }?.severity == .error)
        #expect(!result.diagnostics.contains { $0.rule == "stale-report" })
    }

    @Test func unknownRuleInSettingsIsAnUnknownKeyWithASuggestion() {
        let settings = "hoshin: 1\nperiod: 2026\nrules:\n  stale-reprot: off\n"
        let result = RepositoryLoader().load(
            files: [InMemoryFile(path: "hoshin.yaml", text: settings),
                    InMemoryFile(path: "region.yaml", text: "unit: region\nname: Region\n")],
            asOf: PlanDate(year: 2026, month: 10, day: 31)!)
        let diagnostic = result.diagnostics.first { $0.rule == "unknown-key" }
        #expect(diagnostic?.message.contains("did you mean 'stale-report'?") == true)
        #expect(diagnostic?.start == TextPosition(line: 4, column: 3))
    }
}
