import Testing
@testable import HoshinYAML

/// The YAML layer keeps exact byte ranges, styles, anchors, and reports what libyaml does not.
@Suite struct YAMLParserTests {
    func parse(_ text: String) -> YAMLParseResult { YAMLParser().parse(Array(text.utf8)) }

    func valueNode(_ document: YAMLDocument, key: String) -> YAMLNode.ID? {
        guard let root = document.root else { return nil }
        return document.pairs(of: root).first { document.string($0.key) == key }?.value
    }

    @Test func byteRangesAreBytesEvenAfterMultibyteText() throws {
        let text = "title: Säker vård – åäö æø\nweight: 2\n"
        let result = parse(text)
        let document = try #require(result.document)
        let weight = try #require(valueNode(document, key: "weight"))
        let bytes = Array(text.utf8)
        let node = document[weight]
        #expect(String(decoding: bytes[node.start..<node.end], as: UTF8.self) == "2")
        let title = try #require(valueNode(document, key: "title"))
        #expect(String(decoding: bytes[document[title].start..<document[title].end], as: UTF8.self) == "Säker vård – åäö æø")
    }

    @Test func quotedScalarSpanIncludesItsQuotesAndStyleIsKept() throws {
        let text = "a: 'x'\nb: \"y\"\nc: z\nd: |\n  lit\n\n\ne: >\n  fold\n"
        let document = try #require(parse(text).document)
        let bytes = Array(text.utf8)
        func source(_ key: String) -> String {
            let node = document[valueNode(document, key: key)!]
            return String(decoding: bytes[node.start..<node.end], as: UTF8.self)
        }
        #expect(source("a") == "'x'")
        #expect(source("b") == "\"y\"")
        #expect(document[valueNode(document, key: "a")!].style == .singleQuoted)
        #expect(document[valueNode(document, key: "b")!].style == .doubleQuoted)
        #expect(document[valueNode(document, key: "c")!].style == .plain)
        #expect(document[valueNode(document, key: "d")!].style == .literal)
        #expect(source("d") == "|\n  lit")
        #expect(document[valueNode(document, key: "e")!].style == .folded)
    }

    @Test func blockCollectionEndsAtItsLastContentNotAtTrailingComments() throws {
        let text = "list:\n  - a\n  - b\n\n# comment\nnext: 1\n"
        let document = try #require(parse(text).document)
        let list = document[valueNode(document, key: "list")!]
        #expect(list.end == Array(text.utf8).firstIndex(of: UInt8(ascii: "b"))! + 1)
    }

    @Test func crlfLineEndingsGiveTheRightLinesAndColumns() throws {
        let text = "a: 1\r\nb: åä\r\nc: 3\r\n"
        let result = parse(text)
        let document = try #require(result.document)
        let c = document[valueNode(document, key: "c")!]
        let location = result.source.location(ofByteOffset: c.start)
        #expect(location.line == 3 && location.column == 4)
    }

    @Test func anchorsAndAliasesResolveToTheAnchoredNode() throws {
        let document = try #require(parse("a: &x {k: 1}\nb: *x\n").document)
        let alias = try #require(valueNode(document, key: "b"))
        #expect(document[alias].kind == .alias)
        #expect(document[document.resolved(alias)].kind == .mapping)
        #expect(document.anchor(of: document.resolved(alias)) == "x")
    }

    @Test func duplicateKeysAreReportedWithTheFirstPosition() {
        let result = parse("a: 1\nb: 2\na: 3\n")
        #expect(result.problems.count == 1)
        guard case .duplicateKey(let key, let firstStart, _) = result.problems[0].kind else {
            Issue.record("expected a duplicate key")
            return
        }
        #expect(key == "a" && firstStart == 0)
        #expect(result.problems[0].start == 10)
    }

    @Test func aTagIsReported() {
        let result = parse("a: !!binary aGVsbG8=\n")
        #expect(result.problems.contains { if case .tag("tag:yaml.org,2002:binary") = $0.kind { true } else { false } })
    }

    @Test func characterIndexConversionHandlesLongNonASCIIFiles() {
        // More than one checkpoint stride of multi-byte characters before the node.
        let filler = String(repeating: "å", count: 700)
        let text = "a: \(filler)\nb: x\n"
        let result = parse(text)
        let document = result.document!
        let b = document[valueNode(document, key: "b")!]
        #expect(Array(text.utf8)[b.start] == UInt8(ascii: "x"))
        #expect(result.source.location(ofByteOffset: b.start) == SourceLocation(line: 2, column: 4, offset: b.start))
    }
}
