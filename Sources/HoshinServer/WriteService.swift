import Foundation
import HoshinModel
import HoshinRepository

/// The answer to a write, as both the API and the forms need it.
struct WriteResult: Sendable {
    let outcome: WriteOutcome
    /// The commit made for it, when git is on and the write was accepted.
    let commit: String?
    /// Who last changed the file, for conflict messages ("changed by X on D").
    let lastChange: (who: String, date: String)?
}

/// Serializes every write with its git steps, so one accepted write is exactly one
/// commit holding exactly its own change, and logs one line per write to stderr.
actor WriteService {
    let writes: PlanWrites
    let git: GitRecorder?
    let log: @Sendable (String) -> Void

    init(folder: String, git: GitRecorder?, parsedFiles: ParsedFileCache? = nil, log: @escaping @Sendable (String) -> Void) {
        self.writes = PlanWrites(folder: folder, parsedFiles: parsedFiles)
        self.git = git
        self.log = log
    }

    /// Writes one unit's submission to its file (`relative`), then records it in git.
    func submit(_ submission: UnitSubmission, unit: UnitPlan, relative: String, identity: Identity,
                asOf: PlanDate, today: PlanDate) -> WriteResult {
        let what = Self.describe(submission)
        if let git, let problem = git.syncBeforeWrite() {
            log("hoshin serve: write by \(identity.logName): \(what): refused: \(problem)")
            return WriteResult(outcome: .failed(problem), commit: nil, lastChange: nil)
        }
        var outcome = writes.apply(submission, unit: unit, asOf: asOf, today: today)
        var commit: String?
        var result = "accepted"
        if let git, case .written = outcome {
            (outcome, commit, result) = record(outcome, submission: submission, unit: unit, identity: identity,
                                               asOf: asOf, today: today, git: git)
        }
        switch outcome {
        case .written: break
        case .unchanged: result = "unchanged"
        case .conflicts(let list): result = "conflict (\(list.map { "\($0.ref) \($0.field)" }.joined(separator: ", ")))"
        case .invalid(let diagnostics, _): result = "refused: would not validate (\(diagnostics.map(\.rule).joined(separator: ", ")))"
        case .rejected(let problems): result = "refused: \(problems.map(\.message).joined(separator: "; "))"
        case .failed(let why): result = "refused: \(why)"
        }
        log("hoshin serve: write by \(identity.logName): \(what): \(result)\(commit.map { ", commit \($0.prefix(12))" } ?? "")")
        var lastChange: (who: String, date: String)?
        if case .conflicts = outcome { lastChange = git?.lastChange(of: relative) }
        return WriteResult(outcome: outcome, commit: commit, lastChange: lastChange)
    }

    /// Commits a written outcome and, under `--git push`, pushes it. A push rejected because
    /// someone pushed in between (spec §11): our commit is taken back, upstream fast-forwarded,
    /// and the submission applied again with each changed field's base set to the value it
    /// was changed from — so it is written again (and pushed, three tries in all) exactly when
    /// the fields it changed are unchanged upstream, and otherwise answers 409 (or 422) with
    /// nothing of ours left in the work tree.
    func record(_ written: WriteOutcome, submission: UnitSubmission, unit: UnitPlan, identity: Identity,
                asOf: PlanDate, today: PlanDate, git: GitRecorder) -> (WriteOutcome, String?, String) {
        var outcome = written
        let author = identity.email.map { (name: Self.name(from: $0), email: $0) }
        for attempt in 1...3 {
            guard case .written(let changes, let files, _) = outcome else { return (outcome, nil, "") }
            let id: String
            switch git.commit(paths: files, message: Self.message(submission, changes: changes), author: author) {
            case .success(let made): id = made
            case .failure(let failure): return (outcome, nil, "accepted, not committed (\(failure.message))")
            }
            switch git.push() {
            case .pushed:
                // Each attempt commits anew, so `id` is the commit that was pushed.
                return (outcome, id, attempt == 1 ? "accepted" : "accepted after \(attempt) pushes")
            case .failed(let why):
                return (outcome, id, "accepted, not pushed (\(why))")
            case .rejected:
                guard attempt < 3 else { return (outcome, id, "accepted, not pushed (git push was rejected three times)") }
                if let problem = git.takeBack() { return (outcome, id, "accepted, not pushed (\(problem))") }
                let again = writes.apply(submission, unit: unit, asOf: asOf, today: today, seen: changes)
                if case .unchanged = again {
                    // Upstream already holds exactly our values.
                    return (outcome, nil, "accepted (upstream already had it)")
                }
                outcome = again
            }
        }
        return (outcome, nil, "")
    }

    /// `kardiologi: mtg-utbildning, vardskador 2026-10`.
    static func describe(_ submission: UnitSubmission) -> String {
        let refs = submission.activities.map(\.activityID) + submission.measurements.map { "\($0.indicatorID) \($0.period)" }
        return "\(submission.unitID): \(refs.joined(separator: ", "))"
    }

    /// The commit message: unit, what was reported, the period; one line a change below.
    static func message(_ submission: UnitSubmission, changes: [ChangedField]) -> String {
        let period = submission.period?.description ?? submission.measurements.first?.period.description
        let refs = Array(Set(changes.map { $0.ref.split(separator: "/").last.map(String.init) ?? $0.ref })).sorted()
        var subject = "\(submission.unitID): report"
        if let period { subject += " \(period)" }
        subject += refs.isEmpty ? " (updated)" : " — " + refs.joined(separator: ", ")
        let body = changes.map { change -> String in
            let old = change.old.map { Self.short($0) } ?? "–"
            return "\(change.ref) \(change.field)\(change.period.map { " \($0)" } ?? ""): \(old) → \(Self.short(change.new))"
        }
        return ([subject, ""] + body + ["", "Reported through hoshin serve on \(submission.date)."]).joined(separator: "\n")
    }

    static func short(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }

    /// `anna.berg@rjl.se` → `anna.berg`.
    static func name(from email: String) -> String {
        String(email.split(separator: "@").first ?? Substring(email))
    }
}
