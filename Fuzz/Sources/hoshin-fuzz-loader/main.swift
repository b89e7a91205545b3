import HoshinModel
import HoshinRepository

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let files = [
        InMemoryFile(path: "hoshin.yaml", text: "hoshin: 1\nperiod: 2026\n"),
        InMemoryFile(path: "region.yaml", text: "unit: region\nname: Region\ngoals:\n  - id: g\n    title: Mål\n"),
        InMemoryFile(path: "fuzz.yaml", bytes: bytes),
    ]
    let result = RepositoryLoader().load(files: files, asOf: PlanDate(year: 2026, month: 10, day: 31)!)
    for diagnostic in result.diagnostics {
        // fatalError, not precondition: its message survives an optimised build.
        if diagnostic.start.line < 1 || diagnostic.start.column < 1 { fatalError("a diagnostic before line 1, column 1") }
        if diagnostic.range.start > diagnostic.range.end { fatalError("a diagnostic with an unordered byte range") }
    }
    return 0
}
