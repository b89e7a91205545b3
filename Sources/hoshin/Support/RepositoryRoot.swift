import Foundation

/// Paths relative to the root of the git repository that holds the plan folder.
enum RepositoryRoot {
    /// The enclosing git work tree's root (a folder holding `.git`), or nil outside git.
    static func gitRoot(from folder: String) -> URL? {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) { return url }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// The root paths are made relative to: the git work tree holding `directory` (as
    /// named, from the current folder), else `GITHUB_WORKSPACE`, else the current folder.
    static func find(directory: String = ".") -> URL {
        let current = FileManager.default.currentDirectoryPath
        let absolute = directory.hasPrefix("/") ? directory : current + "/" + directory
        if let root = gitRoot(from: absolute) { return root }
        if let workspace = ProcessInfo.processInfo.environment["GITHUB_WORKSPACE"], !workspace.isEmpty {
            return URL(fileURLWithPath: workspace).standardizedFileURL
        }
        return URL(fileURLWithPath: current).standardizedFileURL
    }

    /// A function turning a path (as the user named it) into one relative to the root of
    /// the repository holding `directory`, whether `directory` is relative or absolute and
    /// whichever subfolder the command runs in. Symbolic links in the folders are resolved.
    static func relativizer(directory: String = ".") -> @Sendable (String) -> String {
        let root = find(directory: directory).resolvingSymlinksInPath().path
        let current = FileManager.default.currentDirectoryPath
        return { path in
            let absolute = path.hasPrefix("/") ? path : current + "/" + path
            let url = URL(fileURLWithPath: absolute).standardizedFileURL
            // Resolve links in the folder part only: the file itself may be a link.
            let folder = url.deletingLastPathComponent().resolvingSymlinksInPath().path
            let standard = (folder == "/" ? "" : folder) + "/" + url.lastPathComponent
            let prefix = root.hasSuffix("/") ? root : root + "/"
            return standard.hasPrefix(prefix) ? String(standard.dropFirst(prefix.count)) : path
        }
    }
}
