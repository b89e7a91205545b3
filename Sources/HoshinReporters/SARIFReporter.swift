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

    /// The log, keys in sorted order as `JSONEncoder` would write them, the results streamed.
    public func write(_ result: ValidationResult, to out: inout OutputBuffer) {
        let catalogue = RuleCatalogue.all
        let index = Dictionary(uniqueKeysWithValues: catalogue.enumerated().map { ($1.id, $0) })
        var json = JSONWriter(output: out, layout: .foundation)
        out = OutputBuffer() // the writer owns the bytes while it writes
        json.beginObject()
        json.key("$schema"); json.string("https://json.schemastore.org/sarif-2.1.0.json")
        json.key("runs"); json.beginArray(); json.beginObject()
        json.key("columnKind"); json.string("unicodeCodePoints")
        json.key("originalUriBaseIds"); json.beginObject()
        json.key("%SRCROOT%"); json.beginObject()
        json.key("description"); Self.message("The repository root.", into: &json)
        json.endObject(); json.endObject()
        json.key("results"); json.beginArray()
        var paths: [String: String] = [:]   // one file, many diagnostics: relativize each once
        for diagnostic in result.diagnostics {
            let path = paths[diagnostic.file] ?? relativize(diagnostic.file)
            paths[diagnostic.file] = path
            Self.result(diagnostic, path: path, ruleIndex: index[diagnostic.rule] ?? 0, into: &json)
        }
        json.endArray()
        json.key("tool"); json.beginObject()
        json.key("driver"); json.beginObject()
        json.key("informationUri"); json.string("https://github.com/hoshin-planning/hoshin")
        json.key("name"); json.string("hoshin")
        json.key("rules"); json.beginArray()
        for rule in catalogue { Self.descriptor(rule, into: &json) }
        json.endArray()
        json.key("semanticVersion"); json.string(version)
        json.key("version"); json.string(version)
        json.endObject(); json.endObject()
        json.endObject(); json.endArray()
        json.key("version"); json.string("2.1.0")
        json.endObject()
        out = json.finish()
    }

    /// `{"text": …}`.
    static func message(_ text: String, into json: inout JSONWriter) {
        json.beginObject()
        json.key("text"); json.string(text)
        json.endObject()
    }

    /// One rule of `tool.driver.rules`.
    static func descriptor(_ rule: Rule, into json: inout JSONWriter) {
        let description = rule.description
        json.beginObject()
        json.key("defaultConfiguration"); json.beginObject()
        json.key("level"); json.string(level(description.defaultSeverity))
        json.endObject()
        json.key("fullDescription"); message(description.rationale, into: &json)
        json.key("help"); message("\(description.rationale) Run 'hoshin explain \(rule.id)' for examples.", into: &json)
        json.key("id"); json.string(rule.id)
        json.key("name"); json.string(ruleName(rule.id))
        json.key("shortDescription"); message(description.summary, into: &json)
        json.endObject()
    }

    /// One result: level, location, message, rule.
    static func result(_ diagnostic: Diagnostic, path: String, ruleIndex: Int, into json: inout JSONWriter) {
        json.beginObject()
        json.key("level"); json.string(level(diagnostic.severity))
        json.key("locations"); json.beginArray(); json.beginObject()
        json.key("physicalLocation"); json.beginObject()
        json.key("artifactLocation"); json.beginObject()
        // Relative to the repository root; a file outside it (no git, no GITHUB_WORKSPACE
        // above it) gets an absolute file URI and no uriBaseId.
        if path.hasPrefix("/") {
            json.key("uri"); json.string("file://" + encodeURI(path))
        } else {
            json.key("uri"); json.string(encodeURI(path))
            json.key("uriBaseId"); json.string("%SRCROOT%")
        }
        json.endObject()
        json.key("region"); json.beginObject()
        json.key("endColumn"); json.integer(diagnostic.end.column)
        json.key("endLine"); json.integer(diagnostic.end.line)
        json.key("startColumn"); json.integer(diagnostic.start.column)
        json.key("startLine"); json.integer(diagnostic.start.line)
        json.endObject()
        json.endObject(); json.endObject(); json.endArray()
        json.key("message"); message(diagnostic.message, into: &json)
        json.key("ruleId"); json.string(diagnostic.rule)
        json.key("ruleIndex"); json.integer(ruleIndex)
        json.endObject()
    }

    /// Percent-encodes what a relative URI reference may not hold (spaces, `%`, `#`, `?`, non-ASCII).
    static func encodeURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "%#?;")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
