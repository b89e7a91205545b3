import Foundation
import Testing
import HoshinModel
@testable import HoshinSheets

/// The XLSX reporting sheet helps the person filling it in (issue 18): a drop-down of the
/// six statuses, a wider first column, and the due period's rows highlighted.
@Suite struct SheetLayoutTests {
    static let table: [[String]] = [
        ReportingSheet.columns, ReportingSheet.labels(.sv),
        ["activity", "kardiologi/fallrutin", "Inför rutin", "on-track", "80", "", "2026-10-01", "", "", "", ""],
        ["measurement", "kardiologi/fallskador", "Fallskador", "", "", "", "", "2026-09", "4", "", ""],
        ["measurement", "kardiologi/fallskador", "Fallskador", "", "", "", "", "2026-10", "", "", ""],
        ["measurement", "kardiologi/fallskador", "Fallskador", "", "", "", "", "2026-11", "", "", ""],
        ["measurement", "kardiologi/eko", "Eko", "", "", "", "", "2026-10", "", "", ""],
    ]

    @Test func theDuePeriodIsTheLatestThatHasEnded() {
        #expect(SheetLayout(table: Self.table, asOf: PlanDate("2026-11-05")!).dueRows == [4, 6])
        #expect(SheetLayout(table: Self.table, asOf: PlanDate("2026-10-31")!).dueRows == [3])
        #expect(SheetLayout(table: Self.table, asOf: PlanDate("2026-09-30")!).dueRows.isEmpty)
    }

    @Test func theWorkbookHasTheStatusListAndHighlightsAndStillReadsBack() throws {
        let bytes = XLSX.write(Self.table, layout: SheetLayout(table: Self.table, asOf: PlanDate("2026-11-05")!))
        let sheet = String(decoding: try #require(try ZipArchive.read("xl/worksheets/sheet1.xml", in: bytes, limit: 1 << 20)), as: UTF8.self)
        #expect(sheet.contains("<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\""))
        #expect(sheet.contains("sqref=\"D3:D7\"><formula1>\"not-started,on-track,at-risk,off-track,done,cancelled\"</formula1>"))
        #expect(sheet.contains("<col min=\"1\" max=\"1\" width=\"14\" customWidth=\"1\"/>"))
        #expect(sheet.contains("<c r=\"I5\" s=\"2\"/>"))
        #expect(sheet.contains("<c r=\"A7\" t=\"inlineStr\" s=\"2\">"))
        #expect(!sheet.contains("<c r=\"A4\" t=\"inlineStr\" s=\"2\">"))
        let styles = String(decoding: try #require(try ZipArchive.read("xl/styles.xml", in: bytes, limit: 1 << 20)), as: UTF8.self)
        #expect(styles.contains("<cellXfs count=\"3\">"))
        #expect(styles.contains("fillId=\"2\""))
        let read = try XLSX.read(bytes)
        for (row, expected) in zip(read, Self.table) {
            #expect(row == Array(expected.prefix(row.count)))
            #expect(expected.dropFirst(row.count).allSatisfy { $0.isEmpty })
        }
    }
}
