import HoshinModel

/// A unit's report of one activity (`hoshin report`).
public struct ActivityReport: Sendable {
    /// New state, if reported.
    public var status: ActivityState?
    /// New progress in percent, if reported.
    public var progress: Double?
    /// New note, if given.
    public var note: String?
    /// The report's date; becomes `updated`.
    public var date: PlanDate

    /// Creates a report.
    public init(status: ActivityState? = nil, progress: Double? = nil, note: String? = nil, date: PlanDate) {
        self.status = status
        self.progress = progress
        self.note = note
        self.date = date
    }

    /// The ref's update: the fields given, and `updated` set to the date (a report with no
    /// other field confirms that the status still holds).
    public func update(_ ref: String) -> RefUpdate {
        var changes: [FieldChange] = []
        if let status { changes.append(.status(status)) }
        if let progress { changes.append(.progress(progress)) }
        changes.append(.updated(date))
        if let note { changes.append(.note(note)) }
        return RefUpdate(ref: ref, changes: changes)
    }
}

extension UpdateRequest {
    /// `hoshin report REF …`.
    public static func report(_ ref: String, _ report: ActivityReport, asOf: PlanDate? = nil, today: PlanDate? = nil) -> UpdateRequest {
        UpdateRequest(updates: [report.update(ref)], asOf: asOf ?? report.date, today: today)
    }

    /// `hoshin measure REF PERIOD VALUE [--comment TEXT]`.
    public static func measure(_ ref: String, period: Period, value: MeasurementValue, comment: String? = nil,
                               asOf: PlanDate, today: PlanDate? = nil) -> UpdateRequest {
        var changes: [FieldChange] = [.value(period, value)]
        if let comment { changes.append(.comment(period, comment)) }
        return UpdateRequest(updates: [RefUpdate(ref: ref, changes: changes)], asOf: asOf, today: today)
    }
}

extension PlanUpdate {
    /// Reports an activity; returns what changed on it.
    public func report(_ ref: String, _ report: ActivityReport) throws -> AppliedChange {
        let result = try apply(.report(ref, report))
        return result.changes.first ?? AppliedChange(index: 0, ref: ref, file: "", fields: [])
    }

    /// Adds or replaces one measurement; returns what changed on the indicator.
    public func measure(_ ref: String, period text: String, value: MeasurementValue, comment: String? = nil,
                        asOf: PlanDate) throws -> AppliedChange {
        guard let period = Period(text) else {
            throw UpdateError.invalid([UpdateProblem(index: 0, field: nil, message: "'\(text)' is not a period such as 2026-10, 2026-Q3 or 2026-T2")])
        }
        let result = try apply(.measure(ref, period: period, value: value, comment: comment, asOf: asOf))
        return result.changes.first ?? AppliedChange(index: 0, ref: ref, file: "", fields: [])
    }
}
