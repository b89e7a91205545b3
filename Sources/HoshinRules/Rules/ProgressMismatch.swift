import HoshinModel
import HoshinText

extension Rule {
    /// `done` with progress below 100, or progress 100 without `done`.
    public static let progressMismatch = Rule(RuleDescription(
        id: RuleID.progressMismatch, defaultSeverity: .warning,
        summary: "status 'done' with progress below 100, or progress 100 with another status",
        rationale: """
        Status and progress are reported together; when they disagree one of them was not updated, \
        and the reader cannot tell which to believe.
        """,
        failing: .activity("""
                status: done
                progress: 60

        """),
        passing: .activity("""
                status: done
                progress: 100

        """)),
        check: { context in
            for unit in context.repository.units {
                unit.forEachActivity { activity in
                    guard let progress = activity.progress else { return }
                    let state = activity.status.value
                    if state == .done, progress.value < 100 {
                        context.report(unit.file, progress.range,
                                       doneProgressMessage(activity.id.value, String(Int(progress.value))))
                    } else if progress.value == 100, state != .done, state != .cancelled {
                        context.report(unit.file, progress.range, notDoneMessage(activity.id.value, state.rawValue))
                    }
                }
            }
        })
}

/// "activity '{activity}' is done but its progress is {progress} %"
private let doneProgressMessage = MessageTemplate("diag.done-progress")
/// "activity '{activity}' has progress 100 % but status {state:t}; is it done?"
private let notDoneMessage = MessageTemplate("diag.progress-not-done")
