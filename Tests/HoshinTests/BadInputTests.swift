import Foundation
import Testing
import HoshinTestSupport
import HoshinModel
import HoshinRepository
import HoshinYAML

/// Bad input is normal input: each kind ends in a diagnostic at a position, in bounded
/// memory, and the other files are still checked. No bound here is a time: a hang is caught
/// by the suite's generous time limit, never by a measured duration.
@Suite(.timeLimit(.minutes(1))) struct BadInputTests {
    static let goodUnit = Array("unit: region\nname: Region Jönköpings län\n".utf8)

    /// Loads `hoshin.yaml`, a good root unit and the bad file `bad.yaml`.
    func check(_ bad: [UInt8], rule: String, line: Int? = nil, column: Int? = nil) throws {
        // No time bound here (tests must not depend on timing, and the machine is shared);
        // the bounded-output tests check that the work is linear by its output.
        let memoryBefore = Self.peakResidentBytes()
        do {
            let result = RepositoryLoader().load(files: [
                InMemoryFile(path: "hoshin.yaml", text: "hoshin: 1\nperiod: 2026\n"),
                InMemoryFile(path: "region.yaml", bytes: Self.goodUnit),
                InMemoryFile(path: "bad.yaml", bytes: bad),
            ], asOf: PlanDate(year: 2026, month: 10, day: 31)!)
            let diagnostic = try #require(result.diagnostics.first { $0.file == "plans/bad.yaml" && $0.rule == rule })
            if let line { #expect(diagnostic.start.line == line) }
            if let column { #expect(diagnostic.start.column == column) }
            #expect(!result.diagnostics.contains { $0.file == "plans/region.yaml" && $0.rule != "root-count" })
            #expect(result.repository?.units.contains { $0.id.value == "region" } == true)
            // Bounded output: one file's problems, not one per byte of the bad input.
            #expect(result.diagnostics.count <= 64, "\(result.diagnostics.count) diagnostics")
        }
        let grown = Self.peakResidentBytes() - memoryBefore
        #expect(grown < 512 * 1024 * 1024, "peak memory grew by \(grown) bytes")
    }

    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
    }

    @Test func syntaxError() throws {
        try check(Array("unit: a\nname: [b\n".utf8), rule: "yaml-syntax")
    }

    @Test func tabIndentation() throws {
        try check(Array("unit: a\nname: b\ngoals:\n\t- id: x\n".utf8), rule: "yaml-syntax", line: 4, column: 1)
    }

    @Test func unclosedQuotePointsAtTheOpeningQuote() throws {
        try check(Array("unit: a\nname: \"Kardiologi\n".utf8), rule: "yaml-syntax", line: 2, column: 7)
    }

    @Test func emptyFile() throws {
        try check([], rule: "missing-field", line: 1, column: 1)
    }

    @Test func rootIsAList() throws {
        try check(Array("- unit: a\n".utf8), rule: "invalid-type", line: 1, column: 1)
    }

    @Test func binaryFile() throws {
        try check([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], rule: "yaml-syntax")
    }

    @Test func invalidUTF8PointsAtTheByte() throws {
        try check(Array("unit: a\nname: Kardiologi ".utf8) + [0xE5, 0x0A], rule: "yaml-syntax", line: 2, column: 18)
    }

    @Test func yamlTag() throws {
        try check(Array("unit: a\nname: !!binary aGVsbG8=\n".utf8), rule: "invalid-type", line: 2, column: 7)
    }

    @Test func fileOverEightMebibytesInMemory() throws {
        try check(Array(repeating: UInt8(ascii: "#"), count: 8 * 1024 * 1024 + 1), rule: "resource-limit", line: 1, column: 1)
    }

    @Test func fileOverEightMebibytesOnDiskIsNotRead() throws {
        let folder = try Fixtures.makeRepository([
            "hoshin.yaml": Array("hoshin: 1\nperiod: 2026\n".utf8),
            "region.yaml": Self.goodUnit,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = folder.appendingPathComponent("big.yaml")
        _ = FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 9 * 1024 * 1024)
        try handle.close()
        let result = try Fixtures.validate(folder)
        #expect(result.diagnostics.map(\.rule) == ["resource-limit"])
    }

    @Test func nestingDeeperThanSixtyFour() throws {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        try check(Array("unit: a\nname: b\ngoals: \(deep)\n".utf8), rule: "resource-limit", line: 3, column: 71)
    }

    @Test func aliasBomb() throws {
        var text = "unit: a\nname: b\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...12 {
            let refs = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            text += "l\(level): &l\(level) [\(refs)]\n"
        }
        try check(Array(text.utf8), rule: "resource-limit")
    }

    @Test func moreThanTwoHundredThousandNodes() throws {
        let items = Array(repeating: "1", count: 200_100).joined(separator: ",")
        try check(Array("unit: a\nname: b\ngoals: [\(items)]\n".utf8), rule: "resource-limit")
    }

    @Test func twoDocumentsInOneFile() throws {
        try check(Array("unit: a\nname: b\n---\nunit: c\n".utf8), rule: "yaml-syntax", line: 3, column: 1)
    }

    @Test func missingFolderAndMissingSettingsAreRepositoryErrors() throws {
        #expect(throws: RepositoryError.noSuchFolder("/nonexistent/plans")) {
            try RepositoryLoader().load(folder: "/nonexistent/plans", asOf: Fixtures.asOf)
        }
        let folder = try Fixtures.makeRepository(["region.yaml": Self.goodUnit])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: RepositoryError.noSettingsFile(folder.path)) {
            try RepositoryLoader().load(folder: folder.path, asOf: Fixtures.asOf)
        }
    }
}
