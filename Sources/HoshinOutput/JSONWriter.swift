/// Pretty-printed JSON written straight into an `OutputBuffer`, keys in the order the
/// caller gives them (fixed in code, so no run-time sorting).
///
/// Two-space indentation, whole numbers without a fraction, a final newline from
/// `finish()`; the `Layout` decides the rest.
public struct JSONWriter: Sendable {
    /// The details two stable layouts differ in.
    public enum Layout: Sendable {
        /// Hoshin's status JSON: `"key": value`, `{}` and `[]` when empty.
        case compact
        /// Foundation's `JSONEncoder` pretty printing: `"key" : value`, an empty
        /// container as an open bracket, a blank line and the closing bracket, and
        /// `\b`, `\f` escapes (validation JSON has always looked like this).
        case foundation
    }

    /// The output.
    public var output: OutputBuffer
    /// Per open container: is it an array, and has it a member yet.
    var open: [(isArray: Bool, hasMembers: Bool)] = []
    let layout: Layout

    /// A writer appending to `output`.
    public init(output: OutputBuffer, layout: Layout = .compact) {
        self.output = output
        self.layout = layout
        open.reserveCapacity(16)
    }

    mutating func newline(indent: Int) {
        let width = 1 + 2 * indent
        if width <= Self.lineBreaks.count {
            Self.lineBreaks.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<width])) }
            return
        }
        output.append(UInt8(ascii: "\n"))
        for _ in 0..<indent {
            output.append(UInt8(ascii: " "))
            output.append(UInt8(ascii: " "))
        }
    }

    /// A line break and the indentation of 31 levels, appended in one piece.
    static let lineBreaks: [UInt8] = [UInt8(ascii: "\n")] + Array(repeating: UInt8(ascii: " "), count: 62)

    /// Puts the separator before a member of the innermost container.
    mutating func member() {
        guard !open.isEmpty else { return }
        if open[open.count - 1].hasMembers { output.append(UInt8(ascii: ",")) }
        open[open.count - 1].hasMembers = true
        newline(indent: open.count)
    }

    /// Before a value: a separator when it is an array element.
    mutating func value() {
        if let last = open.last, last.isArray { member() }
    }

    /// Starts a member of the current object.
    public mutating func key(_ name: StaticString) {
        member()
        output.append(UInt8(ascii: "\""))
        output.append(name)
        output.append(layout == .compact ? "\": " as StaticString : "\" : ")
    }

    /// Starts a member of the current object whose name is known only at run time
    /// (escaped like any string).
    public mutating func key(escaping name: String) {
        member()
        var name = name
        let foundation = layout == .foundation
        name.withUTF8 { JSONWriter.escape($0, foundation: foundation, into: &output) }
        output.append(layout == .compact ? ": " as StaticString : " : ")
    }

    /// Opens an object.
    public mutating func beginObject() {
        value()
        output.append(UInt8(ascii: "{"))
        open.append((false, false))
    }

    /// Closes the innermost object.
    public mutating func endObject() { close(UInt8(ascii: "}")) }

    /// Opens an array.
    public mutating func beginArray() {
        value()
        output.append(UInt8(ascii: "["))
        open.append((true, false))
    }

    /// Closes the innermost array.
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    mutating func close(_ bracket: UInt8) {
        let container = open.removeLast()
        if container.hasMembers {
            newline(indent: open.count)
        } else if layout == .foundation {
            output.append(UInt8(ascii: "\n"))
            newline(indent: open.count)
        }
        output.append(bracket)
        output.checkpoint()
    }

    /// A writer with an empty output of its own, placed where the next element of the
    /// innermost array goes: elements written there elsewhere (on another core) are put
    /// back in order with `append(elementsOf:)`. `continuing` says whether elements come
    /// before the ones it writes (written here or by an earlier such writer).
    public func elementWriter(continuing: Bool) -> JSONWriter {
        var writer = JSONWriter(output: OutputBuffer(), layout: layout)
        writer.open = open
        if let last = open.indices.last { writer.open[last].hasMembers = continuing || open[last].hasMembers }
        return writer
    }

    /// Appends the elements an `elementWriter` wrote (its own containers closed again).
    public mutating func append(elementsOf writer: JSONWriter) {
        guard !writer.output.bytes.isEmpty else { return }
        output.append(bytesOf: writer.output)
        if let last = open.indices.last { open[last].hasMembers = true }
    }

    /// A string value.
    public mutating func string(_ text: String) {
        value()
        var text = text
        let foundation = layout == .foundation
        text.withUTF8 { JSONWriter.escape($0, foundation: foundation, into: &output) }
    }

    /// A string value, or null.
    public mutating func string(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    /// An object whose members are all strings (null when absent), in the order given.
    public mutating func stringObject(_ members: KeyValuePairs<StaticString, String?>) {
        beginObject()
        for (name, text) in members {
            key(name)
            string(text)
        }
        endObject()
    }

    /// A number: whole numbers below 1e15 without a fraction, others in Swift's shortest
    /// round-trip form; null when absent or not finite.
    public mutating func number(_ number: Double?) {
        guard let number, number.isFinite else { return null() }
        value()
        if number == number.rounded(), abs(number) < 1e15 {
            output.append(Int(number))
        } else {
            output.append(String(number))
        }
    }

    /// A whole number.
    public mutating func integer(_ number: Int) {
        value()
        output.append(number)
    }

    /// A whole number, or null.
    public mutating func integer(_ number: Int?) {
        if let number { integer(number) } else { null() }
    }

    /// true or false.
    public mutating func bool(_ flag: Bool) {
        value()
        output.append(flag ? "true" : "false" as StaticString)
    }

    /// null.
    public mutating func null() {
        value()
        output.append("null" as StaticString)
    }

    /// Ends the document with a newline and returns the output.
    public mutating func finish() -> OutputBuffer {
        output.append(UInt8(ascii: "\n"))
        return output
    }

    /// A JSON string literal: quotes, `\"`, `\\`, `\n`, `\r`, `\t` and `\u00XX` for other
    /// control characters; everything else (slashes, non-ASCII) as is.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, foundation: Bool, into output: inout OutputBuffer) {
        output.append(UInt8(ascii: "\""))
        var start = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if start < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
            start = index + 1
            switch byte {
            case UInt8(ascii: "\""): output.append("\\\"" as StaticString)
            case UInt8(ascii: "\\"): output.append("\\\\" as StaticString)
            case UInt8(ascii: "\n"): output.append("\\n" as StaticString)
            case UInt8(ascii: "\r"): output.append("\\r" as StaticString)
            case UInt8(ascii: "\t"): output.append("\\t" as StaticString)
            case 0x08 where foundation: output.append("\\b" as StaticString)
            case 0x0C where foundation: output.append("\\f" as StaticString)
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                output.append("\\u00" as StaticString)
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0xF)])
            }
        }
        if start < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
        output.append(UInt8(ascii: "\""))
    }
}
