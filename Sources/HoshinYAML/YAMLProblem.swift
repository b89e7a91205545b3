/// Something wrong with a file at the YAML level, found while parsing.
public struct YAMLProblem: Sendable, Equatable {
    /// What kind of problem.
    public enum Kind: Sendable, Equatable {
        /// Not well-formed YAML (libyaml's own complaint), or not UTF-8 text.
        case syntax
        /// A mapping key given twice; `firstStart`/`firstEnd` locate the first one.
        case duplicateKey(key: String, firstStart: Int, firstEnd: Int)
        /// A bound of `ParseLimits` was exceeded; parsing stopped.
        case resourceLimit
        /// An explicit YAML tag, which plan files do not use.
        case tag(String)
        /// An alias (`*name`) used as a mapping key.
        case aliasKey
    }

    /// The kind of problem.
    public let kind: Kind
    /// Byte offset where the problem starts.
    public let start: Int
    /// Byte offset where it ends (exclusive).
    public let end: Int
    /// A message for a plan author.
    public let message: String

    /// Creates a problem.
    public init(kind: Kind, start: Int, end: Int, message: String) {
        self.kind = kind
        self.start = start
        self.end = end
        self.message = message
    }
}

/// The outcome of parsing one file: a document (possibly partial) and its problems.
public struct YAMLParseResult: Sendable {
    /// The document, or nil when parsing could not build one.
    public let document: YAMLDocument?
    /// Problems found, in source order.
    public let problems: [YAMLProblem]
    /// The text and its position tables.
    public let source: SourceText
}
