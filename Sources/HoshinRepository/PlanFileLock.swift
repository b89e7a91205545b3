import Foundation

/// An exclusive `flock` on a plan file, held from read to rename.
///
/// Writers replace the file by renaming a new one over it, so after the lock is
/// granted the descriptor is checked to still name the file at the path; if another
/// writer replaced it meanwhile, the lock is taken again on the new file. The kernel
/// drops the lock when a process dies: a killed report never blocks the next one.
public final class PlanFileLock {
    let descriptor: Int32
    /// The locked path.
    public let path: String

    /// Waits for the exclusive lock on `path`.
    public init(path: String) throws {
        self.path = path
        while true {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw RepositoryError.unreadable(path) }
            var result: Int32
            repeat { result = flock(descriptor, LOCK_EX) } while result != 0 && errno == EINTR
            guard result == 0 else {
                close(descriptor)
                throw RepositoryError.unreadable(path)
            }
            var locked = stat()
            var current = stat()
            if fstat(descriptor, &locked) == 0, stat(path, &current) == 0,
               locked.st_ino == current.st_ino, locked.st_dev == current.st_dev {
                self.descriptor = descriptor
                return
            }
            close(descriptor)  // replaced while we waited: lock the new file
        }
    }

    deinit {
        close(descriptor)
    }

    /// The file's current bytes, read through the locked descriptor.
    public func read() throws -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var offset: off_t = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw RepositoryError.unreadable(path)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: buffer[0..<count])
            offset += off_t(count)
        }
    }
}
