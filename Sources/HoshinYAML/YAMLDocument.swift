/// A parsed YAML document: a node table whose nodes refer to the file by byte range.
///
/// Scalar values live in one shared byte buffer, so parsing allocates no string per
/// scalar; `string(_:)` decodes on demand.
public struct YAMLDocument: Sendable {
    /// Every node, in document order (a parent before its children).
    public let nodes: [YAMLNode]
    /// The root node, or nil when the stream held no document.
    public let root: YAMLNode.ID?
    let childList: [YAMLNode.ID]
    let scalarBytes: [UInt8]
    let tags: [YAMLNode.ID: String]
    let anchors: [YAMLNode.ID: String]

    /// The explicit tag on a node (such as `tag:yaml.org,2002:str` for `!!str`), or nil.
    public func tag(of id: YAMLNode.ID) -> String? { tags[id] }

    /// The anchor (`&name`) on a node, or nil.
    public func anchor(of id: YAMLNode.ID) -> String? { anchors[id] }

    /// The node with the given id.
    public subscript(id: YAMLNode.ID) -> YAMLNode { nodes[Int(id)] }

    /// The direct children of a collection (for a mapping: key, value, key, value…).
    public func children(of id: YAMLNode.ID) -> ArraySlice<YAMLNode.ID> {
        let node = self[id]
        let first = Int(node.firstChild)
        return childList[first..<(first + Int(node.childCount))]
    }

    /// The key/value pairs of a mapping, in source order.
    public func pairs(of id: YAMLNode.ID) -> [(key: YAMLNode.ID, value: YAMLNode.ID)] {
        let list = children(of: id)
        var result: [(key: YAMLNode.ID, value: YAMLNode.ID)] = []
        result.reserveCapacity(list.count / 2)
        var index = list.startIndex
        while index + 1 < list.endIndex {
            result.append((list[index], list[index + 1]))
            index += 2
        }
        return result
    }

    /// The node itself, or for an alias the node its anchor names.
    public func resolved(_ id: YAMLNode.ID) -> YAMLNode.ID {
        let node = self[id]
        return node.kind == .alias ? node.aliasTarget : id
    }

    /// A scalar's value (after unquoting and unescaping), or "" for other nodes.
    public func string(_ id: YAMLNode.ID) -> String {
        let node = self[id]
        guard node.kind == .scalar else { return "" }
        let start = Int(node.valueStart)
        return String(decoding: scalarBytes[start..<(start + Int(node.valueLength))], as: UTF8.self)
    }

    /// Calls `body` with a scalar's value bytes (empty for other nodes), without making a string.
    public func withValueBytes<Result>(_ id: YAMLNode.ID, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let node = self[id]
        let length = node.kind == .scalar ? Int(node.valueLength) : 0
        return scalarBytes.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[Int(node.valueStart)..<(Int(node.valueStart) + length)]))
        }
    }

    /// True when a scalar's value is exactly `text`, compared without allocating.
    public func scalar(_ id: YAMLNode.ID, equals text: StaticString) -> Bool {
        let node = self[id]
        guard node.kind == .scalar, Int(node.valueLength) == text.utf8CodeUnitCount else { return false }
        let start = Int(node.valueStart)
        return text.withUTF8Buffer { expected in
            for k in 0..<expected.count where scalarBytes[start + k] != expected[k] { return false }
            return true
        }
    }
}
