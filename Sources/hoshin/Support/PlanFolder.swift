import Foundation

/// Finds the plan repository folder a command works on (spec §7): the folder given, or
/// when the default `plans` is not here, the nearest folder upward that holds
/// `hoshin.yaml` itself or as `plans/hoshin.yaml`, as git finds its repository.
enum PlanFolder {
    /// The folder every command reads unless told otherwise.
    static let defaultName = "plans"

    /// The folder to read, as a path the user could type (relative to the current
    /// folder where it is below it). Says on stderr which folder it found upward; a file,
    /// or a folder inside a repository, given as the folder is refused with a hint.
    static func resolve(_ given: String, current: String = FileManager.default.currentDirectoryPath,
                        announce: (String) -> Void = Terminal.writeError) throws -> String {
        let absolute = Self.absolute(given, current: current)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) {
            if !isDirectory.boolValue {
                let above = repository(above: (absolute as NSString).deletingLastPathComponent)
                throw CommandFailure(CommandMessages.fileNotFolder(given, suggestion: above.map { shown($0, current: current) }))
            }
            if !holdsSettings(absolute), let above = repository(above: (absolute as NSString).deletingLastPathComponent) {
                throw CommandFailure(CommandMessages.folderInsideRepository(given, suggestion: shown(above, current: current)))
            }
            return given
        }
        guard given == defaultName, let found = repository(above: current) else { return given }
        let path = shown(found, current: current)
        announce(CommandMessages.usingFolder(path, absolute: found))
        return path
    }

    /// The nearest folder from `folder` upward holding `hoshin.yaml` (itself or in `plans/`).
    static func repository(above folder: String) -> String? {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            if holdsSettings(url.path) { return url.path }
            let nested = url.appendingPathComponent(defaultName).path
            if holdsSettings(nested) { return nested }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    static func holdsSettings(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("hoshin.yaml"))
    }

    static func absolute(_ path: String, current: String) -> String {
        URL(fileURLWithPath: path.hasPrefix("/") ? path : (current as NSString).appendingPathComponent(path))
            .standardizedFileURL.path
    }

    /// `found` as the user would type it from `current`: `.`, `..`, `../..`, `plans`, or absolute.
    static func shown(_ found: String, current: String) -> String {
        let from = URL(fileURLWithPath: current).standardizedFileURL.pathComponents
        let to = URL(fileURLWithPath: found).standardizedFileURL.pathComponents
        var common = 0
        while common < min(from.count, to.count), from[common] == to[common] { common += 1 }
        let ups = from.count - common
        guard common > 1 || ups == 0, ups <= 3 else { return found }
        let parts = Array(repeating: "..", count: ups) + to[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
