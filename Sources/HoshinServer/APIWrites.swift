import Foundation
import HTTPTypes
import Hummingbird
import HoshinModel
import HoshinRender
import HoshinRepository
import HoshinYAML

/// `POST /api/report` and `POST /api/measure` (spec §11).
extension ServerApp {
    /// The checks every API write shares, in order: 413 (over 1 MiB), 403 (a foreign `Origin`),
    /// 400 (not `Content-Type: application/json`, or not one JSON object). §11 lists no 415, so
    /// a body without the JSON content type is a malformed body: 400.
    func apiBody(_ request: Request, allowed: Set<String>) async throws -> JSONFields {
        let bytes = try await body(request, api: true)
        try checkOrigin(request, api: true, words: words(nil))
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/json" else {
            throw EarlyAnswer(response: Responses.error(.badRequest, "Content-Type must be application/json"))
        }
        guard let members = JSONInput.parse(bytes)?.object else {
            throw EarlyAnswer(response: Responses.error(.badRequest, "the body must be one JSON object"))
        }
        do {
            return try JSONFields(members, allowed: allowed)
        } catch let malformed as MalformedBody {
            throw EarlyAnswer(response: Responses.error(.badRequest, malformed.message))
        }
    }

    /// `UNIT/ID` → the unit, after 404 (no such thing) and 403 (may not report it).
    func apiTarget(_ ref: String, identity: Identity, repository: PlanRepository,
                   ids: (UnitPlan) -> [String]) throws -> (unit: UnitPlan, id: String) {
        let parts = ref.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let unit = repository.unitsByID[parts[0]], ids(unit).contains(parts[1]) else {
            throw EarlyAnswer(response: Responses.error(.notFound, "no '\(ref)' in the plans"))
        }
        guard Authorization.mayReport(identity, unit: unit.id.value, in: repository) else {
            throw EarlyAnswer(response: Responses.error(.forbidden, "\(identity.logName) may not report unit '\(unit.id.value)'"))
        }
        return (unit, parts[1])
    }

    /// A 422 for a value the plan format does not allow, placed at the thing reported.
    func invalidValue(_ message: String, unit: UnitPlan, range: ByteRange?) -> EarlyAnswer {
        let diagnostic = Diagnostic(file: unit.file, range: range ?? unit.range, severity: .error,
                                    rule: RuleID.invalidValue, message: message)
        var placed = diagnostic
        if let source = (try? cache.current())?.result.sources[unit.file] {
            let start = source.location(ofByteOffset: diagnostic.range.start)
            let end = source.location(ofByteOffset: diagnostic.range.end)
            placed.start = TextPosition(line: start.line, column: start.column)
            placed.end = TextPosition(line: end.line, column: end.column)
        }
        return EarlyAnswer(response: Responses.json(.unprocessableContent, .object(["diagnostics": .array([Responses.diagnostic(placed)])])))
    }

    func apiReport(_ request: Request, _ identity: Identity) async throws -> Response {
        let fields = try await apiBody(request, allowed: ["ref", "status", "progress", "note", "date", "base"])
        let (_, repository) = try snapshot()
        let ref: String
        let statusText: String?, progress: Double?, note: String?, dateText: String?
        var base: JSONFields?
        do {
            guard let given = try fields.string("ref") else { throw MalformedBody(message: "'ref' is required (UNIT/ACTIVITY)") }
            ref = given
            statusText = try fields.string("status")
            progress = try fields.number("progress")
            note = try fields.string("note")
            dateText = try fields.string("date")
            if let members = fields.members["base"] {
                guard case .object(let object) = members else { throw MalformedBody(message: "'base' must be an object") }
                base = try JSONFields(object, allowed: ["status", "progress", "note"])
            }
        } catch let malformed as MalformedBody {
            return Responses.error(.badRequest, malformed.message)
        }
        var date = clock.today
        if let dateText {
            guard let parsed = PlanDate(dateText) else { return Responses.error(.badRequest, "'date' must be YYYY-MM-DD, not '\(dateText)'") }
            date = parsed
        }
        let target = try apiTarget(ref, identity: identity, repository: repository) { $0.allActivities.map(\.id.value) }
        let activity = target.unit.allActivities.first { $0.id.value == target.id }
        var write = ActivityWrite(activityID: target.id)
        if let statusText {
            guard let state = ActivityState(rawValue: statusText) else {
                let allowed = ActivityState.allCases.map(\.rawValue).joined(separator: " | ")
                throw invalidValue("'\(statusText)' is not a status (\(allowed))", unit: target.unit, range: activity?.status.range)
            }
            write.status = state
        }
        if let progress {
            guard (0...100).contains(progress) else {
                throw invalidValue("progress is a percentage from 0 to 100, not \(ValueText.number(progress))",
                                   unit: target.unit, range: activity?.progress?.range ?? activity?.range)
            }
            write.progress = progress
        }
        write.note = note
        write.confirm = true
        if let base {
            do {
                if base.has("status") { write.baseStatus = .some(try base.string("status")) }
                if base.has("progress") { write.baseProgress = .some(try base.number("progress")) }
                if base.has("note") { write.baseNote = .some(try base.string("note")) }
            } catch let malformed as MalformedBody {
                return Responses.error(.badRequest, malformed.message)
            }
        }
        var submission = UnitSubmission(unitID: target.unit.id.value, date: date)
        submission.activities = [write]
        return await apiAnswer(submission, ref: ref, unit: target.unit, identity: identity, repository: repository)
    }

    func apiMeasure(_ request: Request, _ identity: Identity) async throws -> Response {
        let fields = try await apiBody(request, allowed: ["ref", "period", "value", "comment", "base"])
        let (_, repository) = try snapshot()
        let ref: String, periodText: String, comment: String?
        let valueInput: JSONInput
        var base: JSONFields?
        do {
            guard let given = try fields.string("ref") else { throw MalformedBody(message: "'ref' is required (UNIT/INDICATOR)") }
            guard let period = try fields.string("period") else { throw MalformedBody(message: "'period' is required") }
            guard let value = fields.members["value"], value != .null else { throw MalformedBody(message: "'value' is required") }
            ref = given
            periodText = period
            valueInput = value
            comment = try fields.string("comment")
            if let members = fields.members["base"] {
                guard case .object(let object) = members else { throw MalformedBody(message: "'base' must be an object") }
                base = try JSONFields(object, allowed: ["value", "comment"])
            }
        } catch let malformed as MalformedBody {
            return Responses.error(.badRequest, malformed.message)
        }
        let target = try apiTarget(ref, identity: identity, repository: repository) { $0.allIndicators.map(\.id.value) }
        let indicator = target.unit.allIndicators.first { $0.id.value == target.id }
        let cadence = repository.settings.reporting
        guard let period = Period(periodText), period.cadence == cadence else {
            throw invalidValue("'\(periodText)' is not a period of reporting: \(cadence.rawValue)", unit: target.unit, range: indicator?.range)
        }
        let value: MeasurementValue
        switch valueInput {
        case .number(let number): value = .number(number)
        case .string(let text):
            guard let parsed = ValueText.parseMeasurement(text) else {
                throw invalidValue("'\(text)' is not a number or NUM/DEN with DEN > 0", unit: target.unit, range: indicator?.range)
            }
            value = parsed
        default:
            return Responses.error(.badRequest, "'value' must be a number or a string \"NUM/DEN\"")
        }
        var write = MeasurementWrite(indicatorID: target.id, period: period, value: value, comment: comment)
        if let base, base.has("comment") {
            do { write.baseComment = .some(try base.string("comment")) } catch let malformed as MalformedBody {
                return Responses.error(.badRequest, malformed.message)
            }
        }
        if let base, base.has("value") {
            switch base.members["value"] {
            case .null?: write.baseValue = .some(nil)
            case .number(let number)?: write.baseValue = .some(.number(number))
            case .string(let text)?:
                guard let parsed = ValueText.parseMeasurement(text) else { return Responses.error(.badRequest, "'base.value' is not a value") }
                write.baseValue = .some(parsed)
            default: return Responses.error(.badRequest, "'base.value' must be a number, \"NUM/DEN\" or null")
            }
        }
        var submission = UnitSubmission(unitID: target.unit.id.value, date: clock.today)
        submission.measurements = [write]
        submission.period = period
        return await apiAnswer(submission, ref: ref, unit: target.unit, identity: identity, repository: repository)
    }

    /// Runs a submission through the write queue and answers 200, 409 or 422.
    func apiAnswer(_ submission: UnitSubmission, ref: String, unit: UnitPlan, identity: Identity,
                   repository: PlanRepository) async -> Response {
        let relative = relativePath(of: unit, in: repository)
        let result = await writes.submit(submission, unit: unit, relative: relative, identity: identity,
                                         asOf: clock.today, today: clock.today)
        switch result.outcome {
        case .written(let changes, _, let added):
            var object: [String: JSONValue] = [
                "ref": .string(ref),
                "changes": .array(changes.map { change in
                    var entry: [String: JSONValue] = ["field": .string(change.field), "old": .string(change.old), "new": .string(change.new)]
                    if let period = change.period { entry["period"] = .string(period) }
                    return .object(entry)
                }),
            ]
            if let commit = result.commit { object["commit"] = .string(commit) }
            if !added.isEmpty { object["warnings"] = .array(added.map { Responses.diagnostic(localized($0, repository)) }) }
            return Responses.json(.ok, .object(object))
        case .unchanged:
            return Responses.json(.ok, .object(["ref": .string(ref), "changes": .array([])]))
        case .conflicts(let conflicts):
            var object: [String: JSONValue] = ["conflicts": .array(conflicts.map { conflict in
                .object(["field": .string(conflict.field), "base": .string(conflict.base),
                         "plan": .string(conflict.plan), "yours": .string(conflict.yours)])
            })]
            if let last = result.lastChange { object["changedBy"] = .string(last.who); object["changedOn"] = .string(last.date) }
            return Responses.json(.conflict, .object(object))
        case .invalid(let diagnostics, _):
            return Responses.json(.unprocessableContent, .object(["diagnostics": .array(diagnostics.map { Responses.diagnostic(localized($0, repository)) })]))
        case .rejected(let problems):
            let diagnostics = problems.map { problem in
                Responses.diagnostic(Diagnostic(file: unit.file, range: unit.range, severity: .error, rule: RuleID.invalidValue,
                                                message: localized(problem.message, repository)))
            }
            return Responses.json(.unprocessableContent, .object(["diagnostics": .array(diagnostics)]))
        case .failed(let message):
            return Responses.json(.unprocessableContent, .object(["diagnostics": .array([]), "error": .string(localized(message, repository))]))
        }
    }

    /// The unit's file inside the repository folder (from the model, never from the URL).
    func relativePath(of unit: UnitPlan, in repository: PlanRepository) -> String {
        let prefix = PlanFileDiscovery.displayPath(folder: configuration.folder, relative: "")
        return unit.file.hasPrefix(prefix) ? String(unit.file.dropFirst(prefix.count)) : unit.file
    }
}
