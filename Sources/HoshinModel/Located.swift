/// A value read from a plan file together with the bytes it came from.
public struct Located<Value: Sendable>: Sendable {
    /// The value.
    public var value: Value
    /// The YAML node's bytes.
    public var range: ByteRange

    /// Creates a located value.
    public init(_ value: Value, range: ByteRange) {
        self.value = value
        self.range = range
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
