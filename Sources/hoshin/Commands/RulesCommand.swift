import ArgumentParser
import Foundation
import HoshinModel
import HoshinRules
import HoshinRepository
import HoshinReporters
import HoshinOutput

/// `hoshin rules`: the catalogue, one line a rule, with the severity in effect.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule with its default severity and the severity in effect.",
        discussion: """
        The severity in effect is hoshin.yaml's 'rules:' setting for the repository in DIR \
        (default plans; the defaults alone when there is none), then --rule for this run.
        """)

    @Argument(help: "The plan repository folder whose hoshin.yaml sets severities.")
    var directory: String?

    @Option(help: "Output format: text or json.")
    var format: RulesFormat = .text

    @OptionGroup var overrides: RuleOverrideOptions

    enum RulesFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    struct Entry {
        let id: String
        let defaultSeverity: String
        let severity: String
        let source: String
        let summary: String
    }

    @OptionGroup var language: LanguageOption

    func run() throws {
        let folder = directory ?? "plans"
        var settings: RepositorySettings?
        if FileManager.default.fileExists(atPath: folder + "/hoshin.yaml") {
            settings = try RepositoryLoader().load(folder: folder, asOf: .today).repository?.settings
        } else if directory != nil {
            throw CommandFailure("no hoshin.yaml in '\(folder)'")
        }
        let forRun = try overrides.parsed()
        let entries = RuleCatalogue.all.map { rule -> Entry in
            let description = rule.description
            var severity = description.defaultSeverity.rawValue
            var source = "default"
            if let setting = settings?.rules[rule.id] { severity = setting.rawValue; source = "hoshin.yaml" }
            if let setting = forRun[rule.id] { severity = setting.rawValue; source = "--rule" }
            return Entry(id: rule.id, defaultSeverity: description.defaultSeverity.rawValue,
                         severity: severity, source: source, summary: description.summary)
        }
        if format == .json {
            var json = JSONWriter(output: OutputBuffer(), layout: .foundation)
            json.beginObject()
            json.key("rules"); json.beginArray()
            for entry in entries {
                json.stringObject(["defaultSeverity": entry.defaultSeverity, "id": entry.id, "severity": entry.severity,
                                   "source": entry.source, "summary": entry.summary])
            }
            json.endArray()
            json.endObject()
            Terminal.write(String(decoding: json.finish().bytes, as: UTF8.self))
            return
        }
        let width = entries.map(\.id.count).max() ?? 0
        var out = ""
        for entry in entries {
            let id = entry.id.padding(toLength: width, withPad: " ", startingAt: 0)
            var severity = entry.severity.padding(toLength: 7, withPad: " ", startingAt: 0)
            if entry.source != "default" {
                severity = "\(entry.severity) (\(entry.source); default \(entry.defaultSeverity))"
            }
            out += "\(id)  \(severity)  \(entry.summary)\n"
        }
        out += "\nSeverities can be changed per rule in hoshin.yaml under 'rules:', or for one run with "
        out += "'hoshin validate --rule ID=SEVERITY'. 'hoshin explain RULE' tells more.\n"
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
