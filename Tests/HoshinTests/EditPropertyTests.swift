import Testing
import PropertyBased
import HoshinDecoding
import HoshinEditing
import HoshinModel
import HoshinYAML

/// For generated plans and generated reports (values that shrink): parse → edit → parse gives the model with
/// exactly that change, and every byte outside the edited activity is unchanged.
@Suite struct EditPropertyTests {
    static let notes = ["Två av fem team utbildade", "Klart: se rapport", "a #b", "- börjar med streck", "12",
                        "yes", "2026-05-02", "'citat'", "\"dubbel\"", "rad ett\nrad två", "æøå ÆØÅ", "{x}", "x, y",
                        "%procent", "@snabel", "  mellanslag  ", "tab\there"]

    struct Generated {
        let text: String
        let ids: [String]
    }

    /// How one activity of a generated plan is written.
    struct ActivityStyle: Sendable {
        let state: ActivityState, progress: Int?, updatedMonth: Int?, note: Int
        let commentBefore: Bool, flow: Bool, commentAfterKeys: Bool, blankAfter: Bool
    }

    static let activityStyle = zip(
        PlanGenerators.pick(Array(ActivityState.allCases)), Gen.int(in: 0...99).optional(valueRate: 0.5),
        Gen.int(in: 1...9).optional(valueRate: 0.5), Gen.int(in: 0...4), Gen.bool(), Gen.bool(), Gen.bool(), Gen.bool()
    ).map { ActivityStyle(state: $0, progress: $1, updatedMonth: $2, note: $3, commentBefore: $4, flow: $5,
                          commentAfterKeys: $6, blankAfter: $7) }

    /// A report on one activity (picked modulo the plan's activities).
    struct Edit: Sendable {
        let target: Int, status: ActivityState?, progress: Int?, note: String?, day: Int
    }

    static let edit = zip(Gen.int(in: 0...100), PlanGenerators.pick(Array(ActivityState.allCases)).optional(valueRate: 0.5),
                          Gen.int(in: 0...100).optional(valueRate: 0.5), PlanGenerators.pick(notes).optional(valueRate: 0.5),
                          Gen.int(in: 1...28))
        .map { Edit(target: $0, status: $1, progress: $2, note: $3, day: $4) }

    /// The plan text of generated activities: comments, flow and block styles, blank lines.
    static func plan(_ styles: [ActivityStyle]) -> Generated {
        var text = "# Genererad plan – kommentarer och tomma rader\nunit: region\nname: \"Region Jönköpings län\"\ngoals:\n"
        text += "  - id: g\n    title: 'Säker vård – alla gånger'\n    activities:\n"
        var ids: [String] = []
        for (index, style) in styles.enumerated() {
            let id = "a\(index)"
            ids.append(id)
            var fields: [(String, String)] = [("id", id), ("title", "Aktivitet \(index) åäö")]
            fields.append(("status", style.state.rawValue))
            if let progress = style.progress { fields.append(("progress", "\(progress)")) }
            if let month = style.updatedMonth { fields.append(("updated", "2026-0\(month)-15")) }
            switch style.note {
            case 0: fields.append(("note", "Plain anteckning"))
            case 1: fields.append(("note", "'Enkel ''citerad'' anteckning'"))
            case 2: fields.append(("note", "\"Dubbel: citerad\""))
            case 3: fields.append(("note", ""))
            default: break
            }
            if style.commentBefore { text += "      # kommentar före \(id)\n" }
            if style.flow {
                let inner = fields.filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
                text += "      - {\(inner)}\n"
            } else {
                var first = true
                for (key, value) in fields {
                    text += (first ? "      - " : "        ") + key + ":" + (value.isEmpty ? "" : " " + value)
                    if style.commentAfterKeys { text += "   # om \(key)" }
                    text += "\n"
                    first = false
                }
            }
            if style.blankAfter { text += "\n" }
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
        await propertyCheck(count: 300, input: Self.activityStyle.array(of: 1...6), Self.edit) { styles, edit in
            let generated = Self.plan(styles)
            let original = Array(generated.text.utf8)
            guard let before = Self.decode(original) else {
                Issue.record("generated plan does not decode\n\(generated.text)")
                return
            }
            let target = generated.ids[edit.target % generated.ids.count]
            var fields: [(key: String, value: FieldValue)] = []
            let status = edit.status
            let progress = edit.progress.map(Double.init)
            let note = edit.note
            let date = PlanDate(year: 2026, month: 10, day: edit.day)!
            if let status { fields.append(("status", .word(status.rawValue))) }
            if let progress { fields.append(("progress", .number(progress))) }
            fields.append(("updated", .date(date)))
            if let note { fields.append(("note", .text(note))) }

            let editor = try PlanEditor(bytes: original)
            let node = try editor.activity(target)
            let splices = try editor.set(fields, in: node)
            let edited = Splice.apply(splices, to: original)
            guard let after = Self.decode(edited) else {
                Issue.record("edited plan does not decode\n\(String(decoding: edited, as: UTF8.self))")
                return
            }
            // The model: exactly the reported fields of the target changed.
            let old = before.allActivities.map(Snapshot.init)
            let new = after.allActivities.map(Snapshot.init)
            #expect(old.count == new.count, "\(generated.text)")
            for (was, now) in zip(old, new) {
                if was.id == target {
                    #expect(now.status == (status ?? was.status), "\(generated.text)")
                    #expect(now.progress == (progress ?? was.progress), "\(generated.text)")
                    #expect(now.note == (note ?? was.note), "\(generated.text)")
                    #expect(now.updated == date, "\(generated.text)")
                    #expect(now.title == was.title)
                } else {
                    #expect(now == was, "\(was.id) changed")
                }
            }
            #expect(after.name == before.name && after.goals.count == before.goals.count)
            // The bytes: every splice lies within the target activity's lines.
            let activity = try #require(before.allActivities.first { $0.id.value == target })
            var lineEnd = activity.range.end
            while lineEnd < original.count, original[lineEnd] != 0x0A { lineEnd += 1 }
            for splice in splices {
                #expect(splice.start >= activity.range.start && splice.end <= lineEnd, "splice outside the activity")
            }
            let first = splices.map(\.start).min() ?? 0
            #expect(Array(edited.prefix(first)) == Array(original.prefix(first)))
            let last = splices.map(\.end).max() ?? original.count
            #expect(Array(edited.suffix(original.count - last)) == Array(original.suffix(original.count - last)))
        }
    }
}
