import HoshinModel
import HoshinYAML

/// Everything a command learns from reading and validating a repository.
public struct ValidationResult: Sendable {
    /// The decoded repository, or nil when `hoshin.yaml` could not be read.
    public internal(set) var repository: PlanRepository?
    /// Every diagnostic, severities overridden, positions resolved, in output order.
    public internal(set) var diagnostics: [Diagnostic]
    /// The text of every file read, by the name used in diagnostics.
    public let sources: [String: SourceText]
    /// How many files were read (hoshin.yaml included).
    public let fileCount: Int
    /// The language the messages are in (English as the rules write them, until translated).
    public var language: ReportLanguage = .en

    /// Creates a result.
    public init(repository: PlanRepository?, diagnostics: [Diagnostic], sources: [String: SourceText], fileCount: Int) {
        self.repository = repository
        self.diagnostics = diagnostics
        self.sources = sources
        self.fileCount = fileCount
    }

    /// The same result with only its errors.
    public var errorsOnly: ValidationResult {
        var result = ValidationResult(repository: repository, diagnostics: diagnostics.filter { $0.severity == .error },
                                      sources: sources, fileCount: fileCount)
        result.language = language
        return result
    }

    /// Number of errors.
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    /// Number of warnings.
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    /// Number of infos.
    public var infoCount: Int { diagnostics.count { $0.severity == .info } }
}
