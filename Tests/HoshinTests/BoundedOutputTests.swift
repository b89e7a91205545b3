import Foundation
import Testing
import HoshinOutput
import HoshinTestSupport
@testable import HoshinReporters
import HoshinYAML

/// Output stays bounded whatever the input (spec §6). The hostile files are generated
/// here, not checked in; the tests assert exit status and output size, never time.
@Suite struct BoundedOutputTests {
    static let formats = ["text", "json", "github", "sarif", "junit"]

    static func repository(_ name: String, _ text: String) throws -> URL {
        try Fixtures.makeRepository(["hoshin.yaml": Array("hoshin: 1\nperiod: 2026\n".utf8), name: Array(text.utf8)])
    }

    /// 20 000 unknown keys on one line of a 209 KB file: one diagnostic each, each bounded.
    @Test(arguments: formats)
    func twentyThousandUnknownKeysOnOneLine(format: String) throws {
        let keys = (0..<20_000).map { String(format: "k%05d: 1", $0) }.joined(separator: ", ")
        let folder = try Self.repository("region.yaml", "unit: region\nname: R\ngoals: [{id: a, title: b, \(keys)}]\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try HoshinBinary.run(["validate", ".", "--format", format, "--as-of", "2026-10-31"],
                                          in: folder, environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stdout.components(separatedBy: "k19999").count >= 2)
        // Linear in the number of diagnostics: under 1 KB each in every format.
        #expect(result.stdout.utf8.count < 20_001 * 1_024, "\(format): \(result.stdout.utf8.count) bytes")
        if format == "text" {
            for line in result.stdout.split(separator: "\n") {
                #expect(line.count < 300)
            }
        }
    }

    /// A minified plan: everything on one line, every item wrong in several ways.
    @Test(arguments: formats)
    func minifiedPlanOnOneLine(format: String) throws {
        var goals: [String] = []
        for g in 0..<150 {
            let measurements = (1...12).map { "\"2026-\(String(format: "%02d", $0))\":\"7,\($0)\"" }.joined(separator: ",")
            let activities = (0..<5).map {
                "{\"id\":\"a\(g)_\($0)\",\"title\":\"Aktivitet\",\"status\":\"ontrack\",\"progress\":140,\"due\":\"2026-13-01\"}"
            }.joined(separator: ",")
            goals.append("{\"id\":\"g\(g)\",\"title\":\"Mål \(g)\",\"supports\":[\"x/y\"],\"sucess_factors\":[],"
                + "\"indicators\":[{\"id\":\"i\(g)\",\"title\":\"I\",\"direction\":\"upp\",\"target\":\"5\",\"measurements\":{\(measurements)}}],"
                + "\"activities\":[\(activities)]}")
        }
        let text = "{\"unit\":\"region\",\"name\":\"Region\",\"goals\":[\(goals.joined(separator: ","))]}\n"
        #expect(text.utf8.count > 100_000)
        let folder = try Self.repository("region.yaml", text)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try HoshinBinary.run(["validate", ".", "--format", format, "--as-of", "2026-10-31"], in: folder)
        #expect(result.status == 1)
        let diagnostics = 150 * (1 + 12 + 1 + 1 + 5 * 3)   // an upper bound on what the file holds
        #expect(result.stdout.utf8.count < diagnostics * 1_024, "\(format): \(result.stdout.utf8.count) bytes")
    }

    /// 99 990 duplicate keys on one line (just under the node limit): placed in linear time,
    /// every one reported.
    @Test func ninetyNineThousandDuplicateKeysOnOneLine() throws {
        let text = "{unit: region, name: R, " + Array(repeating: "name: R", count: 99_990).joined(separator: ", ") + "}\n"
        let folder = try Self.repository("region.yaml", text)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try HoshinBinary.run(["validate", ".", "--format", "github", "--as-of", "2026-10-31"], in: folder)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 99_990)
        #expect(lines.last?.contains("col=\(text.utf8.count - 8)") == true)
        #expect(result.stdout.utf8.count < 99_990 * 300)
    }

    @Test func placingALocationDoesNotWalkTheLine() {
        // Positions on one long non-ASCII line agree with a plain character count.
        let line = String(repeating: "å", count: 50_000)
        let source = SourceText(bytes: Array("x\n\(line)\n".utf8))
        for k in stride(from: 0, to: 50_000, by: 997) {
            let location = source.location(ofByteOffset: 2 + 2 * k)
            #expect(location.line == 2 && location.column == k + 1)
        }
    }

    @Test func handWrittenJSONStringsAreThoseOfJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        for text in ["a\u{1B}[31mb", "\u{7}\u{0}\u{1F}", "\t\n\r\u{8}\u{C}", "/\\\"", "\u{7F}\u{85}\u{2028}\u{FEFF}",
                     "Region Jönköpings län: 82,4 %", ""] {
            var json = JSONWriter(output: OutputBuffer(), layout: .foundation)
            json.string(text)
            let written = String(decoding: json.finish().bytes.dropLast(), as: UTF8.self)
            #expect(written == String(decoding: try encoder.encode(text), as: UTF8.self))
        }
    }

    @Test func messagesAreBounded() throws {
        let value = String(repeating: "ö", count: 100_000)
        let folder = try Self.repository("region.yaml", "unit: \(value)\nname: R\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try HoshinBinary.run(["validate", ".", "--format", "json", "--as-of", "2026-10-31"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.count < 2_000)
        #expect(result.stdout.contains("…"))
    }
}

/// Keys are compared by their exact code points, the same way in small and large mappings.
@Suite struct DuplicateKeyComparisonTests {
    static func duplicates(_ text: String) -> Int {
        YAMLParser().parse(Array(text.utf8)).problems.filter {
            if case .duplicateKey = $0.kind { return true }
            return false
        }.count
    }

    @Test(arguments: [2, 30])
    func normalisationVariantsAreDifferentKeysWhateverTheSize(size: Int) {
        let filler = (0..<size).map { "k\($0): 1\n" }.joined()
        // "å" precomposed (U+00E5) and decomposed (a + U+030A): different code points.
        #expect(Self.duplicates(filler + "\u{E5}: 1\na\u{30A}: 2\n") == 0)
        #expect(Self.duplicates(filler + "\u{E5}: 1\n\u{E5}: 2\n") == 1)
    }

    @Test func anAliasAsAKeyIsReported() {
        let problems = YAMLParser().parse(Array("a: &u x\n*u : y\n".utf8)).problems
        #expect(problems.count == 1)
        #expect(problems.first?.kind == .aliasKey)
        #expect(problems.first?.start == 8)
    }
}
