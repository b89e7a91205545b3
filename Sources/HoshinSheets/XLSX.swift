/// Office Open XML spreadsheets with one worksheet (placeholder until the XLSX step lands).
public enum XLSX {
    /// A problem reading a workbook.
    public struct Problem: Error, Sendable {
        public let message: String
    }

    /// Writes a table as a workbook.
    public static func write(_ table: [[String]]) -> [UInt8] { [] }

    /// Reads the first worksheet as a table.
    public static func read(_ bytes: [UInt8]) throws -> [[String]] {
        throw Problem(message: "XLSX import is not built yet; save the sheet as CSV")
    }
}
