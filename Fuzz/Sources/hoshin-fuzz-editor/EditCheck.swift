import HoshinDecoding
import HoshinEditing
import HoshinModel
import HoshinYAML

/// parse → an edit derived from the input → parse: the result must be exactly the edited
/// model, and every byte outside the edited node (to the end of its last line) unchanged.
/// A violation traps, so libFuzzer keeps the input.
enum EditCheck {
    static let notes = ["Två av fem team utbildade", "a #b", "- börjar med streck", "12", "yes", "2026-05-02",
                        "'citat'", "\"dubbel\"", "rad ett\nrad två", "rad\r\nbryt", "æøå ÆØÅ", "{x}", "x, y",
                        "%procent", "@snabel", "  mellanslag  ", "tab\there", "slut:", "#", "null", "~", "ctrl\u{1}\u{7F}"]

    static func run(_ original: [UInt8]) {
        // Only files the editor accepts and the decoder reads without a word of complaint:
        // there the model and the editor must agree on every node.
        guard let editor = try? PlanEditor(bytes: original) else { return }
        let parsed = YAMLParser().parse(original)
        guard parsed.problems.isEmpty else { return }
        let decoded = UnitPlanDecoder.decode(parsed.document, file: "fuzz.yaml")
        guard let plan = decoded.unit, decoded.diagnostics.isEmpty else { return }
        var random = InputRandom(original)
        let activities = plan.allActivities
        let indicators = plan.allIndicators
        guard !activities.isEmpty || !indicators.isEmpty else { return }
        var expected = plan
        let splices: [Splice]
        let window: ByteRange
        if indicators.isEmpty || (!activities.isEmpty && Bool.random(using: &random)) {
            let target = activities.randomElement(using: &random)!
            guard activities.filter({ $0.id.value == target.id.value }).count == 1 else { return }
            let fields = activityFields(&random, original)
            let node = check(try editor.activity(target.id.value), "the editor finds no activity '\(target.id.value)'")
            // A refusal (an anchored node) is a fine answer; a wrong edit is not.
            guard let made = try? editor.set(fields, in: node) else { return }
            splices = made
            window = target.range
            expected.goals = expected.goals.map { goal in
                var goal = goal
                goal.activities = goal.activities.map { apply(fields, to: $0, target: target.id.value) }
                goal.successFactors = goal.successFactors.map { factor in
                    var factor = factor
                    factor.activities = factor.activities.map { apply(fields, to: $0, target: target.id.value) }
                    return factor
                }
                return goal
            }
        } else {
            let target = indicators.randomElement(using: &random)!
            guard indicators.filter({ $0.id.value == target.id.value }).count == 1 else { return }
            let periods = Set(target.measurements.map(\.period))
            guard periods.count == target.measurements.count else { return }
            let period = randomPeriod(&random, near: target.measurements.map(\.period))
            let value = randomValue(&random)
            let node = check(try editor.indicator(target.id.value), "the editor finds no indicator '\(target.id.value)'")
            guard let made = try? editor.setMeasurement(period, value, in: node) else { return }
            splices = made
            window = target.range
            expected.goals = expected.goals.map { goal in
                var goal = goal
                goal.indicators = goal.indicators.map { indicator in
                    guard indicator.id.value == target.id.value else { return indicator }
                    var indicator = indicator
                    indicator.measurements = measured(indicator.measurements, period, value)
                    return indicator
                }
                return goal
            }
        }

        let edited = Splice.apply(splices, to: original)
        let show = { "\n--- before\n\(String(decoding: original, as: UTF8.self))\n--- after\n\(String(decoding: edited, as: UTF8.self))" }
        // Bytes: the edit stays inside the target node, to the end of its last line.
        var lineEnd = window.end
        while lineEnd < original.count, original[lineEnd] != 0x0A, original[lineEnd] != 0x0D { lineEnd += 1 }
        let head = lineStart(original, window.start)
        let tail = original.count - lineEnd
        require(edited.count >= head + tail && edited.prefix(head).elementsEqual(original.prefix(head)),
                     "a byte before the edited node's first line changed" + show())
        require(edited.suffix(tail).elementsEqual(original.suffix(tail)),
                     "a byte after the end of the edited node's last line changed" + show())
        // Model: the edited file parses cleanly and says exactly what the edit meant.
        let reparsed = YAMLParser().parse(edited)
        require(reparsed.problems.isEmpty, "the edited file has YAML problems: \(reparsed.problems.map(\.message))" + show())
        let decodedAgain = UnitPlanDecoder.decode(reparsed.document, file: "fuzz.yaml")
        require(decodedAgain.diagnostics.isEmpty,
                     "the edited file has diagnostics: \(decodedAgain.diagnostics.map(\.message))" + show())
        let got = decodedAgain.unit.map(ModelFingerprint.lines) ?? []
        let want = ModelFingerprint.lines(expected)
        if got != want {
            let differences = zip(got, want).filter { $0 != $1 }.map { "got  \($0)\nwant \($1)" }
            violation("the edited model differs:\n\(differences.joined(separator: "\n"))\(got.count) vs \(want.count) lines" + show())
        }
        _ = try? PlanEditor(bytes: edited)
    }

    /// Where the line holding `offset` starts.
    static func lineStart(_ bytes: [UInt8], _ offset: Int) -> Int {
        var index = offset
        while index > 0, bytes[index - 1] != 0x0A, bytes[index - 1] != 0x0D { index -= 1 }
        return index
    }

    /// Like `precondition`, but the message is kept in optimised builds too.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { violation(message()) }
    }

    static func violation(_ message: String) -> Never {
        fatalError(message)
    }

    static func check<T>(_ make: @autoclosure () throws -> T, _ message: String) -> T {
        do { return try make() } catch { violation("\(message): \(error)") }
    }

    // MARK: Activity reports

    static func activityFields(_ random: inout InputRandom, _ bytes: [UInt8]) -> [(key: String, value: FieldValue)] {
        var fields: [(key: String, value: FieldValue)] = []
        if Bool.random(using: &random) {
            fields.append(("status", .word(ActivityState.allCases.randomElement(using: &random)!.rawValue)))
        }
        if Bool.random(using: &random) {
            fields.append(("progress", .number(Double(Int.random(in: 0...1000, using: &random)) / 10)))
        }
        if Bool.random(using: &random) {
            let day = PlanDate(year: 2026, month: Int.random(in: 1...12, using: &random), day: Int.random(in: 1...28, using: &random))!
            fields.append(("updated", .date(day)))
        }
        if Bool.random(using: &random) || fields.isEmpty {
            if Bool.random(using: &random), !bytes.isEmpty {
                // A note cut from the input itself: any text a user might type.
                let from = Int.random(in: 0..<bytes.count, using: &random)
                let length = Int.random(in: 1...40, using: &random)
                let text = String(decoding: bytes[from..<min(bytes.count, from + length)], as: UTF8.self)
                fields.append(("note", .text(text)))
            } else {
                fields.append(("note", .text(notes.randomElement(using: &random)!)))
            }
        }
        fields.shuffle(using: &random)
        return fields
    }

    static func apply(_ fields: [(key: String, value: FieldValue)], to activity: Activity, target: String) -> Activity {
        guard activity.id.value == target else { return activity }
        var activity = activity
        let nowhere = ByteRange(start: 0, end: 0)
        for (key, value) in fields {
            switch (key, value) {
            case ("status", .word(let word)): activity.status = Located(ActivityState(rawValue: word)!, range: nowhere)
            case ("progress", .number(let number)): activity.progress = Located(number, range: nowhere)
            case ("updated", .date(let date)): activity.updated = Located(date, range: nowhere)
            case ("note", .text(let text)): activity.note = text
            default: violation("no such field \(key)")
            }
        }
        return activity
    }

    // MARK: Measurements

    static func randomPeriod(_ random: inout InputRandom, near existing: [Period]) -> Period {
        if let some = existing.randomElement(using: &random), Bool.random(using: &random) {
            if Bool.random(using: &random) { return some }
            let index = some.index + Int.random(in: -2...2, using: &random)
            if let near = Period(year: some.year, cadence: some.cadence, index: index) { return near }
        }
        let cadence = ReportingCadence.allCases.randomElement(using: &random)!
        return Period(year: Int.random(in: 2025...2027, using: &random), cadence: cadence,
                      index: Int.random(in: 1...cadence.periodsPerYear, using: &random))!
    }

    static func randomValue(_ random: inout InputRandom) -> MeasurementValue {
        let number = { (random: inout InputRandom) in Double(Int.random(in: -50...5000, using: &random)) / 10 }
        return Bool.random(using: &random) ? .number(number(&random)) : .ratio(num: number(&random), den: number(&random))
    }

    /// The measurements after `setMeasurement`: the same period's value replaced, or a new
    /// one right after the latest earlier period (first when there is none).
    static func measured(_ measurements: [Measurement], _ period: Period, _ value: MeasurementValue) -> [Measurement] {
        let nowhere = ByteRange(start: 0, end: 0)
        var result = measurements
        if let same = result.firstIndex(where: { $0.period == period }) {
            result[same].value = value
            return result
        }
        let new = Measurement(period: period, value: value, keyRange: nowhere, valueRange: nowhere)
        let earlier = result.indices.filter { result[$0].period < period }
        if let previous = earlier.max(by: { result[$0].period < result[$1].period }) {
            result.insert(new, at: previous + 1)
        } else {
            result.insert(new, at: 0)
        }
        return result
    }
}
