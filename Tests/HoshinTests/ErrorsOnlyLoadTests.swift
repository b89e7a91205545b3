import Testing
import HoshinModel
import HoshinRepository
import HoshinRules

/// `status` and `diff` load with `keepsErrorsOnly`: the warning rules are skipped and only
/// errors kept, but a rule `hoshin.yaml` raises to `error` still runs.
@Suite struct ErrorsOnlyLoadTests {
    static func load(_ example: RuleExample, settings: String? = nil, errorsOnly: Bool) -> ValidationResult {
        var files = example.completeFiles.map { InMemoryFile(path: $0.path, text: $0.text) }
        if let settings {
            files = files.map { $0.path == "hoshin.yaml" ? InMemoryFile(path: $0.path, text: settings) : $0 }
        }
        var loader = RepositoryLoader()
        loader.keepsErrorsOnly = errorsOnly
        return loader.load(files: files, folder: "example", asOf: example.asOf)
    }

    @Test func warningsAreLeftOutAndARuleRaisedToErrorStillRuns() throws {
        let example = try #require(RuleCatalogue.rule(RuleID.staleReport)).description.failing
        let full = Self.load(example, errorsOnly: false)
        #expect(full.diagnostics.contains { $0.rule == RuleID.staleReport && $0.severity == .warning })

        let errorsOnly = Self.load(example, errorsOnly: true)
        #expect(errorsOnly.diagnostics.allSatisfy { $0.severity == .error })
        #expect(!errorsOnly.diagnostics.contains { $0.rule == RuleID.staleReport })
        #expect(errorsOnly.repository != nil)

        let raised = Self.load(example, settings: RuleExample.defaultSettings + "rules:\n  stale-report: error\n",
                               errorsOnly: true)
        #expect(raised.diagnostics.contains { $0.rule == RuleID.staleReport && $0.severity == .error })
    }
}
