import Foundation

/// What the output stream can show.
enum Terminal {
    /// True when stdout is a terminal (or `CLICOLOR_FORCE` is set) and neither `NO_COLOR` nor `TERM=dumb` is set.
    static var stdoutSupportsColour: Bool { supportsColour(STDOUT_FILENO) }

    /// True when stderr is a terminal (or `CLICOLOR_FORCE` is set) and neither `NO_COLOR` nor `TERM=dumb` is set.
    static var stderrSupportsColour: Bool { supportsColour(STDERR_FILENO) }

    static func supportsColour(_ descriptor: Int32) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        // CLICOLOR_FORCE (any value but empty or 0) colours output that is not a terminal.
        if let force = environment["CLICOLOR_FORCE"], !force.isEmpty, force != "0" { return true }
        return isatty(descriptor) == 1
    }

    /// The width to wrap stdout's lines at: `COLUMNS` when set to a number, else the
    /// terminal's width when stdout is a terminal, else nil (piped output is not wrapped).
    static var stdoutColumns: Int? {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Writes text to stderr.
    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes text to stdout without adding a newline.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
