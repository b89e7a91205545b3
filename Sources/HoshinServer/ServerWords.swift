import HoshinModel
import HoshinText

/// The server's own page words in sv, da and en, read from the message catalogue (`server.*`).
struct ServerWords: Sendable {
    /// The language of the words.
    let language: ReportLanguage

    /// The words for a language.
    static func forLanguage(_ language: ReportLanguage) -> ServerWords { ServerWords(language: language) }

    /// The catalogue text of `id` in the language.
    func text(_ id: String) -> String { Catalogue.text(id, language) }

    var overview: String { text("server.overview") }
    var report: String { text("server.report") }
    var openReport: String { text("server.open-report") }
    var backToOverview: String { text("server.back-to-overview") }
    var backToUnit: String { text("server.back-to-unit") }
    var parentUnit: String { text("server.parent-unit") }
    var childUnits: String { text("server.child-units") }
    var signedInAs: String { text("server.signed-in-as") }
    var period: String { text("server.period") }
    var otherPeriod: String { text("server.other-period") }
    var show: String { text("server.show") }
    var value: String { text("server.value") }
    var note: String { text("server.note") }
    var comment: String { text("server.comment") }
    var comments: String { text("server.comments") }
    var save: String { text("server.save") }
    var saved: String { text("server.saved") }
    var nothingChanged: String { text("server.nothing-changed") }
    var notSaved: String { text("server.not-saved") }
    var changedSince: String { text("server.changed-since") }
    var someone: String { text("server.someone") }
    var theirs: String { text("server.theirs") }
    var yours: String { text("server.yours") }
    var resubmit: String { text("server.resubmit") }
    var notAllowed: String { text("server.not-allowed") }
    var readOnly: String { text("server.read-only") }
    var noSuchUnit: String { text("server.no-such-unit") }
    var noSuchPage: String { text("server.no-such-page") }
    var formExpired: String { text("server.form-expired") }
    var badOrigin: String { text("server.bad-origin") }
    var notANumber: String { text("server.not-a-number") }
    var progressRange: String { text("server.progress-range") }
    var notAValue: String { text("server.not-a-value") }
    var current: String { text("server.current") }
    var noActivities: String { text("server.no-activities") }
    var noIndicators: String { text("server.no-indicators") }
    var unauthenticated: String { text("server.unauthenticated") }
    var tooLarge: String { text("server.too-large") }
    var badRequest: String { text("server.bad-request") }
    var reviewLater: String { text("server.review-later") }
    var problems: String { text("server.problems") }
    /// Before a warning the accepted write added.
    var warning: String { text("server.warning") }

    /// "changed by X on D since you opened the form".
    func conflictLine(who: String?, date: String?) -> String {
        guard let who, let date else { return changedSince }
        return Catalogue.text("server.changed-by", language, ["who": who, "date": date])
    }
}
