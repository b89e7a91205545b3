import HoshinSheets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    // Bad workbooks and bad CSV are normal input: a thrown problem is fine, a crash is not.
    for read in [XLSX.read, CSV.parse] {
        guard let table = try? read(bytes) else { continue }
        if let sheet = try? ReportingSheet.read(table: table) {
            // fatalError, not precondition: its message survives an optimised build.
            if !sheet.rows.allSatisfy({ $0.number >= 2 && $0.number <= table.count }) { fatalError("row numbers out of the sheet") }
        }
    }
    return 0
}
