import Foundation
import Synchronization

/// Work spread over the cores, with results in input order: the output of a command never
/// depends on how many threads made it.
public enum Parallel {
    /// `HOSHIN_THREADS` (a positive whole number) or the number of active processors.
    public static var defaultWorkers: Int {
        if let text = ProcessInfo.processInfo.environment["HOSHIN_THREADS"], let value = Int(text), value > 0 {
            return value
        }
        return ProcessInfo.processInfo.activeProcessorCount
    }

    /// `inputs.map(transform)` on `workers` threads, each taking the next input in turn;
    /// the outputs stay in input order.
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], workers: Int = defaultWorkers, _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        if workers <= 1 || inputs.count <= 1 { return inputs.map(transform) }
        let results = Mutex<[Output?]>(Array(repeating: nil, count: inputs.count))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(workers, inputs.count)) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < inputs.count else { return }
                let output = transform(inputs[index])
                results.withLock { $0[index] = output }
            }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// `inputs.map(transform)` in chunks of `chunk` elements (for many small pieces of work).
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], chunk: Int, workers: Int = defaultWorkers, _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let size = max(1, chunk)
        if workers <= 1 || inputs.count <= size { return inputs.map(transform) }
        let ranges = stride(from: 0, to: inputs.count, by: size).map { $0..<min(inputs.count, $0 + size) }
        let pieces = map(ranges, workers: workers) { range in inputs[range].map(transform) }
        var outputs: [Output] = []
        outputs.reserveCapacity(inputs.count)
        for piece in pieces { outputs += piece }
        return outputs
    }

    /// Calls `body` on every element of `elements`, in place, in chunks of `chunk` elements
    /// on `workers` threads: no second copy of a large array. Chunks are disjoint, so each
    /// element is changed by one thread only.
    public static func update<Element: Sendable>(
        _ elements: inout [Element], chunk: Int, workers: Int = defaultWorkers, _ body: @Sendable (inout Element) -> Void
    ) {
        let size = max(1, chunk)
        if workers <= 1 || elements.count <= size {
            for index in elements.indices { body(&elements[index]) }
            return
        }
        let chunks = (elements.count + size - 1) / size
        elements.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedBuffer(buffer: buffer)
            let next = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: min(workers, chunks)) { _ in
                while true {
                    let piece = next.add(1, ordering: .relaxed).oldValue
                    guard piece < chunks else { return }
                    for index in (piece * size)..<min(shared.buffer.count, (piece + 1) * size) {
                        body(&shared.buffer[index])
                    }
                }
            }
        }
    }

    /// A buffer whose disjoint parts are changed by different threads.
    private struct SharedBuffer<Element>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Element>
    }
}
