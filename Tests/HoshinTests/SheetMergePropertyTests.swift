import Foundation
import PropertyBased
import Testing
import HoshinTestSupport
import HoshinModel
import HoshinRepository
import HoshinSheets
import HoshinUpdate

/// For generated edits of a real sheet and generated staleness (reports made after the export),
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

    /// A report made after the export on one activity row: which fields, and their values.
    struct LaterReport: Sendable { let status: Int?, progress: Int?, note: Int? }

    /// An edit of one sheet row: for an activity, which of status, progress and note and its
    /// value; for a measurement, a new value (only where the row had a value, or `evenIfEmpty`).
    struct CellEdit: Sendable { let field: Int, value: Int, evenIfEmpty: Bool }

    static let laterReport = zip(Gen.int(in: 0...100).optional(valueRate: 0.5), Gen.int(in: 0...100).optional(valueRate: 0.5),
                                 Gen.int(in: 0...9).optional(valueRate: 0.5))
        .map { LaterReport(status: $0, progress: $1, note: $2) }
    static let cellEdit = zip(Gen.int(in: 0...2), Gen.int(in: 0...100), Gen.bool())
        .map { CellEdit(field: $0, value: $1, evenIfEmpty: $2) }

    /// Generated staleness (per activity row, a later report or none), generated edits (per
    /// sheet row, an edit or none) and `--force`; a failure shrinks to fewer reports and edits.
    @Test func importNeverChangesAFieldTheSheetDidNotChange() async throws {
        let input = zip(Self.laterReport.optional(valueRate: 0.5).array(of: 0...12), Self.cellEdit.optional(valueRate: 0.5).array(of: 0...40),
                        Gen.bool())
        await propertyCheck(count: 25, input: input) { later, edits, force in
            do {
                try Self.check(later: later, edits: edits, force: force)
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    static func check(later: [LaterReport?], edits: [CellEdit?], force: Bool) throws {
        let folder = try Fixtures.copy(Fixtures.plans)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let unit = "kardiologi"
        let repository = try #require(try RepositoryLoader().load(folder: folder.path, asOf: date).repository)
        let sheet = ReportingSheet(unit: try #require(repository.unitsByID[unit]), settings: repository.settings, asOf: PlanDate("2026-10-31")!)
        let csv = sheet.csv(language: .sv)
        // Staleness: reports made after the export, on some activities and fields.
        let update = PlanUpdate(folder: folder.path)
        for (row, report) in zip(sheet.rows.filter { $0.type == .activity }, later) {
            guard let report else { continue }
            var made = ActivityReport(date: PlanDate("2026-11-01")!)
            made.status = report.status.map { statuses[$0 % statuses.count] }
            made.progress = report.progress.map(Double.init)
            made.note = report.note.map { "Senare rapport \($0)" }
            _ = try update.report(row.cells["ref"]!, made)
        }
        // Edits: some cells of some rows.
        var table = try CSV.parse(Array(csv.utf8))
        let header = table[0]
        var touched: Set<String> = []
        for (index, edit) in zip(table.indices.dropFirst(2), edits) {
            guard let edit else { continue }
            let ref = table[index][1]
            if table[index][0] == "activity" {
                switch edit.field {
                case 0:
                    table[index][header.firstIndex(of: "status")!] = statuses[edit.value % statuses.count].rawValue
                    touched.insert("\(ref) status")
                case 1:
                    table[index][header.firstIndex(of: "progress")!] = "\(edit.value)"
                    touched.insert("\(ref) progress")
                default:
                    table[index][header.firstIndex(of: "note")!] = "Arket \(edit.value % 10); åäö"
                    touched.insert("\(ref) note")
                }
            } else if table[index][header.firstIndex(of: "value")!].isEmpty == false || edit.evenIfEmpty {
                let column = header.firstIndex(of: "value")!
                if table[index][header.firstIndex(of: "num")!].isEmpty {
                    table[index][column] = "\(edit.value % 21)"
                    touched.insert("\(ref) \(table[index][header.firstIndex(of: "period")!])")
                }
            }
        }
        let text = table.map { CSV.line($0, delimiter: ";") }.joined()
        let read = try ReportingSheet.read(table: try CSV.parse(Array(text.utf8)))
        let before = try snapshot(folder, unit: unit)
        do {
            _ = try SheetImport(folder: folder.path).apply(read, date: date, dryRun: false, force: force)
        } catch SheetImport.Failure.conflicts {
            #expect(!force, "a conflict with --force")
            #expect(try snapshot(folder, unit: unit) == before, "a refused import changed the plan")
            return
        }
        let after = try snapshot(folder, unit: unit)
        for (key, value) in before where !touched.contains(key) {
            // `done` sets progress 100 with the status the sheet changed.
            if key.hasSuffix(" progress"), touched.contains(key.replacingOccurrences(of: " progress", with: " status")) { continue }
            #expect(after[key] == value, "\(key) changed from \(value) to \(after[key] ?? "nothing") though the sheet left it")
        }
    }
}
