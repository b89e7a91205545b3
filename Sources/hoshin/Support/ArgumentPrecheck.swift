import HoshinModel

/// Looks at the raw arguments before the parser does, so that the argument errors the
/// parser would word poorly get one clear line like every other: a date that is not
/// `YYYY-MM-DD`, and a negative count (which the parser would read as an option).
enum ArgumentPrecheck {
    /// Options whose value is a `PlanDate`.
    static let dateOptions: Set<String> = ["--as-of", "--date"]
    /// Options whose value is a count of 0 or more.
    static let countOptions: Set<String> = ["--depth"]
    /// Options that take any text (so their value is never checked as an option).
    static let textOptions: Set<String> = ["--note", "--comment", "--progress"]

    /// The arguments unchanged, or a failure for a bad date or a negative count (which the
    /// parser would call a missing value). Help requests are not checked.
    static func check(_ arguments: [String]) throws -> [String] {
        if arguments.contains("--help") || arguments.contains("-h") { return arguments }
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let (name, inline) = split(argument)
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            let value = inline ?? next
            if dateOptions.contains(name), let value, PlanDate(value) == nil, inline != nil || !value.hasPrefix("--") {
                throw CommandFailure(CommandMessages.notADate(name, value))
            }
            if countOptions.contains(name), let value, let number = Int(value), number < 0 {
                throw CommandFailure(CommandMessages.notACount(name, value))
            }
            result.append(argument)
            if textOptions.contains(name), inline == nil, let next {
                result.append(next)
                index += 1
            }
            index += 1
        }
        return result
    }

    static func split(_ argument: String) -> (name: String, value: String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}
