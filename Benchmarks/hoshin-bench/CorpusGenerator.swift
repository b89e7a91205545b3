import Foundation

/// Writes a deterministic plan repository of `units` units: a region, its divisions,
/// clinics and sections (ten children each), every unit with goals, indicators with
/// monthly `{num, den}` or plain series from 2024 (history),
/// success factors and activities in Swedish, and the warnings a real region has
/// (stale and overdue activities, progress mismatches, red indicators without a
/// countermeasure). It has no errors, so `status`, `diff` and `report` run on it.
struct CorpusGenerator {
    let units: Int

    static let clinics = ["Kardiologi", "Ortopedi", "Akutmottagning", "Barn- och ungdomsmedicin", "Geriatrik",
                          "Infektion", "Kirurgi", "Onkologi", "Psykiatri", "Vårdcentral Öster"]
    static let goalTitles = ["Säker vård – alla gånger", "Jämlik och tillgänglig vård", "Hållbar kompetensförsörjning",
                             "Effektiv användning av resurser", "Nöjda patienter och närstående"]
    static let indicatorTitles = ["Andel vårdtillfällen med vårdskada", "Andel patienter som fått besök inom 90 dagar",
                                  "Sjukfrånvaro bland medarbetare", "Antal trycksår per 1 000 vårddygn",
                                  "Andel återinskrivningar inom 30 dagar"]
    static let notes = ["Två av fem team utbildade; resten under hösten.", "Försenat på grund av bemanning i somras.",
                        "Klart enligt plan, uppföljning på ledningsmötet.", "Väntar på beslut från förvaltningsledningen.",
                        "Arbetsgruppen träffas varannan vecka; nästa steg är en pilot på avdelning 12."]

    /// The id of unit `index` (0 is the region).
    static func id(_ index: Int) -> String { index == 0 ? "region" : "enhet-\(index)" }

    /// The parent index of unit `index`: ten children per unit.
    static func parent(_ index: Int) -> Int? { index == 0 ? nil : (index - 1) / 10 }

    /// The path of unit `index` inside the repository.
    static func path(_ index: Int) -> String {
        index == 0 ? "region.yaml" : "forvaltning-\(index % 8)/enhet-\(index / 100)/\(id(index)).yaml"
    }

    /// Writes every file under `folder` (created, emptied first).
    func write(into folder: String) throws {
        let manager = FileManager.default
        try? manager.removeItem(atPath: folder)
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let settings = "hoshin: 1\nperiod: 2026\norganisation: Västra Götalandsregionen\nlanguage: sv\n"
        try Data(settings.utf8).write(to: URL(fileURLWithPath: folder + "/hoshin.yaml"))
        for index in 0..<units {
            let path = folder + "/" + Self.path(index)
            try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                        withIntermediateDirectories: true)
            try Data(unitText(index, revision: 0).utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    /// Rewrites every tenth unit as a month later: new measurements and activity reports.
    func writeNextRevision(into folder: String) throws {
        for index in stride(from: 0, to: units, by: 10) {
            try Data(unitText(index, revision: 1).utf8).write(to: URL(fileURLWithPath: folder + "/" + Self.path(index)))
        }
    }

    /// A pseudo-random but fixed number in 0..<bound for the given seeds.
    static func pick(_ bound: Int, _ seeds: Int...) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for seed in seeds {
            hash = (hash ^ UInt64(truncatingIfNeeded: seed)) &* 0x0000_0100_0000_01B3
            hash ^= hash >> 29
        }
        return Int(hash % UInt64(bound))
    }

    static func month(_ offset: Int) -> String {
        let year = 2024 + offset / 12
        let month = offset % 12 + 1
        return "\(year)-\(month < 10 ? "0" : "")\(month)"
    }

    func unitText(_ index: Int, revision: Int) -> String {
        let id = Self.id(index)
        let clinic = Self.clinics[index % Self.clinics.count]
        var text = "# Verksamhetsplan 2026 för \(clinic.lowercased()), enhet \(index)\n"
        text += "unit: \(id)\nname: \(clinic) – område \(index / 10), Sahlgrenska universitetssjukhuset\n"
        if let parent = Self.parent(index) { text += "parent: \(Self.id(parent))\n" }
        text += "owner: Verksamhetschef Åsa Öberg-Lindström\n"
        if index == 0 {
            text += "vision: Bästa möjliga hälsa och vård för regionens invånare\n"
        }
        text += "goals:\n"
        let lastMonth = 33 + revision // 2026-10 in the later revision
        for goal in 0..<5 {
            text += "  - id: mal-\(goal)\n    title: \(Self.goalTitles[goal])\n"
            if let parent = Self.parent(index), Self.pick(12, index, goal) != 0 {
                text += "    supports: [\(Self.id(parent))/mal-\(goal)]\n"
            }
            text += "    owner: Chefläkare Per Åkesson\n    weight: \(goal % 3 + 1)\n"
            if goal == 0 {
                text += "    assessment:\n      status: yellow\n      date: 2026-09-30\n"
                text += "      note: Vårdskadorna minskar men inte i takt med målet; fortsatt fokus på granskning.\n"
            }
            text += "    indicators:\n"
            for indicator in 0..<3 {
                let ref = "ind-\(goal)-\(indicator)"
                let proportion = indicator < 2
                text += "      - id: \(ref)\n        title: \(Self.indicatorTitles[(goal + indicator) % 5])\n"
                text += proportion ? "        unit: \"%\"\n" : "        unit: dagar\n"
                text += "        direction: down\n        baseline: 8.2\n        target: \(proportion ? "6.0" : "20")\n"
                text += "        warning: \(proportion ? "8.5" : "26")\n        chart: \(proportion ? "p" : "i")\n"
                text += "        measurements:\n"
                for month in 0..<lastMonth {
                    let noise = Self.pick(9, index, goal, indicator, month)
                    if proportion {
                        text += "          \(Self.month(month)): {num: \(6 + noise + (goal == 0 ? 4 : 0)), den: \(120 + Self.pick(40, index, month))}\n"
                    } else {
                        text += "          \(Self.month(month)): \(18 + noise).\(Self.pick(10, month, index))\n"
                    }
                }
            }
            text += "    success_factors:\n"
            for factor in 0..<3 {
                text += "      - id: sf-\(goal)-\(factor)\n        title: Strukturerad journalgranskning och lärande, del \(factor + 1)\n"
                text += "        activities:\n"
                for activity in 0..<4 {
                    let seed = Self.pick(100, index, goal, factor, activity, revision)
                    let states = ["on-track", "on-track", "at-risk", "done", "not-started", "off-track"]
                    let state = states[seed % states.count]
                    let progress = state == "done" ? (seed % 7 == 0 ? 90 : 100) : min(95, seed)
                    let dueMonth = 3 + (seed % 10)
                    let updatedMonth = revision == 1 ? 10 : 1 + (seed % 9)
                    text += "          - id: akt-\(goal)-\(factor)-\(activity)\n"
                    text += "            title: \"Utbilda granskningsteam: omgång \(activity + 1) på \(clinic.lowercased())\"\n"
                    text += "            owner: Patientsäkerhetssamordnare Karin Ödman\n"
                    text += "            start: 2026-0\(1 + seed % 3)-15\n            due: 2026-\(dueMonth < 10 ? "0" : "")\(dueMonth)-28\n"
                    text += "            status: \(state)\n            progress: \(progress)\n"
                    text += "            updated: 2026-\(updatedMonth < 10 ? "0" : "")\(updatedMonth)-0\(1 + seed % 9)\n"
                    text += "            note: \(Self.notes[seed % Self.notes.count])\n"
                }
            }
        }
        return text
    }
}
