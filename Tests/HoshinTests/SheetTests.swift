import Foundation
import Testing
import HoshinTestSupport
import HoshinModel
import HoshinRepository
import HoshinUpdate
import HoshinSheets

/// Reporting sheets (spec §9): export, and all-or-nothing import from CSV as spreadsheets write it.
@Suite struct SheetTests {
    @Test func csvParsingHandlesBOMSemicolonsQuotesAndLineBreaks() throws {
        let text = "\u{FEFF}type;ref;note\r\nactivity;a/b;\"Rad ett; med \"\"citat\"\"\nrad två\"\r\n\r\nmeasurement;a/c;åäö,æø\r\n"
        let rows = try CSV.parse(Array(text.utf8))
        // The blank line stays an empty row, so row numbers match what a spreadsheet shows.
        #expect(rows == [["type", "ref", "note"], ["activity", "a/b", "Rad ett; med \"citat\"\nrad två"], [""], ["measurement", "a/c", "åäö,æø"]])
        #expect(try CSV.parse(Array("a,b\n1,\"x,y\"\n".utf8)) == [["a", "b"], ["1", "x,y"]])
        #expect(throws: CSV.Problem.self) { try CSV.parse(Array("a,\"open\n".utf8)) }
        #expect(CSV.line(["a,b", "say \"hej\"", "åäö"]) == "\"a,b\",\"say \"\"hej\"\"\",åäö\r\n")
    }

    static func copyPlans() throws -> URL { try Fixtures.copy(Fixtures.plans) }

    static func export(_ folder: URL, unit: String, asOf: String = "2026-10-31") throws -> ReportingSheet {
        let date = PlanDate(asOf)!
        let result = try RepositoryLoader().load(folder: folder.path, asOf: date)
        let repository = try #require(result.repository)
        return ReportingSheet(unit: try #require(repository.unitsByID[unit]), settings: repository.settings, asOf: date)
    }

    @Test func exportHasARowPerActivityAndPerIndicatorAndPeriodUpToTheDate() throws {
        let sheet = try Self.export(Fixtures.plans, unit: "kardiologi")
        let activities = sheet.rows.filter { $0.type == .activity }
        let measurements = sheet.rows.filter { $0.type == .measurement }
        #expect(activities.map { $0.cells["ref"]! } == ["kardiologi/fallrutin", "kardiologi/fall-signal", "kardiologi/kvallsmottagning"])
        // Two indicators × ten monthly periods of 2026 that have begun by 2026-10-31.
        #expect(measurements.count == 20)
        #expect(measurements.first?.cells["period"] == "2026-01")
        #expect(measurements.last?.cells["period"] == "2026-10")
        let csv = sheet.csv(language: .sv)
        #expect(csv.hasPrefix("\u{FEFF}type;ref;title;status;progress;note;updated;period;value;num;den;comment;base\r\ntyp;referens;"))
        #expect(csv.contains("Inför gemensam fallrutin på båda avdelningarna"))
        let ratio = try Self.export(Fixtures.plans, unit: "region").rows.first { $0.cells["ref"] == "region/vardskador" }
        // region/vardskador is a p chart: its rows carry num and den, not value.
        #expect(ratio?.cells["num"] != nil && ratio?.cells["den"] != nil)
        #expect(ratio?.cells["value"] == nil)
    }

    @Test func anUnchangedSheetImportsAsNoChange() throws {
        let folder = try Self.copyPlans()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let sheet = try Self.export(folder, unit: "kardiologi")
        let rows = try ReportingSheet.read(table: try CSV.parse(Array(sheet.csv(language: .sv).utf8)))
        #expect(rows.hasBase)
        let outcome = try SheetImport(folder: folder.path).apply(rows, date: Fixtures.asOf, dryRun: false)
        #expect(outcome.result.changes.isEmpty)
    }

    @Test func importAppliesDifferingRowsAndDryRunWritesNothing() throws {
        let folder = try Self.copyPlans()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let file = folder.appendingPathComponent("medicinsk-vard/kardiologi.yaml")
        var table = try Self.export(folder, unit: "kardiologi", asOf: "2026-11-20").table(language: .sv)
        for index in table.indices {
            if table[index][1] == "kardiologi/fallrutin" { table[index][3] = "at-risk"; table[index][4] = "85,5" }
            if table[index][1] == "kardiologi/fallskador", table[index][7] == "2026-11" { table[index][8] = "4" }
        }
        let text = "\u{FEFF}" + table.map { CSV.line($0, delimiter: ";") }.joined()
        let rows = try ReportingSheet.read(table: try CSV.parse(Array(text.utf8)))
        let before = try Data(contentsOf: file)
        let dry = try SheetImport(folder: folder.path).apply(rows, date: PlanDate("2026-11-20")!, dryRun: true)
        #expect(dry.withoutBase)
        #expect(dry.result.changes.map(\.description) == ["kardiologi/fallrutin: on-track → at-risk, progress 80 → 85.5",
                                           "kardiologi/fallskador: 2026-11: 4 (new)"])
        #expect(try Data(contentsOf: file) == before)
        _ = try SheetImport(folder: folder.path).apply(rows, date: PlanDate("2026-11-20")!, dryRun: false)
        let unit = try #require(try RepositoryLoader().load(folder: folder.path, asOf: Fixtures.asOf).repository?.unitsByID["kardiologi"])
        let activity = try #require(unit.allActivities.first { $0.id.value == "fallrutin" })
        #expect(activity.status.value == .atRisk && activity.progress?.value == 85.5)
        #expect(activity.updated?.value == PlanDate("2026-11-20"))
        #expect(unit.allIndicators.first { $0.id.value == "fallskador" }?.measurements.last?.value == .number(4))
    }

    @Test func anyInvalidRowRefusesTheWholeSheetWithRowAndColumn() throws {
        let folder = try Self.copyPlans()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let file = folder.appendingPathComponent("medicinsk-vard/kardiologi.yaml")
        let before = try Data(contentsOf: file)
        let table: [[String]] = [
            ReportingSheet.columns,
            ReportingSheet.labels(.sv),
            ["activity", "kardiologi/fallrutin", "", "at-risk", "", "", "", "", "", "", ""],       // valid: row 3
            ["activity", "kardiologi/fall-signal", "", "klar", "", "", "", "", "", "", ""],         // row 4
            ["activity", "kardiologi/nope", "", "done", "", "", "", "", "", "", ""],                 // row 5
            ["activity", "kardiologi/kvallsmottagning", "", "", "101", "", "", "", "", "", ""],     // row 6
            ["measurement", "kardiologi/fallskador", "", "", "", "", "", "2026-Q4", "3", "", ""],  // row 7
            ["measurement", "kardiologi/fallskador", "", "", "", "", "", "2026-09", "tre", "", ""], // row 8
            ["rapport", "kardiologi/fallrutin", "", "", "", "", "", "", "", "", ""],                // row 9
        ]
        let rows = try ReportingSheet.read(table: table)
        #expect(throws: (any Error).self) { try SheetImport(folder: folder.path).apply(rows, date: Fixtures.asOf, dryRun: false) }
        do {
            _ = try SheetImport(folder: folder.path).apply(rows, date: Fixtures.asOf, dryRun: false)
        } catch let SheetImport.Failure.invalidRows(problems) {
            #expect(problems.map { "\($0.row) \($0.column ?? "-")" } == ["4 status", "5 ref", "6 progress", "7 period", "8 value", "9 type"])
        }
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func aSheetThatWouldNotValidateWritesNothing() throws {
        let folder = try Self.copyPlans()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let cardiology = folder.appendingPathComponent("medicinsk-vard/kardiologi.yaml")
        let region = folder.appendingPathComponent("region.yaml")
        let before = (try Data(contentsOf: cardiology), try Data(contentsOf: region))
        let table: [[String]] = [
            ReportingSheet.columns,
            ["activity", "kardiologi/fallrutin", "", "done", "", "", "", "", "", "", ""],
            // A c chart counts whole events: 2.5 is a chart-data error, so nothing is written.
            ["measurement", "kardiologi/fallskador", "", "", "", "", "", "2026-10", "2,5", "", ""],
            ["measurement", "region/vardskador", "", "", "", "", "", "2026-10", "", "30", "400"],
        ]
        #expect(throws: (any Error).self) {
            try SheetImport(folder: folder.path).apply(try ReportingSheet.read(table: table), date: Fixtures.asOf, dryRun: false)
        }
        #expect(try Data(contentsOf: cardiology) == before.0)
        #expect(try Data(contentsOf: region) == before.1)
    }
}

/// XLSX: what Hoshin writes reads back, and a workbook laid out as Excel saves it
/// (deflated parts, shared strings, sparse rows) is read too.
@Suite struct XLSXTests {
    @Test func aWrittenWorkbookReadsBackCellForCell() throws {
        let table = [ReportingSheet.columns, ReportingSheet.labels(.sv),
                     ["activity", "kardiologi/fallrutin", "Inför rutin – åäö æø <&>", "on-track", "80", "Rad ett\nrad två", "2026-04-28", "", "", "", ""],
                     ["measurement", "region/vardskador", "Vårdskador", "", "", "", "", "2026-10", "", "27", "411"]]
        let bytes = XLSX.write(table)
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let read = try XLSX.read(bytes)
        #expect(read.count == 4)
        for (row, expected) in zip(read, table) {
            #expect(row == Array(expected.prefix(row.count)))
            #expect(expected.dropFirst(row.count).allSatisfy { $0.isEmpty })
        }
    }

    @Test func anExcelStyleWorkbookWithSharedStringsAndDeflateIsRead() throws {
        let bytes = [UInt8](try Data(contentsOf: Fixtures.root.appendingPathComponent("sheets/excel-style.xlsx")))
        let table = try XLSX.read(bytes)
        #expect(table[0] == ["type", "ref", "status", "progress", "note", "period", "value"])
        #expect(table[1] == [])
        #expect(table[2] == ["activity", "kardiologi/fallrutin", "at-risk", "85.5", "Avd 4: börjar i december – æøå"])
        #expect(table[3] == ["measurement", "kardiologi/fallskador", "", "", "", "2026-11", "4"])
        let rows = try ReportingSheet.read(table: table)
        #expect(rows.rows.map(\.number) == [3, 4])
    }

    @Test func everyCharacterAPlanCanHoldSurvivesAWorkbook() throws {
        let texts = ["tab\there", "rad ett\r\nrad två\rtre", "kontroll \u{1}\u{8}\u{1B}\u{7F}", "icke-tecken \u{FFFF}\u{FFFE}",
                     "bokstavligt _x0041_ och _x_", "emoji 🏥 och æøå", "<&>\"'"]
        let table = [["type", "ref", "note"]] + texts.map { ["activity", "a/b", $0] }
        let bytes = XLSX.write(table)
        let read = try XLSX.readWorkbook(bytes)
        #expect(read.sheets.first?.table.map { $0.count > 2 ? $0[2] : "" }.dropFirst().map { $0 } == texts)
        // Over Excel's 32 767 characters a cell is cut, ending in "…", so the workbook still opens.
        let long = String(repeating: "å", count: 40_000)
        let cut = try XLSX.readWorkbook(XLSX.write([["type", "ref", "note"], ["activity", "a/b", long]])).sheets[0].table[1][2]
        #expect(cut.unicodeScalars.count == XLSX.maxCellCharacters && cut.hasSuffix("…") && cut.hasPrefix("ååå"))
    }

    @Test func aWorkbookWithPercentDateAndTextCellsReadsAsMeant() throws {
        // Saved by openpyxl from an export: a percent cell (0.85), a date cell in updated and in
        // period, a number stored as text, a row appended below, labels as the header row.
        let bytes = [UInt8](try Data(contentsOf: Fixtures.root.appendingPathComponent("sheets/spreadsheet-habits.xlsx")))
        let workbook = try XLSX.readWorkbook(bytes)
        let sheet = try ReportingSheet.read(table: workbook.reportTable, baseTable: workbook.sheet(named: SheetBase.sheetName))
        let rows = Dictionary(sheet.rows.map { ("\($0.cells["ref"]!) \($0.cells["period"] ?? "")", $0) }) { a, _ in a }
        #expect(rows["kardiologi/fallrutin "]?.cells["progress"] == "85%")
        #expect(rows["kardiologi/fallrutin "]?.cells["updated"] == "2026-11-03")
        #expect(rows["kardiologi/fallskador 2026-02"]?.cells["value"] == "7")
        #expect(sheet.rows.contains { $0.cells["period"] == "2026-11-15" && $0.cells["value"] == "18" })
        #expect(sheet.hasBase)
    }

    @Test func theReportSheetIsFoundByNameAndTheBaseSheetIsNeverTakenForIt() throws {
        let report = [ReportingSheet.columns, ["activity", "kardiologi/fallrutin", "", "at-risk"]]
        let base = SheetBase.table([ReportingSheet.Row(type: .activity, cells: ["ref": "kardiologi/fallrutin", "status": "on-track"])])
        let bytes = XLSX.write(sheets: [("Instruktioner", false, [["Fyll i status och värden."]]), (SheetBase.sheetName, true, base),
                                        ("Rapport", false, report)])
        let workbook = try XLSX.readWorkbook(bytes)
        #expect(workbook.sheets.map(\.name) == ["Instruktioner", SheetBase.sheetName, "Rapport"])
        #expect(workbook.sheets.map(\.hidden) == [false, true, false])
        #expect(workbook.reportTable == report)
        let sheet = try ReportingSheet.read(table: workbook.reportTable, baseTable: workbook.sheet(named: SheetBase.sheetName))
        #expect(sheet.rows.first?.base?["status"] == "on-track")
        // Without a sheet named Rapport, the first visible one with the columns is taken.
        let renamed = try XLSX.readWorkbook(XLSX.write(sheets: [("Instruktioner", false, [["Fyll i"]]), ("Blad2", false, report)]))
        #expect(renamed.reportTable == report)
    }

    @Test func damagedWorkbooksAreProblemsNotCrashes() {
        #expect(throws: XLSX.Problem.self) { try XLSX.read([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]) }
        var truncated = XLSX.write([["type", "ref"]])
        truncated.removeLast(30)
        #expect(throws: XLSX.Problem.self) { try XLSX.read(truncated) }
    }

    @Test func exportAndImportThroughTheCommandLine() throws {
        let folder = try Fixtures.copy(Fixtures.plans)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let sheet = folder.deletingLastPathComponent().appendingPathComponent("kardiologi.xlsx")
        let export = try HoshinBinary.run(["sheet", "export", "kardiologi", "--plans", folder.path, "--as-of", "2026-10-31",
                                           "--output", sheet.path], environment: ["HOSHIN_LANG": ""])
        #expect(export.status == 0, "\(export.stderr)")
        let unchanged = try HoshinBinary.run(["sheet", "import", sheet.path, "--plans", folder.path, "--date", "2026-10-31"],
                                             environment: ["HOSHIN_LANG": ""])
        #expect(unchanged.status == 0)
        #expect(unchanged.stdout == "inga ändringar: inget i arket har ändrats sedan exporten, eller så stämmer det med planen\n")
    }
}
