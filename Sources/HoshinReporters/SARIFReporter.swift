import Foundation
import HoshinModel
import HoshinOutput
import HoshinRepository
import HoshinRules

/// SARIF 2.1.0 for GitHub code scanning: the rule catalogue as `tool.driver.rules`,
/// one result a diagnostic with a location relative to the repository root.
public struct SARIFReporter: DiagnosticReporter {
    /// The tool version written into the log.
    public let version: String
    /// Turns a diagnostic's file into a URI relative to the repository root.
    public let relativize: @Sendable (String) -> String

    /// Creates the reporter.
    public init(version: String, relativize: @escaping @Sendable (String) -> String = { $0 }) {
        self.version = version
        self.relativize = relativize
    }

    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        let tool: Tool
        let results: [Result]
        let columnKind = "unicodeCodePoints"
        let originalUriBaseIds: [String: ArtifactLocationBase]
    }

    struct ArtifactLocationBase: Encodable {
        let description: Message
    }

    struct Tool: Encodable {
        let driver: Driver
    }

    struct Driver: Encodable {
        let name: String
        let version: String
        let semanticVersion: String
        let informationUri: String
        let rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let help: Message
        let defaultConfiguration: Configuration
    }

    struct Configuration: Encodable {
        let level: String
    }

    struct Message: Encodable {
        let text: String
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Message
        let locations: [Location]
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId: String
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int
    }

    /// SARIF's name for a severity.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// "unknown-key" → "UnknownKey", SARIF's recommended rule name form.
    static func ruleName(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    public func write(_ result: ValidationResult, to out: inout OutputBuffer) {
        let catalogue = RuleCatalogue.all
        let index = Dictionary(uniqueKeysWithValues: catalogue.enumerated().map { ($1.id, $0) })
        let rules = catalogue.map { rule in
            ReportingDescriptor(
                id: rule.id, name: Self.ruleName(rule.id),
                shortDescription: Message(text: rule.description.summary),
                fullDescription: Message(text: rule.description.rationale),
                help: Message(text: "\(rule.description.rationale) Run 'hoshin explain \(rule.id)' for examples."),
                defaultConfiguration: Configuration(level: Self.level(rule.description.defaultSeverity)))
        }
        let diagnostics = result.diagnostics
        let driver = Driver(name: "hoshin", version: version, semanticVersion: version,
                            informationUri: "https://github.com/hoshin-planning/hoshin", rules: rules)
        let encoder = StreamedJSON.encoder()
        let bases = ["%SRCROOT%": ArtifactLocationBase(description: Message(text: "The repository root."))]
        // The log as StableJSON would write it (keys sorted), with the results streamed.
        out.write("{\n  \"$schema\" : \(StreamedJSON.value(Log(runs: []).schema, indent: 2, encoder: encoder)),\n")
        out.write("  \"runs\" : [\n    {\n      \"columnKind\" : \"unicodeCodePoints\",\n")
        out.write("      \"originalUriBaseIds\" : \(StreamedJSON.value(bases, indent: 6, encoder: encoder)),\n")
        out.write("      \"results\" : ")
        var uris: [String: String] = [:]   // one file, many diagnostics: encode each path once
        StreamedJSON.array(diagnostics.count, indent: 6, to: &out) { (position: Int) -> String in
            let d = diagnostics[position]
            // Relative to the repository root; a file outside it (no git, no GITHUB_WORKSPACE
            // above it) gets an absolute file URI and no uriBaseId.
            let artifact = uris[d.file] ?? Self.artifactLocation(relativize(d.file))
            uris[d.file] = artifact
            return """
            {
                      "level" : "\(Self.level(d.severity))",
                      "locations" : [
                        {
                          "physicalLocation" : {
                            "artifactLocation" : {
                              \(artifact)
                            },
                            "region" : {
                              "endColumn" : \(d.end.column),
                              "endLine" : \(d.end.line),
                              "startColumn" : \(d.start.column),
                              "startLine" : \(d.start.line)
                            }
                          }
                        }
                      ],
                      "message" : {
                        "text" : \(JSONText.quoted(d.message))
                      },
                      "ruleId" : \(JSONText.quoted(d.rule)),
                      "ruleIndex" : \(index[d.rule] ?? 0)
                    }
            """
        }
        out.write(",\n      \"tool\" : \(StreamedJSON.value(Tool(driver: driver), indent: 6, encoder: encoder))\n")
        out.write("    }\n  ],\n  \"version\" : \"2.1.0\"\n}\n")
    }

    /// The members of an `artifactLocation`, as written at their indentation.
    static func artifactLocation(_ path: String) -> String {
        if path.hasPrefix("/") {
            return "\"uri\" : \(JSONText.quoted("file://" + encodeURI(path)))"
        }
        return "\"uri\" : \(JSONText.quoted(encodeURI(path))),\n                  \"uriBaseId\" : \"%SRCROOT%\""
    }

    /// Percent-encodes what a relative URI reference may not hold (spaces, `%`, `#`, `?`, non-ASCII).
    static func encodeURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "%#?;")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
