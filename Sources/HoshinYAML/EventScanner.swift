import CYAML

/// A bare libyaml event scan: the floor any YAML-based tool pays, for benchmarks.
public enum EventScanner {
    /// Parses `bytes` event by event, building nothing; returns the event count (or -1 on error).
    public static func countEvents(_ bytes: [UInt8]) -> Int {
        let reader = LibYAMLParser(bytes: bytes)
        var count = 0
        while reader.next() {
            count += 1
            if reader.event.pointee.type == YAML_STREAM_END_EVENT { return count }
        }
        return -1
    }
}
