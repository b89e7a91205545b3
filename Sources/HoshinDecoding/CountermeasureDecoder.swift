import HoshinModel
import HoshinYAML

/// Decodes an indicator's `comments` and the `countermeasures` of goals and indicators (spec §3).
enum CountermeasureDecoder {
    static let countermeasureKeys = ["id", "opened", "problem", "cause", "action", "owner", "due", "status",
                                     "closed", "result"]

    /// `comments:` — a mapping of measurement period to text.
    static func comments(in fields: Fields, reader: inout NodeReader) -> [IndicatorComment] {
        guard let id = fields.value("comments"), !reader.isNull(id) else { return [] }
        let resolved = reader.document.resolved(id)
        guard reader.document[resolved].kind == .mapping else {
            reader.report(RuleID.invalidType, at: id,
                          "'comments' must be a mapping of period: text, not \(NodeReader.kindName(reader.document[resolved]))")
            return []
        }
        var result: [IndicatorComment] = []
        var seen: Set<Period> = []
        for (key, value) in reader.document.pairs(of: resolved) {
            let keyText = reader.document.string(reader.document.resolved(key))
            guard let period = Period(keyText) else {
                reader.report(RuleID.invalidDate, at: key,
                              "'\(keyText)' is not a measurement period; write YYYY-MM, YYYY-Qn or YYYY-Tn")
                continue
            }
            if reader.isNull(value) { continue }
            let node = reader.document[reader.document.resolved(value)]
            guard node.kind == .scalar else {
                reader.report(RuleID.invalidType, at: value, "the comment on \(keyText) must be text, not \(NodeReader.kindName(node))")
                continue
            }
            guard seen.insert(period).inserted else { continue }
            result.append(IndicatorComment(period: period, text: reader.document.string(reader.document.resolved(value)),
                                           keyRange: reader.range(key), valueRange: reader.range(value)))
        }
        return result
    }

    /// `countermeasures:` — a list of countermeasures.
    static func countermeasures(in fields: Fields, reader: inout NodeReader) -> [Countermeasure] {
        reader.list("countermeasures", in: fields).compactMap { countermeasure($0, reader: &reader) }
    }

    static func countermeasure(_ item: YAMLNode.ID, reader: inout NodeReader) -> Countermeasure? {
        guard let fields = reader.fields(item, what: "a countermeasure", known: countermeasureKeys) else { return nil }
        let id = reader.identifier("id", in: fields)
        var opened: Located<Period>?
        if let text = reader.text("opened", in: fields, required: true) {
            if let period = Period(text.value) {
                opened = Located(period, range: text.range)
            } else {
                reader.report(RuleID.invalidDate, range: text.range,
                              "'\(text.value)' is not a period; write YYYY-MM, YYYY-Qn or YYYY-Tn")
            }
        }
        let problem = reader.text("problem", in: fields, required: true)
        let cause = reader.text("cause", in: fields)?.value
        let action = reader.text("action", in: fields)?.value
        let owner = reader.text("owner", in: fields, required: true)
        let due = reader.date("due", in: fields)
        let status = reader.choice("status", in: fields, as: CountermeasureState.self, required: true)
        let closed = reader.date("closed", in: fields)
        let result = reader.text("result", in: fields)?.value
        if let status, status.value == .closed, closed == nil,
           !(fields.value("closed").map { !reader.isNull($0) } ?? false) {
            reader.report(RuleID.missingField, range: status.range,
                          "a closed countermeasure needs 'closed': the date it was closed")
        }
        guard let id, let opened, let problem, let owner, let status else { return nil }
        return Countermeasure(id: id, opened: opened, problem: problem.value, cause: cause, action: action,
                              owner: owner.value, due: due, status: status, closed: closed, result: result,
                              range: reader.range(item))
    }
}
