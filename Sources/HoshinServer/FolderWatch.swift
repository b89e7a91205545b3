#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Whether anything changed in the repository's folders since the server last looked, from
/// Linux's inotify: a warm read costs one non-blocking `read` instead of a `stat` of every
/// plan file. The kernel queues an event when the change is made (an editor's save, an
/// atomic rename, `git pull`, `touch`), so a request that arrives after the change finds it
/// waiting. Where inotify is missing or refuses (another system, a watch limit reached),
/// `make` gives nil and the cache `stat`s every file on every request instead.
final class FolderWatch: @unchecked Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        #if os(Linux)
        close(descriptor)
        #endif
    }

    /// A watch on every folder (absolute paths) for entries created, deleted, moved, written
    /// or changed in their attributes; nil when one of them cannot be watched.
    static func make(folders: [String]) -> FolderWatch? {
        #if os(Linux)
        let descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let mask = UInt32(IN_MODIFY) | UInt32(IN_ATTRIB) | UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO)
            | UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
        for folder in folders where inotify_add_watch(descriptor, folder, mask) < 0 {
            close(descriptor)
            return nil
        }
        return FolderWatch(descriptor: descriptor)
        #else
        return nil
        #endif
    }

    /// True when events arrived since the last call (a queue overflow counts); empties the queue.
    func drain() -> Bool {
        #if os(Linux)
        var any = false
        return withUnsafeTemporaryAllocation(byteCount: 4096, alignment: 8) { buffer in
            while true {
                let count = read(descriptor, buffer.baseAddress, buffer.count)
                if count > 0 { any = true; continue }
                if count < 0, errno == EINTR { continue }
                return any
            }
        }
        #else
        return true
        #endif
    }
}
