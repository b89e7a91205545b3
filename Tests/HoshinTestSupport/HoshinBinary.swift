import Foundation
import Synchronization

/// What one run of the `hoshin` executable gave.
public struct HoshinRun: Sendable {
    /// The exit code, or the signal number when `exitedNormally` is false.
    public let status: Int32
    /// Everything written to stdout.
    public let stdout: String
    /// Everything written to stderr.
    public let stderr: String
    /// False when the process was killed by a signal (a crash).
    public let exitedNormally: Bool
}

/// The `hoshin` executable built beside the test bundle, for tests that run real processes.
public enum HoshinBinary {
    /// Where the built `hoshin` is.
    public static var url: URL {
        let executable = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0])
        var folder = executable.deletingLastPathComponent()
        // The test bundle may be a folder (`X.xctest/...`); walk up until `hoshin` is found.
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("hoshin")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return executable.deletingLastPathComponent().appendingPathComponent("hoshin")
    }

    /// Runs hoshin with arguments (in `folder`, with extra environment variables).
    @discardableResult
    public static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws
        -> HoshinRun {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = nil  // a width from the shell running the tests must not wrap the tree
        // Tests of everything but language run in English whatever the fixture's `language`;
        // the language tests (and those that read a repository's own language) set it.
        env["HOSHIN_LANG"] = "en"
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // stderr is drained beside stdout, so a full stderr pipe cannot block the child.
        let stderrData = Mutex(Data())
        let done = DispatchSemaphore(value: 0)
        Thread {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            stderrData.withLock { $0 = data }
            done.signal()
        }.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        let stderr = stderrData.withLock { $0 }
        return HoshinRun(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                         stderr: String(decoding: stderr, as: UTF8.self),
                         exitedNormally: process.terminationReason == .exit)
    }

    /// Runs hoshin off Swift's cooperative thread pool: the waiting happens on a Dispatch thread,
    /// so tests that start many processes do not starve the other tests of threads.
    @discardableResult
    public static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) async throws
        -> HoshinRun {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try run(arguments, in: folder, environment: environment) })
            }
        }
    }
}
