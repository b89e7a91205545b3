import Foundation
import Testing

/// Output compared with a checked-in file. With `UPDATE_GOLDENS=1` in the environment the
/// file is (re)written instead, and the test records that it did so.
public enum Golden {
    /// True when goldens are to be rewritten rather than compared.
    public static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" }

    /// Compares `actual` with the file at `path` below `Tests/Fixtures`; on a difference, records
    /// an issue naming the first differing line.
    public static func check(_ actual: String, against path: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        check(Array(actual.utf8), against: path, sourceLocation: sourceLocation)
    }

    /// Compares bytes with the file at `path` below `Tests/Fixtures`.
    public static func check(_ actual: [UInt8], against path: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let url = Fixtures.url(path)
        if updating {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            do {
                try Data(actual).write(to: url)
                Issue.record("UPDATE_GOLDENS=1: wrote \(path)", sourceLocation: sourceLocation)
            } catch {
                Issue.record("UPDATE_GOLDENS=1: cannot write \(path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no golden file \(path); run with UPDATE_GOLDENS=1 to create it", sourceLocation: sourceLocation)
            return
        }
        guard [UInt8](expected) != actual else { return }
        Issue.record(Comment(rawValue: difference(expected: String(decoding: expected, as: UTF8.self),
                                                  actual: String(decoding: actual, as: UTF8.self), path: path)),
                     sourceLocation: sourceLocation)
    }

    /// A short description of where two texts first differ, with escapes visible.
    public static func difference(expected: String, actual: String, path: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(old.count, new.count) {
            let was = index < old.count ? String(old[index]) : "<end of file>"
            let now = index < new.count ? String(new[index]) : "<end of file>"
            if was != now {
                return """
                output differs from \(path) at line \(index + 1) (UPDATE_GOLDENS=1 rewrites it):
                  expected: \(was.debugDescription)
                  actual:   \(now.debugDescription)
                """
            }
        }
        return "output differs from \(path) (UPDATE_GOLDENS=1 rewrites it)"
    }
}
