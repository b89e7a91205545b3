import CYAML

/// libyaml's parser state, its current event and its input bytes, owned together.
///
/// libyaml keeps the address of its parser state and of the input across calls, so all
/// three live on the heap for the object's whole life (never on the Swift stack, never
/// in a temporary), and `deinit` frees them. Empty input still gets a real one-byte
/// buffer, so libyaml never holds a dangling pointer.
final class LibYAMLParser {
    /// The parser state; valid for the object's life.
    let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The event of the last successful `next()`; valid until the following call.
    let event: UnsafeMutablePointer<yaml_event_t>
    /// A copy of the input with a terminating NUL (libyaml reads it in place).
    private let input: UnsafeMutableBufferPointer<UInt8>
    /// False when libyaml could not allocate its buffers; `next()` then fails at once.
    let isReady: Bool
    private var holdsEvent = false

    /// Prepares a UTF-8 parse of `bytes` (a slice, so a byte-order mark can be left out).
    init(bytes: ArraySlice<UInt8>) {
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        event = .allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
        let input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count + 1)
        // One bulk copy and the NUL (element-wise initialisers are slow in debug builds).
        bytes.withUnsafeBufferPointer { source in
            if let from = source.baseAddress { input.baseAddress!.initialize(from: from, count: source.count) }
        }
        (input.baseAddress! + bytes.count).initialize(to: 0)
        self.input = input
        isReady = yaml_parser_initialize(parser) == 1
        if isReady {
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
        }
    }

    /// Prepares a UTF-8 parse of all of `bytes`.
    convenience init(bytes: [UInt8]) {
        self.init(bytes: bytes[...])
    }

    /// Parses the next event into `event`, freeing the previous one; false on an error
    /// (the parser's `error`, `problem` and marks then say which).
    func next() -> Bool {
        if holdsEvent {
            yaml_event_delete(event)
            holdsEvent = false
        }
        guard isReady, yaml_parser_parse(parser, event) == 1 else { return false }
        holdsEvent = true
        return true
    }

    deinit {
        if holdsEvent { yaml_event_delete(event) }
        if isReady { yaml_parser_delete(parser) }
        event.deinitialize(count: 1)
        event.deallocate()
        parser.deinitialize(count: 1)
        parser.deallocate()
        input.deallocate()
    }
}
