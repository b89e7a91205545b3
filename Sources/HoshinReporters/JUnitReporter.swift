import HoshinModel
import HoshinRepository

/// JUnit XML: one test case a file, a failure per error (warnings and infos in
/// `system-out`), as common CI test reporters display it.
public struct JUnitReporter: DiagnosticReporter {
    /// Creates the reporter.
    public init() {}

    public func render(_ result: ValidationResult) -> String {
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in result.diagnostics { byFile[diagnostic.file, default: []].append(diagnostic) }
        let files = Set(result.sources.keys).union(byFile.keys).sorted()
        let failures = files.filter { file in byFile[file]?.contains { $0.severity == .error } == true }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"hoshin validate\" tests=\"\(files.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        out += "  <testsuite name=\"hoshin validate\" tests=\"\(files.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        for file in files {
            let diagnostics = byFile[file] ?? []
            out += "    <testcase classname=\"hoshin.validate\" name=\"\(Self.escape(file))\" file=\"\(Self.escape(file))\""
            if diagnostics.isEmpty {
                out += "/>\n"
                continue
            }
            out += ">\n"
            for diagnostic in diagnostics where diagnostic.severity == .error {
                let location = "\(diagnostic.file):\(diagnostic.start.line):\(diagnostic.start.column)"
                out += "      <failure type=\"\(Self.escape(diagnostic.rule))\" message=\"\(Self.escape(diagnostic.message))\">"
                out += Self.escape("\(location): \(diagnostic.message) [\(diagnostic.rule)]") + "</failure>\n"
            }
            let others = diagnostics.filter { $0.severity != .error }
            if !others.isEmpty {
                let lines = others.map {
                    "\($0.file):\($0.start.line):\($0.start.column): \($0.severity.rawValue): \($0.message) [\($0.rule)]"
                }
                out += "      <system-out>\(Self.escape(lines.joined(separator: "\n")))</system-out>\n"
            }
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// Escapes XML text and attribute values; drops characters XML 1.0 cannot hold.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            case "\r": out += "&#13;"
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
