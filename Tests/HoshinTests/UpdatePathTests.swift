import Foundation
import Testing
import HoshinModel
import HoshinRepository
import HoshinUpdate

/// The one update path (spec §7, §9): base values and conflicts, `done` means 100, the
/// write check at default structural severities, the reply's added diagnostics, comments.
@Suite struct UpdatePathTests {
    static let date = PlanDate("2026-11-02")!

    static func plans() throws -> URL { try Fixtures.copy(Fixtures.plans) }

    static func activity(_ folder: URL, _ unit: String, _ id: String) throws -> Activity {
        let repository = try #require(try RepositoryLoader().load(folder: folder.path, asOf: date).repository)
        return try #require(repository.unitsByID[unit]?.allActivities.first { $0.id.value == id })
    }

    static func bytes(_ folder: URL, _ path: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(path))
    }

    @Test func aChangeWhoseBaseIsStaleIsAConflictAndWritesNothing() throws {
        let folder = try Self.plans()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let update = PlanUpdate(folder: folder.path)
        // Someone reports first…
        _ = try update.report("kardiologi/fallrutin", ActivityReport(status: .atRisk, date: Self.date))
        let before = try Self.bytes(folder, "medicinsk-vard/kardiologi.yaml")
        // …then a request made from the older view (base on-track) asks for off-track.
        let stale = RefUpdate(ref: "kardiologi/fallrutin", changes: [.status(.offTrack)], base: [.status: .text("on-track")], stamp: Self.date)
        #expect {
            try update.apply(UpdateRequest(updates: [stale], asOf: Self.date))
        } throws: { error in
            guard case UpdateError.conflicts(let conflicts) = error else { return false }
            return conflicts == [UpdateConflict(index: 0, ref: "kardiologi/fallrutin", field: .status, base: "on-track",
                                                plan: "at-risk", yours: "off-track", updated: Self.date)]
        }
        #expect(try Self.bytes(folder, "medicinsk-vard/kardiologi.yaml") == before)
        // A dry run performs the same check.
        #expect(throws: UpdateError.self) { try update.apply(UpdateRequest(updates: [stale], asOf: Self.date, dryRun: true)) }
        // Force applies it, and says so.
        let forced = try update.apply(UpdateRequest(updates: [stale], asOf: Self.date, force: true))
        #expect(forced.notices.count == 1)
        #expect(try Self.activity(folder, "kardiologi", "fallrutin").status.value == .offTrack)
    }

    @Test func aFieldTheOtherSideDidNotTouchIsNoConflict() throws {
        let folder = try Self.plans()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let update = PlanUpdate(folder: folder.path)
        _ = try update.report("kardiologi/fallrutin", ActivityReport(note: "Ny anteckning", date: Self.date))
        // Base of status is still right: progress changes, note stays as the other report left it.
        let request = RefUpdate(ref: "kardiologi/fallrutin", changes: [.progress(90)],
                                base: [.progress: .text("80")], stamp: Self.date)
        let result = try update.apply(UpdateRequest(updates: [request], asOf: Self.date))
        #expect(result.changes.map(\.description) == ["kardiologi/fallrutin: progress 80 → 90"])
        let activity = try Self.activity(folder, "kardiologi", "fallrutin")
        #expect(activity.progress?.value == 90 && activity.note == "Ny anteckning")
        // The same value on both sides is no conflict either.
        let same = RefUpdate(ref: "kardiologi/fallrutin", changes: [.progress(90)], base: [.progress: .text("80")])
        #expect(try update.apply(UpdateRequest(updates: [same], asOf: Self.date)).changes.isEmpty)
    }

    @Test func doneWithoutProgressMeansOneHundredOnEveryPath() throws {
        let folder = try Self.plans()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let request = RefUpdate(ref: "kardiologi/fallrutin", changes: [.status(.done)], base: [.status: .text("on-track")], stamp: Self.date)
        let result = try PlanUpdate(folder: folder.path).apply(UpdateRequest(updates: [request], asOf: Self.date))
        #expect(result.changes.first?.fields.map(\.field) == [.status, .progress, .updated])
        #expect(try Self.activity(folder, "kardiologi", "fallrutin").progress?.value == 100)
    }

    @Test func theReplyNamesTheDiagnosticsTheChangeAdds() throws {
        let folder = try Self.plans()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        // Progress 100 while on-track: progress-mismatch, a warning the reply names.
        let result = try PlanUpdate(folder: folder.path).apply(.report("kardiologi/fallrutin", ActivityReport(progress: 100, date: Self.date)))
        #expect(result.added.map(\.rule).contains(RuleID.progressMismatch))
        #expect(result.written == [folder.appendingPathComponent("medicinsk-vard/kardiologi.yaml").path])
    }

    @Test func futureDatesAndPeriodsAfterThePlanYearGoThroughWithANotice() throws {
        let folder = try Self.plans()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let update = PlanUpdate(folder: folder.path)
        let future = try update.apply(.report("kardiologi/fallrutin", ActivityReport(progress: 85, date: PlanDate("2027-02-01")!),
                                              asOf: Self.date, today: Self.date))
        #expect(future.notices == [.futureDate(index: 0, ref: "kardiologi/fallrutin", date: PlanDate("2027-02-01")!)])
        let later = try update.apply(.measure("kardiologi/eko-vantetid", period: Period("2027-01")!, value: .number(20), asOf: Self.date))
        #expect(later.notices == [.periodAfterPlanYear(index: 0, ref: "kardiologi/eko-vantetid", period: Period("2027-01")!, year: 2026)])
        #expect(later.added.map(\.rule).contains(RuleID.outsidePeriod))
    }

    @Test func measureCommentSetsTheIndicatorsCommentsEntry() throws {
        let folder = try Self.plans()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let update = PlanUpdate(folder: folder.path)
        let result = try update.apply(.measure("kardiologi/eko-vantetid", period: Period("2026-10")!, value: .number(21),
                                               comment: "Två läkare på kurs: ny tid", asOf: Self.date))
        #expect(result.changes.first?.fields.map(\.field) == [.value(Period("2026-10")!), .comment(Period("2026-10")!)])
        let repository = try #require(try RepositoryLoader().load(folder: folder.path, asOf: Self.date).repository)
        let indicator = try #require(repository.unitsByID["kardiologi"]?.allIndicators.first { $0.id.value == "eko-vantetid" })
        #expect(indicator.comments[Period("2026-10")!] == "Två läkare på kurs: ny tid")
        #expect(!repository.files.isEmpty)
        // A second comment on another period goes into the same mapping, in period order.
        _ = try update.apply(.measure("kardiologi/eko-vantetid", period: Period("2026-09")!, value: .number(22),
                                      comment: "Semester", asOf: Self.date))
        let text = try String(contentsOf: folder.appendingPathComponent("medicinsk-vard/kardiologi.yaml"), encoding: .utf8)
        #expect(text.contains("comments:\n          2026-09: Semester\n          2026-10: \"Två läkare på kurs: ny tid\"\n"))
        #expect(try Fixtures.validate(folder, asOf: Self.date).diagnostics.filter { $0.rule == RuleID.unknownKey }.isEmpty)
    }

    @Test func theWriteCheckHoldsStructuralRulesAtDefaultSeverity() throws {
        // yaml-syntax and invalid-type turned off: a note that would break the file is still refused.
        let folder = try Fixtures.makeRepository([
            "hoshin.yaml": Array("hoshin: 1\nperiod: 2026\nrules:\n  yaml-syntax: off\n  invalid-type: off\n  duplicate-key: off\n".utf8),
            "region.yaml": Array("unit: region\nname: Region\ngoals:\n  - id: g\n    title: Mål\n    activities:\n      - id: a\n        title: A\n        status: on-track\n        note: |\n          rad\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.bytes(folder, "region.yaml")
        // The editor's own output always parses, so check the gate directly on bytes that do not.
        let loader = RepositoryLoader(enforcesStructuralRules: true)
        let broken = Array("unit: region\nname: [Region\n".utf8)
        let enforced = try loader.load(folder: folder.path, asOf: Self.date, overrides: ["region.yaml": broken])
        #expect(enforced.diagnostics.contains { $0.rule == RuleID.yamlSyntax && $0.severity == .error })
        let configured = try RepositoryLoader().load(folder: folder.path, asOf: Self.date, overrides: ["region.yaml": broken])
        #expect(!configured.diagnostics.contains { $0.rule == RuleID.yamlSyntax })
        // And a real report through the path still works and keeps the file parseable.
        _ = try PlanUpdate(folder: folder.path).report("region/a", ActivityReport(note: "x: y", date: Self.date))
        #expect(try Self.bytes(folder, "region.yaml") != before)
        #expect(try loader.load(folder: folder.path, asOf: Self.date).errorCount == 0)
    }

    @Test func unknownRefsAndBadValuesAreProblemsPerEntry() throws {
        let folder = try Self.plans()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let request = UpdateRequest(updates: [
            RefUpdate(ref: "kardiologi/fallrutin", changes: [.progress(50)]),
            RefUpdate(ref: "kardiologi/nope", changes: [.progress(50)]),
            RefUpdate(ref: "kardiologi/fallrutin", changes: [.progress(150)]),
            RefUpdate(ref: "kardiologi/fallskador", changes: [.value(Period("2026-Q3")!, .number(1))]),
        ], asOf: Self.date)
        #expect {
            try PlanUpdate(folder: folder.path).apply(request)
        } throws: { error in
            guard case UpdateError.invalid(let problems) = error else { return false }
            return problems.map(\.index) == [1, 2, 3]
        }
    }
}
