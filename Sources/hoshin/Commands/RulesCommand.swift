import ArgumentParser
import Foundation
import HoshinModel
import HoshinRules

/// `hoshin rules`: the catalogue, one line a rule.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every rule with its default severity.")

    @OptionGroup var language: LanguageOption

    func run() throws {
        let width = RuleCatalogue.all.map(\.id.count).max() ?? 0
        var out = ""
        for rule in RuleCatalogue.all {
            let description = rule.description
            let id = description.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = description.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            out += "\(id)  \(severity)  \(description.summary)\n"
        }
        out += "\nSeverities can be changed per rule in hoshin.yaml under 'rules:'. 'hoshin explain RULE' tells more.\n"
        Terminal.write(out)
    }
}

/// `hoshin explain RULE`: what a rule checks, why, and an example of each side.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain one rule: what it checks, why, and examples.")

    @OptionGroup var language: LanguageOption

    @Argument(help: "A rule id, such as unknown-key.")
    var rule: String

    func run() throws {
        guard let found = RuleCatalogue.rule(rule) else {
            let hint = Suggestion.hint(for: rule, in: RuleCatalogue.ids)
            throw CommandFailure("unknown rule '\(rule)'\(hint); 'hoshin rules' lists them")
        }
        let description = found.description
        var out = "\(description.id) (default severity: \(description.defaultSeverity.rawValue))\n\n"
        out += "Checks: \(description.summary)\n\n\(description.rationale)\n"
        out += "\nThis fires:\n\n" + Self.show(description.failing)
        out += "\nThis does not:\n\n" + Self.show(description.passing)
        Terminal.write(out)
    }

    static func show(_ example: RuleExample) -> String {
        var out = ""
        for file in example.files {
            out += "    # \(file.path)\n"
            for line in file.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(file.text.hasSuffix("\n") ? 1 : 0) {
                out += "    \(line)\n"
            }
        }
        return out
    }
}
