import HoshinModel
import HoshinYAML

/// Decodes one unit plan file (spec §3) into a `UnitPlan`, collecting diagnostics.
public enum UnitPlanDecoder {
    static let unitKeys = ["unit", "name", "parent", "owner", "reporters", "vision", "strategies", "goals"]
    static let strategyKeys = ["id", "title"]
    static let ratioKeys = ["num", "den"]
    static let goalKeys = ["id", "title", "strategy", "perspective", "supports", "owner", "weight",
                           "assessment", "indicators", "success_factors", "activities", "countermeasures"]
    static let assessmentKeys = ["status", "date", "note"]
    static let indicatorKeys = ["id", "title", "unit", "direction", "baseline", "target", "warning",
                                "chart", "freeze", "measurements", "comments", "countermeasures"]
    static let successFactorKeys = ["id", "title", "owner", "weight", "activities"]
    static let activityKeys = ["id", "title", "owner", "start", "due", "status", "progress", "updated",
                               "note", "weight", "carried_from"]

    /// Decodes a unit plan; nil when the file has no usable `unit` and `name`.
    ///
    /// `source`, when given, lets it see past a value (`value-cut-by-comment`).
    public static func decode(_ document: YAMLDocument?, file: String, source: SourceText? = nil)
        -> (unit: UnitPlan?, diagnostics: [Diagnostic]) {
        guard let document, let root = document.root else {
            let diagnostic = Diagnostic(file: file, range: ByteRange(start: 0, end: 0), severity: .error,
                                        rule: RuleID.missingField,
                                        message: "the file is empty; a unit plan needs at least 'unit' and 'name'")
            return (nil, [diagnostic])
        }
        var reader = NodeReader(document: document, file: file, source: source)
        guard let fields = reader.fields(root, what: "a unit plan", known: unitKeys) else {
            return (nil, reader.diagnostics)
        }
        let id = reader.identifier("unit", in: fields)
        let name = reader.text("name", in: fields, required: true)
        var parent = reader.identifier("parent", in: fields, required: false)
        var parentIsInvalid = false
        if parent == nil, let given = fields.value("parent"), !reader.isNull(given),
           reader.document[reader.document.resolved(given)].kind == .scalar {
            // Reported as invalid-value; the unit still has a parent (an unknown one).
            parent = Located(reader.document.string(reader.document.resolved(given)), range: reader.range(given))
            parentIsInvalid = true
        }
        let owner = reader.text("owner", in: fields)?.value
        let reporters = reader.words("reporters", in: fields, what: "a reporter")
        let vision = reader.text("vision", in: fields)
        var strategies: [Strategy] = []
        for item in reader.list("strategies", in: fields) {
            guard let strategy = reader.fields(item, what: "a strategy", known: strategyKeys) else { continue }
            let sid = reader.identifier("id", in: strategy)
            let title = reader.text("title", in: strategy, required: true)
            if let sid, let title { strategies.append(Strategy(id: sid, title: title.value)) }
        }
        if parent != nil {
            for key in ["vision", "strategies"] {
                if let entry = fields.entry(key) {
                    reader.report(RuleID.invalidValue, at: entry.key,
                                  "only the root unit (the one without 'parent') may have '\(key)'")
                }
            }
        }
        var goals: [Goal] = []
        var undecodedGoalIDs: Set<String> = []
        for item in reader.list("goals", in: fields) {
            if let goal = decodeGoal(item, reader: &reader) {
                goals.append(goal)
            } else if let goalID = Self.quietID(item, document: document) {
                // Its id as written, and lower-cased: a reference may already use the valid form.
                undecodedGoalIDs.insert(goalID)
                undecodedGoalIDs.insert(goalID.lowercased())
            }
        }
        guard let id, let name else { return (nil, reader.diagnostics) }
        let node = document[root]
        var unit = UnitPlan(file: file, id: id, name: name.value, parent: parent, owner: owner,
                            vision: vision?.value, strategies: strategies, goals: goals,
                            range: ByteRange(start: node.start, end: node.end))
        unit.reporters = reporters
        unit.parentIsInvalid = parentIsInvalid
        unit.undecodedGoalIDs = undecodedGoalIDs
        return (unit, reader.diagnostics)
    }

    /// The `id` of a mapping item as written, read without reporting anything.
    static func quietID(_ item: YAMLNode.ID, document: YAMLDocument) -> String? {
        let resolved = document.resolved(item)
        guard document[resolved].kind == .mapping else { return nil }
        for (key, value) in document.pairs(of: resolved) where document.scalar(document.resolved(key), equals: "id") {
            let text = document.string(document.resolved(value))
            return text.isEmpty ? nil : text
        }
        return nil
    }

    static func decodeGoal(_ item: YAMLNode.ID, reader: inout NodeReader) -> Goal? {
        guard let fields = reader.fields(item, what: "a goal", known: goalKeys) else { return nil }
        let id = reader.identifier("id", in: fields)
        let title = reader.text("title", in: fields, required: true)
        let strategy = reader.identifier("strategy", in: fields, required: false)
        let perspective = reader.text("perspective", in: fields)
        var supports: [Located<String>] = []
        if let supportsID = fields.value("supports"), !reader.isNull(supportsID),
           reader.document[reader.document.resolved(supportsID)].kind == .scalar {
            // A single reference written without brackets.
            if let single = reader.text("supports", in: fields) { supports.append(single) }
        } else {
            for entry in reader.list("supports", in: fields) {
                let node = reader.document[reader.document.resolved(entry)]
                guard node.kind == .scalar, !reader.isNull(entry) else {
                    reader.report(RuleID.invalidType, at: entry, "a 'supports' entry is a reference UNIT/GOAL, not \(NodeReader.kindName(node))")
                    continue
                }
                let text = reader.document.string(reader.document.resolved(entry))
                supports.append(Located(text, range: reader.range(entry)))
            }
        }
        let owner = reader.text("owner", in: fields)?.value
        let weight = reader.weight(in: fields)
        var assessment: Assessment?
        if let assessmentID = fields.value("assessment"), !reader.isNull(assessmentID),
           let assessed = reader.fields(assessmentID, what: "an assessment", known: assessmentKeys) {
            let status = reader.choice("status", in: assessed, as: AssessmentColour.self, required: true)
            let date = reader.date("date", in: assessed)
            let note = reader.text("note", in: assessed)
            if let status {
                assessment = Assessment(status: status.value.colour, date: date?.value, note: note?.value)
            }
        }
        let indicatorItems = reader.list("indicators", in: fields)
        let indicators = decodeAll(indicatorItems, reader: &reader, decodeIndicator)
        let factors = decodeAll(reader.list("success_factors", in: fields), reader: &reader, decodeSuccessFactor)
        let activities = decodeAll(reader.list("activities", in: fields), reader: &reader, decodeActivity)
        let countermeasures = CountermeasureDecoder.countermeasures(in: fields, reader: &reader)
        guard let id, let title else { return nil }
        var goal = Goal(id: id, title: title.value, strategy: strategy, perspective: perspective, supports: supports,
                        owner: owner, weight: weight, assessment: assessment, indicators: indicators,
                        successFactors: factors, activities: activities, range: reader.range(item))
        goal.countermeasures = countermeasures
        goal.undecodedIndicators = indicatorItems.count - indicators.count
        return goal
    }

    static func decodeIndicator(_ item: YAMLNode.ID, reader: inout NodeReader) -> Indicator? {
        guard let fields = reader.fields(item, what: "an indicator", known: indicatorKeys) else { return nil }
        let id = reader.identifier("id", in: fields)
        let title = reader.text("title", in: fields, required: true)
        let unit = reader.text("unit", in: fields)?.value
        let direction = reader.choice("direction", in: fields, as: Direction.self, required: true)
        let baseline = reader.number("baseline", in: fields)
        let target = reader.number("target", in: fields, required: true)
        let warning = reader.number("warning", in: fields)
        let chart = reader.choice("chart", in: fields, as: ChartType.self)
        var freeze: Located<Period>?
        if let text = reader.text("freeze", in: fields) {
            if let period = Period(text.value) {
                freeze = Located(period, range: text.range)
            } else {
                reader.report(RuleID.invalidDate, range: text.range,
                              "'\(text.value)' is not a period; write YYYY-MM, YYYY-Qn or YYYY-Tn")
            }
        }
        var measurements: [Measurement] = []
        if let measurementsID = fields.value("measurements") {
            measurements.reserveCapacity(reader.document.children(of: reader.document.resolved(measurementsID)).count / 2)
        }
        if let measurementsID = fields.value("measurements"), !reader.isNull(measurementsID) {
            let resolved = reader.document.resolved(measurementsID)
            if reader.document[resolved].kind != .mapping {
                reader.report(RuleID.invalidType, at: measurementsID,
                              "'measurements' must be a mapping of period: value, not \(NodeReader.kindName(reader.document[resolved]))")
            } else {
                // Periods usually come in order: a later period is new without a set;
                // the set is built only once one comes out of order.
                var seen: Set<Period>?
                for (key, value) in reader.document.pairs(of: resolved) {
                    guard let measurement = decodeMeasurement(key: key, value: value, reader: &reader) else { continue }
                    if seen == nil, let last = measurements.last, !(last.period < measurement.period) {
                        seen = Set(measurements.map { $0.period })
                    }
                    if seen == nil || seen!.insert(measurement.period).inserted {
                        measurements.append(measurement)
                    }
                }
            }
        }
        if let direction, let target, let warning {
            let wrongSide = direction.value == .down ? warning.value < target.value : warning.value > target.value
            if wrongSide {
                reader.report(RuleID.invalidValue, range: warning.range,
                              "warning \(warning.value) lies on the good side of target \(target.value) for direction \(direction.value.rawValue)")
            }
        }
        let comments = CountermeasureDecoder.comments(in: fields, reader: &reader)
        let countermeasures = CountermeasureDecoder.countermeasures(in: fields, reader: &reader)
        guard let id, let title, let direction, let target else { return nil }
        var decoded = Indicator(id: id, title: title.value, unit: unit, direction: direction.value,
                         baseline: baseline?.value, target: target.value, warning: warning?.value,
                         chart: chart?.value ?? .run, freeze: freeze, measurements: measurements,
                         range: reader.range(item))
        decoded.comments = comments
        decoded.countermeasures = countermeasures
        return decoded
    }

    static func decodeMeasurement(key: YAMLNode.ID, value: YAMLNode.ID, reader: inout NodeReader) -> Measurement? {
        let keyText = reader.document.string(reader.document.resolved(key))
        guard let period = Period(keyText) else {
            reader.report(RuleID.invalidDate, at: key,
                          "'\(keyText)' is not a measurement period; write YYYY-MM, YYYY-Qn or YYYY-Tn")
            return nil
        }
        let resolved = reader.document.resolved(value)
        let measured: MeasurementValue
        if let (num, den) = plainRatio(resolved, reader: &reader) {
            measured = .ratio(num: num, den: den)
        } else if reader.document[resolved].kind == .mapping {
            guard let ratio = reader.fields(value, what: "a measurement", known: ratioKeys) else { return nil }
            guard let num = reader.number("num", in: ratio, required: true),
                  let den = reader.number("den", in: ratio, required: true) else { return nil }
            measured = .ratio(num: num.value, den: den.value)
        } else if reader.isNull(value) {
            reader.report(RuleID.missingField, at: key, "measurement \(keyText) has no value")
            return nil
        } else {
            guard let number = reader.number(at: value, name: "measurement \(keyText)") else { return nil }
            measured = .number(number.value)
        }
        return Measurement(period: period, value: measured, keyRange: reader.range(key), valueRange: reader.range(value))
    }

    /// Decodes every item of a list, in an array of exactly the needed capacity.
    static func decodeAll<Item>(_ items: [YAMLNode.ID], reader: inout NodeReader,
                                _ decode: (YAMLNode.ID, inout NodeReader) -> Item?) -> [Item] {
        var result: [Item] = []
        result.reserveCapacity(items.count)
        for item in items {
            if let decoded = decode(item, &reader) { result.append(decoded) }
        }
        return result
    }

    /// `{num: N, den: D}` with two plain numbers, read without building its fields;
    /// nil for anything else (which the general path then reads and reports on).
    static func plainRatio(_ id: YAMLNode.ID, reader: inout NodeReader) -> (Double, Double)? {
        let document = reader.document
        guard document[id].kind == .mapping else { return nil }
        let children = document.children(of: id)
        guard children.count == 4 else { return nil }
        let first = children[children.startIndex]
        let second = children[children.startIndex + 2]
        let numFirst = document.scalar(first, equals: "num") && document.scalar(second, equals: "den")
        guard numFirst || (document.scalar(first, equals: "den") && document.scalar(second, equals: "num")) else { return nil }
        let a = children[children.startIndex + 1]
        let b = children[children.startIndex + 3]
        guard document[a].kind == .scalar, document[a].style == .plain,
              document[b].kind == .scalar, document[b].style == .plain,
              let x = document.withValueBytes(a, NodeReader.fastNumber),
              let y = document.withValueBytes(b, NodeReader.fastNumber) else { return nil }
        return numFirst ? (x, y) : (y, x)
    }

    static func decodeSuccessFactor(_ item: YAMLNode.ID, reader: inout NodeReader) -> SuccessFactor? {
        guard let fields = reader.fields(item, what: "a success factor", known: successFactorKeys) else { return nil }
        let id = reader.identifier("id", in: fields)
        let title = reader.text("title", in: fields, required: true)
        _ = reader.text("owner", in: fields)
        let weight = reader.weight(in: fields)
        let activities = decodeAll(reader.list("activities", in: fields), reader: &reader, decodeActivity)
        guard let id, let title else { return nil }
        return SuccessFactor(id: id, title: title.value, weight: weight, activities: activities, range: reader.range(item))
    }

    static func decodeActivity(_ item: YAMLNode.ID, reader: inout NodeReader) -> Activity? {
        guard let fields = reader.fields(item, what: "an activity", known: activityKeys) else { return nil }
        let id = reader.identifier("id", in: fields)
        let title = reader.text("title", in: fields, required: true)
        let owner = reader.text("owner", in: fields)?.value
        let start = reader.date("start", in: fields)
        let due = reader.date("due", in: fields)
        let status = reader.choice("status", in: fields, as: ActivityState.self, required: true)
        var progress = reader.number("progress", in: fields)
        if let value = progress, !(0...100).contains(value.value) {
            reader.report(RuleID.invalidValue, range: value.range, "progress is a percentage from 0 to 100, not \(value.value)")
            progress = nil
        }
        let updated = reader.date("updated", in: fields)
        let note = reader.text("note", in: fields)?.value
        let weight = reader.weight(in: fields)
        var carriedFrom = reader.integer("carried_from", in: fields)
        if let year = carriedFrom, !(1000...9999).contains(year.value) {
            reader.report(RuleID.invalidValue, range: year.range, "carried_from is a plan year such as 2025, not \(year.value)")
            carriedFrom = nil
        }
        guard let id, let title, let status else { return nil }
        var activity = Activity(id: id, title: title.value, owner: owner, start: start, due: due, status: status,
                                progress: progress, updated: updated, note: note, weight: weight, range: reader.range(item))
        activity.carriedFrom = carriedFrom
        return activity
    }
}

/// The colours a leadership assessment may give (grey is not a judgement).
enum AssessmentColour: String, CaseIterable, Sendable {
    case green, yellow, red

    var colour: StatusColour {
        switch self {
        case .green: .green
        case .yellow: .yellow
        case .red: .red
        }
    }
}
