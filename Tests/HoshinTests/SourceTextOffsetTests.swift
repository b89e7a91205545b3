import Testing
import HoshinYAML

/// libyaml's marks (line, column, character index) become byte offsets two ways: from the
/// line table on a line of ASCII, and by walking characters elsewhere. Both give the same
/// offset for every character of texts with multi-byte letters, CRLF, CR, a byte-order
/// mark, tabs and YAML 1.1's Unicode line breaks.
@Suite struct SourceTextOffsetTests {
    static let texts = [
        "unit: region\nname: Region Jönköpings län\ngoals:\n  - id: mal\n    title: Säker vård\n",
        "unit: r\r\nname: Å\r\n\r\ngoals: []\r\n",
        "unit: r\rname: ö\rparent: x\r",
        "\u{FEFF}unit: r\nname: Ä\nfoo: bar\n",
        "unit: r\nname: \"a\u{85}b\"\nfoo: 1\n",
        "unit: r\nname: a\u{2028}b\nfoo: 1\n",
        "unit: r\nname: \"ö\tö\"\nlist: [é, {a: ö}, 3]",
        String(repeating: "x: ", count: 40) + "åäö\n" + String(repeating: "y", count: 300),
    ]

    @Test func lineAndColumnGiveTheSameOffsetAsTheCharacterIndex() {
        for text in Self.texts {
            let source = SourceText(bytes: Array(text.utf8))
            var cursor = SourceText.CharacterCursor()
            var offset = source.byteOrderMarkLength
            while offset <= source.bytes.count {
                let location = source.location(ofByteOffset: offset)
                let index = source.characterIndex(ofByteOffset: offset)
                #expect(source.byteOffset(ofCharacterIndex: index) == offset, "\(text.debugDescription) at \(offset)")
                let byLine = source.byteOffset(line: location.line - 1, column: location.column - 1,
                                               characterIndex: index, cursor: &cursor)
                #expect(byLine == offset, "\(text.debugDescription) at \(offset)")
                // The next character's first byte.
                offset += 1
                while offset < source.bytes.count, source.bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            }
        }
    }
}
