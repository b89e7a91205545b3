import Foundation
import Testing
import HoshinTestSupport
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
        func hoshin(_ arguments: [String]) throws -> HoshinRun {
            try HoshinBinary.run(arguments + ["--plans", plans.path], environment: ["HOSHIN_LANG": ""])
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
        #expect(run.stdout.contains("inga ändringar"))
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
        #expect(second.stdout.contains("kardiologi/fall-signal: genomfört – → 10 %"))
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
            #expect(refused.stderr.contains("\(bo):3:D: status har ändrats i planen sedan arket exporterades: planen har nu 'at-risk' (rapporterad 2026-11-02)"))
            #expect(try space.files() == before)
        }
        let forced = try space.hoshin(["sheet", "import", bo, "--date", "2026-11-03", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try space.activity("kardiologi", "fallrutin").status.value == .offTrack)
    }

    @Test func datesAndPercentagesRewrittenByASpreadsheetAreNotChanges() throws {
        let space = try Workspace()
        defer { space.remove() }
        let exported = try space.export("kardiologi", to: "k.csv")
        // A Danish spreadsheet shows 2026-04-28 as 28-04-2026 and 80 as 80 %: the same values.
        let dated = try space.editCSV(exported, ref: "kardiologi/fallrutin", column: "updated", to: "28-04-2026", copy: "d1.csv")
        let resaved = try space.editCSV(dated, ref: "kardiologi/fallrutin", column: "progress", to: "80 %", copy: "d2.csv")
        try space.hoshin(["report", "kardiologi/fallrutin", "--progress", "90", "--date", "2026-11-01"])
        let before = try space.files()
        let run = try space.hoshin(["sheet", "import", resaved, "--date", "2026-11-02"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("inga ändringar"))
        #expect(try space.files() == before)
        // A date typed day first is that date.
        let typed = try space.editCSV(exported, ref: "kardiologi/fall-signal", column: "updated", to: "03.11.2026", copy: "d3.csv")
        #expect(try space.hoshin(["sheet", "import", typed, "--date", "2026-11-05"]).status == 0)
        #expect(try space.activity("kardiologi", "fall-signal").updated?.value == PlanDate("2026-11-03"))
    }

    @Test func monthsExcelRewroteAsDatesAreStillTheirPeriods() throws {
        let space = try Workspace()
        defer { space.remove() }
        let exported = try space.export("kardiologi", to: "k.csv")
        var rows = try CSV.parse(Array(try Data(contentsOf: URL(fileURLWithPath: exported))))
        let period = try #require(rows[0].firstIndex(of: "period"))
        let names = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
        for row in rows.indices.dropFirst(2) where rows[row].count > period && !rows[row][period].isEmpty {
            let month = Int(rows[row][period].suffix(2))!
            rows[row][period] = row % 2 == 0 ? "\(names[month - 1])-26" : "01-\(rows[row][period].suffix(2))-2026"
        }
        let path = space.sheet("excel.csv")
        try Data(rows.map { CSV.line($0, delimiter: ";") }.joined().utf8).write(to: URL(fileURLWithPath: path))
        try space.hoshin(["measure", "kardiologi/eko-vantetid", "2026-02", "99"])
        let before = try space.files()
        let run = try space.hoshin(["sheet", "import", path, "--date", "2026-11-02"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("inga ändringar"), "\(run.stdout)")
        #expect(try space.files() == before)
    }

    @Test func aHandMadeSheetIsAppliedWithAWarning() throws {
        let space = try Workspace()
        defer { space.remove() }
        let path = space.sheet("hand.csv")
        try Data("type,ref,status,progress\nactivity,kardiologi/fallrutin,at-risk,80\n".utf8).write(to: URL(fileURLWithPath: path))
        let run = try space.hoshin(["sheet", "import", path, "--date", "2026-11-02"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("saknar uppgift om värdena vid exporten"))
        #expect(run.stdout.contains("kardiologi/fallrutin: enligt plan (on-track) → i riskzonen (at-risk)\n"))
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
            #expect(run.stderr.contains("\(path):5:B: en andra rad för kardiologi/fallrutin med andra värden (rad 2)"))
            #expect(!run.stderr.contains(":3:"))
            #expect(run.stderr.contains("\(path):6:E: raden har 5 celler men rubrikraden har 4"))
            #expect(run.stderr.contains("\(path):7:C: 'klar' är ingen status"))
            #expect(run.stderr.contains("\(path):7:D: genomfört anges i procent från 0 till 100, inte '200'"))
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
        #expect(run.stdout.hasPrefix("läste \(path) som Windows-1252\n"))
        let activity = try space.activity("kardiologi", "fallrutin")
        #expect(activity.note == "Avd 4 börjar i december – åäö ÅÄÖ æø")
        #expect(activity.progress?.value == 85.5)
    }

    @Test func exportIsSafe() throws {
        let space = try Workspace()
        defer { space.remove() }
        let path = try space.export("kardiologi", to: "k.csv")
        let again = try space.hoshin(["sheet", "export", "kardiologi", "--output", path])
        #expect(again.status == 2 && again.stderr.contains("finns redan; använd --force"))
        #expect(try space.hoshin(["sheet", "export", "kardiologi", "--output", path, "--force"]).status == 0)
        let plan = space.plans.appendingPathComponent("region.yaml").path
        let before = try Data(contentsOf: URL(fileURLWithPath: plan))
        let overPlan = try space.hoshin(["sheet", "export", "kardiologi", "--output", plan, "--force", "--format", "csv"])
        #expect(overPlan.status == 2 && overPlan.stderr.contains("är en planfil"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: plan)) == before)
        let stdout = try space.hoshin(["sheet", "export", "kardiologi", "--output", "-", "--format", "csv"])
        #expect(stdout.stdout.hasPrefix("\u{FEFF}type;ref;"))
        // The format follows the extension.
        let xlsx = try space.export("kardiologi", to: "k.XLSX")
        #expect(try Data(contentsOf: URL(fileURLWithPath: xlsx)).starts(with: [0x50, 0x4B]))
    }
}

/// An untouched export imports as no change, whatever text the plan holds (spec §9).
@Suite struct SheetExportRoundTripTests {
    static let nasty = "Rad ett; med \"citat\", komma\r\nrad två\tflik \u{1}kontroll \u{FFFF} _x0041_ åäö æø"

    @Test(arguments: ["k.csv", "k.xlsx"])
    func anUntouchedExportOfAnyTextImportsAsNoChange(name: String) throws {
        let space = try SheetMergeTests.Workspace()
        defer { space.remove() }
        let update = PlanUpdate(folder: space.plans.path)
        _ = try update.report("kardiologi/fallrutin", ActivityReport(progress: 85.5, note: Self.nasty, date: PlanDate("2026-10-30")!))
        #expect(try space.activity("kardiologi", "fallrutin").note == Self.nasty)
        let path = try space.export("kardiologi", to: name)
        if name.hasSuffix(".csv") {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            #expect(text.hasPrefix("\u{FEFF}type;"))
            #expect(text.contains(";85,5;\"Rad ett; med \"\"citat\"\", komma\r\nrad två"))
        }
        let before = try space.files()
        let run = try space.hoshin(["sheet", "import", path, "--date", "2026-11-02"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("inga ändringar"), "\(run.stdout)")
        #expect(try space.files() == before)
    }
}
