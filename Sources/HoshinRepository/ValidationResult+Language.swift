import HoshinModel
import HoshinText

extension ValidationResult {
    /// The result with its diagnostic messages translated and its settings' language set:
    /// every human-readable text in it (diagnostic messages, the `language` renderers follow)
    /// is then in `language`.
    ///
    /// The diagnostics are translated in place: a result given up by its caller is not copied.
    public consuming func localized(_ language: Language) -> ValidationResult {
        var localized = self
        localized.repository?.settings.language = language
        var diagnostics = localized.diagnostics
        localized.diagnostics = []
        Self.localize(&diagnostics, language)
        localized.diagnostics = diagnostics
        localized.language = language
        return localized
    }
}

extension ValidationResult {
    /// Diagnostics translated in chunks on every core (`HOSHIN_THREADS`), in their order.
    public static func localized(_ diagnostics: [Diagnostic], _ language: Language) -> [Diagnostic] {
        var diagnostics = diagnostics
        localize(&diagnostics, language)
        return diagnostics
    }

    /// Diagnostics translated in place, in chunks on every core (`HOSHIN_THREADS`).
    public static func localize(_ diagnostics: inout [Diagnostic], _ language: Language) {
        guard language != .en else { return }
        Parallel.update(&diagnostics, chunk: 256) { $0.localize(language) }
    }
}
