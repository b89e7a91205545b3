import HoshinModel
import HoshinText

extension ValidationResult {
    /// The result with its diagnostic messages translated and its settings' language set:
    /// every human-readable text in it (diagnostic messages, the `language` renderers follow)
    /// is then in `language`.
    public func localized(_ language: Language) -> ValidationResult {
        var repository = self.repository
        repository?.settings.language = language
        var localized = ValidationResult(
            repository: repository,
            diagnostics: Self.localized(diagnostics, language),
            sources: sources, fileCount: fileCount)
        localized.language = language
        return localized
    }
}

extension ValidationResult {
    /// Diagnostics translated in chunks on every core (`HOSHIN_THREADS`), in their order.
    public static func localized(_ diagnostics: [Diagnostic], _ language: Language) -> [Diagnostic] {
        guard language != .en else { return diagnostics }
        return Parallel.map(diagnostics, chunk: 256) { $0.localized(language) }
    }
}
