import Foundation
import HoshinDecoding
import HoshinModel
import HoshinRules
import HoshinYAML

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
/// Files are independent, so they are read, parsed and decoded concurrently (each
/// file's YAML node table is dropped as soon as it is decoded); the
/// repository-wide rules then run over the decoded model. The result is the same
/// whatever the concurrency: outcomes are kept in file order.
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
    /// When true, only errors are kept, and the repository-wide rules that cannot give an
    /// error here (by their severity in `hoshin.yaml` and the overrides) are not run: for
    /// commands that show only errors (`status`, `diff`).
    public var keepsErrorsOnly = false
    /// When true, each decoded file keeps only the tables that place a byte offset (its
    /// line starts and where its characters are wider than a byte), not its bytes: for
    /// commands that show positions but no lines of text (`validate` other than as text,
    /// `status`). Peak memory then no longer holds the whole repository's text.
    public var dropsSourceBytes = false

    /// How many files are read, parsed and decoded at once (at least 1).
    public var concurrency: Int

    /// Creates a loader; `concurrency` defaults to `HOSHIN_THREADS` when set, else the
    /// number of active processors.
    public init(limits: ParseLimits = .standard, enforcesStructuralRules: Bool = false, concurrency: Int? = nil) {
        self.limits = limits
        self.enforcesStructuralRules = enforcesStructuralRules
        self.concurrency = max(1, concurrency ?? Self.defaultConcurrency)
    }

    /// `HOSHIN_THREADS` (a positive whole number) or the number of active processors.
    public static var defaultConcurrency: Int { Parallel.defaultWorkers }

    /// Loads the repository in `folder` and validates it at `asOf`; `overrides` gives
    /// bytes to use instead of some files' (by path inside the folder), for checking an
    /// edit before it is written.
    public func load(folder: String, asOf: PlanDate, overrides: [String: [UInt8]] = [:]) throws -> ValidationResult {
        let paths = try PlanFileDiscovery.planFiles(in: folder)
        guard paths.contains("hoshin.yaml") else { throw RepositoryError.noSettingsFile(folder) }
        let limits = self.limits
        let cache = parsedFiles
        let dropsBytes = dropsSourceBytes && cache == nil
        @Sendable func parse(_ display: String, _ relative: String, _ bytes: [UInt8]) -> FileOutcome {
            guard let cache else {
                let outcome = FileOutcome.parse(file: display, relative: relative, bytes: bytes, limits: limits)
                return dropsBytes ? outcome.droppingBytes() : outcome
            }
            return cache.outcome(file: display, bytes: bytes, limits: limits) {
                FileOutcome.parse(file: display, relative: relative, bytes: bytes, limits: limits)
            }
        }
        let outcomes = Parallel.map(paths, workers: concurrency) { relative -> FileOutcome in
            let display = PlanFileDiscovery.displayPath(folder: folder, relative: relative)
            if let bytes = overrides[relative] {
                return parse(display, relative, bytes)
            }
            switch Self.read(display, limit: limits.maxBytes) {
            case .bytes(let bytes):
                return parse(display, relative, bytes)
            case .tooLarge(let size):
                return FileOutcome.tooLarge(file: display, relative: relative, size: size, limit: limits.maxBytes)
            case .unreadable:
                return FileOutcome.unreadable(file: display, relative: relative)
            }
        }
        if overrides.isEmpty { cache?.keep(only: Set(outcomes.map(\.file))) }
        return Self.assemble(folder: folder, outcomes: outcomes, asOf: asOf, enforcing: enforcesStructuralRules,
                             ruleOverrides: ruleOverrides, errorsOnly: keepsErrorsOnly, concurrency: concurrency)
    }

    /// Loads a repository given as files in memory (named as if inside `folder`).
    public func load(files: [InMemoryFile], folder: String = "plans", asOf: PlanDate) -> ValidationResult {
        let limits = self.limits
        let sorted = files.sorted { $0.path < $1.path }
        let cache = parsedFiles
        let outcomes = Parallel.map(sorted, workers: concurrency) { file in
            let display = PlanFileDiscovery.displayPath(folder: folder, relative: file.path)
            guard let cache else { return FileOutcome.parse(file: display, relative: file.path, bytes: file.bytes, limits: limits) }
            return cache.outcome(file: display, bytes: file.bytes, limits: limits) {
                FileOutcome.parse(file: display, relative: file.path, bytes: file.bytes, limits: limits)
            }
        }
        return Self.assemble(folder: folder, outcomes: outcomes, asOf: asOf, enforcing: enforcesStructuralRules,
                             ruleOverrides: ruleOverrides, errorsOnly: keepsErrorsOnly, concurrency: concurrency)
    }

    /// A plan file's bytes, or nil when it cannot be read or is over the size limit.
    public static func fileBytes(at path: String, limit: Int = ParseLimits.standard.maxBytes) -> [UInt8]? {
        if case .bytes(let bytes) = read(path, limit: limit) { return bytes }
        return nil
    }

    enum ReadOutcome {
        case bytes([UInt8])
        case tooLarge(Int)
        case unreadable
    }

    /// A file's bytes read straight into an array (no intermediate `Data`), unless it is
    /// larger than `limit`.
    static func read(_ path: String, limit: Int) -> ReadOutcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return .unreadable }
        let size = Int(status.st_size)
        if size > limit { return .tooLarge(size) }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let got = Foundation.read(descriptor, buffer.baseAddress! + done, size - done)
                if got < 0, errno == EINTR { continue }
                if got < 0 { failed = true }
                if got <= 0 { break }
                done += got
            }
            count = done
        }
        return failed ? .unreadable : .bytes(bytes)
    }

    static func assemble(folder: String, outcomes: [FileOutcome], asOf: PlanDate, enforcing: Bool = false,
                         ruleOverrides: [String: SeveritySetting] = [:], errorsOnly: Bool = false,
                         concurrency: Int) -> ValidationResult {
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceText] = [:]
        var settings: RepositorySettings?
        var units: [UnitPlan] = []
        for outcome in outcomes {
            sources[outcome.file] = outcome.source
            diagnostics += outcome.diagnostics
            if outcome.relative == "hoshin.yaml" {
                settings = outcome.settings
                settings?.rules.merge(ruleOverrides) { $1 }
            } else if let unit = outcome.unit {
                units.append(unit)
            }
        }
        var severities: [String: Severity?] = [:]
        /// A rule's severity in this run (nil: turned off), remembered per rule.
        func severity(of rule: String) -> Severity? {
            if let known = severities[rule] { return known }
            let enforced = enforcing && structuralRules.contains(rule)
            let severity = RuleCatalogue.severity(of: rule, settings: enforced ? nil : settings)
            severities[rule] = .some(severity)
            return severity
        }
        var repository: PlanRepository?
        if let settings {
            let planFiles = outcomes.map(\.file)
            var repo = PlanRepository(folder: folder, settings: settings, units: units, files: planFiles)
            let undecoded = outcomes.filter { $0.relative != "hoshin.yaml" && $0.unit == nil }
            repo.undecodedFiles = undecoded.map(\.file)
            repo.undecodedUnitIDs = Set(undecoded.flatMap(\.possibleUnitIDs))
            let frozenSources = sources
            let running = RuleCatalogue.all.map(\.id).filter { !errorsOnly || severity(of: $0) == .error }
            RuleCatalogue.check(repo, asOf: asOf, only: Set(running), concurrency: concurrency,
                                appendingTo: &diagnostics) { file, offset in
                guard let source = frozenSources[file] else { return TextPosition(line: 1, column: 1) }
                let location = source.location(ofByteOffset: offset)
                return TextPosition(line: location.line, column: location.column)
            }
            repository = repo
        }
        // Severities, and errors only when asked, in place: no second list of diagnostics.
        var kept = 0
        for index in diagnostics.indices {
            guard let severity = severity(of: diagnostics[index].rule), !errorsOnly || severity == .error else { continue }
            diagnostics[index].severity = severity
            if kept != index { diagnostics.swapAt(kept, index) }
            kept += 1
        }
        diagnostics.removeSubrange(kept...)
        // Positions (a search of the line table and a count of characters each) on every core.
        let frozenSources = sources
        Parallel.update(&diagnostics, chunk: 4_096, workers: concurrency) { diagnostic in
            diagnostic.boundMessage()
            if let source = frozenSources[diagnostic.file] {
                let start = source.location(ofByteOffset: diagnostic.range.start)
                let end = source.location(ofByteOffset: diagnostic.range.end)
                diagnostic.start = TextPosition(line: start.line, column: start.column)
                diagnostic.end = TextPosition(line: end.line, column: end.column)
            }
        }
        Diagnostic.sortForOutput(&diagnostics)
        return ValidationResult(repository: repository, diagnostics: diagnostics,
                                sources: sources, fileCount: outcomes.count)
    }
}

/// What reading one file gave: its text, unit (or settings) and diagnostics. The YAML
/// node table is not kept: it is dropped as soon as the file is decoded.
struct FileOutcome: Sendable {
    let file: String
    let relative: String
    let source: SourceText
    var settings: RepositorySettings? = nil
    let unit: UnitPlan?
    let diagnostics: [Diagnostic]

    /// The outcome keeping only the positions of its text (`SourceText.droppingBytes()`)
    /// when it was decoded into a unit; a file that was not keeps its bytes, from which
    /// `possibleUnitIDs` reads.
    func droppingBytes() -> FileOutcome {
        guard unit != nil else { return self }
        return FileOutcome(file: file, relative: relative, source: source.droppingBytes(), settings: settings,
                           unit: unit, diagnostics: diagnostics)
    }

    /// The unit ids this file may hold when it could not be decoded: the value of a
    /// top-level `unit:` line, if one can be read, and the file name without extension.
    var possibleUnitIDs: [String] {
        var ids: [String] = []
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        if let dot = name.lastIndex(of: ".") { ids.append(String(name[..<dot])) }
        let bytes = source.bytes
        let key = Array("unit:".utf8)
        for line in 0..<min(source.lineCount, 10_000) {
            let start = source.lineRange(line).lowerBound
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
        return FileOutcome(file: file, relative: relative, source: SourceText(bytes: []),
                           unit: nil, diagnostics: [diagnostic])
    }

    static func unreadable(file: String, relative: String) -> FileOutcome {
        let diagnostic = Diagnostic(file: file, range: ByteRange(start: 0, end: 0), severity: .error,
                                    rule: RuleID.yamlSyntax, message: "the file cannot be read")
        return FileOutcome(file: file, relative: relative, source: SourceText(bytes: []),
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
        var settings: RepositorySettings?
        if relative == "hoshin.yaml" {
            let document = broken ? nil : parsed.document
            if document != nil || diagnostics.isEmpty {
                let decoded = SettingsDecoder.decode(document, file: file, knownRules: RuleCatalogue.ids)
                settings = decoded.settings
                diagnostics += decoded.diagnostics
            }
        } else if !broken {
            let decoded = UnitPlanDecoder.decode(parsed.document, file: file, source: parsed.source)
            unit = decoded.unit
            diagnostics += decoded.diagnostics
        }
        return FileOutcome(file: file, relative: relative, source: parsed.source, settings: settings,
                           unit: unit, diagnostics: diagnostics)
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
