import Testing
import HoshinText

/// One escaper an output language (`HoshinText.Escape`): what each must change, and that
/// ordinary text passes unchanged.
@Suite struct EscapeTests {
    @Test func htmlEscapesTheFiveCharactersEvenBeforeACombiningMark() {
        #expect(Escape.html("<script>\"a\" & 'b'</script>") == "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;")
        #expect(Escape.html("<\u{338}") == "&lt;\u{338}")
        #expect(Escape.html("Region Jönköpings län") == "Region Jönköpings län")
    }

    @Test func xmlKeepsLineBreaksAsReferencesAndDropsWhatXMLCannotHold() {
        #expect(Escape.xml("a<b>&\"c\" 'd'") == "a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;")
        #expect(Escape.xml("rad 1\nrad 2\tx\r") == "rad 1&#10;rad 2&#9;x&#13;")
        #expect(Escape.xml("a\u{1}b\u{FFFE}c\u{FFFF}") == "abc")
        #expect(Escape.xml("åäö") == "åäö")
    }

    @Test func cssStringsCannotCloseTheStyleElement() {
        #expect(Escape.cssString("A </style> \"B\" \\ C\n") == "A \\3C /style\\3E  \\\"B\\\" \\\\ C ")
    }

    @Test func yamlDoubleQuotedEscapesLineBreaksAndWhatCannotStandAsItIs() {
        #expect(Escape.yamlDoubleQuoted("a\"b\\c\nd\u{85}e\u{2028}", writesAsIs: { $0.value >= 0x20 })
            == "\"a\\\"b\\\\c\\nd\\Ne\\L\"")
        #expect(Escape.yamlDoubleQuoted("x\u{1}", writesAsIs: { $0.value >= 0x20 }) == "\"x\\u0001\"")
    }

    @Test func gitHubCommandsPercentEncodeAndShowControlCharacters() {
        #expect(Escape.gitHubCommand("100% klart\r\n\u{1B}[31m") == "100%25 klart%0D%0A\\u{1B}[31m")
        #expect(Escape.gitHubCommand("a:b,c") == "a:b,c")
        #expect(Escape.gitHubCommand("a:b,c", property: true) == "a%3Ab%2Cc")
    }

    @Test func terminalsSeeNoRawControlOrBidirectionalCharacters() {
        #expect(Escape.terminal("a\u{1B}[2Jb\u{202E}c\nd") == "a\\u{1B}[2Jb\\u{202E}c\\u{A}d")
        #expect(Escape.terminal("vanlig text – åäö") == "vanlig text – åäö")
    }

    @Test func ansiStyleWrapsOnlyWhenEnabledAndMeasuresWhatATerminalShows() {
        let on = ANSIStyle(enabled: true)
        #expect(on.red("fel") == "\u{1B}[1;31mfel\u{1B}[0m")
        #expect(ANSIStyle(enabled: false).red("fel") == "fel")
        #expect(ANSIStyle.visibleWidth(on.bold("åäö") + " e\u{301}") == 5)
        #expect(ANSIStyle.visibleText(on.dim("x")) == "x")
    }
}
