import HoshinModel
import HoshinText

/// The server's own page words in sv, da and en, from the message catalogue.
struct ServerWords: Sendable {
    /// The language of the words.
    let language: ReportLanguage
    let overview: String
    let report: String
    let openReport: String
    let backToOverview: String
    let backToUnit: String
    let parentUnit: String
    let childUnits: String
    let signedInAs: String
    let period: String
    let otherPeriod: String
    let show: String
    let value: String
    let note: String
    let comment: String
    let comments: String
    let save: String
    let saved: String
    let nothingChanged: String
    let notSaved: String
    let changedSince: String
    let someone: String
    let theirs: String
    let yours: String
    let resubmit: String
    let notAllowed: String
    let readOnly: String
    let noSuchUnit: String
    let noSuchPage: String
    let formExpired: String
    let badOrigin: String
    let notANumber: String
    let progressRange: String
    let notAValue: String
    let current: String
    let noActivities: String
    let noIndicators: String
    let unauthenticated: String
    let tooLarge: String
    let badRequest: String
    let reviewLater: String
    let problems: String

    /// The words for a language, from the message catalogue.
    static func forLanguage(_ language: ReportLanguage) -> ServerWords {
        func text(_ id: String) -> String { Catalogue.text(id, language) }
        return ServerWords(
            language: language,
            overview: text("server.overview"), report: text("server.report"),
            openReport: text("server.open-report"), backToOverview: text("server.back-to-overview"),
            backToUnit: text("server.back-to-unit"), parentUnit: text("server.parent-unit"),
            childUnits: text("server.child-units"), signedInAs: text("server.signed-in-as"),
            period: text("server.period"), otherPeriod: text("server.other-period"), show: text("server.show"),
            value: text("server.value"), note: text("server.note"), comment: text("server.comment"),
            comments: text("server.comments"), save: text("server.save"), saved: text("server.saved"),
            nothingChanged: text("server.nothing-changed"), notSaved: text("server.not-saved"),
            changedSince: text("server.changed-since"),
            someone: text("server.someone"), theirs: text("server.theirs"), yours: text("server.yours"),
            resubmit: text("server.resubmit"), notAllowed: text("server.not-allowed"),
            readOnly: text("server.read-only"), noSuchUnit: text("server.no-such-unit"),
            noSuchPage: text("server.no-such-page"), formExpired: text("server.form-expired"),
            badOrigin: text("server.bad-origin"), notANumber: text("server.not-a-number"),
            progressRange: text("server.progress-range"), notAValue: text("server.not-a-value"),
            current: text("server.current"), noActivities: text("server.no-activities"),
            noIndicators: text("server.no-indicators"), unauthenticated: text("server.unauthenticated"),
            tooLarge: text("server.too-large"), badRequest: text("server.bad-request"),
            reviewLater: text("server.review-later"), problems: text("server.problems"))
    }

    /// "changed by X on D since you opened the form".
    func conflictLine(who: String?, date: String?) -> String {
        guard let who, let date else { return changedSince }
        return Catalogue.text("server.changed-by", language, ["who": who, "date": date])
    }
}
