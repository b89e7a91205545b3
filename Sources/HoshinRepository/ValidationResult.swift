import HoshinModel
import HoshinYAML

/// Everything a command learns from reading and validating a repository.
public struct ValidationResult: Sendable {
    /// The decoded repository, or nil when `hoshin.yaml` could not be read.
    public let repository: PlanRepository?
    /// Every diagnostic, severities overridden, positions resolved, in output order.
    public let diagnostics: [Diagnostic]
    /// The text of every file read, by the name used in diagnostics.
    public let sources: [String: SourceText]
    /// How many files were read (hoshin.yaml included).
    public let fileCount: Int

    /// Number of errors.
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    /// Number of warnings.
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    /// Number of infos.
    public var infoCount: Int { diagnostics.count { $0.severity == .info } }
}
