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
    /// Rule severities for this run that win over `hoshin.yaml` (`validate --rule ID=SEVERITY`).
    public var ruleOverrides: [String: SeveritySetting] = [:]
    /// When set, files whose bytes are as when last parsed are not parsed again (`hoshin serve`).
    public var parsedFiles: ParsedFileCache?

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
        let cache = parsedFiles
        @Sendable func parse(_ display: String, _ relative: String, _ bytes: [UInt8]) -> FileOutcome {
            guard let cache else { return FileOutcome.parse(file: display, relative: relative, bytes: bytes, limits: limits) }
            return cache.outcome(file: display, bytes: bytes, limits: limits) {
                FileOutcome.parse(file: display, relative: relative, bytes: bytes, limits: limits)
            }
        }
        let outcomes = Self.concurrentMap(paths) { relative -> FileOutcome in
            let display = PlanFileDiscovery.displayPath(folder: folder, relative: relative)
            if let bytes = overrides[relative] {
                return parse(display, relative, bytes)
            }
            let absolute = display
            let size = (try? FileManager.default.attributesOfItem(atPath: absolute)[.size] as? Int) ?? 0
            if size > limits.maxBytes {
                return FileOutcome.tooLarge(file: display, relative: relative, size: size, limit: limits.maxBytes)
            }
            guard let data = FileManager.default.contents(atPath: absolute) else {
                return FileOutcome.unreadable(file: display, relative: relative)
            }
            return parse(display, relative, [UInt8](data))
        }
        if overrides.isEmpty { cache?.keep(only: Set(outcomes.map(\.file))) }
        return Self.assemble(folder: folder, outcomes: outcomes, asOf: asOf, enforcing: enforcesStructuralRules, ruleOverrides: ruleOverrides)
    }

    /// Loads a repository given as files in memory (named as if inside `folder`).
    public func load(files: [InMemoryFile], folder: String = "plans", asOf: PlanDate) -> ValidationResult {
        let limits = self.limits
        let sorted = files.sorted { $0.path < $1.path }
        let outcomes = Self.concurrentMap(sorted) { file in
            FileOutcome.parse(file: PlanFileDiscovery.displayPath(folder: folder, relative: file.path),
                              relative: file.path, bytes: file.bytes, limits: limits)
        }
        return Self.assemble(folder: folder, outcomes: outcomes, asOf: asOf, enforcing: enforcesStructuralRules, ruleOverrides: ruleOverrides)
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

    static func assemble(folder: String, outcomes: [FileOutcome], asOf: PlanDate, enforcing: Bool = false,
                         ruleOverrides: [String: SeveritySetting] = [:]) -> ValidationResult {
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
                settings?.rules.merge(ruleOverrides) { $1 }
                diagnostics += decoded.diagnostics
            } else if let unit = outcome.unit {
                units.append(unit)
            }
        }
        var repository: PlanRepository?
        if let settings {
            let planFiles = outcomes.map(\.file)
            var repo = PlanRepository(folder: folder, settings: settings, units: units, files: planFiles)
            let undecoded = outcomes.filter { $0.relative != "hoshin.yaml" && $0.unit == nil }
            repo.undecodedFiles = undecoded.map(\.file)
            repo.undecodedUnitIDs = Set(undecoded.flatMap(\.possibleUnitIDs))
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
            diagnostic.message = Diagnostic.bounded(diagnostic.message)
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

    /// The unit ids this file may hold when it could not be decoded: the value of a
    /// top-level `unit:` line, if one can be read, and the file name without extension.
    var possibleUnitIDs: [String] {
        var ids: [String] = []
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        if let dot = name.lastIndex(of: ".") { ids.append(String(name[..<dot])) }
        let bytes = source.bytes
        let key = Array("unit:".utf8)
        for lineStart in source.lineStarts.prefix(10_000) {
            var start = lineStart
            if start == 0 { start = source.byteOrderMarkLength }
            guard start + key.count <= bytes.count, Array(bytes[start..<(start + key.count)]) == key else { continue }
            var end = start + key.count
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D, bytes[end] != 0x23 { end += 1 }
            let value = String(decoding: bytes[(start + key.count)..<end], as: UTF8.self)
                .trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if !value.isEmpty { ids.append(value) }
            break
        }
        return ids
    }

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
            let decoded = UnitPlanDecoder.decode(parsed.document, file: file, source: parsed.source)
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
        case .tag, .aliasKey: RuleID.invalidType
        }
    }
}
