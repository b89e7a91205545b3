import Foundation

/// One finished run of a child process: wall time and the child's peak resident memory.
struct ChildRun {
    /// Wall-clock time from spawn to exit.
    let duration: Duration
    /// The child's peak resident set size in bytes (`ru_maxrss` of `wait4`).
    let peakBytes: Int
    /// The exit status (0, 1 with warnings-as-errors and so on).
    let status: Int32
}

/// Runs whole processes with stdout and stderr sent to /dev/null (the output is still
/// produced and written: only the terminal is left out).
enum ChildProcess {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> ChildRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        let duration = clock.now - start
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return ChildRun(duration: duration, peakBytes: Int(usage.ru_maxrss) * 1024, status: exitStatus)
    }

    /// Runs git in `directory` for its side effect, failing on a non-zero exit.
    static func git(_ arguments: [String], in directory: String) throws {
        let executable = "/usr/bin/git"
        let run = try run(executable, ["-C", directory] + arguments)
        guard run.status == 0 else {
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) exited \(run.status)")
        }
    }
}
