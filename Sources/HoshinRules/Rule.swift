import HoshinModel
import HoshinText

/// A file of a rule example: a path inside the example repository and its text.
public struct ExampleFile: Sendable, Hashable {
    /// Path inside the repository, such as `region.yaml`.
    public let path: String
    /// The file's text.
    public let text: String

    /// Creates an example file.
    public init(_ path: String, _ text: String) {
        self.path = path
        self.text = text
    }
}

/// A small repository that shows a rule firing or staying silent.
public struct RuleExample: Sendable {
    /// The files; a default `hoshin.yaml` is added when none is given.
    public let files: [ExampleFile]
    /// The as-of date the example is judged at.
    public let asOf: PlanDate

    /// The `hoshin.yaml` used when an example gives none.
    public static let defaultSettings = "hoshin: 1\nperiod: 2026\n"

    /// Creates an example judged at 2026-10-31.
    public init(_ files: [ExampleFile], asOf: PlanDate = PlanDate(year: 2026, month: 10, day: 31)!) {
        self.files = files
        self.asOf = asOf
    }

    /// Creates a one-file example (a root unit `region.yaml`).
    public init(_ text: String) {
        self.init([ExampleFile("region.yaml", text)])
    }

    /// The files with `hoshin.yaml` included.
    public var completeFiles: [ExampleFile] {
        files.contains { $0.path == "hoshin.yaml" } ? files : [ExampleFile("hoshin.yaml", Self.defaultSettings)] + files
    }
}

/// The one-file examples most rules share: the region's plan with the goal `saker-vard`, and on
/// it the indicator `vardskador` or the activity `utbildning`. What follows the shared lines is
/// written at its real indentation (the literal's closing delimiter eight spaces in).
extension RuleExample {
    /// The region's plan with the goal `saker-vard`.
    static let goalLines = """
    unit: region
    name: Region Jönköpings län
    goals:
      - id: saker-vard
        title: Säker vård – alla gånger

    """

    /// The goal with the indicator `vardskador` (a percentage, down, target 5.0).
    static let indicatorLines = goalLines + """
        indicators:
          - id: vardskador
            title: Andel vårdtillfällen med vårdskada
            unit: "%"
            direction: down
            target: 5.0

    """

    /// The goal with the activity `utbildning`.
    static let activityLines = goalLines + """
        activities:
          - id: utbildning
            title: Utbilda granskningsteam

    """

    /// The region's plan with the goal `saker-vard`, then `rest`.
    static func goal(_ rest: String = "") -> RuleExample { RuleExample(goalLines + rest) }

    /// The goal's indicator `vardskador`, then `rest`.
    static func indicator(_ rest: String = "") -> RuleExample { RuleExample(indicatorLines + rest) }

    /// The goal's activity `utbildning`, then `rest`.
    static func activity(_ rest: String = "") -> RuleExample { RuleExample(activityLines + rest) }
}

/// What a rule is, why it exists, and examples that double as tests.
public struct RuleDescription: Sendable {
    /// The stable id, such as `unknown-key`.
    public let id: String
    /// Its severity unless `hoshin.yaml` says otherwise.
    public let defaultSeverity: Severity
    /// One line: what it checks.
    public let summary: String
    /// A paragraph: why it matters to a plan author.
    public let rationale: String
    /// A repository in which the rule fires.
    public let failing: RuleExample
    /// A repository in which it stays silent.
    public let passing: RuleExample
}

/// What a rule sees while it checks a repository, and where it reports.
public struct RuleContext: Sendable {
    /// The date statuses are judged at.
    public let asOf: PlanDate
    /// The repository being checked.
    public let repository: PlanRepository
    /// Turns a file and byte offset into a line and column, for messages.
    public let locate: @Sendable (String, Int) -> TextPosition
    /// Findings so far (severity is the rule's default; overrides come later).
    public private(set) var diagnostics: [Diagnostic] = []
    let rule: RuleDescription

    init(asOf: PlanDate, repository: PlanRepository, rule: RuleDescription,
         locate: @escaping @Sendable (String, Int) -> TextPosition) {
        self.asOf = asOf
        self.repository = repository
        self.rule = rule
        self.locate = locate
    }

    /// The settings of the repository.
    public var settings: RepositorySettings { repository.settings }

    /// Reports a finding of the current rule at `range` in `file`.
    public mutating func report(_ file: String, _ range: ByteRange, _ message: String) {
        diagnostics.append(Diagnostic(file: file, range: range, severity: rule.defaultSeverity,
                                      rule: rule.id, message: message))
    }

    /// Reports a finding with a catalogue message (written out only when read).
    public mutating func report(_ file: String, _ range: ByteRange, _ message: CatalogueMessage) {
        diagnostics.append(Diagnostic(file: file, range: range, severity: rule.defaultSeverity,
                                      rule: rule.id, message: message))
    }

    /// "line L, column C" of an offset, or "FILE, line L" when it is in another file.
    public func place(_ file: String, _ offset: Int, from current: String) -> String {
        let position = locate(file, offset)
        return file == current ? "line \(position.line), column \(position.column)"
                               : "\(file), line \(position.line)"
    }
}

/// A rule: its description and, for repository-wide rules, the check itself.
///
/// Rules found while reading files (syntax, keys, types) have no check: the parser
/// and decoder report them, and the rule here carries their description.
public struct Rule: Sendable {
    /// Id, severity, rationale and examples.
    public let description: RuleDescription
    /// The check over a decoded repository, or nil for rules found while decoding.
    public let check: (@Sendable (inout RuleContext) -> Void)?

    /// Creates a rule.
    public init(_ description: RuleDescription, check: (@Sendable (inout RuleContext) -> Void)? = nil) {
        self.description = description
        self.check = check
    }

    /// The rule's id.
    public var id: String { description.id }
}
