@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    EditCheck.run(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}
