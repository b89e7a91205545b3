import Foundation
import HoshinEditing
import HoshinModel
import HoshinRepository

/// The one update path (spec §7, §9, §11): `report`, `measure`, `sheet import` and the web
/// server all call `apply`. It checks the request against the repository, locks every file
/// it touches, reads each once, checks conflicts against the requester's base values,
/// splices the changes into the bytes, validates the whole repository once with the
/// changes applied (structural rules at their default severity), and writes every file
/// all or nothing — or refuses and leaves every byte as it was.
public struct PlanUpdate: Sendable {
    /// The repository folder.
    public let folder: String
    /// Called after every step of the write (a test seam; see `FileTransaction`).
    let afterStep: (@Sendable (FileTransaction.Step) throws -> Void)?
    /// When set, files unchanged since they were last parsed are not parsed again (`hoshin serve`).
    public var parsedFiles: ParsedFileCache?

    /// Creates an updater for a repository folder.
    public init(folder: String) {
        self.folder = folder
        self.afterStep = nil
    }

    /// Creates an updater whose writes call `afterStep` after every step (tests inject failures).
    public init(folder: String, afterStep: @escaping @Sendable (FileTransaction.Step) throws -> Void) {
        self.folder = folder
        self.afterStep = afterStep
    }

    /// A located ref: its unit, id, kind and file (inside the folder).
    struct Target {
        let unit: UnitPlan
        let id: String
        let isActivity: Bool
        let relative: String
    }

    /// Applies a request: see the type's documentation. Throws `UpdateError`; nothing is
    /// written when it throws.
    public func apply(_ request: UpdateRequest) throws -> UpdateResult {
        FileTransaction.recover(folder: folder)
        var loader = RepositoryLoader(enforcesStructuralRules: true)
        // The loads after the first parse only the files whose bytes changed.
        loader.parsedFiles = parsedFiles ?? ParsedFileCache()
        let first = try loader.load(folder: folder, asOf: request.asOf)
        guard let repository = first.repository else {
            throw UpdateError.repository("\(folder)/hoshin.yaml cannot be read; run 'hoshin validate \(folder)'")
        }
        let (targets, problems) = locate(request, in: repository)
        guard problems.isEmpty else { throw UpdateError.invalid(problems) }

        // Lock every touched file (in path order, so writers never deadlock), read each once.
        let paths = Array(Set(targets.map(\.relative))).sorted()
        var locks: [PlanFileLock] = []
        var originals: [String: [UInt8]] = [:]
        for relative in paths {
            let display = PlanFileDiscovery.displayPath(folder: folder, relative: relative)
            let lock = try PlanFileLock(path: display)
            locks.append(lock)
            originals[relative] = try lock.read()
        }
        defer { withExtendedLifetime(locks) {} }
        let unchanged = paths.allSatisfy { relative in
            first.sources[PlanFileDiscovery.displayPath(folder: folder, relative: relative)]?.bytes == originals[relative]
        }
        let before = unchanged ? first : try loader.load(folder: folder, asOf: request.asOf, overrides: originals)
        guard let current = before.repository else { throw UpdateError.repository("\(folder)/hoshin.yaml cannot be read") }

        // Check against the plan as read under the lock, then splice.
        var updated = originals
        var changes: [AppliedChange] = []
        var conflicts: [UpdateConflict] = []
        var notices: [UpdateNotice] = []
        var lockedProblems: [UpdateProblem] = []
        for (index, update) in request.updates.enumerated() {
            let target = targets[index]
            guard let unit = current.unitsByID[target.unit.id.value] else {
                lockedProblems.append(UpdateProblem(index: index, field: nil, message: "no unit '\(target.unit.id.value)'"))
                continue
            }
            let relative = target.relative
            do {
                let (bom, body) = ByteOrderMark.split(updated[relative]!)
                let editor = try PlanEditor(bytes: body)
                let outcome = try Self.plan(update, index: index, target: target, unit: unit, editor: editor, request: request,
                                            settings: current.settings)
                conflicts += outcome.conflicts
                notices += outcome.notices
                if !outcome.deltas.isEmpty {
                    changes.append(AppliedChange(index: index, ref: update.ref, file: unit.file, fields: outcome.deltas))
                    var bytes = body
                    for edit in outcome.edits {
                        let editor = try PlanEditor(bytes: bytes)
                        bytes = Splice.apply(try edit(editor), to: bytes)
                    }
                    updated[relative] = bom + bytes
                }
            } catch let error as EditError {
                throw UpdateError.edit("\(unit.file): \(error.description)")
            }
        }
        guard lockedProblems.isEmpty else { throw UpdateError.invalid(lockedProblems) }
        if !conflicts.isEmpty {
            guard request.force else { throw UpdateError.conflicts(conflicts) }
            notices += conflicts.map { UpdateNotice.forced($0) }
        }

        // Validate once with every change applied.
        let changed = paths.filter { updated[$0] != originals[$0] }
        guard !changed.isEmpty else {
            return UpdateResult(changes: changes, added: [], written: [], notices: notices, dryRun: request.dryRun, language: current.settings.language)
        }
        let after = try loader.load(folder: folder, asOf: request.asOf, overrides: updated)
        let added = Self.added(before: before.diagnostics, after: after.diagnostics)
        let errors = Self.newErrors(before: before.diagnostics, after: after.diagnostics)
        guard errors.isEmpty else { throw UpdateError.wouldNotValidate(errors) }
        if request.dryRun {
            return UpdateResult(changes: changes, added: added, written: [], notices: notices, dryRun: true, language: current.settings.language)
        }
        let files = changed.map { (path: PlanFileDiscovery.displayPath(folder: folder, relative: $0), bytes: updated[$0]!) }
        do {
            try FileTransaction(folder: folder, afterStep: afterStep).write(files)
        } catch let error as RepositoryError {
            throw UpdateError.unwritable("\(error.description); every file was left as it was")
        } catch {
            throw UpdateError.unwritable("the write failed (\(error)); every file was left as it was")
        }
        return UpdateResult(changes: changes, added: added, written: files.map(\.path), notices: notices, dryRun: false,
                            language: current.settings.language)
    }

    // MARK: Checking the request

    /// Finds every ref, and checks what can be checked without the lock.
    func locate(_ request: UpdateRequest, in repository: PlanRepository) -> ([Target], [UpdateProblem]) {
        var targets: [Target] = []
        var problems: [UpdateProblem] = []
        let prefix = PlanFileDiscovery.displayPath(folder: folder, relative: "")
        let cadence = repository.settings.reporting
        for (index, update) in request.updates.enumerated() {
            let reference = Reference(update.ref)
            let unit = reference.flatMap { repository.unitsByID[$0.unit] }
            let wantsActivity = update.changes.first?.field.isActivityField ?? true
            let isActivity = unit?.allActivities.contains { $0.id.value == reference?.id } == true
            let isIndicator = unit?.allIndicators.contains { $0.id.value == reference?.id } == true
            guard let unit, let reference, (wantsActivity && isActivity) || (!wantsActivity && isIndicator) else {
                let kind: ReferenceHint.Kind = wantsActivity ? .activity : .indicator
                problems.append(UpdateProblem(index: index, field: nil,
                                              message: ReferenceHint.message(for: update.ref, kind: kind, in: repository)))
                continue
            }
            for change in update.changes {
                if change.field.isActivityField != wantsActivity {
                    problems.append(UpdateProblem(index: index, field: change.field,
                                                  message: "\(change.field) cannot be set on '\(update.ref)'"))
                }
                switch change {
                case .progress(let progress) where !(0...100).contains(progress) || progress.isNaN:
                    problems.append(UpdateProblem(index: index, field: .progress,
                                                  message: "progress is a percentage from 0 to 100, not \(ScalarWriter.number(progress))"))
                case .value(let period, _), .comment(let period, _):
                    if period.cadence != cadence {
                        problems.append(UpdateProblem(index: index, field: change.field,
                                                      message: "period \(period) does not fit reporting: \(cadence.rawValue); write \(Self.example(cadence))"))
                    }
                    if case .value(_, let value) = change {
                        switch value {
                        case .number(let number) where !number.isFinite:
                            problems.append(UpdateProblem(index: index, field: change.field, message: "the value is not a finite number"))
                        case .ratio(let num, let den) where !(den > 0) || !num.isFinite || !den.isFinite:
                            problems.append(UpdateProblem(index: index, field: change.field, message: "the denominator must be greater than 0"))
                        default: break
                        }
                    }
                default: break
                }
            }
            let relative = unit.file.hasPrefix(prefix) ? String(unit.file.dropFirst(prefix.count)) : unit.file
            targets.append(Target(unit: unit, id: reference.id, isActivity: isActivity && wantsActivity, relative: relative))
        }
        return (targets, problems)
    }

    /// What one ref's update does: field deltas, conflicts, notices and the edits to make.
    struct Outcome {
        var deltas: [FieldDelta] = []
        var conflicts: [UpdateConflict] = []
        var notices: [UpdateNotice] = []
        var edits: [@Sendable (PlanEditor) throws -> [Splice]] = []
    }

    static func plan(_ update: RefUpdate, index: Int, target: Target, unit: UnitPlan, editor: PlanEditor,
                     request: UpdateRequest, settings: RepositorySettings) throws -> Outcome {
        var outcome = Outcome()
        var changes = update.changes
        let id = target.id
        if target.isActivity {
            guard let activity = unit.allActivities.first(where: { $0.id.value == id }) else {
                throw EditError.notFound(kind: "activity", id: id)
            }
            // `done` without progress means 100, whatever path the report took.
            if let done = changes.firstIndex(of: .status(.done)), !changes.contains(where: { $0.field == .progress }) {
                changes.insert(.progress(100), at: done + 1)
            }
            let planValue: (Field) -> String? = { field in
                switch field {
                case .status: activity.status.value.rawValue
                case .progress: activity.progress.map { ScalarWriter.number($0.value) }
                case .note: activity.note
                case .updated: activity.updated.map { $0.value.description }
                case .value, .comment: nil
                }
            }
            var fields: [(key: String, value: FieldValue)] = []
            for change in changes {
                let plan = planValue(change.field)
                if let base = update.base[change.field], !Self.same(change.field, base, plan), !Self.same(change.field, change.text, plan) {
                    outcome.conflicts.append(UpdateConflict(index: index, ref: update.ref, field: change.field, base: base.text,
                                                            plan: plan, yours: change.text, updated: activity.updated?.value))
                }
                if case .updated(let date) = change, date > request.today {
                    outcome.notices.append(.futureDate(index: index, ref: update.ref, date: date))
                }
                guard !Self.same(change.field, change.text, plan) else { continue }
                outcome.deltas.append(FieldDelta(field: change.field, old: plan, new: change.text))
                fields.append((change.field.description, Self.fieldValue(change)))
            }
            if let stamp = update.stamp, !outcome.deltas.isEmpty, !changes.contains(where: { $0.field == .updated }) {
                let plan = planValue(.updated)
                if plan != stamp.description {
                    outcome.deltas.append(FieldDelta(field: .updated, old: plan, new: stamp.description))
                    fields.append(("updated", .date(stamp)))
                }
                if stamp > request.today { outcome.notices.append(.futureDate(index: index, ref: update.ref, date: stamp)) }
            }
            let order = ["status", "progress", "updated", "note"]
            fields.sort { order.firstIndex(of: $0.key)! < order.firstIndex(of: $1.key)! }
            if !fields.isEmpty {
                let settled = fields
                outcome.edits.append { editor in try editor.set(settled, in: try editor.activity(id)) }
            }
        } else {
            guard let indicator = unit.allIndicators.first(where: { $0.id.value == id }) else {
                throw EditError.notFound(kind: "indicator", id: id)
            }
            let node = try editor.indicator(id)
            for change in changes {
                let plan: String?
                switch change {
                case .value(let period, _):
                    plan = indicator.measurements.first { $0.period == period }.map { PlanEditor.render($0.value) }
                    if period.year > settings.period {
                        outcome.notices.append(.periodAfterPlanYear(index: index, ref: update.ref, period: period, year: settings.period))
                    }
                case .comment(let period, _):
                    plan = editor.comment(period, in: node)
                default:
                    continue
                }
                if let base = update.base[change.field], !Self.same(change.field, base, plan), !Self.same(change.field, change.text, plan) {
                    outcome.conflicts.append(UpdateConflict(index: index, ref: update.ref, field: change.field, base: base.text,
                                                            plan: plan, yours: change.text, updated: nil))
                }
                guard !Self.same(change.field, change.text, plan) else { continue }
                outcome.deltas.append(FieldDelta(field: change.field, old: plan, new: change.text))
                switch change {
                case .value(let period, let value):
                    outcome.edits.append { editor in try editor.setMeasurement(period, value, in: try editor.indicator(id)) }
                case .comment(let period, let text):
                    outcome.edits.append { editor in try editor.setComment(period, text, in: try editor.indicator(id)) }
                default: break
                }
            }
        }
        return outcome
    }

    static func fieldValue(_ change: FieldChange) -> FieldValue {
        switch change {
        case .status(let state): .word(state.rawValue)
        case .progress(let progress): .number(progress)
        case .note(let note): .text(note)
        case .updated(let date): .date(date)
        case .value(_, let value): .text(PlanEditor.render(value))
        case .comment(_, let text): .text(text)
        }
    }

    /// Whether a base value and the plan's value are the same value of `field`.
    static func same(_ field: Field, _ base: BaseValue, _ plan: String?) -> Bool {
        switch base {
        case .absent: plan == nil
        case .text(let text): same(field, text, plan)
        }
    }

    /// Whether two texts are the same value of `field` (`40` and `40.0`, `11/142` and `{num: 11, den: 142}`).
    static func same(_ field: Field, _ text: String, _ plan: String?) -> Bool {
        guard let plan else { return false }
        switch field {
        case .progress:
            if let a = DecimalNumber.parse(text), let b = DecimalNumber.parse(plan) { return a == b }
        case .value:
            if let a = MeasurementText.parse(text), let b = MeasurementText.parse(plan) { return a == b }
        case .updated:
            if let a = PlanDate(text.trimmingCharacters(in: .whitespaces)), let b = PlanDate(plan) { return a == b }
        case .status:
            return text.trimmingCharacters(in: .whitespaces) == plan
        case .note, .comment:
            return Self.normalizedLines(text) == Self.normalizedLines(plan)
        }
        return text == plan
    }

    /// Text with CRLF and CR line breaks as LF (spreadsheets change them on the way).
    static func normalizedLines(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    static func example(_ cadence: ReportingCadence) -> String {
        switch cadence {
        case .monthly: "YYYY-MM, e.g. 2026-10"
        case .quarterly: "YYYY-Qn, e.g. 2026-Q3"
        case .tertial: "YYYY-Tn, e.g. 2026-T2"
        }
    }

    // MARK: What the change adds

    /// Errors of `after` beyond those of `before`, counted per file and rule
    /// (positions move with an edit, so they are not compared).
    static func newErrors(before: [Diagnostic], after: [Diagnostic]) -> [Diagnostic] {
        difference(before.filter { $0.severity == .error }, after.filter { $0.severity == .error }) {
            DiagnosticKey(file: $0.file, rule: $0.rule, message: nil)
        }
    }

    /// Every diagnostic of `after` beyond those of `before`, counted per file, rule and message
    /// (catalogue messages compared by id and values, without writing them out).
    static func added(before: [Diagnostic], after: [Diagnostic]) -> [Diagnostic] {
        difference(before, after) { DiagnosticKey(file: $0.file, rule: $0.rule, message: $0.messageKey) }
    }

    /// What two diagnostics must share to count as the same finding before and after a change.
    struct DiagnosticKey: Hashable {
        let file: String
        let rule: String
        let message: Diagnostic.MessageKey?
    }

    static func difference(_ before: [Diagnostic], _ after: [Diagnostic],
                           key: (Diagnostic) -> DiagnosticKey) -> [Diagnostic] {
        var budget: [DiagnosticKey: Int] = [:]
        budget.reserveCapacity(before.count)
        for diagnostic in before { budget[key(diagnostic), default: 0] += 1 }
        var introduced: [Diagnostic] = []
        for diagnostic in after {
            let k = key(diagnostic)
            if let left = budget[k], left > 0 { budget[k] = left - 1 } else { introduced.append(diagnostic) }
        }
        return introduced
    }
}

extension BaseValue {
    /// The base as text, nil when absent.
    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}

/// A measurement written as text: `7.9`, `7,9`, `11/142`, `{num: 11, den: 142}`.
public enum MeasurementText {
    /// Reads a measurement value, or nil.
    public static func parse(_ text: String) -> MeasurementValue? {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("{"), trimmed.hasSuffix("}") {
            trimmed = String(trimmed.dropFirst().dropLast())
            var num: Double?
            var den: Double?
            for part in trimmed.split(separator: ",") {
                let pair = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2, let number = DecimalNumber.parse(pair[1]) else { return nil }
                if pair[0] == "num" { num = number } else if pair[0] == "den" { den = number } else { return nil }
            }
            guard let num, let den else { return nil }
            return .ratio(num: num, den: den)
        }
        if let slash = trimmed.firstIndex(of: "/") {
            guard let num = DecimalNumber.parse(String(trimmed[..<slash])),
                  let den = DecimalNumber.parse(String(trimmed[trimmed.index(after: slash)...])) else { return nil }
            return .ratio(num: num, den: den)
        }
        return DecimalNumber.parse(trimmed).map { .number($0) }
    }
}

/// A UTF-8 byte-order mark at the start of a file: kept by every edit.
enum ByteOrderMark {
    static let bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The mark (or nothing) and the bytes after it.
    static func split(_ file: [UInt8]) -> (mark: [UInt8], body: [UInt8]) {
        file.starts(with: bytes) ? (bytes, Array(file.dropFirst(3))) : ([], file)
    }
}
