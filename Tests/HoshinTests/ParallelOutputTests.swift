import Foundation
import Testing
import HoshinModel
import HoshinOutput
import HoshinRender
import HoshinRepository
@testable import HoshinReporters
import HoshinRollup
import HoshinTestSupport

/// Output does not depend on how many files are loaded at once, and the streamed JSON
/// is byte for byte what `JSONEncoder` (validation) and the golden files (status) give.
@Suite struct ParallelOutputTests {
    /// A repository of `units` units in memory with warnings of several rules, a
    /// duplicate key in a long measurement series, and text that needs escaping.
    static func generated(units: Int) -> [InMemoryFile] {
        var files = [InMemoryFile(path: "hoshin.yaml", text: "hoshin: 1\nperiod: 2026\norganisation: Region \"Test\"\n")]
        for index in 0..<units {
            let id = index == 0 ? "region" : "enhet-\(index)"
            var text = "unit: \(id)\nname: \"Enhet \(index) – \\\"citat\\\" och \\\\ tab\\t\"\n"
            if index > 0 { text += "parent: \(index <= 3 ? "region" : "enhet-\((index - 1) / 3)")\n" }
            text += "goals:\n  - id: mal\n    title: Säker vård\n"
            if index > 0, index % 4 != 0 { text += "    supports: [\(index <= 3 ? "region" : "enhet-\((index - 1) / 3)")/mal]\n" }
            text += "    indicators:\n      - id: ind\n        title: Vårdskador\n        direction: down\n        target: 5\n"
            text += "        chart: p\n        measurements:\n"
            for month in 0..<(20 + index % 5) {
                text += "          \(2025 + month / 12)-\(String(format: "%02d", month % 12 + 1)): {num: \(month % 7 + 3), den: 100}\n"
            }
            if index % 5 == 0 { text += "          2025-03: {num: 1, den: 100}\n" }
            text += "    activities:\n"
            for activity in 0..<4 {
                text += "      - id: akt-\(activity)\n        title: Åtgärd \(activity)\n        status: on-track\n"
                text += "        due: 2026-0\(activity + 3)-01\n        progress: \(activity * 40)\n        updated: 2026-02-01\n"
            }
            files.append(InMemoryFile(path: "omrade-\(index % 7)/\(id).yaml", text: text))
        }
        return files
    }

    static func repositories() throws -> [(String, [InMemoryFile])] {
        var list: [(String, [InMemoryFile])] = [("generated", generated(units: 60))]
        for folder in [Fixtures.plans, Fixtures.root.appendingPathComponent("ci/err")] {
            var files: [InMemoryFile] = []
            for relative in try PlanFileDiscovery.planFiles(in: folder.path) {
                let data = try Data(contentsOf: folder.appendingPathComponent(relative))
                files.append(InMemoryFile(path: relative, bytes: [UInt8](data)))
            }
            list.append((folder.lastPathComponent, files))
        }
        return list
    }

    /// Every output a result gives, by name.
    static func outputs(_ result: ValidationResult) throws -> [String: String] {
        var outputs: [String: String] = [:]
        for format in DiagnosticFormat.allCases {
            var buffer = OutputBuffer()
            format.reporter(colour: false).write(result, to: &buffer)
            outputs[format.rawValue] = String(decoding: buffer.bytes, as: UTF8.self)
        }
        if result.errorCount == 0, let repository = result.repository {
            let tree = try RollupEngine(repository: repository, asOf: Fixtures.asOf).tree()
            for format in StatusFormat.allCases {
                var buffer = OutputBuffer()
                format.renderer(terminal: false).write(tree, to: &buffer)
                outputs["status." + format.rawValue] = String(decoding: buffer.bytes, as: UTF8.self)
            }
        }
        return outputs
    }

    @Test func oneThreadAndManyThreadsGiveTheSameBytes() throws {
        for (name, files) in try Self.repositories() {
            let serial = RepositoryLoader(concurrency: 1).load(files: files, folder: "plans", asOf: Fixtures.asOf)
            for threads in [2, 4, 16] {
                let parallel = RepositoryLoader(concurrency: threads).load(files: files, folder: "plans", asOf: Fixtures.asOf)
                let expected = try Self.outputs(serial)
                let actual = try Self.outputs(parallel)
                #expect(expected.keys.sorted() == actual.keys.sorted(), "\(name)")
                for (format, text) in expected {
                    #expect(actual[format] == text, "\(name), \(format), \(threads) threads")
                }
            }
        }
    }

    /// The whole commands (loading, translating the messages into Swedish, the rollup's
    /// indicators on every core) print the same bytes whatever `HOSHIN_THREADS` says.
    @Test func commandsPrintTheSameBytesWithOneOrManyThreads() throws {
        var files: [String: [UInt8]] = [:]
        for file in Self.generated(units: 40) where file.path != "hoshin.yaml" { files[file.path] = file.bytes }
        files["hoshin.yaml"] = Array("hoshin: 1\nperiod: 2026\norganisation: Region Test\nlanguage: sv\n".utf8)
        let folder = try Fixtures.makeRepository(files)
        let commands = [["validate", ".", "--format", "json"], ["status", ".", "--format", "json"],
                        ["status", ".", "--format", "tree"], ["status", ".", "--unit", "enhet-1", "--format", "json"]]
        for command in commands {
            let arguments = command + ["--as-of", "2026-10-31"]
            let serial = try HoshinBinary.run(arguments, in: folder, environment: ["HOSHIN_THREADS": "1"])
            #expect(!serial.stdout.isEmpty, "\(command)")
            for threads in ["2", "5"] {
                let parallel = try HoshinBinary.run(arguments, in: folder, environment: ["HOSHIN_THREADS": threads])
                #expect(parallel.status == serial.status, "\(command), \(threads) threads")
                #expect(parallel.stdout == serial.stdout, "\(command), \(threads) threads")
            }
        }
    }

    @Test func theGeneratedRepositoryHasWarningsAndADuplicateKey() {
        let result = RepositoryLoader().load(files: Self.generated(units: 60), folder: "plans", asOf: Fixtures.asOf)
        let rules = Set(result.diagnostics.map(\.rule))
        #expect(rules.isSuperset(of: ["duplicate-key", "overdue-activity", "stale-report", "orphan-goal"]))
        #expect(result.repository != nil)
    }

    @Test func streamedValidationJSONIsWhatJSONEncoderWrites() throws {
        for (name, files) in try Self.repositories() {
            let result = RepositoryLoader().load(files: files, folder: "plans", asOf: Fixtures.asOf)
            #expect(JSONReporter().render(result) == JSONReporter().encoded(result), "\(name)")
        }
        let empty = ValidationResult(repository: nil, diagnostics: [], sources: [:], fileCount: 0)
        #expect(JSONReporter().render(empty) == JSONReporter().encoded(empty))
        var odd = Diagnostic(file: "a/b.yaml", range: ByteRange(start: 0, end: 1), severity: .info, rule: "x",
                             message: "ctrl \u{1}\u{8}\u{c}\u{1f} \"q\" \\ / \n\r\t é \u{2028}")
        odd.start = TextPosition(line: 3, column: 4)
        let one = ValidationResult(repository: nil, diagnostics: [odd], sources: [:], fileCount: 1)
        #expect(JSONReporter().render(one) == JSONReporter().encoded(one))
    }

    @Test func aLargeBlockStreamedStraightFromItsBufferKeepsItsPlace() throws {
        let url = Fixtures.temporaryFolder().appendingPathComponent("blocks.txt")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        var buffer = OutputBuffer(streamingTo: handle.fileDescriptor)
        var expected: [UInt8] = []
        for (index, size) in [10, 200_000, 3, 70_000, 65_536, 1].enumerated() {
            var block = OutputBuffer()
            block.append(contentsOf: [UInt8](repeating: UInt8(ascii: "a") + UInt8(index), count: size))
            buffer.append("<\(index)>")
            buffer.append(bytesOf: block)
            expected += Array("<\(index)>".utf8) + block.bytes
        }
        buffer.flush()
        try handle.close()
        #expect(try [UInt8](Data(contentsOf: url)) == expected)
    }

    @Test func streamingToADescriptorWritesEveryByte() throws {
        let url = Fixtures.temporaryFolder().appendingPathComponent("out.json")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let result = RepositoryLoader().load(files: Self.generated(units: 60), folder: "plans", asOf: Fixtures.asOf)
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        var buffer = OutputBuffer(streamingTo: handle.fileDescriptor)
        JSONReporter().write(result, to: &buffer)
        buffer.flush()
        try handle.close()
        let written = try String(contentsOf: url, encoding: .utf8)
        #expect(written.utf8.count > 1 << 16)
        #expect(written == JSONReporter().encoded(result))
    }
}

/// The validation JSON through `JSONEncoder` (sorted keys): what `JSONReporter` streams must equal it.
extension JSONReporter {
    struct Output: Encodable {
        let diagnostics: [Entry]
        let summary: Summary
    }

    struct Entry: Encodable {
        let file: String
        let line: Int
        let column: Int
        let endLine: Int
        let endColumn: Int
        let severity: String
        let rule: String
        let message: String
    }

    struct Summary: Encodable {
        let files: Int
        let errors: Int
        let warnings: Int
        let infos: Int
    }

    /// The same document through `JSONEncoder` (sorted keys), for comparison in tests.
    func encoded(_ result: ValidationResult) -> String {
        let output = Output(
            diagnostics: result.diagnostics.map {
                Entry(file: $0.file, line: $0.start.line, column: $0.start.column, endLine: $0.end.line,
                      endColumn: $0.end.column, severity: $0.severity.rawValue, rule: $0.rule, message: $0.message)
            },
            summary: Summary(files: result.fileCount, errors: result.errorCount,
                             warnings: result.warningCount, infos: result.infoCount))
        return StableJSON.encode(output)
    }
}

/// JSON with sorted keys, unescaped slashes, two-space indentation and a final newline.
enum StableJSON {
    /// Encodes a value; encoding plain structs cannot fail.
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
