import ArgumentParser
import HoshinModel
import HoshinRules

/// `--rule ID=SEVERITY`, repeatable: a rule's severity for one run, over `hoshin.yaml`.
struct RuleOverrideOptions: ParsableArguments {
    @Option(name: .customLong("rule"),
            help: "Set a rule's severity for this run, over hoshin.yaml: ID=error|warning|info|off (repeatable).")
    var rules: [String] = []

    /// The overrides by rule id; exit 2 with one clear line for a bad one.
    func parsed() throws -> [String: SeveritySetting] {
        var result: [String: SeveritySetting] = [:]
        for entry in rules {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw ValidationError("--rule takes ID=SEVERITY, e.g. --rule stale-report=info; got '\(entry)'")
            }
            guard RuleCatalogue.rule(parts[0]) != nil else {
                let hint = Suggestion.hint(for: parts[0], in: RuleCatalogue.ids)
                throw ValidationError("--rule: unknown rule '\(parts[0])'\(hint); 'hoshin rules' lists them")
            }
            guard let severity = SeveritySetting(rawValue: parts[1]) else {
                throw ValidationError("--rule \(parts[0]): severity is error, warning, info or off; got '\(parts[1])'")
            }
            result[parts[0]] = severity
        }
        return result
    }
}
