/// One node of a parsed YAML document: what it is, where its bytes are, how it was written.
///
/// Plain data (no references), so copying a node costs nothing; the rare tags and
/// anchors live in side tables of the document.
public struct YAMLNode: Sendable {
    /// Index of a node in its document's node table.
    public typealias ID = Int32

    /// The kind of node.
    public enum Kind: UInt8, Sendable {
        case scalar, mapping, sequence, alias
    }

    /// How a scalar or collection was written in the source.
    public enum Style: UInt8, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
        case block, flow
    }

    /// The node's kind.
    public let kind: Kind
    /// The node's style (scalar style, or block/flow for collections and aliases).
    public let style: Style
    /// UTF-8 byte offset where the node starts (a quoted scalar's opening quote).
    public let start: Int
    /// UTF-8 byte offset just past the node's last content byte.
    public let end: Int
    /// For an alias: the node its anchor names.
    public let aliasTarget: ID
    let valueStart: Int32
    let valueLength: Int32
    let firstChild: Int32
    let childCount: Int32

    init(kind: Kind, style: Style, start: Int, end: Int,
         aliasTarget: ID = -1, valueStart: Int32 = 0, valueLength: Int32 = 0,
         firstChild: Int32 = 0, childCount: Int32 = 0) {
        self.kind = kind
        self.style = style
        self.start = start
        self.end = end
        self.aliasTarget = aliasTarget
        self.valueStart = valueStart
        self.valueLength = valueLength
        self.firstChild = firstChild
        self.childCount = childCount
    }

    /// True for a scalar written without quotes.
    public var isPlainScalar: Bool { kind == .scalar && style == .plain }
}
