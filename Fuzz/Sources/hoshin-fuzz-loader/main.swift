import HoshinModel
import HoshinRepository
import HoshinYAML

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
    // A source without its bytes (`validate --format json`, `status`) places offsets as
    // the source with them: every diagnostic's ends and every 61st byte.
    for (file, source) in result.sources {
        let compact = source.droppingBytes()
        let offsets = result.diagnostics.filter { $0.file == file }.flatMap { [$0.range.start, $0.range.end] }
            + Array(stride(from: 0, through: source.bytes.count + 1, by: 61))
        for offset in offsets where compact.location(ofByteOffset: offset) != source.location(ofByteOffset: offset) {
            fatalError("a source without its bytes places offset \(offset) elsewhere")
        }
    }
    return 0
}
