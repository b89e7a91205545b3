import Foundation
import HoshinDecoding
import HoshinModel
import HoshinRules
import HoshinYAML
import Synchronization

/// A file given in memory rather than on disk (tests, rule examples, edits not yet written).
public struct InMemoryFile: Sendable {
    /// Path inside the repository.
    public let path: String
    /// The file's bytes.
    public let bytes: [UInt8]

    /// Creates a file from bytes.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Creates a file from text.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// Reads, parses, decodes and validates a whole plan repository.
///
/// Files are independent, so they are read, parsed and decoded concurrently;
/// the repository-wide rules then run over the decoded model.
public struct RepositoryLoader: Sendable {
    /// The resource limits applied to each file.
    public var limits: ParseLimits
    /// When true, the structural rules (`yaml-syntax`, `duplicate-key`, `resource-limit`,
    /// `invalid-type`) keep their default severity whatever `hoshin.yaml` sets: the check
    /// before a write (spec §7), so that a write can never leave a file that does not parse.
    public var enforcesStructuralRules: Bool

    /// The rules `enforcesStructuralRules` holds at their default severity.
    public static let structuralRules: Set<String> = [RuleID.yamlSyntax, RuleID.duplicateKey, RuleID.resourceLimit, RuleID.invalidType]

    /// Creates a loader.
    public init(limits: ParseLimits = .standard, enforcesStructuralRules: Bool = false) {
        self.limits = limits
        self.enforcesStructuralRules = enforcesStructuralRules
    }

    /// Loads the repository in `folder` and validates it at `asOf`; `overrides` gives
    /// bytes to use instead of some files' (by path inside the folder), for checking an
    /// edit before it is written.
    public func load(folder: String, asOf: PlanDate, overrides: [String: [UInt8]] = [:]) throws -> ValidationResult {
        let paths = try PlanFileDiscovery.planFiles(in: folder)
        guard paths.contains("hoshin.yaml") else { throw RepositoryError.noSettingsFile(folder) }
        let limits = self.limits
        let outcomes = Self.concurrentMap(paths) { relative -> FileOutcome in
            let display = PlanFileDiscovery.displayPath(folder: folder, relative: relative)
            if let bytes = overrides[relative] {
                return FileOutcome.parse(file: display, relative: relative, bytes: bytes, limits: limits)
            }
            let absolute = display
            let size = (try? FileManager.default.attributesOfItem(atPath: absolute)[.size] as? Int) ?? 0
            if size > limits.maxBytes {
                return FileOutcome.tooLarge(file: display, relative: relative, size: size, limit: limits.maxBytes)
            }
            guard let data = FileManager.default.contents(atPath: absolute) else {
                return FileOutcome.unreadable(file: display, relative: relative)
            }
            return FileOutcome.parse(file: display, relative: relative, bytes: [UInt8](data), limits: limits)
        }
        return Self.assemble(folder: folder, outcomes: outcomes, asOf: asOf, enforcing: enforcesStructuralRules)
    }

    /// Loads a repository given as files in memory (named as if inside `folder`).
    public func load(files: [InMemoryFile], folder: String = "plans", asOf: PlanDate) -> ValidationResult {
        let limits = self.limits
        let sorted = files.sorted { $0.path < $1.path }
        let outcomes = Self.concurrentMap(sorted) { file in
            FileOutcome.parse(file: PlanFileDiscovery.displayPath(folder: folder, relative: file.path),
                              relative: file.path, bytes: file.bytes, limits: limits)
        }
        return Self.assemble(folder: folder, outcomes: outcomes, asOf: asOf, enforcing: enforcesStructuralRules)
    }

    static func concurrentMap<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let results = Mutex<[Output?]>(Array(repeating: nil, count: inputs.count))
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            let output = transform(inputs[index])
            results.withLock { $0[index] = output }
        }
        return results.withLock { $0.map { $0! } }
    }

    static func assemble(folder: String, outcomes: [FileOutcome], asOf: PlanDate, enforcing: Bool = false) -> ValidationResult {
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceText] = [:]
        var settings: RepositorySettings?
        var units: [UnitPlan] = []
        for outcome in outcomes {
            sources[outcome.file] = outcome.source
            diagnostics += outcome.diagnostics
            if outcome.relative == "hoshin.yaml" {
                if outcome.document == nil, !outcome.diagnostics.isEmpty { continue }
                let decoded = SettingsDecoder.decode(outcome.document, file: outcome.file, knownRules: RuleCatalogue.ids)
                settings = decoded.settings
                diagnostics += decoded.diagnostics
            } else if let unit = outcome.unit {
                units.append(unit)
            }
        }
        var repository: PlanRepository?
        if let settings {
            let planFiles = outcomes.map(\.file)
            var repo = PlanRepository(folder: folder, settings: settings, units: units, files: planFiles)
            repo.undecodedFiles = outcomes.filter { $0.relative != "hoshin.yaml" && $0.unit == nil }.map(\.file)
            let frozenSources = sources
            diagnostics += RuleCatalogue.check(repo, asOf: asOf) { file, offset in
                guard let source = frozenSources[file] else { return TextPosition(line: 1, column: 1) }
                let location = source.location(ofByteOffset: offset)
                return TextPosition(line: location.line, column: location.column)
            }
            repository = repo
        }
        var resolved: [Diagnostic] = []
        resolved.reserveCapacity(diagnostics.count)
        for var diagnostic in diagnostics {
            let enforced = enforcing && structuralRules.contains(diagnostic.rule)
            guard let severity = RuleCatalogue.severity(of: diagnostic.rule, settings: enforced ? nil : settings) else { continue }
            diagnostic.severity = severity
            if let source = sources[diagnostic.file] {
                let start = source.location(ofByteOffset: diagnostic.range.start)
                let end = source.location(ofByteOffset: diagnostic.range.end)
                diagnostic.start = TextPosition(line: start.line, column: start.column)
                diagnostic.end = TextPosition(line: end.line, column: end.column)
            }
            resolved.append(diagnostic)
        }
        return ValidationResult(repository: repository, diagnostics: Diagnostic.sortedForOutput(resolved),
                                sources: sources, fileCount: outcomes.count)
    }
}

/// What reading one file gave: its text, document, unit and diagnostics.
struct FileOutcome: Sendable {
    let file: String
    let relative: String
    let source: SourceText
    let document: YAMLDocument?
    let unit: UnitPlan?
    let diagnostics: [Diagnostic]

    static func tooLarge(file: String, relative: String, size: Int, limit: Int) -> FileOutcome {
        let diagnostic = Diagnostic(file: file, range: ByteRange(start: 0, end: 0), severity: .error,
                                    rule: RuleID.resourceLimit,
                                    message: "file is \(size) bytes; the limit is \(limit) bytes (8 MiB)")
        return FileOutcome(file: file, relative: relative, source: SourceText(bytes: []), document: nil,
                           unit: nil, diagnostics: [diagnostic])
    }

    static func unreadable(file: String, relative: String) -> FileOutcome {
        let diagnostic = Diagnostic(file: file, range: ByteRange(start: 0, end: 0), severity: .error,
                                    rule: RuleID.yamlSyntax, message: "the file cannot be read")
        return FileOutcome(file: file, relative: relative, source: SourceText(bytes: []), document: nil,
                           unit: nil, diagnostics: [diagnostic])
    }

    static func parse(file: String, relative: String, bytes: [UInt8], limits: ParseLimits) -> FileOutcome {
        let parsed = YAMLParser(limits: limits).parse(bytes)
        var diagnostics = parsed.problems.map { problem in
            Diagnostic(file: file, range: ByteRange(start: problem.start, end: problem.end), severity: .error,
                       rule: rule(for: problem.kind), message: problem.message)
        }
        let broken = parsed.problems.contains { problem in
            if case .syntax = problem.kind { return true }
            if case .resourceLimit = problem.kind { return true }
            return false
        }
        var unit: UnitPlan?
        if relative != "hoshin.yaml", !broken {
            let decoded = UnitPlanDecoder.decode(parsed.document, file: file)
            unit = decoded.unit
            diagnostics += decoded.diagnostics
        }
        return FileOutcome(file: file, relative: relative, source: parsed.source,
                           document: broken ? nil : parsed.document, unit: unit, diagnostics: diagnostics)
    }

    static func rule(for kind: YAMLProblem.Kind) -> String {
        switch kind {
        case .syntax: RuleID.yamlSyntax
        case .duplicateKey: RuleID.duplicateKey
        case .resourceLimit: RuleID.resourceLimit
        case .tag: RuleID.invalidType
        }
    }
}
