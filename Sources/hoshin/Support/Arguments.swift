import ArgumentParser
import Foundation
import HoshinModel

extension PlanDate: ExpressibleByArgument {
    /// Reads `YYYY-MM-DD` from the command line.
    public init?(argument: String) {
        self.init(argument)
    }

    /// Today in the machine's time zone.
    static var today: PlanDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return PlanDate(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1)!
    }
}

/// Options every command that reads a repository shares.
struct RepositoryOptions: ParsableArguments {
    @Argument(help: "The plan repository folder.")
    var directory: String = "plans"

    @Option(name: .customLong("as-of"), help: "Judge statuses at this date (YYYY-MM-DD); default today.")
    var asOf: PlanDate?

    var date: PlanDate { asOf ?? .today }
}
