import Foundation
import Testing
import HoshinTestSupport
import HoshinModel
import HoshinRepository
import HoshinRules

/// Every rule can be switched off in `hoshin.yaml`, so the engine may not rely on any of them:
/// for each rule, a repository that breaks it with the rule `off` goes through every read
/// command of the real binary, which must end with exit code 0, 1 or 2, never a signal.
/// The processes are waited for off the cooperative thread pool (see `HoshinBinary`).
@Suite struct RulesSwitchedOffTests {
    static let date = "2026-10-31"

    /// The rule's own `err` fixture, with `rules: {<id>: off}` added to its `hoshin.yaml`.
    @Test(arguments: RuleCatalogue.ids)
    func errFixtureWithTheRuleOff(rule: String) async throws {
        let source = Fixtures.root.appendingPathComponent("rules/\(rule)/err")
        let folder = try Fixtures.copy(source)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try Self.switchOff(rule, in: folder)
        try await Self.runEveryReadCommand(on: folder)
    }

    /// The failing example of the rule's description, with the rule off.
    @Test(arguments: RuleCatalogue.all.map(\.description))
    func failingExampleWithTheRuleOff(description: RuleDescription) async throws {
        var files: [String: [UInt8]] = [:]
        for file in description.failing.completeFiles { files[file.path] = Array(file.text.utf8) }
        let folder = try Fixtures.makeRepository(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.switchOff(description.id, in: folder)
        try await Self.runEveryReadCommand(on: folder, asOf: description.failing.asOf.description)
    }

    /// Hand-made repositories of what the engine relies on, with every rule off:
    /// `Tests/Fixtures/guards/<case>/`.
    @Test(arguments: Fixtures.subfolders(of: Fixtures.root.appendingPathComponent("guards")))
    func structuralBreakWithEveryRuleOff(name: String) async throws {
        let folder = Fixtures.root.appendingPathComponent("guards/\(name)")
        let commands = try await Self.runEveryReadCommand(on: folder)
        #expect(commands > 10)
    }

    /// The crash of issue #12: two units that are each other's parent, `parent-cycle: off`.
    @Test func statusOfAUnitInAParentCycleEnds() async throws {
        let folder = Fixtures.root.appendingPathComponent("guards/mutual-parents")
        let run = try await HoshinBinary.run(["status", folder.path, "--as-of", Self.date, "--unit", "a"],
                                       environment: ["NO_COLOR": "1"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        // Each unit once: a, then b below it, and not a again.
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.filter { $0.contains("Enhet a") }.count == 1, "\(run.stdout)")
        #expect(lines.filter { $0.contains("Enhet b") }.count == 1, "\(run.stdout)")
    }

    /// Adds `<rule>: off` under `rules:` (creating the map when there is none).
    static func switchOff(_ rule: String, in folder: URL) throws {
        let url = folder.appendingPathComponent("hoshin.yaml")
        var text = (try? String(contentsOf: url, encoding: .utf8)) ?? "hoshin: 1\nperiod: 2026\n"
        if !text.hasSuffix("\n") { text += "\n" }
        if let range = text.range(of: "\nrules:\n") {
            text.insert(contentsOf: "  \(rule): off\n", at: range.upperBound)
        } else if text.hasPrefix("rules:\n") {
            text.insert(contentsOf: "  \(rule): off\n", at: text.index(text.startIndex, offsetBy: 7))
        } else {
            text += "rules:\n  \(rule): off\n"
        }
        try Data(text.utf8).write(to: url)
    }

    /// Runs validate, status (every format, every unit), diff, cycle, chart and sheet export;
    /// returns how many commands ran.
    @discardableResult
    static func runEveryReadCommand(on folder: URL, asOf: String = date) async throws -> Int {
        let dir = folder.path
        let output = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let loaded = try? RepositoryLoader().load(folder: dir, asOf: PlanDate(asOf)!)
        let units = loaded?.repository?.units ?? []
        let unitIDs = Array(Set(units.map(\.id.value))).sorted() + ["finns-inte"]
        let indicators = units.flatMap { unit in unit.allIndicators.map { "\(unit.id.value)/\($0.id.value)" } }
        var commands: [[String]] = [
            ["validate", dir, "--as-of", asOf],
            ["validate", dir, "--as-of", asOf, "--format", "json"],
            ["diff", dir, "--from", "2026-01-31", "--to", asOf],
            ["diff", dir, "--from", "2026-01-31", "--to", asOf, "--format", "markdown"],
            ["diff", dir, "--from", "2026-01-31", "--to", asOf, "--format", "json"],
            ["cycle", dir, "--as-of", asOf],
        ]
        for format in ["tree", "json", "markdown", "csv", "html"] {
            commands.append(["status", dir, "--as-of", asOf, "--format", format])
        }
        for unit in unitIDs {
            commands.append(["status", dir, "--as-of", asOf, "--unit", unit])
            commands.append(["status", dir, "--as-of", asOf, "--unit", unit, "--depth", "0", "--format", "json"])
            commands.append(["sheet", "export", unit, "--plans", dir, "--as-of", asOf,
                             "-o", output.appendingPathComponent("\(unit).csv").path, "--force"])
        }
        if let first = unitIDs.first {
            commands.append(["sheet", "export", first, "--plans", dir, "--as-of", asOf,
                             "-o", output.appendingPathComponent("sheet.xlsx").path, "--force"])
        }
        for reference in indicators.prefix(3) + ["finns/inte"] {
            commands.append(["chart", reference, "--plans", dir, "--as-of", asOf])
            commands.append(["chart", reference, "--plans", dir, "--as-of", asOf, "--format", "svg",
                             "-o", output.appendingPathComponent("chart.svg").path])
        }
        for arguments in commands {
            let run = try await HoshinBinary.run(arguments, environment: ["NO_COLOR": "1"])
            #expect(run.exitedNormally, "hoshin \(arguments.joined(separator: " ")) was killed by signal \(run.status)")
            #expect([0, 1, 2].contains(run.status),
                    "hoshin \(arguments.joined(separator: " ")) exited \(run.status): \(run.stderr)")
            #expect(!run.stderr.contains("Fatal error"), "hoshin \(arguments.joined(separator: " ")): \(run.stderr)")
        }
        return commands.count
    }
}
