import Foundation
import Testing
import HoshinTestSupport
import HoshinDecoding
import HoshinEditing
import HoshinModel
@testable import HoshinSheets
import HoshinYAML

/// What the fuzz harnesses found (docs/fuzzing.md): each input, kept under
/// `Tests/Fixtures/fuzz/<harness>/`, now ends in a problem or diagnostic, not a crash.
@Suite struct FuzzFindingTests {
    static let folder = Fixtures.root.appendingPathComponent("fuzz")

    func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(path)))
    }

    func problem(reading workbook: [UInt8]) -> String? {
        do {
            _ = try XLSX.read(workbook)
            return nil
        } catch let problem as XLSX.Problem {
            return problem.message
        } catch {
            return "\(error)"
        }
    }

    /// A workbook of one worksheet whose XML is `sheetData` (the rows).
    func workbook(_ sheetData: String) -> [UInt8] {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + sheetData + "</sheetData></worksheet>"
        return ZipArchive.write([("xl/worksheets/sheet1.xml", Array(xml.utf8))])
    }

    /// sheets harness: a byte 0xE9 in an element name (`<\u{E9}s>`) made Foundation's
    /// XMLParser trap inside its start-element callback.
    @Test func aWorksheetThatIsNotUTF8IsAProblem() throws {
        let message = problem(reading: try bytes("sheets/non-utf8-element-name.xlsx"))
        #expect(message == "xl/worksheets/sheet1.xml is not UTF-8 text")
    }

    /// Found by reading the worksheet reader while the sheets harness ran: row numbers and
    /// cell references are bounded by Excel's limits instead of overflowing or asking for
    /// a table of billions of empty cells.
    @Test(arguments: [
        ("<row r=\"-9223372036854775808\"><c><v>1</v></c></row>", "row number '-9223372036854775808' is outside the sheet (1 to 1048576)"),
        ("<row r=\"0\"><c><v>1</v></c></row>", "row number '0' is outside the sheet (1 to 1048576)"),
        ("<row r=\"99999999999\"><c><v>1</v></c></row>", "row number '99999999999' is outside the sheet (1 to 1048576)"),
        ("<row r=\"1\"><c r=\"ZZZZZZZZZZZZZZZZZZZZZ1\"><v>1</v></c></row>", nil),
        ("<row r=\"1\"><c r=\"A99999999999999999999\"><v>1</v></c></row>", nil),
        ("<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>", "the worksheet is too large (its cells span more than 1000000 cells)"),
    ] as [(String, String?)])
    func rowsAndColumnsOutsideTheSheetAreProblems(sheetData: String, expected: String?) {
        let message = problem(reading: workbook(sheetData))
        if let expected {
            #expect(message == expected)
        } else {
            // A reference that is not one is ignored: the cell takes the next column.
            #expect(message == nil)
            #expect((try? XLSX.read(workbook(sheetData))) == [["1"]])
        }
    }

    @Test func cellReferencesWithinExcelsLimitsArePlaced() {
        #expect(WorksheetReader.position("XFD1048576")! == (1_048_575, 16_383))
        #expect(WorksheetReader.position("c5")! == (4, 2))
        #expect(WorksheetReader.position("XFE1") == nil)
        #expect(WorksheetReader.position("A1048577") == nil)
        #expect(WorksheetReader.position("1A") == nil)
    }

    /// editor harness: replacing a value that carries an anchor (`status: &s on-track`)
    /// dropped the anchor, so the aliases naming it (`status: *s`) named nothing, and
    /// keeping it would have changed the other activity too. Such edits are refused; an
    /// alias itself is replaced like any value.
    @Test func anAnchoredValueIsNotEditedAndAnAliasIs() throws {
        let original = try bytes("editor/anchored-values.yaml")
        let editor = try PlanEditor(bytes: original)
        for field in ["status", "note", "progress", "updated"] {
            let value: FieldValue = field == "status" ? .word("done") : field == "note" ? .text("nej")
                : field == "progress" ? .number(50) : .date(PlanDate(year: 2026, month: 2, day: 2)!)
            #expect(throws: EditError.self) { try editor.set([(field, value)], in: try editor.activity("x")) }
        }
        let edited = Splice.apply(try editor.set([("status", .word("done")), ("note", .text("nej"))],
                                                 in: try editor.activity("y7")), to: original)
        let parsed = YAMLParser().parse(edited)
        #expect(parsed.problems.isEmpty)
        let unit = try #require(UnitPlanDecoder.decode(parsed.document, file: "a.yaml").unit)
        #expect(unit.allActivities.map(\.status.value) == [.onTrack, .done])
        #expect(unit.allActivities.map(\.note) == ["hej", "nej"])
    }

    @Test func measurementsSharedThroughAnAnchorAreNotEdited() throws {
        let editor = try PlanEditor(bytes: try bytes("editor/anchored-measurements.yaml"))
        let period = try #require(Period("2026-03"))
        #expect(throws: EditError.self) { try editor.setMeasurement(period, .number(1), in: try editor.indicator("i")) }
        #expect(throws: EditError.self) { try editor.setMeasurement(period, .number(1), in: try editor.indicator("j")) }
        // k only names the anchored value: a new period beside it is fine, replacing it is not.
        #expect(try editor.setMeasurement(period, .number(1), in: try editor.indicator("k")).count == 1)
        let january = try #require(Period("2026-01"))
        let replaced = try editor.setMeasurement(january, .number(1), in: try editor.indicator("k"))
        let parsed = YAMLParser().parse(Splice.apply(replaced, to: try bytes("editor/anchored-measurements.yaml")))
        #expect(parsed.problems.isEmpty)
    }

    /// editor harness: the note "ctrl\u{1}\u{7F}" was written inside single quotes as it
    /// was, and a file holding a control character does not parse. Characters outside
    /// YAML's printable set, and those libyaml reads as line breaks, are now escaped in
    /// double quotes, whatever the note's present style (single-quoted, empty, flow).
    @Test(arguments: ["ctrl\u{1}\u{7F}", "C1 \u{85} \u{90} \u{9F}", "rad\u{2028}skiljare\u{2029}", "bom \u{FEFF} och \u{FFFE}",
                      "tab\tinne", "æøå – åäö 🙂"])
    func aNoteWithAnyCharacterIsWrittenSoThatItReadsBack(note: String) throws {
        let original = try bytes("editor/control-characters-in-note.yaml")
        let editor = try PlanEditor(bytes: original)
        for activity in ["fallrutin", "anteckning", "fallsignal"] {
            let edited = Splice.apply(try editor.set([("note", .text(note))], in: try editor.activity(activity)), to: original)
            let parsed = YAMLParser().parse(edited)
            #expect(parsed.problems.isEmpty, "\(activity): \(parsed.problems.map(\.message))")
            let unit = UnitPlanDecoder.decode(parsed.document, file: "a.yaml").unit
            #expect(unit?.allActivities.first { $0.id.value == activity }?.note == note, "\(activity)")
        }
    }
}
