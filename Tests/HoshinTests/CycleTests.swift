import Foundation
import Testing
import PropertyBased
import HoshinTestSupport
import HoshinModel
import HoshinRender
import HoshinRepository
import HoshinRollup

/// `hoshin cycle` (spec §13) on the fixture repositories in `Tests/Fixtures/cycle/`:
/// every state and edge by hand, and every format against its golden file
/// (`HOSHIN_UPDATE_GOLDEN=1` rewrites them after an intended change).
@Suite struct CycleTests {
    static let folder = Fixtures.root.appendingPathComponent("cycle")

    static func plans(_ name: String) -> URL {
        folder.appendingPathComponent(name).appendingPathComponent("plans")
    }

    static func cycle(_ name: String, period: String? = nil, asOf: String) throws -> ReportingCycle {
        let date = try #require(PlanDate(asOf))
        let result = try Fixtures.validate(plans(name), asOf: date)
        #expect(result.errorCount == 0)
        let repository = try #require(result.repository)
        return ReportingCycleComputation.cycle(repository, period: period.flatMap(Period.init), asOf: date)
    }

    static func unit(_ cycle: ReportingCycle, _ id: String) throws -> UnitCycle {
        try #require(cycle.units.first { $0.id == id })
    }

    // MARK: The computation, edge by edge

    @Test func unitsComeInTreeOrderSiblingsByFilePath() throws {
        let cycle = try Self.cycle("monthly", asOf: "2026-06-11")
        #expect(cycle.units.map(\.id) == ["region", "sen", "tom", "utan-indikatorer"])
        #expect(cycle.units.map(\.depth) == [0, 1, 2, 1])
    }

    @Test func missingListsIndicatorsFirstThenActivitiesEachInFileOrder() throws {
        let region = try Self.unit(Self.cycle("monthly", asOf: "2026-06-11"), "region")
        // In the file the direct activities come first, then the success factor's, then the indicators.
        #expect(region.missing == ["region/ledtid", "region/gammal", "region/slutdag"])
        #expect(region.reporters == ["kvalitet@exempel.se", "planering@exempel.se"])
    }

    @Test func countsFollowTheExpectations() throws {
        let region = try Self.unit(Self.cycle("monthly", asOf: "2026-06-11"), "region")
        // 3 indicators + pagar, gammal, slutdag, utan-start; not senare (starts after), klar, avbruten.
        #expect(region.expected == 7)
        #expect(region.reported == 4)
    }

    @Test func anActivityThatStartsAfterThePeriodIsNotExpectedYet() throws {
        let may = try Self.unit(Self.cycle("monthly", period: "2026-05", asOf: "2026-06-11"), "region")
        #expect(!may.missing.contains("region/senare"))
        // The next month it has begun: a not-started activity must report too.
        let june = try Self.unit(Self.cycle("monthly", period: "2026-06", asOf: "2026-07-11"), "region")
        #expect(june.missing.contains("region/senare"))
    }

    @Test func aNotStartedActivityStartingOnThePeriodsLastDayIsExpected() throws {
        let region = try Self.unit(Self.cycle("monthly", asOf: "2026-06-11"), "region")
        #expect(region.missing.contains("region/slutdag"))
    }

    @Test func anUpdateOnTheFirstDayOrLaterCountsTheDayBeforeDoesNot() throws {
        let region = try Self.unit(Self.cycle("monthly", asOf: "2026-06-11"), "region")
        #expect(!region.missing.contains("region/pagar"))       // updated 2026-05-01
        #expect(!region.missing.contains("region/utan-start"))  // updated 2026-06-03, no start
        #expect(region.missing.contains("region/gammal"))       // updated 2026-04-30
    }

    @Test func doneAndCancelledActivitiesAreNotExpected() throws {
        let cycle = try Self.cycle("monthly", asOf: "2026-06-11")
        let tom = try Self.unit(cycle, "tom")
        #expect(tom.expected == 0)
        #expect(tom.state == .complete)
        #expect(!(try Self.unit(cycle, "region")).missing.contains { $0.hasSuffix("/klar") || $0.hasSuffix("/avbruten") })
    }

    @Test func aUnitWithoutIndicatorsCountsItsActivities() throws {
        let unit = try Self.unit(Self.cycle("monthly", asOf: "2026-06-11"), "utan-indikatorer")
        #expect(unit.expected == 1)
        #expect(unit.reported == 1)
        #expect(unit.state == .complete)
    }

    @Test func theDeadlineDayItselfIsNotLateTheDayAfterIs() throws {
        let onDeadline = try Self.cycle("monthly", period: "2026-05", asOf: "2026-06-10")
        #expect(onDeadline.deadline == PlanDate("2026-06-10"))
        #expect(onDeadline.units.map(\.state) == [.open, .open, .complete, .complete])
        let dayAfter = try Self.cycle("monthly", period: "2026-05", asOf: "2026-06-11")
        #expect(dayAfter.units.map(\.state) == [.late, .late, .complete, .complete])
    }

    @Test func theDefaultPeriodIsTheLatestThatHasEnded() throws {
        #expect(Period.latestEnded(by: PlanDate("2026-06-01")!, cadence: .monthly) == Period("2026-05"))
        #expect(Period.latestEnded(by: PlanDate("2026-05-31")!, cadence: .monthly) == Period("2026-04"))
        #expect(Period.latestEnded(by: PlanDate("2027-01-01")!, cadence: .monthly) == Period("2026-12"))
        #expect(Period.latestEnded(by: PlanDate("2026-07-01")!, cadence: .quarterly) == Period("2026-Q2"))
        #expect(Period.latestEnded(by: PlanDate("2026-06-30")!, cadence: .quarterly) == Period("2026-Q1"))
        #expect(Period.latestEnded(by: PlanDate("2026-09-01")!, cadence: .tertial) == Period("2026-T2"))
        #expect(Period.latestEnded(by: PlanDate("2026-04-30")!, cadence: .tertial) == Period("2025-T3"))
        #expect(try Self.cycle("monthly", asOf: "2026-06-01").period == Period("2026-05"))
    }

    @Test func quarterlyUsesItsOwnDeadlineDays() throws {
        let cycle = try Self.cycle("quarterly", asOf: "2026-07-06")
        #expect(cycle.period == Period("2026-Q2"))
        #expect(cycle.deadline == PlanDate("2026-07-05"))
        let region = try Self.unit(cycle, "region")
        #expect(region.missing == ["region/fald", "region/foer-kvartalet", "region/sidste-dag"])
        #expect(region.state == .late)
        #expect(try Self.unit(cycle, "medicin").state == .complete)
        #expect(try Self.cycle("quarterly", asOf: "2026-07-05").units.map(\.state) == [.open, .open, .complete])
    }

    @Test func tertialCountsFourMonthPeriods() throws {
        let cycle = try Self.cycle("tertial", asOf: "2026-09-11")
        #expect(cycle.period == Period("2026-T2"))
        #expect(cycle.deadline == PlanDate("2026-09-10"))
        let region = try Self.unit(cycle, "region")
        #expect(region.missing == ["region/day-before", "region/last-day"])
        #expect(region.expected == 4)
        #expect(region.state == .late)
        #expect(try Self.cycle("tertial", asOf: "2026-09-10").units.first?.state == .open)
    }

    // MARK: Generated repositories

    /// Section 13 read plainly, over the generator's own record of each file (not the decoder's).
    @Test func agreesWithAPlainReadingOfSection13OnGeneratedRepositories() async {
        let input = zip(GeneratedPlans.unit.array(of: 1...5), Gen.int(in: 0...15), Gen.int(in: 1...10), Gen.int(in: -2...2))
        await propertyCheck(count: 80, input: input) { shapes, deadlineDays, periodIndex, offset in
            let units = GeneratedPlans.render(shapes)
            let parents = GeneratedPlans.parents(shapes)
            var files = [InMemoryFile(path: "hoshin.yaml", text: "hoshin: 1\nperiod: 2026\ncycle:\n  deadline_days: \(deadlineDays)\n")]
            files += units.enumerated().map { InMemoryFile(path: "u\($0.offset).yaml", text: $0.element.text) }
            let period = Period(year: 2026, cadence: .monthly, index: periodIndex)!
            let deadline = PlanDate(dayNumber: period.lastDay.dayNumber + deadlineDays)
            let asOf = PlanDate(dayNumber: deadline.dayNumber + offset)
            let result = RepositoryLoader().load(files: files, asOf: asOf)
            guard let repository = result.repository, result.errorCount == 0 else {
                Issue.record("the generated repository has errors")
                return
            }
            let cycle = ReportingCycleComputation.cycle(repository, period: period, asOf: asOf)

            // Depth first from u0, children in file-path order (u1.yaml < u2.yaml < …).
            var order: [Int] = []
            func visit(_ index: Int) {
                order.append(index)
                for child in parents.indices where parents[child] == index { visit(child) }
            }
            visit(0)
            #expect(cycle.units.map(\.id) == order.map { "u\($0)" })
            #expect(cycle.deadline == deadline)
            for (position, index) in order.enumerated() where position < cycle.units.count {
                let unit = units[index]
                var expected = 0
                var missing: [String] = []
                for indicator in unit.indicators {
                    expected += 1
                    if !indicator.periods.contains(period.description) { missing.append("u\(index)/\(indicator.id)") }
                }
                for activity in unit.activities where !["done", "cancelled"].contains(activity.status) {
                    let dates = unit.dates[activity.id] ?? (nil, nil)
                    if let start = dates.start, start > period.lastDay.description { continue }
                    expected += 1
                    if (dates.updated.map { $0 >= period.firstDay.description }) != true {
                        missing.append("u\(index)/\(activity.id)")
                    }
                }
                let state: CycleState = missing.isEmpty ? .complete : (asOf > deadline ? .late : .open)
                let actual = cycle.units[position]
                #expect(actual.missing == missing, "u\(index)")
                #expect(actual.expected == expected, "u\(index)")
                #expect(actual.reported == expected - missing.count, "u\(index)")
                #expect(actual.state == state, "u\(index)")
            }
        }
    }

    // MARK: The command

    static let cases: [(repo: String, arguments: [String], golden: String, status: Int32)] = [
        ("monthly", ["--as-of", "2026-06-10", "--period", "2026-05"], "deadline-day.txt", 0),
        ("monthly", ["--as-of", "2026-06-11"], "day-after.txt", 0),
        ("monthly", ["--as-of", "2026-06-11", "--format", "json"], "day-after.json", 0),
        ("monthly", ["--as-of", "2026-06-11", "--format", "markdown"], "day-after.md", 0),
        ("monthly", ["--as-of", "2026-06-11", "--format", "csv"], "day-after.csv", 0),
        ("monthly", ["--as-of", "2026-06-11", "--format", "json", "--fail-on", "late"], "day-after.json", 1),
        ("monthly", ["--as-of", "2026-06-10", "--format", "json", "--fail-on", "late"], "deadline-day.json", 0),
        ("quarterly", ["--as-of", "2026-07-05"], "deadline-day.txt", 0),
        ("quarterly", ["--as-of", "2026-07-06", "--format", "json", "--fail-on", "late"], "day-after.json", 1),
        ("tertial", ["--as-of", "2026-09-11"], "day-after.txt", 0),
        ("tertial", ["--as-of", "2026-09-10", "--format", "markdown", "--fail-on", "late"], "deadline-day.md", 0),
    ]

    @Test(arguments: 0..<cases.count)
    func outputMatchesItsGoldenFile(index: Int) throws {
        let (repo, arguments, golden, status) = Self.cases[index]
        let run = try HoshinBinary.run(["cycle", Self.plans(repo).path] + arguments, environment: ["HOSHIN_LANG": ""])
        #expect(run.status == status, "\(repo) \(arguments): \(run.stderr)")
        let url = Self.folder.appendingPathComponent(repo).appendingPathComponent("expected").appendingPathComponent(golden)
        if ProcessInfo.processInfo.environment["HOSHIN_UPDATE_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(run.stdout.utf8).write(to: url)
        }
        #expect(run.stdout == (try String(contentsOf: url, encoding: .utf8)), "\(repo)/\(golden) differs")
    }

    @Test func jsonHasExactlyTheSpecsKeys() throws {
        let run = try HoshinBinary.run(["cycle", Self.plans("monthly").path, "--as-of", "2026-06-11", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["period", "deadline", "asOf", "units"])
        let units = try #require(object["units"] as? [[String: Any]])
        for unit in units {
            #expect(Set(unit.keys) == ["id", "name", "state", "expected", "reported", "missing", "reporters"])
        }
        #expect(units.first?["expected"] as? Int == 7)
    }

    @Test func aPeriodThatDoesNotFitTheCadenceCannotRun() throws {
        let wrongCadence = try HoshinBinary.run(["cycle", Self.plans("monthly").path, "--period", "2026-Q2"])
        #expect(wrongCadence.status == 2)
        #expect(wrongCadence.stderr.contains("monthly"))
        let notAPeriod = try HoshinBinary.run(["cycle", Self.plans("monthly").path, "--period", "maj"])
        #expect(notAPeriod.status == 2)
        #expect(notAPeriod.stdout.isEmpty)
    }
}
