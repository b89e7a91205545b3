import HTTPTypes
import Hummingbird
import HoshinModel
import HoshinRender
import HoshinRollup

/// `GET` and `POST /units/ID/report`: the reporting form, one unit's submission all or nothing.
extension ServerApp {
    /// The latest period of the plan year that has ended by today, and every earlier one.
    func reportingPeriods(_ repository: PlanRepository) -> [Period] {
        let settings = repository.settings
        guard var period = Period(year: settings.period, cadence: settings.reporting, index: 1) else { return [] }
        var periods = [period]
        let today = clock.today
        while period.next.year == settings.period, period.next.lastDay < today {
            period = period.next
            periods.append(period)
        }
        return periods
    }

    func formModel(unit: UnitPlan, repository: PlanRepository, period: Period, periods: [Period],
                   csrf: String, identity: Identity) throws -> ReportFormModel {
        let tree = try RollupEngine(repository: repository, asOf: clock.today).tree(from: unit.id.value, depth: 0)
        var statuses: [String: ActivityStatus] = [:]
        for goal in tree.root.goals {
            for activity in goal.activities + goal.successFactors.flatMap(\.activities) { statuses[activity.ref] = activity }
        }
        return ReportFormModel(unit: unit, repository: repository, period: period, periods: periods, statuses: statuses,
                               csrf: csrf, mayReport: Authorization.mayReport(identity, unit: unit.id.value, in: repository))
    }

    /// The form's token: the cookie's when it has a good one, else a new one (set on the response).
    func csrf(_ request: Request) -> (token: String, isNew: Bool) {
        if let value = request.cookies[CSRFToken.cookie]?.value, CSRFToken.isWellFormed(String(value)) {
            return (String(value), false)
        }
        return (CSRFToken.make(), true)
    }

    func formResponse(_ status: HTTPResponse.Status, _ model: ReportFormModel, identity: Identity,
                      words: ServerWords, newToken: Bool) -> Response {
        var response = Responses.html(status, Page.withIdentity(ReportFormPage.render(model, words: words), identity, words: words))
        if newToken { response.headers[.setCookie] = CSRFToken.setCookie(model.csrf) }
        return response
    }

    func reportForm(_ request: Request, _ identity: Identity, _ context: ServerContext) throws -> Response {
        let (_, repository) = try snapshot()
        let unit = try unitID(context, in: repository)
        let words = words(repository)
        let periods = reportingPeriods(repository)
        var period = periods.last!
        if let text = request.uri.queryParameters["period"].map(String.init), !text.isEmpty {
            guard let chosen = Period(text), periods.contains(chosen) else {
                return Responses.html(.badRequest, Page.message(words: words, title: "400", text: "\(words.period): \(text)?"))
            }
            period = chosen
        }
        let token = csrf(request)
        let model = try formModel(unit: unit, repository: repository, period: period, periods: periods,
                                  csrf: token.token, identity: identity)
        return formResponse(model.mayReport ? .ok : .forbidden, model, identity: identity, words: words, newToken: token.isNew)
    }

    func submitForm(_ request: Request, _ identity: Identity, _ context: ServerContext) async throws -> Response {
        let bytes = try await body(request, api: false)
        let (_, repository) = try snapshot()
        let words = words(repository)
        try checkOrigin(request, api: false, words: words)
        let form = FormBody.parse(bytes)
        guard let cookie = request.cookies[CSRFToken.cookie]?.value, CSRFToken.isWellFormed(String(cookie)),
              form["csrf"] == String(cookie) else {
            return Responses.html(.forbidden, Page.message(words: words, title: "403", text: words.formExpired))
        }
        let unit = try unitID(context, in: repository)
        let periods = reportingPeriods(repository)
        guard let period = form["period"].flatMap(Period.init), periods.contains(period) else {
            return Responses.html(.badRequest, Page.message(words: words, title: "400", text: words.badRequest))
        }
        var model = try formModel(unit: unit, repository: repository, period: period, periods: periods,
                                  csrf: String(cookie), identity: identity)
        guard model.mayReport else {
            model.notice = (false, words.notAllowed, [])
            return formResponse(.forbidden, model, identity: identity, words: words, newToken: false)
        }
        let labels = Labels.forLanguage(repository.settings.language)
        let read = FormSubmission.read(form, unit: unit, period: period, date: clock.today, words: words,
                                       language: language(repository))
        model.values = read.values
        model.bases = read.bases
        if !read.messages.isEmpty {
            model.messages = read.messages
            model.notice = (false, words.notSaved, [])
            return formResponse(.unprocessableContent, model, identity: identity, words: words, newToken: false)
        }
        guard !read.submission.isEmpty else {
            model.notice = (true, words.nothingChanged, [])
            return formResponse(.ok, model, identity: identity, words: words, newToken: false)
        }
        let result = await writes.submit(read.submission, unit: unit, relative: relativePath(of: unit, in: repository),
                                         identity: identity, asOf: clock.today, today: clock.today)
        switch result.outcome {
        case .written(let changes, _, let added):
            let warnings = added.map { "\(words.warning): \(localized($0, repository).message)" }
            return try freshForm(unit: unit, period: period, identity: identity, csrf: String(cookie),
                                 notice: (true, words.saved, changes.map { describe($0, unit: unit, labels: labels, words: words) } + warnings))
        case .unchanged:
            return try freshForm(unit: unit, period: period, identity: identity, csrf: String(cookie),
                                 notice: (true, words.nothingChanged, []))
        case .conflicts(let conflicts):
            // Show theirs and yours; the base becomes theirs, so saving again keeps yours knowingly.
            let (_, current) = try snapshot()
            let fresh = current.unitsByID[unit.id.value] ?? unit
            for activity in fresh.allActivities {
                for field in ["status", "progress", "note"] {
                    model.bases[FormField.base(FormField.activity(activity.id.value, field))] = FormField.planValue(activity, field, language(current))
                }
            }
            for indicator in fresh.allIndicators {
                model.bases[FormField.base(FormField.indicator(indicator.id.value))] = FormField.planValue(indicator, period, language(current))
                model.bases[FormField.base(FormField.comment(indicator.id.value))] = FormField.planComment(indicator, period)
            }
            for conflict in conflicts {
                let line = words.conflictLine(who: result.lastChange?.who ?? conflict.updated.map { _ in words.someone },
                                              date: result.lastChange?.date ?? conflict.updated?.description)
                let name = fieldName(conflict.field, labels: labels, words: words)
                let theirs = shown(conflict.plan, field: conflict.field, labels: labels)
                let yours = shown(conflict.yours, field: conflict.field, labels: labels)
                model.messages[conflict.ref, default: []].append("\(name): \(line): \(words.theirs) «\(theirs)» / \(words.yours) «\(yours)»")
            }
            model.notice = (false, words.notSaved, [words.resubmit])
            return formResponse(.conflict, model, identity: identity, words: words, newToken: false)
        case .invalid(let diagnostics, let refs):
            var unplaced: [String] = []
            for (diagnostic, ref) in zip(diagnostics, refs) {
                let message = localized(diagnostic, repository).message
                if let ref { model.messages[ref, default: []].append(message) } else { unplaced.append(message) }
            }
            model.notice = (false, words.notSaved, unplaced)
            return formResponse(.unprocessableContent, model, identity: identity, words: words, newToken: false)
        case .rejected(let problems):
            var unplaced: [String] = []
            for problem in problems {
                let message = localized(problem.message, repository)
                if let ref = problem.ref { model.messages[ref, default: []].append(message) } else { unplaced.append(message) }
            }
            model.notice = (false, words.notSaved, unplaced)
            return formResponse(.unprocessableContent, model, identity: identity, words: words, newToken: false)
        case .failed(let message):
            model.notice = (false, words.notSaved, [localized(message, repository)])
            return formResponse(.unprocessableContent, model, identity: identity, words: words, newToken: false)
        }
    }

    /// The form over the repository as it is now, with a notice.
    func freshForm(unit: UnitPlan, period: Period, identity: Identity, csrf: String,
                   notice: (ok: Bool, text: String, items: [String])) throws -> Response {
        let (_, repository) = try snapshot()
        let current = repository.unitsByID[unit.id.value] ?? unit
        var model = try formModel(unit: current, repository: repository, period: period,
                                  periods: reportingPeriods(repository), csrf: csrf, identity: identity)
        model.notice = notice
        return formResponse(.ok, model, identity: identity, words: words(repository), newToken: false)
    }

    func fieldName(_ field: String, labels: Labels, words: ServerWords) -> String {
        switch field {
        case "status": labels.status
        case "progress": labels.progress
        case "note": words.note
        case let other where other.hasPrefix("comment"): words.comment
        default: words.value
        }
    }

    func shown(_ value: String?, field: String, labels: Labels) -> String {
        guard let value, !value.isEmpty else { return "–" }
        if field == "status", let state = ActivityState(rawValue: value) { return labels.name(state) }
        if field == "progress" || field == "value" { return ValueText.shown(value, in: labels.language) }
        return value
    }

    /// "Utbilda granskningsteam: Status: I fas → Risk".
    func describe(_ change: ChangedField, unit: UnitPlan, labels: Labels, words: ServerWords) -> String {
        let id = String(change.ref.split(separator: "/").last ?? "")
        let title = unit.allActivities.first { $0.id.value == id }?.title ?? unit.allIndicators.first { $0.id.value == id }?.title ?? id
        let field = fieldName(change.field, labels: labels, words: words) + (change.period.map { " \($0)" } ?? "")
        return "\(title): \(field): \(shown(change.old, field: change.field, labels: labels)) → \(shown(change.new, field: change.field, labels: labels))"
    }
}

/// Reads a posted form into one unit's submission: only the fields that differ from
/// their base are submitted; values that cannot be read give messages instead.
enum FormSubmission {
    struct Read {
        var submission: UnitSubmission
        var values: [String: String] = [:]
        var bases: [String: String] = [:]
        var messages: [String: [String]] = [:]
    }

    static func read(_ form: [String: String], unit: UnitPlan, period: Period, date: PlanDate, words: ServerWords,
                     language: Language) -> Read {
        var read = Read(submission: UnitSubmission(unitID: unit.id.value, date: date, period: period))
        let unitID = unit.id.value
        for activity in unit.allActivities {
            let id = activity.id.value
            var write = ActivityWrite(activityID: id)
            var changed = false
            func field(_ name: String) -> (value: String, base: String)? {
                let key = FormField.activity(id, name)
                guard let value = form[key] else { return nil }
                let base = FormBody.normaliseText(form[FormField.base(key)] ?? FormField.planValue(activity, name, language))
                let text = FormBody.normaliseText(value)
                read.values[key] = text
                read.bases[FormField.base(key)] = base
                return (text, base)
            }
            if let status = field("status"), status.value != status.base {
                if let state = ActivityState(rawValue: status.value) {
                    write.status = state
                    write.baseStatus = .some(status.base.isEmpty ? nil : status.base)
                    changed = true
                } else {
                    read.messages["\(unitID)/\(id)", default: []].append(words.badRequest)
                }
            }
            if let progress = field("progress") {
                let value = progress.value.trimmingCharacters(in: [" "])
                let base = progress.base.trimmingCharacters(in: [" "])
                if value != base, !value.isEmpty {
                    if let number = ValueText.parseNumber(value), (0...100).contains(number) {
                        if ValueText.parseNumber(base) != number {
                            write.progress = number
                            write.baseProgress = .some(ValueText.parseNumber(base))
                            changed = true
                        }
                    } else {
                        read.messages["\(unitID)/\(id)", default: []].append(
                            ValueText.parseNumber(value) == nil ? words.notANumber : words.progressRange)
                    }
                }
            }
            if let note = field("note"), note.value != note.base {
                write.note = note.value
                write.baseNote = .some(note.base.isEmpty ? nil : note.base)
                changed = true
            }
            if changed { read.submission.activities.append(write) }
        }
        for indicator in unit.allIndicators {
            let id = indicator.id.value
            var write = MeasurementWrite(indicatorID: id, period: period)
            let key = FormField.indicator(id)
            if let raw = form[key] {
                let value = raw.trimmingCharacters(in: [" "])
                let base = (form[FormField.base(key)] ?? FormField.planValue(indicator, period, language)).trimmingCharacters(in: [" "])
                read.values[key] = value
                read.bases[FormField.base(key)] = base
                if value != base, !value.isEmpty {
                    if let parsed = ValueText.parseMeasurement(value) {
                        let baseValue = base.isEmpty ? nil : ValueText.parseMeasurement(base)
                        if parsed != baseValue {
                            write.value = parsed
                            write.baseValue = .some(baseValue)
                        }
                    } else {
                        read.messages["\(unitID)/\(id)", default: []].append(words.notAValue)
                    }
                }
            }
            let commentKey = FormField.comment(id)
            if let raw = form[commentKey] {
                let text = FormBody.normaliseText(raw)
                let base = FormBody.normaliseText(form[FormField.base(commentKey)] ?? FormField.planComment(indicator, period))
                read.values[commentKey] = text
                read.bases[FormField.base(commentKey)] = base
                if text != base, !text.isEmpty {
                    write.comment = text
                    write.baseComment = .some(base.isEmpty ? nil : base)
                }
            }
            if write.value != nil || write.comment != nil { read.submission.measurements.append(write) }
        }
        return read
    }
}
