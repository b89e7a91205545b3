import Testing
import PropertyBased
import HoshinDecoding
import HoshinEditing
import HoshinModel
import HoshinYAML

/// For random plans and random reports: parse → edit → parse gives the model with
/// exactly that change, and every byte outside the edited activity is unchanged.
@Suite struct EditPropertyTests {
    static let notes = ["Två av fem team utbildade", "Klart: se rapport", "a #b", "- börjar med streck", "12",
                        "yes", "2026-05-02", "'citat'", "\"dubbel\"", "rad ett\nrad två", "æøå ÆØÅ", "{x}", "x, y",
                        "%procent", "@snabel", "  mellanslag  ", "tab\there"]

    struct Generated {
        let text: String
        let ids: [String]
    }

    static func plan(_ random: inout SeededRandom) -> Generated {
        var text = "# Genererad plan – kommentarer och tomma rader\nunit: region\nname: \"Region Jönköpings län\"\ngoals:\n"
        text += "  - id: g\n    title: 'Säker vård – alla gånger'\n    activities:\n"
        var ids: [String] = []
        for index in 0..<Int.random(in: 1...6, using: &random) {
            let id = "a\(index)"
            ids.append(id)
            var fields: [(String, String)] = [("id", id), ("title", "Aktivitet \(index) åäö")]
            fields.append(("status", ActivityState.allCases.randomElement(using: &random)!.rawValue))
            if Bool.random(using: &random) { fields.append(("progress", "\(Int.random(in: 0...99, using: &random))")) }
            if Bool.random(using: &random) { fields.append(("updated", "2026-0\(Int.random(in: 1...9, using: &random))-15")) }
            switch Int.random(in: 0...4, using: &random) {
            case 0: fields.append(("note", "Plain anteckning"))
            case 1: fields.append(("note", "'Enkel ''citerad'' anteckning'"))
            case 2: fields.append(("note", "\"Dubbel: citerad\""))
            case 3: fields.append(("note", ""))
            default: break
            }
            if Bool.random(using: &random) { text += "      # kommentar före \(id)\n" }
            if Bool.random(using: &random) {
                let inner = fields.filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
                text += "      - {\(inner)}\n"
            } else {
                var first = true
                for (key, value) in fields {
                    text += (first ? "      - " : "        ") + key + ":" + (value.isEmpty ? "" : " " + value)
                    if Bool.random(using: &random) { text += "   # om \(key)" }
                    text += "\n"
                    first = false
                }
            }
            if Bool.random(using: &random) { text += "\n" }
        }
        return Generated(text: text, ids: ids)
    }

    static func decode(_ text: [UInt8]) -> UnitPlan? {
        UnitPlanDecoder.decode(YAMLParser().parse(text).document, file: "region.yaml").unit
    }

    struct Snapshot: Equatable {
        let id: String, title: String, status: ActivityState, progress: Double?, note: String?, updated: PlanDate?
        init(_ activity: Activity) {
            id = activity.id.value
            title = activity.title
            status = activity.status.value
            progress = activity.progress?.value
            note = activity.note
            updated = activity.updated?.value
        }
    }

    @Test func editChangesExactlyTheReportedFieldsAndNothingElse() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...10_000_000)) { seed in
            var random = SeededRandom(seed: seed)
            let generated = Self.plan(&random)
            let original = Array(generated.text.utf8)
            guard let before = Self.decode(original) else {
                Issue.record("seed \(seed): generated plan does not decode\n\(generated.text)")
                return
            }
            let target = generated.ids.randomElement(using: &random)!
            var fields: [(key: String, value: FieldValue)] = []
            let status = Bool.random(using: &random) ? ActivityState.allCases.randomElement(using: &random) : nil
            let progress = Bool.random(using: &random) ? Double(Int.random(in: 0...100, using: &random)) : nil
            let note = Bool.random(using: &random) ? Self.notes.randomElement(using: &random) : nil
            let date = PlanDate(year: 2026, month: 10, day: Int.random(in: 1...28, using: &random))!
            if let status { fields.append(("status", .word(status.rawValue))) }
            if let progress { fields.append(("progress", .number(progress))) }
            fields.append(("updated", .date(date)))
            if let note { fields.append(("note", .text(note))) }

            let editor = try PlanEditor(bytes: original)
            let node = try editor.activity(target)
            let splices = try editor.set(fields, in: node)
            let edited = Splice.apply(splices, to: original)
            guard let after = Self.decode(edited) else {
                Issue.record("seed \(seed): edited plan does not decode\n\(String(decoding: edited, as: UTF8.self))")
                return
            }
            // The model: exactly the reported fields of the target changed.
            let old = before.allActivities.map(Snapshot.init)
            let new = after.allActivities.map(Snapshot.init)
            #expect(old.count == new.count, "seed \(seed)")
            for (was, now) in zip(old, new) {
                if was.id == target {
                    #expect(now.status == (status ?? was.status), "seed \(seed)")
                    #expect(now.progress == (progress ?? was.progress), "seed \(seed)")
                    #expect(now.note == (note ?? was.note), "seed \(seed)")
                    #expect(now.updated == date, "seed \(seed)")
                    #expect(now.title == was.title)
                } else {
                    #expect(now == was, "seed \(seed): \(was.id) changed")
                }
            }
            #expect(after.name == before.name && after.goals.count == before.goals.count)
            // The bytes: every splice lies within the target activity's lines.
            let activity = try #require(before.allActivities.first { $0.id.value == target })
            var lineEnd = activity.range.end
            while lineEnd < original.count, original[lineEnd] != 0x0A { lineEnd += 1 }
            for splice in splices {
                #expect(splice.start >= activity.range.start && splice.end <= lineEnd, "seed \(seed): splice outside the activity")
            }
            let first = splices.map(\.start).min() ?? 0
            #expect(Array(edited.prefix(first)) == Array(original.prefix(first)))
            let last = splices.map(\.end).max() ?? original.count
            #expect(Array(edited.suffix(original.count - last)) == Array(original.suffix(original.count - last)))
        }
    }
}
