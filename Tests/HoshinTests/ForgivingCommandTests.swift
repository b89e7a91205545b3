import Foundation
import Testing
import HoshinTestSupport

/// Commands that forgive (issue 18): the plan folder found upward, a file given for a
/// folder, references of the wrong kind, and one line with exit 2 for every argument error.
/// Every test runs the real binary.
@Suite struct ForgivingCommandTests {
    static let plans = Fixtures.plans.path

    /// A copy of the repository's `plans/` inside a fresh project folder: `(project, plans)`.
    static func project() throws -> (URL, URL) {
        let project = Fixtures.temporaryFolder()
        let plans = project.appendingPathComponent("plans")
        try FileManager.default.copyItem(at: Fixtures.plans, to: plans)
        return (project, plans)
    }

    @Test func findsThePlanFolderUpwardAndSaysWhich() throws {
        let (project, plans) = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let inside = plans.appendingPathComponent("medicinsk-vard")
        let status = try HoshinBinary.run(["status", "--as-of", "2026-10-31"], in: inside, environment: ["NO_COLOR": "1"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("Kardiologiska kliniken"))
        #expect(status.stderr == "hoshin: no ./plans here; using the plan folder .. (\(plans.standardizedFileURL.path))\n")
        let validate = try HoshinBinary.run(["validate", "--as-of", "2026-10-31"], in: inside)
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stderr.contains("using the plan folder .."))
        // From the project folder itself, ./plans is there and nothing is said.
        let here = try HoshinBinary.run(["validate", "--as-of", "2026-10-31"], in: project)
        #expect(here.status == 0)
        #expect(here.stderr.isEmpty)
        // A folder below the project that holds plans/ only further up: `plans/hoshin.yaml` is found.
        let docs = project.appendingPathComponent("docs/notes")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        let fromDocs = try HoshinBinary.run(["validate", "--as-of", "2026-10-31"], in: docs)
        #expect(fromDocs.status == 0, "\(fromDocs.stderr)")
        #expect(fromDocs.stderr.contains("using the plan folder ../../plans"))
        // report and measure find it too, and write to the file found.
        let report = try HoshinBinary.run(["report", "kardiologi/fallrutin", "--progress", "70", "--date", "2026-10-30"], in: inside)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try String(contentsOf: inside.appendingPathComponent("kardiologi.yaml"), encoding: .utf8).contains("progress: 70"))
    }

    @Test func noRepositoryAnywhereStillSaysNoSuchFolder() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try HoshinBinary.run(["validate"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr == "hoshin: no such plan folder: plans\n")
    }

    @Test(arguments: [["validate", "plans/region.yaml"], ["status", "plans/region.yaml"],
                      ["report", "kardiologi/fallrutin", "--plans", "plans/region.yaml"],
                      ["chart", "kardiologi/fallskador", "--plans", "plans/medicinsk-vard/kardiologi.yaml"]])
    func aFileGivenForTheFolderIsNamedAsAFile(arguments: [String]) throws {
        let (project, _) = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try HoshinBinary.run(arguments, in: project)
        let file = arguments.last!
        #expect(result.status == 2)
        #expect(result.stderr == "hoshin: \(file) is a file; give the plan folder, e.g. plans\n")
    }

    @Test func aFolderInsideTheRepositoryNamesTheRepository() throws {
        let (project, _) = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try HoshinBinary.run(["validate", "plans/medicinsk-vard"], in: project)
        #expect(result.status == 2)
        #expect(result.stderr == "hoshin: plans/medicinsk-vard has no hoshin.yaml; give the plan folder, e.g. plans\n")
    }

    @Test(arguments: [
        (["report", "kardiologi/fallskador", "--status", "done"],
         "kardiologi/fallskador is an indicator, not an activity: use `hoshin measure kardiologi/fallskador PERIOD VALUE`"),
        (["measure", "kardiologi/fallrutin", "2026-10", "3"],
         "kardiologi/fallrutin is an activity, not an indicator: use `hoshin report kardiologi/fallrutin`"),
        (["report", "fallrutin", "--status", "done"], "give the unit too: kardiologi/fallrutin"),
        (["measure", "fallskador", "2026-10", "3"], "give the unit too: kardiologi/fallskador"),
        (["chart", "fallskador", "--format", "text"], "give the unit too: kardiologi/fallskador"),
        (["report", "kardiologi", "--status", "done"], "'kardiologi' is a unit; give UNIT/ACTIVITY, such as kardiologi/fallrutin"),
        (["report", "kardiologi/fallrutn", "--status", "done"], "no activity 'kardiologi/fallrutn'; did you mean 'kardiologi/fallrutin'?"),
    ])
    func referencesOfTheWrongShapeSayWhatToDo(arguments: [String], message: String) throws {
        let (project, plans) = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let before = try Data(contentsOf: plans.appendingPathComponent("medicinsk-vard/kardiologi.yaml"))
        let result = try HoshinBinary.run(arguments + ["--plans", plans.path])
        #expect(result.status == 2)
        #expect(result.stderr == "hoshin: \(message)\n")
        #expect(try Data(contentsOf: plans.appendingPathComponent("medicinsk-vard/kardiologi.yaml")) == before)
    }

    @Test func aBareIDInSeveralUnitsListsThem() throws {
        let unit = { (id: String, parent: String?) in
            "unit: \(id)\nname: \(id)\n" + (parent.map { "parent: \($0)\n" } ?? "")
                + "goals:\n  - id: g\n    title: Mål\n" + (parent.map { "    supports: \($0)/g\n" } ?? "")
                + "    activities:\n      - id: rond\n        title: Rond\n        status: on-track\n        updated: 2026-10-01\n"
        }
        let folder = try Fixtures.makeRepository([
            "hoshin.yaml": Array("hoshin: 1\nperiod: 2026\n".utf8),
            "region.yaml": Array(unit("region", nil).utf8),
            "a.yaml": Array(unit("avd-a", "region").utf8),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try HoshinBinary.run(["report", "rond", "--plans", folder.path])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr == "hoshin: 'rond' is in 2 units; give one: avd-a/rond, region/rond\n")
    }

    @Test func unitOptionTakesAUnitID() throws {
        let result = try HoshinBinary.run(["status", Self.plans, "--unit", "kardiologi/farre-fall"])
        #expect(result.status == 2)
        #expect(result.stderr == "hoshin: --unit takes a unit id, not 'kardiologi/farre-fall'; try --unit kardiologi\n")
    }

    @Test func aReportWithoutChangesIsConfirmed() throws {
        let (project, plans) = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try HoshinBinary.run(["report", "kardiologi/fallrutin", "--plans", plans.path, "--date", "2026-10-30"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "kardiologi/fallrutin: confirmed (updated 2026-10-30)\n")
        let text = try String(contentsOf: plans.appendingPathComponent("medicinsk-vard/kardiologi.yaml"), encoding: .utf8)
        #expect(text.contains("updated: 2026-10-30"))
    }

    @Test(arguments: [
        (["status", plans, "--depth", "-1"], "hoshin: --depth must be 0 or more, not -1"),
        (["status", plans, "--depth=-2"], "hoshin: --depth must be 0 or more, not -2"),
        (["status", plans, "--as-of", "31/10/2026"], "hoshin: --as-of: '31/10/2026' is not a date; write YYYY-MM-DD, such as 2026-10-31"),
        (["validate", plans, "--as-of=2026-13-01"], "hoshin: --as-of: '2026-13-01' is not a date; write YYYY-MM-DD, such as 2026-10-31"),
        (["report", "kardiologi/fallrutin", "--date", "igår"], "hoshin: --date: 'igår' is not a date; write YYYY-MM-DD, such as 2026-10-31"),
        (["report", "kardiologi/fallrutin", "--plans", plans, "--status", "klar"],
         "hoshin: 'klar' is not a status (not-started | on-track | at-risk | off-track | done | cancelled)"),
        (["status", plans, "--format", "yaml"], "hoshin: the value 'yaml' is invalid for '--format <format>'"),
        (["report"], "hoshin: missing expected argument '<reference>'"),
        (["status", plans, "--colour"], "hoshin: unknown option '--colour'"),
    ])
    func everyArgumentErrorIsOneLineWithExitTwo(arguments: [String], prefix: String) throws {
        let result = try HoshinBinary.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix(prefix), "\(arguments): \(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func helpIsStillFull() throws {
        let result = try HoshinBinary.run(["status", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE:"))
        #expect(result.stdout.contains("--depth"))
        let report = try HoshinBinary.run(["report", "--help"])
        #expect(report.status == 0)
        #expect(report.stdout.contains("--date"))
    }
}
