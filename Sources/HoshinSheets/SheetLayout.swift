import HoshinModel

/// What the XLSX reporting sheet shows beyond its values (issue 18): the status column
/// restricted to the six statuses by a drop-down list, and the rows of the period that is
/// due (the latest that has ended by the as-of date) highlighted.
public struct SheetLayout: Sendable {
    /// 0-based table rows to highlight as due.
    public let dueRows: Set<Int>

    /// No highlighting.
    public init(dueRows: Set<Int> = []) {
        self.dueRows = dueRows
    }

    /// The column index of `status` and of `period` in the reporting sheet.
    static let statusColumn = ReportingSheet.columns.firstIndex(of: "status") ?? 3
    static let periodColumn = ReportingSheet.columns.firstIndex(of: "period") ?? 7

    /// Highlights the rows whose period is the latest one in the table that has ended by
    /// `asOf` (the one a unit reports now); the header rows are never highlighted.
    public init(table: [[String]], asOf: PlanDate) {
        let periods = table.enumerated().dropFirst(2).compactMap { index, row -> (Int, Period)? in
            guard row.count > Self.periodColumn, let period = Period(row[Self.periodColumn]) else { return nil }
            return (index, period)
        }
        let due = periods.map(\.1).filter { $0.lastDay < asOf }.max()
        self.dueRows = Set(periods.filter { $0.1 == due }.map(\.0))
    }

    /// `<dataValidations>`: a list of the six statuses on the status cells below the headers.
    func dataValidations(rows: Int) -> String {
        guard rows > 2 else { return "" }
        let column = XLSX.columnName(Self.statusColumn)
        let list = ActivityState.allCases.map(\.rawValue).joined(separator: ",")
        return "<dataValidations count=\"1\"><dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" "
            + "errorTitle=\"status\" error=\"\(list)\" sqref=\"\(column)3:\(column)\(rows)\">"
            + "<formula1>\"\(list)\"</formula1></dataValidation></dataValidations>"
    }
}
