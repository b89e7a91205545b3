/// Why a command could not read a repository at all (exit code 2).
public enum RepositoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder does not exist or is not a folder.
    case noSuchFolder(String)
    /// The folder has no `hoshin.yaml` at its root.
    case noSettingsFile(String)
    /// A file could not be read.
    case unreadable(String)
    /// A file could not be written.
    case unwritable(String)
    /// A git revision that does not name a commit.
    case unknownRevision(String)
    /// The folder is not inside a git repository (or git is missing).
    case notAGitRepository(String)

    /// One clear line for stderr.
    public var description: String {
        switch self {
        case .noSuchFolder(let folder): "no such plan folder: \(folder)"
        case .noSettingsFile(let folder): "\(folder) has no hoshin.yaml; is it a plan repository?"
        case .unreadable(let file): "cannot read \(file)"
        case .unwritable(let file): "cannot write \(file)"
        case .unknownRevision(let revision): "'\(revision)' is neither a date (YYYY-MM-DD) nor a git revision"
        case .notAGitRepository(let folder): "\(folder) is not in a git repository (or git is not installed)"
        }
    }
}
