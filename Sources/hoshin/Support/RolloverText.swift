import HoshinModel
import HoshinText
import HoshinRepository
import HoshinUpdate

/// The reply of `hoshin rollover` in the repository's language (sv, da, en); its words in one place.
struct RolloverText {
    let heading: String
    let dryRun: String
    let written: String
    let carried: String
    let removed: String
    let activity: String
    let countermeasure: String
    let assessmentOf: String
    let nothing: String
    let dirty: String
    let noGit: String

    static func forLanguage(_ language: ReportLanguage) -> RolloverText {
        func word(_ id: String) -> String { Catalogue.text("rollover.\(id)", language) }
        return RolloverText(heading: word("heading"), dryRun: word("dry-run"), written: word("written"),
                            carried: word("carried"), removed: word("removed"), activity: word("activity"),
                            countermeasure: word("countermeasure"), assessmentOf: word("assessment-of"),
                            nothing: word("nothing"), dirty: word("dirty"), noGit: word("no-git"))
    }

    /// The plan of changes: the year, then per unit what is carried and removed.
    func render(_ plan: RolloverPlan, folder: String, dryRun isDryRun: Bool) -> String {
        var out = "\(heading) \(plan.fromYear) → \(plan.toYear) (\(folder)): \(isDryRun ? dryRun : written)\n"
        out += "hoshin.yaml: period \(plan.fromYear) → \(plan.toYear)\n"
        for unit in plan.units {
            let change = unit.rollover
            out += "\(unit.unit.isEmpty ? "?" : unit.unit) (\(unit.path))"
            var removedItems = change.removedActivities.map { "\(activity) \($0.id) (\($0.status))" }
            removedItems += change.removedCountermeasures.map { "\(countermeasure) \($0)" }
            removedItems += change.removedAssessments.map { "\(assessmentOf) \($0)" }
            if change.carried.isEmpty, removedItems.isEmpty {
                out += ": \(nothing)\n"
                continue
            }
            out += "\n"
            if !change.carried.isEmpty { out += "  \(carried): \(change.carried.joined(separator: ", "))\n" }
            if !removedItems.isEmpty { out += "  \(removed): \(removedItems.joined(separator: ", "))\n" }
        }
        return out
    }
}
