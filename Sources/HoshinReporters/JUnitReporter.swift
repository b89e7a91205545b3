import HoshinModel
import HoshinOutput
import HoshinRepository
import HoshinText

/// JUnit XML: one test case a file, a failure per error (warnings and infos in
/// `system-out`), as common CI test reporters display it. Under `--strict` warnings are
/// failures too, so the counts agree with the exit code.
public struct JUnitReporter: DiagnosticReporter {
    /// True when warnings count as failures (`--strict`).
    public let strict: Bool

    /// Creates the reporter.
    public init(strict: Bool = false) {
        self.strict = strict
    }

    func fails(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == .error || (strict && diagnostic.severity == .warning)
    }

    public func write(_ result: ValidationResult, to out: inout OutputBuffer) {
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in result.diagnostics { byFile[diagnostic.file, default: []].append(diagnostic) }
        let files = Set(result.sources.keys).union(byFile.keys).sorted()
        let failures = files.filter { file in byFile[file]?.contains(where: fails) == true }.count
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.write("<testsuites name=\"hoshin validate\" tests=\"\(files.count)\" failures=\"\(failures)\" errors=\"0\">\n")
        out.write("  <testsuite name=\"hoshin validate\" tests=\"\(files.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n")
        for file in files {
            let diagnostics = byFile[file] ?? []
            out.write("    <testcase classname=\"hoshin.validate\" name=\"\(Self.escape(file))\" file=\"\(Self.escape(file))\"")
            if diagnostics.isEmpty {
                out.write("/>\n")
                continue
            }
            out.write(">\n")
            for diagnostic in diagnostics where fails(diagnostic) {
                let location = "\(diagnostic.file):\(diagnostic.start.line):\(diagnostic.start.column)"
                out.write("      <failure type=\"\(Self.escape(diagnostic.rule))\" message=\"\(Self.escape(diagnostic.message))\">")
                out.write(Self.escape("\(location): \(diagnostic.message) [\(diagnostic.rule)]") + "</failure>\n")
            }
            let others = diagnostics.filter { !fails($0) }
            if !others.isEmpty {
                let lines = others.map {
                    "\($0.file):\($0.start.line):\($0.start.column): \($0.severity.rawValue): \($0.message) [\($0.rule)]"
                }
                out.write("      <system-out>\(Self.escape(lines.joined(separator: "\n")))</system-out>\n")
            }
            out.write("    </testcase>\n")
        }
        out.write("  </testsuite>\n</testsuites>\n")
    }

    /// Escapes XML text and attribute values; drops characters XML 1.0 cannot hold.
    static func escape(_ text: String) -> String { Escape.xml(text) }
}
