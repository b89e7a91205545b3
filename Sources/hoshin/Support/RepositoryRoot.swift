import Foundation

/// Paths relative to the root of the git repository the current folder is in.
enum RepositoryRoot {
    /// The enclosing git work tree's root, or the current folder outside git.
    static func find(from folder: String = FileManager.default.currentDirectoryPath) -> URL {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) { return url }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return URL(fileURLWithPath: folder).standardizedFileURL }
            url = parent
        }
    }

    /// A function turning a path (as the user named it) into one relative to the root.
    static func relativizer() -> @Sendable (String) -> String {
        let root = find().path
        let current = FileManager.default.currentDirectoryPath
        return { path in
            let absolute = path.hasPrefix("/") ? path : current + "/" + path
            let standard = URL(fileURLWithPath: absolute).standardizedFileURL.path
            let prefix = root.hasSuffix("/") ? root : root + "/"
            return standard.hasPrefix(prefix) ? String(standard.dropFirst(prefix.count)) : path
        }
    }
}
