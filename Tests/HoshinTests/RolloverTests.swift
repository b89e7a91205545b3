import Foundation
import Testing
import HoshinTestSupport
import PropertyBased
import HoshinDecoding
import HoshinEditing
import HoshinModel
import HoshinRepository
import HoshinUpdate
import HoshinYAML

/// `hoshin rollover` (spec §14): plans/ rolled to 2027 against golden files, the edits on a
/// hand-written file with countermeasures, comments and flow styles, the command's refusals,
/// and a property test over generated repositories.
@Suite struct RolloverTests {
    static let folder = Fixtures.root.appendingPathComponent("rollover")

    static func files(_ folder: URL) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for relative in try PlanFileDiscovery.planFiles(in: folder.path) {
            result[relative] = [UInt8](try Data(contentsOf: folder.appendingPathComponent(relative)))
        }
        return result
    }

    static func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path, "-c", "user.email=test@example.org", "-c", "user.name=test"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    /// A copy of plans/ committed in a fresh git repository.
    static func committedCopy() throws -> URL {
        let copy = try Fixtures.copy(Fixtures.plans)
        try git(["init", "-q"], in: copy.deletingLastPathComponent())
        try git(["add", "-A"], in: copy.deletingLastPathComponent())
        try git(["commit", "-q", "-m", "plans"], in: copy.deletingLastPathComponent())
        return copy
    }

    // MARK: plans/ to 2027, file by file

    @Test func plansRollOverTo2027ExactlyAsTheGoldenFiles() throws {
        let copy = try Self.committedCopy()
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let run = try HoshinBinary.run(["rollover", copy.path, "--to", "2027"], environment: ["HOSHIN_LANG": ""])
        #expect(run.status == 0, "\(run.stderr)")
        let golden = Self.folder.appendingPathComponent("plans-2027")
        if ProcessInfo.processInfo.environment["HOSHIN_UPDATE_GOLDEN"] != nil {
            try? FileManager.default.removeItem(at: golden)
            try FileManager.default.copyItem(at: copy, to: golden)
            try? FileManager.default.removeItem(at: golden.appendingPathComponent("README.md"))
            try Data(run.stdout.replacingOccurrences(of: copy.path, with: "plans").utf8)
                .write(to: Self.folder.appendingPathComponent("plans-2027.reply.txt"))
        }
        let actual = try Self.files(copy)
        let expected = try Self.files(golden)
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for (path, bytes) in expected {
            #expect(actual[path].map { String(decoding: $0, as: UTF8.self) } == String(decoding: bytes, as: UTF8.self),
                    "\(path) differs from Tests/Fixtures/rollover/plans-2027/\(path)")
        }
        let reply = try String(contentsOf: Self.folder.appendingPathComponent("plans-2027.reply.txt"), encoding: .utf8)
        #expect(run.stdout.replacingOccurrences(of: copy.path, with: "plans") == reply)
        // The draft validates in its own year without errors; the carried dates are not outside-period.
        let result = try Fixtures.validate(copy, asOf: PlanDate(year: 2027, month: 1, day: 15)!)
        #expect(result.errorCount == 0)
        #expect(!result.diagnostics.contains { $0.rule == "outside-period" })
        #expect(plansStayA2026Plan())
    }

    func plansStayA2026Plan() -> Bool {
        let text = (try? String(contentsOf: Fixtures.plans.appendingPathComponent("hoshin.yaml"), encoding: .utf8)) ?? ""
        return text.contains("\nperiod: 2026\n")
    }

    @Test func dryRunPrintsThePlanAndWritesNothing() throws {
        let copy = try Self.committedCopy()
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let before = try Self.files(copy)
        let run = try HoshinBinary.run(["rollover", copy.path, "--to", "2027", "--dry-run"], environment: ["HOSHIN_LANG": ""])
        #expect(run.status == 0)
        #expect(try Self.files(copy) == before)
        #expect(run.stdout.contains("provkörning"))
        #expect(run.stdout.contains("region (region.yaml)\n  följer med: granskning-rapport, ledarutveckling\n"))
        #expect(run.stdout.contains("aktivitet egenvard-app (cancelled)"))
    }

    @Test func refusesUncommittedChangesAndTheWrongYear() throws {
        let copy = try Self.committedCopy()
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let before = try Self.files(copy)
        let wrongYear = try HoshinBinary.run(["rollover", copy.path, "--to", "2028"])
        #expect(wrongYear.status == 2)
        #expect(wrongYear.stderr.contains("2027"))
        let sameYear = try HoshinBinary.run(["rollover", copy.path, "--to", "2026"])
        #expect(sameYear.status == 2)
        try Data("# ny kommentar\n".utf8).write(to: copy.appendingPathComponent("psykiatri/ny.txt"))
        let dirty = try HoshinBinary.run(["rollover", copy.path, "--to", "2027"])
        #expect(dirty.status == 2)
        #expect(dirty.stderr.contains("git"))
        #expect(try Self.files(copy) == before)
    }

    @Test func aSymlinkedPlanFileStaysALinkAndOutsideGitTheRolloverSaysSo() throws {
        let folder = try Fixtures.makeRepository([
            "hoshin.yaml": Array("hoshin: 1\nperiod: 2026\nlanguage: en\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("store"), withIntermediateDirectories: true)
        try Data("""
        unit: region
        name: Region
        goals:
          - id: g
            title: G
            activities:
              - id: a
                title: A
                status: done
                progress: 100
              - id: b
                title: B
                status: on-track

        """.utf8).write(to: folder.appendingPathComponent("store/region.txt"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("region.yaml").path,
                                                   withDestinationPath: "store/region.txt")
        let run = try HoshinBinary.run(["rollover", folder.path, "--to", "2027"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("not in a git repository"))
        #expect(run.stdout.contains("region (region.yaml)\n  carried: b\n  removed: activity a (done)\n"))
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("region.yaml").path)
        #expect(link == "store/region.txt")
        let target = try String(contentsOf: folder.appendingPathComponent("store/region.txt"), encoding: .utf8)
        #expect(target.hasSuffix("      - id: b\n        title: B\n        status: on-track\n        carried_from: 2026\n"))
        #expect(!target.contains("id: a"))
    }

    // MARK: The edits on one file

    @Test func editsMatchTheHandWrittenExpectedFile() throws {
        let input = try Data(contentsOf: Self.folder.appendingPathComponent("edits/before.yaml"))
        let editor = try PlanEditor(bytes: [UInt8](input))
        let rollover = editor.rollover(from: 2026)
        let output = Splice.apply(rollover.splices, to: [UInt8](input))
        let url = Self.folder.appendingPathComponent("edits/after.yaml")
        if ProcessInfo.processInfo.environment["HOSHIN_UPDATE_GOLDEN"] != nil { try Data(output).write(to: url) }
        #expect(String(decoding: output, as: UTF8.self) == (try String(contentsOf: url, encoding: .utf8)))
        #expect(rollover.carried == ["kvar", "flow-kvar", "flow-lista-kvar", "i-faktor", "redan-buren"])
        #expect(rollover.removedActivities.map(\.id) == ["klar-med-kommentar", "flow-klar", "flow-lista-klar", "sista-avbruten",
                                                       "ensam-klar"])
        #expect(rollover.removedCountermeasures == ["stangd", "mal-stangd"])
        #expect(rollover.removedAssessments == ["ett", "tva", "tre"])
    }

    @Test func crlfFilesKeepTheirLineEndings() throws {
        let text = "unit: u\r\nname: U\r\ngoals:\r\n  - id: g\r\n    title: G\r\n    activities:\r\n"
            + "      - id: a\r\n        title: A\r\n        status: done\r\n"
            + "      - id: b\r\n        title: B\r\n        status: on-track\r\n"
        let editor = try PlanEditor(bytes: Array(text.utf8))
        let output = String(decoding: Splice.apply(editor.rollover(from: 2026).splices, to: Array(text.utf8)), as: UTF8.self)
        #expect(output == "unit: u\r\nname: U\r\ngoals:\r\n  - id: g\r\n    title: G\r\n    activities:\r\n"
            + "      - id: b\r\n        title: B\r\n        status: on-track\r\n        carried_from: 2026\r\n")
    }

    // MARK: Generated repositories

    /// Generated repositories (1–4 units of generated goals, activities, assessments and
    /// indicators, written in block and flow style with comments) roll over by removing exactly
    /// the finished activities and the assessments, carrying every other activity, and keeping
    /// every other byte; the draft validates. A failing repository shrinks to fewer units,
    /// goals and activities.
    @Test func generatedRepositoriesRollOverByteExactly() async {
        await propertyCheck(count: 60, input: GeneratedPlans.unit.array(of: 1...4)) { shapes in
            let units = GeneratedPlans.render(shapes)
            var files = [InMemoryFile(path: "hoshin.yaml", text: "hoshin: 1\nperiod: 2026   # planåret\nreporting: monthly\n")]
            files += units.enumerated().map { InMemoryFile(path: "u\($0.offset).yaml", text: $0.element.text) }
            let before = RepositoryLoader().load(files: files, asOf: PlanDate(year: 2026, month: 6, day: 1)!)
            #expect(before.errorCount == 0, "the generated repository has errors")
            guard let plan = try? Rollover.plan(files: files, period: 2026, to: 2027) else {
                Issue.record("no plan")
                return
            }
            let draft = plan.draft(of: files)
            #expect(String(decoding: draft[0].bytes, as: UTF8.self) == "hoshin: 1\nperiod: 2027   # planåret\nreporting: monthly\n")
            for (index, unit) in units.enumerated() {
                let output = String(decoding: draft[index + 1].bytes, as: UTF8.self)
                // Every activity: removed with status done or cancelled, or kept with carried_from.
                let parsed = YAMLParser().parse(draft[index + 1].bytes)
                let decoded = UnitPlanDecoder.decode(parsed.document, file: "u\(index).yaml").unit
                let kept = Dictionary(uniqueKeysWithValues: (decoded?.allActivities ?? []).map { ($0.id.value, $0) })
                for activity in unit.activities {
                    if ["done", "cancelled"].contains(activity.status) {
                        #expect(kept[activity.id] == nil, "\(activity.id) (\(activity.status)) kept")
                    } else {
                        #expect(kept[activity.id]?.carriedFrom?.value == 2026, "\(activity.id) not carried")
                    }
                }
                #expect(kept.count == unit.activities.filter { !["done", "cancelled"].contains($0.status) }.count)
                #expect(decoded?.goals.allSatisfy { $0.assessment == nil } == true)
                // Every byte outside the removed blocks and the inserted lines is unchanged.
                let removed = unit.assessmentLines + unit.activities.filter { ["done", "cancelled"].contains($0.status) }.map(\.lines)
                let originalLines = unit.text.split(separator: "\n", omittingEmptySubsequences: false)
                let expected = originalLines.enumerated().filter { item in !removed.contains { $0.contains(item.offset) } }
                    .map { $0.element.replacingOccurrences(of: "activities: []", with: "activities:") }
                let actual = output.split(separator: "\n", omittingEmptySubsequences: false)
                    .filter { $0.trimmingCharacters(in: .whitespaces) != "carried_from: 2026" }
                    .map { $0.replacingOccurrences(of: ", carried_from: 2026}", with: "}").replacingOccurrences(of: "activities: []", with: "activities:") }
                #expect(actual == expected, "u\(index).yaml\n\(output)")
            }
            let after = RepositoryLoader().load(files: draft, asOf: PlanDate(year: 2027, month: 1, day: 15)!)
            #expect(after.errorCount == 0, "\(after.diagnostics.filter { $0.severity == .error }.map(\.message))")
        }
    }
}
