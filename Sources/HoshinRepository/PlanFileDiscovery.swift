import Foundation

/// Finds the plan files of a repository folder (spec §1).
///
/// Files starting with `.` and folders named `.git` are ignored; symbolic links are
/// followed only when they point inside the repository folder.
public enum PlanFileDiscovery {
    /// Paths of `*.yaml` / `*.yml` files relative to `folder`, sorted.
    public static func planFiles(in folder: String) throws -> [String] {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RepositoryError.noSuchFolder(folder)
        }
        let rootURL = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath()
        let rootPath = rootURL.path.hasSuffix("/") ? rootURL.path : rootURL.path + "/"
        var result: [String] = []
        var pending: [String] = [""]
        var visited: Set<String> = [rootURL.path]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? rootURL.path : rootURL.path + "/" + relative
            guard let names = try? fileManager.contentsOfDirectory(atPath: absolute) else { continue }
            for name in names where !name.hasPrefix(".") {
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                let childAbsolute = absolute + "/" + name
                guard let attributes = try? fileManager.attributesOfItem(atPath: childAbsolute),
                      var type = attributes[.type] as? FileAttributeType else { continue }
                if type == .typeSymbolicLink {
                    let target = URL(fileURLWithPath: childAbsolute).resolvingSymlinksInPath().path
                    guard target.hasPrefix(rootPath),
                          let targetAttributes = try? fileManager.attributesOfItem(atPath: target),
                          let targetType = targetAttributes[.type] as? FileAttributeType else { continue }
                    type = targetType
                    if type == .typeDirectory { guard visited.insert(target).inserted else { continue } }
                }
                if type == .typeDirectory {
                    pending.append(childRelative)
                } else if type == .typeRegular, name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                    result.append(childRelative)
                }
            }
        }
        return result.sorted()
    }

    /// The path of a file as the user named it: the folder joined with the path inside it.
    public static func displayPath(folder: String, relative: String) -> String {
        var base = folder
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        return base == "/" ? "/" + relative : base + "/" + relative
    }
}
