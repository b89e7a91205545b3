import Foundation

/// Writes a file so that readers see either the old or the new bytes, never half.
public enum AtomicFile {
    /// Writes `bytes` to a temporary file beside `path`, fsyncs it, and renames it over `path`.
    /// Temporary files left by killed writers (whose process is gone) are removed first.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        removeStaleTemporaries(folder: folder, name: url.lastPathComponent)
        let temporary = "\(folder)/.\(url.lastPathComponent).hoshin-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw RepositoryError.unwritable(path) }
        var ok = true
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { ok = false; return }
                offset += written
            }
        }
        if fsync(descriptor) != 0 { ok = false }
        if let mode = try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int {
            fchmod(descriptor, mode_t(mode))
        }
        close(descriptor)
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw RepositoryError.unwritable(path)
        }
        let folderDescriptor = open(folder.isEmpty ? "." : folder, O_RDONLY)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    /// Removes `.NAME.hoshin-PID-N.tmp` files whose writing process no longer exists.
    static func removeStaleTemporaries(folder: String, name: String) {
        let prefix = ".\(name).hoshin-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return }
        for candidate in names where candidate.hasPrefix(prefix) && candidate.hasSuffix(".tmp") {
            let pidText = candidate.dropFirst(prefix.count).prefix { $0 != "-" }
            guard let pid = pid_t(pidText), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink((folder.isEmpty ? "." : folder) + "/" + candidate)
            }
        }
    }
}
