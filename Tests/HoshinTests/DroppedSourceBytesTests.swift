import Testing
import HoshinYAML
import HoshinRepository
import HoshinTestSupport

/// A source that dropped its bytes (`droppingBytes()`, for `validate --format json` and
/// `status`) places every byte offset, character starts and continuation bytes alike, at
/// the same line and column as the source with its bytes.
@Suite struct DroppedSourceBytesTests {
    static let texts = SourceTextOffsetTests.texts + [
        "",
        "unit: r\n",
        "title: 🏥 vård 🩺\nnext: ✓\n",
        String(repeating: "Överläkare på avdelning 4 – ", count: 30) + "\nslut: ja\n",
        // Many blocks of 64 lines (the two-level line table), lines of every length.
        (0..<300).map { "rad-\($0): " + String(repeating: $0 % 3 == 0 ? "å" : "a", count: $0 % 17) }
            .joined(separator: "\n"),
        // A block wider than 64 KiB: the line table stays as it is.
        "a: 1\nb: " + String(repeating: "x", count: 70_000) + "\nc: ö\n" + String(repeating: "d: 2\n", count: 100),
    ]

    @Test func everyOffsetKeepsItsLineAndColumn() {
        for text in Self.texts {
            let full = SourceText(bytes: Array(text.utf8))
            let compact = full.droppingBytes()
            #expect(compact.byteCount == full.bytes.count)
            for offset in -1...(full.bytes.count + 2) {
                #expect(compact.location(ofByteOffset: offset) == full.location(ofByteOffset: offset),
                        "\(text.debugDescription) at \(offset)")
            }
        }
    }

    @Test func lineCountsStayTheSame() {
        for text in Self.texts {
            let full = SourceText(bytes: Array(text.utf8))
            #expect(full.droppingBytes().lineCount == full.lineCount, "\(text.prefix(40).debugDescription)")
        }
    }

    @Test func theBytesAreGoneAndLinesReadEmpty() {
        let compact = SourceText(bytes: Array("unit: r\nname: Jönköping\n".utf8)).droppingBytes()
        #expect(compact.bytes.isEmpty)
        #expect(compact.hasDroppedBytes)
        #expect(compact.lineText(2).isEmpty)
        #expect(compact.lineCount == 3)
    }

    @Test func textThatIsNotUTF8KeepsItsBytes() {
        let bytes: [UInt8] = Array("name: ".utf8) + [0xC3, 0x28, 0x80] + Array("\n".utf8)
        let source = SourceText(bytes: bytes).droppingBytes()
        #expect(source.bytes == bytes)
        #expect(!source.hasDroppedBytes)
    }
}

/// A repository loaded with `dropsSourceBytes` gives the same diagnostics, at the same lines
/// and columns, as one loaded with the bytes kept; only decoded unit files lose their bytes.
@Suite struct DroppedSourceBytesLoadTests {
    @Test func theExamplePlansGiveTheSameDiagnostics() throws {
        var loader = RepositoryLoader()
        let kept = try loader.load(folder: Fixtures.plans.path, asOf: Fixtures.asOf)
        loader.dropsSourceBytes = true
        let dropped = try loader.load(folder: Fixtures.plans.path, asOf: Fixtures.asOf)
        #expect(!kept.diagnostics.isEmpty)
        #expect(dropped.diagnostics == kept.diagnostics)
        #expect(dropped.diagnostics.map(\.start) == kept.diagnostics.map(\.start))
        #expect(dropped.diagnostics.map(\.end) == kept.diagnostics.map(\.end))
        let units = try #require(dropped.repository).units.map(\.file)
        #expect(!units.isEmpty)
        for file in units {
            #expect(dropped.sources[file]?.hasDroppedBytes == true, "\(file)")
        }
        #expect(dropped.sources.values.contains { !$0.hasDroppedBytes }, "hoshin.yaml keeps its bytes")
    }
}
