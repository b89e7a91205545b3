import HoshinModel
import HoshinOutput
import HoshinRepository

/// The JSON of spec §6: `{"diagnostics": [...], "summary": {...}}`, keys sorted,
/// streamed in `JSONEncoder`'s pretty layout (the tests compare it with the same document
/// through `JSONEncoder`).
public struct JSONReporter: DiagnosticReporter {
    /// Creates a JSON reporter.
    public init() {}

    public func write(_ result: ValidationResult, to output: inout OutputBuffer) {
        var json = JSONWriter(output: output, layout: .foundation)
        output = OutputBuffer() // the writer owns the bytes while it writes
        json.beginObject()
        json.key("diagnostics")
        json.beginArray()
        json.elements(result.diagnostics, chunk: 512) { diagnostic, json in diagnostic.write(to: &json) }
        json.endArray()
        json.key("summary")
        json.beginObject()
        json.key("errors"); json.integer(result.errorCount)
        json.key("files"); json.integer(result.fileCount)
        json.key("infos"); json.integer(result.infoCount)
        json.key("warnings"); json.integer(result.warningCount)
        json.endObject()
        json.endObject()
        output = json.finish()
    }
}
