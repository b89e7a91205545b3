import HoshinModel
import HoshinOutput
import HoshinRepository

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
    static func escape(_ text: String) -> String {
        // Most text needs nothing: return it without a character-by-character copy.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF }) {
            return text
        }
        // Byte by byte (XML's special characters are all ASCII): no per-character string work.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            let byte = utf8[i]
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&apos;".utf8)
            case 0x0A: out.append(contentsOf: "&#10;".utf8)
            case 0x09: out.append(contentsOf: "&#9;".utf8)
            case 0x0D: out.append(contentsOf: "&#13;".utf8)
            case 0xEF where i + 2 < utf8.count && utf8[i + 1] == 0xBF && (utf8[i + 2] == 0xBE || utf8[i + 2] == 0xBF):
                i += 2   // U+FFFE and U+FFFF: not XML characters
            default:
                if byte >= 0x20 { out.append(byte) }
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
