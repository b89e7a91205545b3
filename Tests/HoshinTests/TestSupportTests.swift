import Testing
import HoshinTestSupport

/// The test helpers themselves: marked text and golden differences.
@Suite struct TestSupportTests {
    @Test func markersBecomePositionsAndVanishFromTheText() {
        let marked = MarkedText("unit: region\nname: ↓Region Jönköpings län\nparent: å😀↓x\n")
        #expect(marked.text == "unit: region\nname: Region Jönköpings län\nparent: å😀x\n")
        #expect(marked.positions == [
            MarkedText.Position(line: 2, column: 7, offset: 19),
            // `å` is 2 bytes and `😀` 4, but one column each.
            MarkedText.Position(line: 3, column: 11, offset: 58),
        ])
    }

    @Test func anotherMarker() {
        let marked = MarkedText("a: <|>1\n", marker: "<|>")
        #expect(marked.text == "a: 1\n")
        #expect(marked.positions.map(\.description) == ["1:4"])
    }

    @Test func insertingMultiByteTextMovesColumnsByCharactersAndOffsetsByBytes() {
        let marked = MarkedText("a: 1\nb: ↓2\n").inserting("å😀 ", atStartOfLine: 2)
        #expect(marked.text == "a: 1\nå😀 b: 2\n")
        #expect(marked.positions == [MarkedText.Position(line: 2, column: 7, offset: 5 + 7 + 3)])
    }

    @Test func goldenDifferenceNamesTheFirstDifferingLine() {
        let text = Golden.difference(expected: "a\nb\nc\n", actual: "a\nB\nc\n", path: "x.txt")
        #expect(text.contains("at line 2"))
        #expect(text.contains("\"b\"") && text.contains("\"B\""))
    }
}
