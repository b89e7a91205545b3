import Testing
import CYAML
@testable import HoshinSheets
@testable import HoshinYAML

/// libyaml's and zlib's state, and the input they read, are owned by one object each:
/// they outlive every call into C, even for empty input. (AddressSanitizer, in the fuzz
/// build, checks the lifetimes themselves; these tests check what the owners hand back.)
@Suite struct CResourceTests {
    func events(_ reader: LibYAMLParser) -> [yaml_event_type_t] {
        var types: [yaml_event_type_t] = []
        while reader.next() {
            types.append(reader.event.pointee.type)
            if reader.event.pointee.type == YAML_STREAM_END_EVENT { break }
        }
        return types
    }

    @Test func emptyInputIsAnEmptyStreamNotADanglingPointer() {
        let reader = LibYAMLParser(bytes: [])
        #expect(reader.isReady)
        #expect(events(reader) == [YAML_STREAM_START_EVENT, YAML_STREAM_END_EVENT])
        #expect(EventScanner.countEvents([]) == 2)
        let result = YAMLParser().parse([])
        #expect(result.document == nil && result.problems.isEmpty)
    }

    @Test func theParserReadsItsOwnCopyOfTheInput() {
        var bytes = Array("a: b\n".utf8)
        let reader = LibYAMLParser(bytes: bytes)
        for index in bytes.indices { bytes[index] = UInt8(ascii: "[") }
        #expect(events(reader) == [YAML_STREAM_START_EVENT, YAML_DOCUMENT_START_EVENT, YAML_MAPPING_START_EVENT,
                                   YAML_SCALAR_EVENT, YAML_SCALAR_EVENT, YAML_MAPPING_END_EVENT,
                                   YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT])
        #expect(reader.next() && reader.event.pointee.type == YAML_NO_EVENT, "only empty events after the end")
    }

    @Test func aSyntaxErrorLeavesTheParserStateReadable() {
        let reader = LibYAMLParser(bytes: Array("a: [b\n".utf8))
        _ = events(reader)
        #expect(reader.parser.pointee.error == YAML_PARSER_ERROR)
        #expect(YAMLParser().parse(Array("a: [b\n".utf8)).problems.count == 1)
    }

    /// A raw-deflate stream of one final stored block holding "hello".
    static let hello: [UInt8] = [0x01, 0x05, 0x00, 0xFA, 0xFF] + Array("hello".utf8)

    @Test func inflateReadsARawDeflateStreamWithinItsLimit() throws {
        #expect(try ZipArchive.inflate(Self.hello, limit: 5, path: "x") == Array("hello".utf8))
        #expect(throws: ZipArchive.Problem.self) { try ZipArchive.inflate(Self.hello, limit: 4, path: "x") }
    }

    @Test func truncatedOrEmptyDeflateDataIsAProblem() {
        for input in [Array(Self.hello.dropLast()), [], [0x01]] {
            #expect(throws: ZipArchive.Problem.self) { try ZipArchive.inflate(input, limit: 100, path: "x") }
        }
    }
}
