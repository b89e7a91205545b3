/// Bounds that keep hostile input from costing unbounded time or memory.
public struct ParseLimits: Sendable, Equatable {
    /// Largest file read, in bytes.
    public var maxBytes: Int
    /// Deepest nesting of collections.
    public var maxDepth: Int
    /// Most nodes that alias expansion may add.
    public var maxAliasExpansions: Int
    /// Most nodes in one file.
    public var maxNodes: Int

    /// The limits of spec §6 (`resource-limit`).
    public static let standard = ParseLimits(
        maxBytes: 8 * 1024 * 1024, maxDepth: 64, maxAliasExpansions: 10_000, maxNodes: 200_000)

    /// Creates limits.
    public init(maxBytes: Int, maxDepth: Int, maxAliasExpansions: Int, maxNodes: Int) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansions = maxAliasExpansions
        self.maxNodes = maxNodes
    }
}
