import Testing
import HoshinModel
import HoshinOutput
import HoshinText

/// Catalogue messages (written out only when read) read exactly as the English sentence
/// translated through the catalogue would, and output written in parallel chunks is the
/// same bytes as output written in one go.
@Suite struct CatalogueMessageTests {
    static let samples: [(MessageTemplate, [String])] = [
        (MessageTemplate("diag.overdue-activity"), ["akt-1", "2026-03-28", "at-risk"]),
        (MessageTemplate("diag.overdue-activity"), ["akt-2", "2026-06-30", "not-started"]),
        (MessageTemplate("diag.stale-report"), ["akt-1", "last reported 2026-05-01", "60"]),
        (MessageTemplate("diag.stale-report"), ["akt-1", "never reported", "45"]),
        (MessageTemplate("diag.done-progress"), ["utbildning", "80"]),
        (MessageTemplate("diag.progress-not-done"), ["utbildning", "on-track"]),
        (MessageTemplate("diag.orphan-goal"), ["saker-vard", "vardcentral-norr"]),
    ]

    /// The message a rule used to write: the English text with the values put in.
    static func english(_ template: MessageTemplate, _ values: [String]) -> String {
        CatalogueMessage(template: template, values: values).text(Language.en)
    }

    @Test func valuesComeBackExactlyAsGivenWhateverTheyHold() {
        let template = MessageTemplate("diag.stale-report")
        let odd = [
            ["", "", ""],
            ["12:34", "3:abc", "0:"],
            ["akt-1\u{1F}x", "🏥 vård\u{0}", String(repeating: "ö", count: 40_000)],
            ["9", "last reported 2026-05-01", "45"],
        ]
        for values in odd {
            let message = CatalogueMessage(template: template, values: values)
            #expect(message.values == values)
            #expect(message.text(Language.en).contains("\u{27}\(values[0])\u{27}"))
        }
    }

    @Test func everyLanguageReadsAsTheTranslatedEnglishSentence() {
        for (template, values) in Self.samples {
            let message = CatalogueMessage(template: template, values: values)
            let english = message.text(Language.en)
            #expect(Catalogue.matchingID(english) == template.id, "\(english)")
            for language in [Language.sv, .da] {
                #expect(message.text(language) == Catalogue.translate(english, to: language), "\(template.id) \(language)")
                #expect(message.text(language) != english, "\(template.id) is not translated into \(language)")
            }
        }
    }

    @Test func aDiagnosticKeepsItsCatalogueMessageUntilRead() {
        let message = CatalogueMessage(template: Self.samples[0].0, values: Self.samples[0].1)
        let diagnostic = Diagnostic(file: "a.yaml", range: ByteRange(start: 0, end: 1), severity: .warning,
                                    rule: "overdue-activity", message: message)
        #expect(diagnostic.message == "activity 'akt-1' was due 2026-03-28 and is at-risk")
        #expect(diagnostic.localized(Language.sv).message == message.text(Language.sv))
        #expect(diagnostic.localized(Language.sv).localized(Language.da).message == message.text(Language.da))
        #expect(diagnostic == Diagnostic(file: "a.yaml", range: ByteRange(start: 0, end: 1), severity: .warning,
                                         rule: "overdue-activity", message: message.text(Language.en)))
    }

    @Test func elementsWrittenInChunksOnSeveralCoresAreTheSameBytes() {
        let items = (0..<1_000).map { "element \($0) – \"quoted\"\n" }
        func written(workers: Int, chunk: Int, before: Bool) -> [UInt8] {
            var json = JSONWriter(output: OutputBuffer(), layout: .foundation)
            json.beginObject()
            json.key("list")
            json.beginArray()
            if before { json.string("already here") }
            json.elements(items, chunk: chunk, workers: workers) { item, json in
                json.beginObject()
                json.key("text"); json.string(item)
                json.endObject()
            }
            json.endArray()
            json.endObject()
            return json.finish().bytes
        }
        for before in [false, true] {
            let serial = written(workers: 1, chunk: 7, before: before)
            for (workers, chunk) in [(2, 7), (3, 64), (16, 1)] {
                #expect(written(workers: workers, chunk: chunk, before: before) == serial, "\(workers) workers, chunk \(chunk)")
            }
        }
    }
}
