import HoshinModel

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
                for activity in unit.allActivities {
                    guard let progress = activity.progress else { continue }
                    let state = activity.status.value
                    if state == .done, progress.value < 100 {
                        context.report(unit.file, progress.range,
                                       "activity '\(activity.id.value)' is done but its progress is \(Int(progress.value)) %")
                    } else if progress.value == 100, state != .done, state != .cancelled {
                        context.report(unit.file, progress.range,
                                       "activity '\(activity.id.value)' has progress 100 % but status \(state.rawValue); is it done?")
                    }
                }
            }
        })
}
