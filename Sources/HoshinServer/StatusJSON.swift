import HoshinModel
import HoshinRender
import HoshinRollup

/// §5's object, with the top-level `problems` array when some files could not be read.
enum StatusJSON {
    static func render(_ tree: StatusTree, problems: [Diagnostic]) -> String {
        let text = JSONStatusRenderer().render(tree)
        guard !problems.isEmpty, text.hasSuffix("\n}\n") else { return text }
        var list = JSONValue.array(problems.map(Responses.diagnostic)).serialized()
        list.removeLast()
        let indented = list.replacingOccurrences(of: "\n", with: "\n  ")
        return String(text.dropLast(3)) + ",\n  \"problems\": " + indented + "\n}\n"
    }
}
