import Dispatch
import Synchronization

/// Work spread over threads with the results in input order: the loader reads and decodes
/// files with it, the rule catalogue runs rules with it.
public enum ConcurrentWork {
    /// `inputs.map(transform)` on `workers` threads, each taking the next input in turn;
    /// the outputs stay in input order.
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], workers: Int, _ transform: @Sendable (Input) -> Output
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
}
