import Foundation
import Testing
import HoshinEditing
import HoshinModel
import HoshinRepository
import HoshinUpdate

/// In-place edits change only the bytes of the values they set, and the lines they must add.
@Suite struct EditingTests {
    static let styles = Fixtures.root.appendingPathComponent("editing/styles")

    /// A copy of the styles fixture to edit.
    static func copy() throws -> URL { try Fixtures.copy(styles) }

    static func lines(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
    }

    /// Lines removed and inserted between two versions of a file.
    static func diff(_ before: [String], _ after: [String]) -> (removed: [String], inserted: [String]) {
        let difference = after.difference(from: before)
        var removed: [(Int, String)] = []
        var inserted: [(Int, String)] = []
        for change in difference {
            switch change {
            case .remove(let offset, let line, _): removed.append((offset, line))
            case .insert(let offset, let line, _): inserted.append((offset, line))
            }
        }
        return (removed.sorted { $0.0 < $1.0 }.map(\.1), inserted.sorted { $0.0 < $1.0 }.map(\.1))
    }

    static func unit(_ folder: URL, _ id: String) throws -> UnitPlan {
        let result = try RepositoryLoader().load(folder: folder.path, asOf: Fixtures.asOf)
        return try #require(result.repository?.unitsByID[id])
    }

    @Test func reportReplacesOnlyTheValuesOfABlockActivity() throws {
        let folder = try Self.copy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let file = folder.appendingPathComponent("kardiologi.yaml")
        let before = try Self.lines(file)
        let summary = try PlanUpdate(folder: folder.path).report(
            "kardiologi/fallrutin",
            ActivityReport(status: .atRisk, progress: 55, note: "Tre av fem team: 'grupp B' näst", date: PlanDate("2026-10-30")!))
        #expect(summary.description == "kardiologi/fallrutin: on-track → at-risk, progress 40 → 55, note updated")
        let change = Self.diff(before, try Self.lines(file))
        #expect(change.removed == [
            "            status: on-track",
            "            progress: 40",
            "            updated: 2026-04-28",
            "            note: 'Två av fem team, ''grupp A'' först'",
        ])
        #expect(change.inserted == [
            "            status: at-risk",
            "            progress: 55",
            "            updated: 2026-10-30",
            "            note: 'Tre av fem team: ''grupp B'' näst'",
        ])
        let activity = try #require(try Self.unit(folder, "kardiologi").allActivities.first { $0.id.value == "fallrutin" })
        #expect(activity.status.value == .atRisk)
        #expect(activity.progress?.value == 55)
        #expect(activity.note == "Tre av fem team: 'grupp B' näst")
        #expect(activity.updated?.value == PlanDate("2026-10-30"))
    }

    @Test func reportAddsMissingKeysInsideAFlowMapping() throws {
        let folder = try Self.copy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let file = folder.appendingPathComponent("kardiologi.yaml")
        let before = try Self.lines(file)
        let summary = try PlanUpdate(folder: folder.path).report(
            "kardiologi/fallsignal", ActivityReport(status: .done, note: "Klart, se rapport #12", date: PlanDate("2026-10-30")!))
        #expect(summary.description == "kardiologi/fallsignal: not-started → done, progress – → 100, note added")
        let change = Self.diff(before, try Self.lines(file))
        #expect(change.removed == ["          - {id: fallsignal, title: Utred ökningen – åäö æø, status: not-started}"])
        #expect(change.inserted == [
            "          - {id: fallsignal, title: Utred ökningen – åäö æø, status: done, progress: 100, updated: 2026-10-30, note: \"Klart, se rapport #12\"}",
        ])
        let activity = try #require(try Self.unit(folder, "kardiologi").allActivities.first { $0.id.value == "fallsignal" })
        #expect(activity.status.value == .done && activity.progress?.value == 100)
        #expect(activity.note == "Klart, se rapport #12")
    }

    @Test func reportFillsAnEmptyValueAndKeepsTheFollowingLines() throws {
        let folder = try Self.copy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let file = folder.appendingPathComponent("kardiologi.yaml")
        let before = try Self.lines(file)
        _ = try PlanUpdate(folder: folder.path).report(
            "kardiologi/anteckning", ActivityReport(note: "- börjar med bindestreck", date: PlanDate("2026-10-30")!))
        let change = Self.diff(before, try Self.lines(file))
        #expect(change.removed == ["        note:", "        updated: 2026-10-01"])
        #expect(change.inserted == ["        note: \"- börjar med bindestreck\"", "        updated: 2026-10-30"])
    }

    @Test func measureInsertsInPeriodOrderAfterThePreviousLine() throws {
        let folder = try Self.copy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let file = folder.appendingPathComponent("kardiologi.yaml")
        let before = try Self.lines(file)
        let summary = try PlanUpdate(folder: folder.path).measure(
            "kardiologi/fallskador", period: "2026-03", value: .number(5), asOf: Fixtures.asOf)
        #expect(summary.description == "kardiologi/fallskador: 2026-03: 5 (new)")
        let after = try Self.lines(file)
        let change = Self.diff(before, after)
        #expect(change.removed == [])
        #expect(change.inserted == ["          2026-03: 5"])
        let index = try #require(after.firstIndex(of: "          2026-03: 5"))
        #expect(after[index - 1] == "          2026-02: 4   # efter ombyggnad")
        let indicator = try #require(try Self.unit(folder, "kardiologi").allIndicators.first { $0.id.value == "fallskador" })
        #expect(indicator.measurements.map(\.period.description) == ["2026-01", "2026-02", "2026-03", "2026-04"])
    }

    @Test func measureReplacesAnExistingPeriodAndInsertsTheEarliestFirst() throws {
        let folder = try Self.copy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let file = folder.appendingPathComponent("kardiologi.yaml")
        let before = try Self.lines(file)
        let update = PlanUpdate(folder: folder.path)
        let replaced = try update.measure("kardiologi/fallskador", period: "2026-02", value: .number(6), asOf: Fixtures.asOf)
        #expect(replaced.description == "kardiologi/fallskador: 2026-02: 4 → 6")
        _ = try update.measure("kardiologi/fallskador", period: "2025-12", value: .number(1), asOf: Fixtures.asOf)
        let change = Self.diff(before, try Self.lines(file))
        #expect(change.removed == ["          2026-02: 4   # efter ombyggnad"])
        #expect(change.inserted.sorted() == ["          2025-12: 1", "          2026-02: 6   # efter ombyggnad"])
        let indicator = try #require(try Self.unit(folder, "kardiologi").allIndicators.first { $0.id.value == "fallskador" })
        #expect(indicator.measurements.map(\.period.description) == ["2025-12", "2026-01", "2026-02", "2026-04"])
    }

    @Test func measureInFlowStyleAndCreatingMeasurements() throws {
        let folder = try Self.copy()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let file = folder.appendingPathComponent("kardiologi.yaml")
        let before = try Self.lines(file)
        let update = PlanUpdate(folder: folder.path)
        _ = try update.measure("kardiologi/flow-indikator", period: "2026-02", value: .number(37.5), asOf: Fixtures.asOf)
        _ = try update.measure("kardiologi/utan-matningar", period: "2026-10", value: .ratio(num: 41, den: 50), asOf: Fixtures.asOf)
        let change = Self.diff(before, try Self.lines(file))
        #expect(change.removed == [
            "      - {id: flow-indikator, title: Väntetid ekokardiografi, direction: down, target: 30, measurements: {2026-01: 40, 2026-03: 35}}",
        ])
        #expect(change.inserted == [
            "      - {id: flow-indikator, title: Väntetid ekokardiografi, direction: down, target: 30, measurements: {2026-01: 40, 2026-02: 37.5, 2026-03: 35}}",
            "        measurements:",
            "          2026-10: {num: 41, den: 50}",
        ])
        let unit = try Self.unit(folder, "kardiologi")
        let created = try #require(unit.allIndicators.first { $0.id.value == "utan-matningar" })
        #expect(created.measurements.map(\.value) == [.ratio(num: 41, den: 50)])
    }

    @Test func crlfFilesKeepTheirLineEndings() throws {
        let folder = try Fixtures.makeRepository([
            "hoshin.yaml": Array("hoshin: 1\r\nperiod: 2026\r\n".utf8),
            "region.yaml": Array("unit: region\r\nname: Region\r\ngoals:\r\n  - id: g\r\n    title: Mål\r\n    activities:\r\n      - id: a\r\n        title: Aktivitet\r\n        status: on-track\r\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try PlanUpdate(folder: folder.path).report("region/a", ActivityReport(progress: 10, date: PlanDate("2026-10-30")!))
        let text = try String(contentsOf: folder.appendingPathComponent("region.yaml"), encoding: .utf8)
        #expect(text.hasSuffix("        status: on-track\r\n        progress: 10\r\n        updated: 2026-10-30\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func scalarsAreQuotedOnlyWhenPlainWouldReadDifferently() {
        for safe in ["Två av fem team utbildade", "åäö æø", "a-b", "Fas 2 klar"] {
            #expect(ScalarWriter.scalar(safe) == safe)
        }
        for unsafe in ["a: b", "a #b", "- x", "*x", "&x", "!x", "{x", "[x", "'x", "\"x", "%x", "@x", "12", "3.5",
                       "yes", "No", "null", "~", "2026-05-02", "rad ett\nrad två", "", " x", "x:"] {
            #expect(ScalarWriter.scalar(unsafe).hasPrefix("\""), "\(unsafe) should be quoted")
        }
        #expect(ScalarWriter.scalar("rad ett\nrad \"två\"") == "\"rad ett\\nrad \\\"två\\\"\"")
        #expect(ScalarWriter.scalar("a, b", context: .flow) == "\"a, b\"")
    }
}
