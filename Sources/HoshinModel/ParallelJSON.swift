import HoshinOutput

extension JSONWriter {
    /// The elements of the innermost array, written in chunks on every core
    /// (`HOSHIN_THREADS`) and put in the output in their order: the bytes are the same as
    /// when written one after another here.
    public mutating func elements<Element: Sendable>(
        _ list: [Element], chunk: Int, workers: Int = Parallel.defaultWorkers,
        _ write: @escaping @Sendable (Element, inout JSONWriter) -> Void
    ) {
        guard workers > 1, list.count > chunk else {
            for element in list { write(element, &self) }
            return
        }
        let first = elementWriter(continuing: false)
        let later = elementWriter(continuing: true)
        let ranges = stride(from: 0, to: list.count, by: chunk).map { $0..<min(list.count, $0 + chunk) }
        // A chunk per core at a time, written out before the next: a streamed output holds
        // no more than those in memory.
        let wave = workers
        for start in stride(from: 0, to: ranges.count, by: wave) {
            let parts = Parallel.map(Array(ranges[start..<min(ranges.count, start + wave)]), workers: workers) {
                range -> JSONWriter in
                var writer = range.lowerBound == 0 ? first : later
                for index in range { write(list[index], &writer) }
                return writer
            }
            for part in parts {
                append(elementsOf: part)
                output.checkpoint()
            }
        }
    }
}
