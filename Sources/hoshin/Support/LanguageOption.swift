import ArgumentParser
import Foundation
import HoshinModel
import HoshinRepository
import HoshinText
import Synchronization

extension Language: ExpressibleByArgument {}

/// `--lang sv|da|en`, which every command takes, and how a run's language is chosen (spec §7):
/// `--lang`, then `HOSHIN_LANG`, then `hoshin.yaml`'s `language`; before `hoshin.yaml` is read,
/// `HOSHIN_LANG`, the process locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), then English.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"),
            help: "Language of the output: sv, da or en (default: the repository's language; HOSHIN_LANG overrides it).")
    var lang: Language?

    /// The language of this run, given the repository's own; remembered for the error line.
    func resolve(repository: Language?) -> Language {
        let language = Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment, repository: repository)
        RunLanguage.remember(language)
        return language
    }

    /// The language of this run for a repository folder, reading only its `hoshin.yaml`.
    func resolve(folder: String) -> Language {
        resolve(repository: RepositoryLanguage.of(folder: folder))
    }

    /// Reads and validates a repository; every human-readable text in the result (diagnostic
    /// messages, the settings' `language` that renderers follow) is in this run's language.
    func load(folder: String, asOf: PlanDate) throws -> ValidationResult {
        let result = try RepositoryLoader().load(folder: folder, asOf: asOf)
        return localize(result)
    }

    /// A result in this run's language.
    func localize(_ result: consuming ValidationResult) -> ValidationResult {
        let language = resolve(repository: result.repository?.settings.language)
        return result.localized(language)
    }
}

/// The `language` of a repository's `hoshin.yaml`, read without the unit plans.
enum RepositoryLanguage {
    static func of(folder given: String) -> Language? {
        let folder = (try? PlanFolder.resolve(given, announce: { _ in })) ?? given
        let path = folder.hasSuffix("/") ? folder + "hoshin.yaml" : folder + "/hoshin.yaml"
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let result = RepositoryLoader().load(files: [InMemoryFile(path: "hoshin.yaml", bytes: Array(data))],
                                             folder: folder, asOf: PlanDate(year: 2000, month: 1, day: 1)!)
        return result.repository?.settings.language
    }
}

/// The language of the one line a command that fails writes to stderr: the run's language once
/// it is known, before that `--lang` as written on the command line, `HOSHIN_LANG`, the locale.
enum RunLanguage {
    private static let decided = Mutex<Language?>(nil)

    static func remember(_ language: Language) {
        decided.withLock { $0 = language }
    }

    static var current: Language {
        if let language = decided.withLock({ $0 }) { return language }
        return Language.resolve(flag: flagInArguments(CommandLine.arguments),
                                environment: ProcessInfo.processInfo.environment, repository: nil)
    }

    /// `--lang X` or `--lang=X` among the arguments, if it names a language.
    static func flagInArguments(_ arguments: [String]) -> Language? {
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument.hasPrefix("--lang=") { return Language(code: String(argument.dropFirst(7))) }
            if argument == "--lang", index + 1 < arguments.count { return Language(code: arguments[index + 1]) }
        }
        return nil
    }
}
