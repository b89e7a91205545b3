import Foundation
import Testing
import HoshinTestSupport
@testable import HoshinSheets

/// The XLSX sheet `hoshin sheet export` writes, part by part: the report worksheet matches its
/// golden file, and numbers stand in number cells (a number written as text would make Excel
/// show a green triangle and sums of the column come out 0).
@Suite struct XLSXGoldenTests {
    static func exportedWorksheet() async throws -> String {
        let output = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let file = output.appendingPathComponent("kardiologi.xlsx")
        let run = try await HoshinBinary.run(["sheet", "export", "kardiologi", "--plans", Fixtures.plans.path,
                                              "--as-of", "2026-10-31", "--output", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = [UInt8](try #require(FileManager.default.contents(atPath: file.path)))
        let sheet = try #require(try ZipArchive.read("xl/worksheets/sheet1.xml", in: bytes, limit: 1 << 24))
        return String(decoding: sheet, as: UTF8.self)
    }

    @Test func reportWorksheetMatchesItsGoldenFile() async throws {
        Golden.check(try await Self.exportedWorksheet(), against: "golden/sheet-kardiologi.sheet1.xml")
    }

    @Test func measuredValuesAreNumberCells() async throws {
        let xml = try await Self.exportedWorksheet()
        // Column I holds `value` (row 1 keys, row 2 labels, data from row 3).
        let numberCells = xml.matches(of: /<c r="I([0-9]+)"><v>([0-9.]+)<\/v><\/c>/)
        #expect(numberCells.count > 5, "no number cells in column I")
        #expect(!xml.contains(/<c r="I([3-9]|[1-9][0-9]+)" t="inlineStr"[^>]*><is><t[^>]*>[0-9.]+<\/t>/),
                "a value in column I is written as text")
    }
}
