import Foundation
import HoshinModel
import HoshinRepository

/// Where the test fixtures live, and helpers to load and copy them.
public enum Fixtures {
    /// `Tests/Fixtures`.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The repository's own `plans/` folder.
    public static let plans: URL = root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("plans")

    /// The as-of date every fixture is judged at.
    public static let asOf = PlanDate(year: 2026, month: 10, day: 31)!

    /// A fixture path below `Tests/Fixtures`.
    public static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// Loads a fixture folder from disk.
    public static func validate(_ folder: URL, asOf: PlanDate = asOf) throws -> ValidationResult {
        try RepositoryLoader().load(folder: folder.path, asOf: asOf)
    }

    /// Subfolder names of a folder, sorted.
    public static func subfolders(of url: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    /// A fresh temporary folder, removed by the caller.
    public static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hoshin-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes files (path -> bytes) into a new temporary repository.
    public static func makeRepository(_ files: [String: [UInt8]]) throws -> URL {
        let folder = temporaryFolder()
        for (path, bytes) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return folder
    }

    /// Copies a folder to a temporary place.
    public static func copy(_ folder: URL) throws -> URL {
        let target = temporaryFolder().appendingPathComponent(folder.lastPathComponent)
        try FileManager.default.copyItem(at: folder, to: target)
        return target
    }
}
