/// Staleness and lateness of an activity at a date (spec §4), shared by rules and rollup.
extension Activity {
    /// Not done, cancelled or not-started, and `updated` missing or older than `staleAfterDays` before `asOf`.
    public func isStale(asOf: PlanDate, staleAfterDays: Int) -> Bool {
        switch status.value {
        case .done, .cancelled, .notStarted:
            return false
        case .onTrack, .atRisk, .offTrack:
            guard let updated = updated?.value else { return true }
            return asOf.days(since: updated) > staleAfterDays
        }
    }

    /// Not done or cancelled, and `due` before `asOf`.
    public func isOverdue(asOf: PlanDate) -> Bool {
        guard status.value != .done, status.value != .cancelled, let due = due?.value else { return false }
        return due < asOf
    }
}
