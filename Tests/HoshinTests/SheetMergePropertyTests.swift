import Foundation
import PropertyBased
import Testing
import HoshinTestSupport
import HoshinModel
import HoshinRepository
import HoshinSheets
import HoshinUpdate

/// For random sheets with random edits and random staleness (reports made after the export),
/// import never changes a field the sheet did not change, with or without `--force`.
@Suite struct SheetMergePropertyTests {
    static let statuses = ActivityState.allCases.filter { $0 != .done }
    static let date = PlanDate("2026-11-05")!

    /// Every activity field and measurement of a unit, as text, keyed `ref field`.
    static func snapshot(_ folder: URL, unit: String) throws -> [String: String] {
        let repository = try #require(try RepositoryLoader().load(folder: folder.path, asOf: date).repository)
        let plan = try #require(repository.unitsByID[unit])
        var values: [String: String] = [:]
        for activity in plan.allActivities {
            let ref = "\(unit)/\(activity.id.value)"
            values["\(ref) status"] = activity.status.value.rawValue
            values["\(ref) progress"] = activity.progress.map { "\($0.value)" } ?? ""
            values["\(ref) note"] = activity.note ?? ""
        }
        for indicator in plan.allIndicators {
            for measurement in indicator.measurements {
                values["\(unit)/\(indicator.id.value) \(measurement.period)"] = "\(measurement.value)"
            }
        }
        return values
    }

    @Test func importNeverChangesAFieldTheSheetDidNotChange() async throws {
        await propertyCheck(count: 25, input: Gen.int(in: 0...10_000_000)) { seed in
            var random = SeededRandom(seed: seed)
            do {
                try Self.check(seed: seed, random: &random)
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    static func check(seed: Int, random: inout SeededRandom) throws {
        let folder = try Fixtures.copy(Fixtures.plans)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let unit = "kardiologi"
        let repository = try #require(try RepositoryLoader().load(folder: folder.path, asOf: date).repository)
        let sheet = ReportingSheet(unit: try #require(repository.unitsByID[unit]), settings: repository.settings, asOf: PlanDate("2026-10-31")!)
        let csv = sheet.csv(language: .sv)
        // Staleness: reports made after the export, on random activities and fields.
        let update = PlanUpdate(folder: folder.path)
        for row in sheet.rows where row.type == .activity && Bool.random(using: &random) {
            var report = ActivityReport(date: PlanDate("2026-11-01")!)
            if Bool.random(using: &random) { report.status = statuses.randomElement(using: &random) }
            if Bool.random(using: &random) { report.progress = Double(Int.random(in: 0...100, using: &random)) }
            if Bool.random(using: &random) { report.note = "Senare rapport \(Int.random(in: 0...9, using: &random))" }
            _ = try update.report(row.cells["ref"]!, report)
        }
        // Edits: random cells of random rows.
        var table = try CSV.parse(Array(csv.utf8))
        let header = table[0]
        var touched: Set<String> = []
        for index in table.indices.dropFirst(2) where Bool.random(using: &random) {
            let ref = table[index][1]
            if table[index][0] == "activity" {
                switch Int.random(in: 0..<3, using: &random) {
                case 0:
                    table[index][header.firstIndex(of: "status")!] = statuses.randomElement(using: &random)!.rawValue
                    touched.insert("\(ref) status")
                case 1:
                    table[index][header.firstIndex(of: "progress")!] = "\(Int.random(in: 0...100, using: &random))"
                    touched.insert("\(ref) progress")
                default:
                    table[index][header.firstIndex(of: "note")!] = "Arket \(Int.random(in: 0...9, using: &random)); åäö"
                    touched.insert("\(ref) note")
                }
            } else if table[index][header.firstIndex(of: "value")!].isEmpty == false || Bool.random(using: &random) {
                let column = header.firstIndex(of: "value")!
                if table[index][header.firstIndex(of: "num")!].isEmpty {
                    table[index][column] = "\(Int.random(in: 0...20, using: &random))"
                    touched.insert("\(ref) \(table[index][header.firstIndex(of: "period")!])")
                }
            }
        }
        let text = table.map { CSV.line($0, delimiter: ";") }.joined()
        let read = try ReportingSheet.read(table: try CSV.parse(Array(text.utf8)))
        let before = try snapshot(folder, unit: unit)
        let force = Bool.random(using: &random)
        do {
            _ = try SheetImport(folder: folder.path).apply(read, date: date, dryRun: false, force: force)
        } catch SheetImport.Failure.conflicts {
            #expect(!force, "seed \(seed): a conflict with --force")
            #expect(try snapshot(folder, unit: unit) == before, "seed \(seed): a refused import changed the plan")
            return
        }
        let after = try snapshot(folder, unit: unit)
        for (key, value) in before where !touched.contains(key) {
            // `done` sets progress 100 with the status the sheet changed.
            if key.hasSuffix(" progress"), touched.contains(key.replacingOccurrences(of: " progress", with: " status")) { continue }
            #expect(after[key] == value, "seed \(seed): \(key) changed from \(value) to \(after[key] ?? "nothing") though the sheet left it")
        }
    }
}
