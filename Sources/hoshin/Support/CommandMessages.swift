import Foundation
import HoshinText

/// The command line's own sentences (not the parser's), in one place so that a message
/// catalogue can take them over.
enum CommandMessages {
    /// Said on stderr when the plan folder was found upward from the current folder.
    static func usingFolder(_ shown: String, absolute: String) -> String {
        Catalogue.translate("hoshin: no ./plans here; using the plan folder \(shown) (\(absolute))", to: RunLanguage.current) + "\n"
    }

    /// A file was given where the plan folder was expected.
    static func fileNotFolder(_ given: String, suggestion: String?) -> String {
        "\(given) is a file; give the plan folder" + (suggestion.map { ", e.g. \($0)" } ?? "")
    }

    /// A folder inside a plan repository was given instead of the repository's own folder.
    static func folderInsideRepository(_ given: String, suggestion: String) -> String {
        "\(given) has no hoshin.yaml; give the plan folder, e.g. \(suggestion)"
    }

    /// `--unit` was given a `UNIT/ID` reference.
    static func unitTakesUnitID(_ given: String, unit: String) -> String {
        "--unit takes a unit id, not '\(given)'; try --unit \(unit)"
    }

    /// A date option whose value is not `YYYY-MM-DD`.
    static func notADate(_ option: String, _ value: String) -> String {
        "\(option): '\(value)' is not a date; write YYYY-MM-DD, such as 2026-10-31"
    }

    /// A count option given a negative number.
    static func notACount(_ option: String, _ value: String) -> String {
        "\(option) must be 0 or more, not \(value)"
    }

    /// The parser's own message, made one line, with where to read more.
    static func parserError(_ message: String, command: String) -> String {
        let oneLine = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
        var first = oneLine.first.map { $0.lowercased() + oneLine.dropFirst() } ?? ""
        if first.hasSuffix(".") { first.removeLast() }
        return "\(first) (see '\(command) --help')"
    }

    /// `report` that changed no value: it still sets `updated`.
    static func confirmed(_ reference: String, date: String) -> String {
        "\(reference): confirmed (updated \(date))"
    }
}
