import HoshinModel
import HoshinRollup

/// The part of a status shown despite errors that says what is missing (spec §7), in
/// the report's language. Its words live here, in one place.
struct ProblemsSection {
    let heading: String
    let unreadable: String
    let withErrors: String
    let leftOut: String

    static func forLanguage(_ language: ReportLanguage) -> ProblemsSection {
        switch language {
        case .sv:
            ProblemsSection(heading: "Ofullständig status: filer med fel",
                            unreadable: "Kunde inte läsas (inget ur filen visas)",
                            withErrors: "Har fel (det felen gäller saknas)",
                            leftOut: "Utelämnad enhet (dess plats i trädet är okänd)")
        case .da:
            ProblemsSection(heading: "Ufuldstændig status: filer med fejl",
                            unreadable: "Kunne ikke læses (intet fra filen vises)",
                            withErrors: "Har fejl (det, fejlene angår, mangler)",
                            leftOut: "Udeladt enhed (dens plads i træet er ukendt)")
        case .en:
            ProblemsSection(heading: "Incomplete status: files with errors",
                            unreadable: "Could not be read (nothing from it is shown)",
                            withErrors: "Has errors (what they concern is missing)",
                            leftOut: "Unit left out (its place in the tree is not known)")
        }
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
