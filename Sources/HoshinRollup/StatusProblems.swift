import HoshinModel

/// What a status shown despite errors leaves out (spec §7): the files that could not be
/// read, the units whose place in the tree is not known, and the errors themselves.
public struct StatusProblems: Sendable {
    /// A unit that is not in the tree.
    public struct LeftOut: Sendable, Hashable {
        /// The unit id.
        public let id: String
        /// Its file, as named for output.
        public let file: String
    }

    /// Unit plan files (or `hoshin.yaml`) that could not be read at all.
    public var unreadableFiles: [String] = []
    /// Files that were read but have errors: what the errors concern is missing from the tree.
    public var filesWithErrors: [String] = []
    /// Units left out: their chain of parents does not reach the root shown.
    public var unitsLeftOut: [LeftOut] = []
    /// Every error (§6 diagnostics, severity error).
    public var diagnostics: [Diagnostic] = []

    /// No problems.
    public var isEmpty: Bool { diagnostics.isEmpty && unreadableFiles.isEmpty && unitsLeftOut.isEmpty }

    /// Creates an empty list.
    public init() {}

    /// The problems of `repository` given its errors, for a tree that starts at the root `rootID`.
    public init(repository: PlanRepository, errors: [Diagnostic], rootID: String?) {
        diagnostics = errors
        unreadableFiles = repository.undecodedFiles
        let unreadable = Set(unreadableFiles)
        var withErrors: [String] = []
        for diagnostic in errors where !unreadable.contains(diagnostic.file) && withErrors.last != diagnostic.file {
            if !withErrors.contains(diagnostic.file) { withErrors.append(diagnostic.file) }
        }
        filesWithErrors = withErrors
        let byID = repository.unitsByID
        for unit in repository.units {
            var reachesShownRoot = false
            var seen: Set<String> = []
            var current: UnitPlan? = unit
            while let node = current, seen.insert(node.id.value).inserted {
                if byID[node.id.value]?.file != node.file { break }   // a duplicate id: not in the tree
                guard let parent = node.parent else {
                    reachesShownRoot = rootID == nil || node.id.value == rootID
                    break
                }
                if node.parentIsInvalid { break }
                current = byID[parent.value]
            }
            if !reachesShownRoot { unitsLeftOut.append(LeftOut(id: unit.id.value, file: unit.file)) }
        }
    }
}
