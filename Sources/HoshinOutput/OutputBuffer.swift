#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes of output, collected in memory or streamed to a file descriptor in chunks.
///
/// Renderers append to it instead of building one whole-output `String`: streamed to
/// stdout, the output never exists in memory as a whole.
public struct OutputBuffer: Sendable {
    /// The bytes not yet written (all of them when collecting in memory).
    public private(set) var bytes: [UInt8] = []
    /// Where full chunks go, or nil to keep everything in memory.
    let descriptor: Int32?
    /// The chunk size at which a streaming buffer writes out.
    static let chunk = 1 << 16

    /// A buffer that keeps everything in memory (for files written atomically, and tests).
    public init() {
        descriptor = nil
        bytes.reserveCapacity(1 << 12)
    }

    /// A buffer that writes to `descriptor` (such as `STDOUT_FILENO`) every 64 KiB and on `flush()`.
    public init(streamingTo descriptor: Int32) {
        self.descriptor = descriptor
        bytes.reserveCapacity(Self.chunk + 1024)
    }

    /// Appends one byte.
    public mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends the UTF-8 of a text, writing out a full chunk.
    public mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= Self.chunk { writeOut() }
    }

    /// Appends the UTF-8 of a static text.
    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends bytes.
    public mutating func append(contentsOf other: some Sequence<UInt8>) {
        bytes.append(contentsOf: other)
        if bytes.count >= Self.chunk { writeOut() }
    }

    /// Appends the bytes another buffer collected. Streaming, a block of a chunk or more
    /// is written out straight from `other` instead of being copied here first, so a
    /// large block never sits in memory twice.
    public mutating func append(bytesOf other: OutputBuffer) {
        guard descriptor != nil, other.bytes.count >= Self.chunk else {
            append(contentsOf: other.bytes)
            return
        }
        writeOut()
        write(other.bytes)
    }

    /// Appends a whole number in decimal.
    public mutating func append(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            if value == Int.min { append(String(value).dropFirst().description); return }
        }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: buffer[(24 - count)...])
        }
    }

    /// Writes out the bytes collected so far when streaming (a point where a chunk may end).
    public mutating func checkpoint() {
        if bytes.count >= Self.chunk { writeOut() }
    }

    /// Writes out everything collected so far when streaming.
    public mutating func flush() {
        if !bytes.isEmpty { writeOut() }
    }

    mutating func writeOut() {
        write(bytes)
        if descriptor != nil { bytes.removeAll(keepingCapacity: true) }
    }

    /// Writes `block` to the descriptor whole (nothing without one).
    func write(_ block: [UInt8]) {
        guard let descriptor else { return }
        block.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return // a closed pipe: nothing more can be shown
                }
                offset += written
            }
        }
    }
}

extension OutputBuffer: TextOutputStream {
    /// Appends text (`print(…, to: &buffer)` and `out.write(…)` work on a buffer).
    public mutating func write(_ string: String) {
        append(string)
    }
}
