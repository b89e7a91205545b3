import CZlib

/// zlib's inflate state for one raw-deflate stream (as ZIP stores it), with its input
/// and output buffers, owned together.
///
/// zlib keeps the address of its `z_stream` (it checks `state->strm == strm` on every
/// call) and of the input between calls, so the stream, the input copy and the output
/// buffer live on the heap for the object's whole life, and `deinit` ends the stream.
final class RawInflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let chunk: UnsafeMutableBufferPointer<UInt8>
    /// False when zlib could not start (out of memory); `inflate` then fails at once.
    let isReady: Bool

    /// Prepares to inflate `bytes`; `isReady` is false when zlib cannot start.
    init(_ bytes: [UInt8]) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count + 1)
        bytes.withUnsafeBufferPointer { source in
            if let from = source.baseAddress { input.baseAddress!.initialize(from: from, count: source.count) }
        }
        (input.baseAddress! + bytes.count).initialize(to: 0)
        self.input = input
        // Only the bytes zlib writes into it are ever read.
        chunk = .allocate(capacity: 64 * 1024)
        isReady = hoshin_inflate_init_raw(stream) == Z_OK
        stream.pointee.next_in = input.baseAddress
        stream.pointee.avail_in = uInt(bytes.count)
    }

    /// The whole inflated stream; `tooLarge` is thrown past `limit` bytes, `damaged`
    /// when the data is not a complete raw-deflate stream.
    func inflate<Failure: Error>(limit: Int, tooLarge: Failure, damaged: Failure) throws(Failure) -> [UInt8] {
        guard isReady else { throw damaged }
        var output: [UInt8] = []
        while true {
            stream.pointee.next_out = chunk.baseAddress
            stream.pointee.avail_out = uInt(chunk.count)
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            let produced = chunk.count - Int(stream.pointee.avail_out)
            output.append(contentsOf: chunk[0..<produced])
            if output.count > limit { throw tooLarge }
            if status == Z_STREAM_END { return output }
            guard status == Z_OK, produced > 0 || stream.pointee.avail_in > 0 else { throw damaged }
        }
    }

    deinit {
        if isReady { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
        input.deallocate()
        chunk.deallocate()
    }
}
