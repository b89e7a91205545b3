import HoshinModel
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
        switch language {
        case .sv:
            RolloverText(heading: "Nytt planår", dryRun: "provkörning: inget är skrivet",
                         written: "skrivet", carried: "följer med", removed: "tas bort", activity: "aktivitet",
                         countermeasure: "åtgärd", assessmentOf: "bedömning av mål", nothing: "inget att ändra",
                         dirty: "har ändringar som inte är incheckade i git; checka in eller spara undan dem först",
                         noGit: "ligger inte i ett git-arkiv; ändringarna kan inte ångras med git")
        case .da:
            RolloverText(heading: "Nyt planår", dryRun: "prøvekørsel: intet er skrevet",
                         written: "skrevet", carried: "videreføres", removed: "fjernes", activity: "aktivitet",
                         countermeasure: "modforanstaltning", assessmentOf: "vurdering af mål", nothing: "intet at ændre",
                         dirty: "har ændringer, der ikke er committet i git; commit eller gem dem først",
                         noGit: "ligger ikke i et git-arkiv; ændringerne kan ikke fortrydes med git")
        case .en:
            RolloverText(heading: "New plan year", dryRun: "dry run: nothing written",
                         written: "written", carried: "carried", removed: "removed", activity: "activity",
                         countermeasure: "countermeasure", assessmentOf: "assessment of goal", nothing: "nothing to change",
                         dirty: "has changes not committed in git; commit or stash them first",
                         noGit: "is not in a git repository; the changes cannot be undone with git")
        }
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
