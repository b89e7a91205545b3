import Foundation
import Testing
import HoshinModel
import HoshinRepository
import HoshinRules
import HoshinTestSupport

/// Rule fixtures judged by the product's own output, as actionlint's `testdata`: each
/// `Tests/Fixtures/rules/<id>/err` beside `err.out`, exactly what `hoshin validate err` prints
/// (text format, no colour, run in `rules/<id>`); each `ok` without a diagnostic of its rule.
@Suite struct RuleOutputTests {
    static let rulesFolder = Fixtures.url("rules")

    @Test(arguments: RuleCatalogue.ids)
    func errFixturePrintsExactlyItsOutFile(rule: String) throws {
        let folder = Self.rulesFolder.appendingPathComponent(rule)
        let run = try HoshinBinary.run(["validate", "err", "--as-of", "2026-10-31"], in: folder,
                                       environment: ["NO_COLOR": "1"])
        #expect(run.exitedNormally)
        #expect(run.stderr == "")
        Golden.check(run.stdout, against: "rules/\(rule)/err.out")
        #expect(run.stdout.contains("[\(rule)]\n"), "the err fixture of \(rule) does not fire it")
        let errors = run.stdout.contains(": error: ")
        #expect(run.status == (errors ? 1 : 0))
    }

    @Test(arguments: RuleCatalogue.ids)
    func okFixtureHasNoDiagnosticOfItsRule(rule: String) throws {
        let folder = Self.rulesFolder.appendingPathComponent(rule)
        let run = try HoshinBinary.run(["validate", "ok", "--as-of", "2026-10-31", "--format", "json"], in: folder)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(!diagnostics.contains { $0["rule"] as? String == rule }, "\(run.stdout)")
    }

    // MARK: Rule examples with position markers

    /// `rules/<id>/example.marked`: the failing example of the rule's description, each file after
    /// a `=== PATH` line, with `↓` before each character a diagnostic of the rule points at.
    static func markedExample(_ rule: String) -> [(path: String, text: MarkedText)] {
        let url = rulesFolder.appendingPathComponent("\(rule)/example.marked")
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        var files: [(path: String, text: MarkedText)] = []
        for section in String(decoding: data, as: UTF8.self).components(separatedBy: "=== ").dropFirst() {
            guard let newline = section.firstIndex(of: "\n") else { continue }
            files.append((String(section[..<newline]), MarkedText(String(section[section.index(after: newline)...]))))
        }
        return files
    }

    /// Where the rule's diagnostics are, as `path:line:column`, for example files.
    static func positions(_ rule: String, files: [ExampleFile], asOf: PlanDate) -> [String] {
        let complete = RuleExample(files, asOf: asOf).completeFiles
        let result = RepositoryLoader().load(files: complete.map { InMemoryFile(path: $0.path, text: $0.text) },
                                             folder: "x", asOf: asOf)
        return result.diagnostics.filter { $0.rule == rule }
            .map { "\($0.file.dropFirst(2)):\($0.start.line):\($0.start.column)" }.sorted()
    }

    /// Writes the marked example from the rule's own diagnostics (with `UPDATE_GOLDENS=1`).
    static func writeMarkedExample(_ description: RuleDescription) throws {
        let result = RepositoryLoader().load(
            files: description.failing.completeFiles.map { InMemoryFile(path: $0.path, text: $0.text) },
            folder: "x", asOf: description.failing.asOf)
        var text = ""
        for file in description.failing.files {
            var bytes = Array(file.text.utf8)
            let offsets = Set(result.diagnostics.filter { $0.rule == description.id && $0.file == "x/\(file.path)" }
                .map(\.range.start))
            for offset in offsets.sorted(by: >) { bytes.insert(contentsOf: Array("↓".utf8), at: min(offset, bytes.count)) }
            text += "=== \(file.path)\n" + String(decoding: bytes, as: UTF8.self)
        }
        try Data(text.utf8).write(to: rulesFolder.appendingPathComponent("\(description.id)/example.marked"))
    }

    @Test(arguments: RuleCatalogue.all.map(\.description))
    func exampleDiagnosticsAreAtTheMarkers(description: RuleDescription) throws {
        if Golden.updating { try Self.writeMarkedExample(description) }
        let marked = Self.markedExample(description.id)
        // The marked file is the description's example, markers aside.
        #expect(marked.map(\.path) == description.failing.files.map(\.path))
        #expect(marked.map(\.text.text) == description.failing.files.map(\.text))
        let expected = marked.flatMap { file in file.text.positions.map { "\(file.path):\($0)" } }.sorted()
        #expect(!expected.isEmpty, "no marker in rules/\(description.id)/example.marked")
        let actual = Self.positions(description.id, files: marked.map { ExampleFile($0.path, $0.text.text) },
                                    asOf: description.failing.asOf)
        #expect(actual == expected)
    }

    /// The same example with a line of multi-byte text (`å`, `😀`) in front of every file, as
    /// SwiftLint runs its examples: each diagnostic moves down exactly one line and keeps its
    /// column (one at the very start of a file, a file-wide finding, stays at 1:1).
    @Test(arguments: RuleCatalogue.all.map(\.description))
    func exampleShiftsByOneLineWithMultiByteTextInFront(description: RuleDescription) throws {
        let marked = Self.markedExample(description.id)
        let comment = "# Vårdskador på Åsa 😀 – æøå\n"
        let expected = marked.flatMap { file in
            file.text.positions.map { "\(file.path):\($0.offset == 0 ? 1 : $0.line + 1):\($0.column)" }
        }.sorted()
        let actual = Self.positions(description.id, files: marked.map { ExampleFile($0.path, comment + $0.text.text) },
                                    asOf: description.failing.asOf)
        #expect(actual == expected)
    }
}
