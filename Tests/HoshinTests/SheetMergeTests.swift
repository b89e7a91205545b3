import Foundation
import Testing
import HoshinModel
import HoshinRepository
import HoshinSheets
import HoshinUpdate

/// Three-way sheet import through the real binary (spec §9): only what the person changed is
/// applied, conflicts refuse with row, column, the plan's value and date, `--force` applies.
@Suite struct SheetMergeTests {
    static let files = ["medicinsk-vard/kardiologi.yaml", "region.yaml"]

    struct Workspace {
        let plans: URL
        var root: URL { plans.deletingLastPathComponent() }

        init() throws { plans = try Fixtures.copy(Fixtures.plans) }

        func remove() { try? FileManager.default.removeItem(at: root) }

        func sheet(_ name: String) -> String { root.appendingPathComponent(name).path }

        @discardableResult
        func hoshin(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
            try HoshinBinary.run(arguments + ["--plans", plans.path])
        }

        func export(_ unit: String, to name: String) throws -> String {
            let path = sheet(name)
            let run = try hoshin(["sheet", "export", unit, "--as-of", "2026-10-31", "--output", path])
            #expect(run.status == 0, "\(run.stderr)")
            return path
        }

        func files() throws -> [Data] {
            try SheetMergeTests.files.map { try Data(contentsOf: plans.appendingPathComponent($0)) }
        }

        func activity(_ unit: String, _ id: String) throws -> Activity {
            let repository = try #require(try RepositoryLoader().load(folder: plans.path, asOf: Fixtures.asOf).repository)
            return try #require(repository.unitsByID[unit]?.allActivities.first { $0.id.value == id })
        }

        /// Edits the cell `column` of the row of `ref` in a CSV export (`;`-separated, sv).
        func editCSV(_ path: String, ref: String, column: String, to value: String, copy name: String) throws -> String {
            var rows = try CSV.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            let index = try #require(rows[0].firstIndex(of: column))
            for row in rows.indices where rows[row].count > 1 && rows[row][1] == ref { rows[row][index] = value }
            let out = sheet(name)
            try Data(("\u{FEFF}" + rows.map { CSV.line($0, delimiter: ";") }.joined()).utf8).write(to: URL(fileURLWithPath: out))
            return out
        }
    }

    @Test(arguments: ["k.csv", "k.xlsx"])
    func aStaleSheetImportedAfterACommandLineReportChangesNothing(name: String) throws {
        let space = try Workspace()
        defer { space.remove() }
        let sheet = try space.export("kardiologi", to: name)
        try space.hoshin(["report", "kardiologi/fallrutin", "--status", "at-risk", "--progress", "85", "--date", "2026-11-01"])
        let before = try space.files()
        let run = try space.hoshin(["sheet", "import", sheet, "--date", "2026-11-02"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("no changes"))
        #expect(try space.files() == before)
        #expect(try space.activity("kardiologi", "fallrutin").status.value == .atRisk)
    }

    @Test func twoCopiesChangingOtherActivitiesAreBothKept() throws {
        let space = try Workspace()
        defer { space.remove() }
        let exported = try space.export("kardiologi", to: "k.csv")
        let anna = try space.editCSV(exported, ref: "kardiologi/fallrutin", column: "status", to: "at-risk", copy: "anna.csv")
        let bo = try space.editCSV(exported, ref: "kardiologi/fall-signal", column: "progress", to: "10", copy: "bo.csv")
        #expect(try space.hoshin(["sheet", "import", anna, "--date", "2026-11-02"]).status == 0)
        let second = try space.hoshin(["sheet", "import", bo, "--date", "2026-11-03"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("kardiologi/fall-signal: progress – → 10"))
        #expect(!second.stdout.contains("fallrutin"))
        #expect(try space.activity("kardiologi", "fallrutin").status.value == .atRisk)
        #expect(try space.activity("kardiologi", "fall-signal").progress?.value == 10)
    }

    @Test func theSameFieldInBothCopiesIsAConflictAndForceAppliesIt() throws {
        let space = try Workspace()
        defer { space.remove() }
        let exported = try space.export("kardiologi", to: "k.csv")
        let anna = try space.editCSV(exported, ref: "kardiologi/fallrutin", column: "status", to: "at-risk", copy: "anna.csv")
        let bo = try space.editCSV(exported, ref: "kardiologi/fallrutin", column: "status", to: "off-track", copy: "bo.csv")
        #expect(try space.hoshin(["sheet", "import", anna, "--date", "2026-11-02"]).status == 0)
        let before = try space.files()
        for extra in [["--dry-run"], []] {
            let refused = try space.hoshin(["sheet", "import", bo, "--date", "2026-11-03"] + extra)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("\(bo):3:D: status was changed in the plan since the sheet was exported: the plan now has 'at-risk' (updated 2026-11-02)"))
            #expect(try space.files() == before)
        }
        let forced = try space.hoshin(["sheet", "import", bo, "--date", "2026-11-03", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try space.activity("kardiologi", "fallrutin").status.value == .offTrack)
    }

    @Test func aHandMadeSheetIsAppliedWithAWarning() throws {
        let space = try Workspace()
        defer { space.remove() }
        let path = space.sheet("hand.csv")
        try Data("type,ref,status,progress\nactivity,kardiologi/fallrutin,at-risk,80\n".utf8).write(to: URL(fileURLWithPath: path))
        let run = try space.hoshin(["sheet", "import", path, "--date", "2026-11-02"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("has no record of the values it was exported with"))
        #expect(run.stdout.contains("kardiologi/fallrutin: on-track → at-risk\n"))
    }

    @Test func twoDifferentRowsForOneRefAndARaggedRowAreErrorsEvenInADryRun() throws {
        let space = try Workspace()
        defer { space.remove() }
        let path = space.sheet("bad.csv")
        try Data("""
        type,ref,status,progress
        activity,kardiologi/fallrutin,at-risk,80
        activity,kardiologi/fallrutin,at-risk,80

        activity,kardiologi/fallrutin,done,80
        activity,kardiologi/fall-signal,on-track,10,extra
        activity,kardiologi/kvallsmottagning,klar,200

        """.utf8).write(to: URL(fileURLWithPath: path))
        let before = try space.files()
        for extra in [["--dry-run"], []] {
            let run = try space.hoshin(["sheet", "import", path, "--date", "2026-11-02"] + extra)
            #expect(run.status == 1)
            // The blank line counts: the rows are numbered as a spreadsheet shows them.
            #expect(run.stderr.contains("\(path):5:B: a second row for kardiologi/fallrutin with other values (row 2)"))
            #expect(!run.stderr.contains(":3:"))
            #expect(run.stderr.contains("\(path):6:E: the row has 5 cells but the header has 4"))
            #expect(run.stderr.contains("\(path):7:C: 'klar' is not a status"))
            #expect(run.stderr.contains("\(path):7:D: progress is a percentage from 0 to 100, not '200'"))
        }
        #expect(try space.files() == before)
    }

    @Test func aDryRunRefusesWhatTheRealImportWouldRefuse() throws {
        let space = try Workspace()
        defer { space.remove() }
        let path = space.sheet("c.csv")
        // A c chart counts whole events: 2.5 adds a chart-data error.
        try Data("type,ref,period,value\nmeasurement,kardiologi/fallskador,2026-10,\"2,5\"\n".utf8).write(to: URL(fileURLWithPath: path))
        let dry = try space.hoshin(["sheet", "import", path, "--dry-run", "--date", "2026-11-02"])
        let real = try space.hoshin(["sheet", "import", path, "--date", "2026-11-02"])
        #expect(dry.status == 1 && real.status == 1)
        #expect(dry.stderr.contains("chart-data") && real.stderr.contains("chart-data"))
    }

    @Test func aWindows1252SheetWithSemicolonsAndDecimalCommasKeepsItsLetters() throws {
        let space = try Workspace()
        defer { space.remove() }
        let text = "type;ref;status;progress;note\r\nactivity;kardiologi/fallrutin;at-risk;85,5;Avd 4 börjar i december – åäö ÅÄÖ æø\r\n"
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            switch scalar {
            case "–": bytes.append(0x96)
            default: bytes.append(UInt8(scalar.value))  // Latin-1 range: the same byte in Windows-1252
            }
        }
        let path = space.sheet("excel.csv")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let run = try space.hoshin(["sheet", "import", path, "--date", "2026-11-02"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("read \(path) as Windows-1252\n"))
        let activity = try space.activity("kardiologi", "fallrutin")
        #expect(activity.note == "Avd 4 börjar i december – åäö ÅÄÖ æø")
        #expect(activity.progress?.value == 85.5)
    }

    @Test func exportIsSafe() throws {
        let space = try Workspace()
        defer { space.remove() }
        let path = try space.export("kardiologi", to: "k.csv")
        let again = try space.hoshin(["sheet", "export", "kardiologi", "--output", path])
        #expect(again.status == 2 && again.stderr.contains("exists; use --force"))
        #expect(try space.hoshin(["sheet", "export", "kardiologi", "--output", path, "--force"]).status == 0)
        let plan = space.plans.appendingPathComponent("region.yaml").path
        let before = try Data(contentsOf: URL(fileURLWithPath: plan))
        let overPlan = try space.hoshin(["sheet", "export", "kardiologi", "--output", plan, "--force", "--format", "csv"])
        #expect(overPlan.status == 2 && overPlan.stderr.contains("is a plan file"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: plan)) == before)
        let stdout = try space.hoshin(["sheet", "export", "kardiologi", "--output", "-", "--format", "csv"])
        #expect(stdout.stdout.hasPrefix("\u{FEFF}type;ref;"))
        // The format follows the extension.
        let xlsx = try space.export("kardiologi", to: "k.XLSX")
        #expect(try Data(contentsOf: URL(fileURLWithPath: xlsx)).starts(with: [0x50, 0x4B]))
    }
}
