import HoshinModel
import HoshinRollup
import HoshinText

/// The part of a status shown despite errors that says what is missing (spec §7), in
/// the report's language.
struct ProblemsSection {
    let heading: String
    let unreadable: String
    let withErrors: String
    let leftOut: String

    /// The words in a language, from the message catalogue (`problems.*`).
    static func forLanguage(_ language: ReportLanguage) -> ProblemsSection {
        func text(_ id: String) -> String { Catalogue.text(id, language) }
        return ProblemsSection(heading: text("problems.heading"), unreadable: text("problems.unreadable"),
                               withErrors: text("problems.with-errors"), leftOut: text("problems.left-out"))
    }

    /// (label, subject) lines: files that could not be read, files with errors, units left out.
    static func lines(_ problems: StatusProblems, language: ReportLanguage) -> [(label: String, subject: String)] {
        let words = forLanguage(language)
        return problems.unreadableFiles.map { (words.unreadable, $0) }
            + problems.filesWithErrors.map { (words.withErrors, $0) }
            + problems.unitsLeftOut.map { (words.leftOut, "\($0.id) (\($0.file))") }
    }

    /// Plain text (the tree): a heading and one line each.
    static func text(_ problems: StatusProblems, language: ReportLanguage) -> String {
        guard !problems.isEmpty else { return "" }
        var out = "\n\(forLanguage(language).heading):\n"
        for line in lines(problems, language: language) { out += "  ! \(line.label): \(line.subject)\n" }
        return out
    }
}
