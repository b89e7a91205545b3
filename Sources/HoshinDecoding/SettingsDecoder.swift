import HoshinModel
import HoshinYAML

/// Decodes `hoshin.yaml` (spec §2) into `RepositorySettings`.
public enum SettingsDecoder {
    static let keys = ["hoshin", "organisation", "period", "reporting", "language", "perspectives",
                       "stale_after_days", "rollup", "spc", "rules", "cycle", "review", "admins"]

    /// Decodes settings; `knownRules` are the rule ids `rules:` may name.
    /// Returns nil settings only when the plan year cannot be read.
    public static func decode(_ document: YAMLDocument?, file: String, knownRules: [String])
        -> (settings: RepositorySettings?, diagnostics: [Diagnostic]) {
        guard let document, let root = document.root else {
            let diagnostic = Diagnostic(file: file, range: ByteRange(start: 0, end: 0), severity: .error,
                                        rule: RuleID.missingField,
                                        message: "hoshin.yaml is empty; it needs at least 'hoshin: 1' and 'period'")
            return (nil, [diagnostic])
        }
        var reader = NodeReader(document: document, file: file)
        guard let fields = reader.fields(root, what: "hoshin.yaml", known: keys) else {
            return (nil, reader.diagnostics)
        }
        if let version = reader.integer("hoshin", in: fields, required: true), version.value != 1 {
            reader.report(RuleID.invalidValue, range: version.range,
                          "format version \(version.value) is not supported; this hoshin reads version 1")
        }
        let year = reader.integer("period", in: fields, required: true)
        if let year, !(1000...9999).contains(year.value) {
            reader.report(RuleID.invalidValue, range: year.range, "period must be a year such as 2026")
        }
        var settings = RepositorySettings(file: file, period: year?.value ?? 0)
        settings.organisation = reader.text("organisation", in: fields)?.value
        if let reporting = reader.choice("reporting", in: fields, as: ReportingCadence.self) {
            settings.reporting = reporting.value
        }
        if let language = reader.choice("language", in: fields, as: ReportLanguage.self) {
            settings.language = language.value
        }
        if fields.has("perspectives") {
            settings.perspectives = reader.words("perspectives", in: fields, what: "a perspective")
        }
        settings.admins = reader.words("admins", in: fields, what: "an admin")
        if let days = reader.integer("stale_after_days", in: fields) {
            if days.value < 1 {
                reader.report(RuleID.invalidValue, range: days.range, "stale_after_days must be at least 1")
            } else {
                settings.staleAfterDays = days.value
            }
        }
        if let id = fields.value("rollup"), !reader.isNull(id),
           let rollup = reader.fields(id, what: "rollup", known: ["green", "yellow"]) {
            let green = reader.number("green", in: rollup)
            let yellow = reader.number("yellow", in: rollup)
            for threshold in [green, yellow].compactMap({ $0 }) where !(0...1).contains(threshold.value) {
                reader.report(RuleID.invalidValue, range: threshold.range, "a rollup threshold lies between 0 and 1")
            }
            let candidate = RollupThresholds(green: green?.value ?? 0.8, yellow: yellow?.value ?? 0.5)
            if candidate.yellow > candidate.green {
                reader.report(RuleID.invalidValue, range: (yellow ?? green)?.range ?? reader.range(id),
                              "rollup.yellow (\(candidate.yellow)) must not be above rollup.green (\(candidate.green))")
            } else if (0...1).contains(candidate.green), (0...1).contains(candidate.yellow) {
                settings.rollup = candidate
            }
        }
        if let id = fields.value("spc"), !reader.isNull(id),
           let spc = reader.fields(id, what: "spc", known: ["min_points"]),
           let minimum = reader.integer("min_points", in: spc) {
            if minimum.value < 2 {
                reader.report(RuleID.invalidValue, range: minimum.range, "spc.min_points must be at least 2")
            } else {
                settings.spcMinPoints = minimum.value
            }
        }
        if let id = fields.value("cycle"), !reader.isNull(id),
           let cycle = reader.fields(id, what: "cycle", known: ["deadline_days"]),
           let days = reader.integer("deadline_days", in: cycle) {
            if days.value < 0 {
                reader.report(RuleID.invalidValue, range: days.range, "cycle.deadline_days must be 0 or more")
            } else {
                settings.deadlineDays = days.value
            }
        }
        if let id = fields.value("review"), !reader.isNull(id),
           let review = reader.fields(id, what: "review", known: ["countermeasure_after"]),
           let after = reader.integer("countermeasure_after", in: review) {
            if after.value < 1 {
                reader.report(RuleID.invalidValue, range: after.range, "review.countermeasure_after must be at least 1")
            } else {
                settings.countermeasureAfter = after.value
            }
        }
        if let id = fields.value("rules"), !reader.isNull(id),
           let rules = reader.fields(id, what: "rules", known: knownRules) {
            for rule in knownRules where rules.has(rule) {
                if let setting = reader.choice(rule, in: rules, as: SeveritySetting.self) {
                    settings.rules[rule] = setting.value
                }
            }
        }
        return (year == nil ? nil : settings, reader.diagnostics)
    }
}
