import HoshinModel

/// The server's own page words in sv, da and en (kept in one place for the message catalogue).
struct ServerWords: Sendable {
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
    /// "changed by {who} on {date} since you opened the form".
    let changedBy: String
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
    /// Before a warning the accepted write added.
    let warning: String

    static func forLanguage(_ language: ReportLanguage) -> ServerWords {
        switch language {
        case .sv: sv
        case .da: da
        case .en: en
        }
    }

    static let sv = ServerWords(
        overview: "Översikt", report: "Rapportera", openReport: "Rapportera för enheten",
        backToOverview: "Till översikten", backToUnit: "Till enhetens sida", parentUnit: "Överordnad enhet",
        childUnits: "Underordnade enheter", signedInAs: "Inloggad som", period: "Mätperiod",
        otherPeriod: "Annan period", show: "Visa", value: "Värde", note: "Kommentar", comment: "Analys", comments: "Analys av mätvärden", save: "Spara",
        saved: "Sparat. Så här ser det ut nu:", nothingChanged: "Inget att spara: inget fält ändrades.",
        notSaved: "Inget sparades. Rätta fälten nedan och spara igen.",
        changedBy: "ändrat av {who} den {date} sedan du öppnade formuläret",
        changedSince: "ändrat sedan du öppnade formuläret", someone: "någon",
        theirs: "deras", yours: "ditt", resubmit: "Spara igen för att ersätta deras värde med ditt.",
        notAllowed: "Du får inte rapportera för den här enheten. Be enhetens rapportörer eller en administratör om hjälp.",
        readOnly: "Du kan läsa men inte rapportera för den här enheten.",
        noSuchUnit: "Det finns ingen enhet med det id:t.", noSuchPage: "Sidan finns inte.",
        formExpired: "Formuläret har gått ut. Ladda om sidan och försök igen.",
        badOrigin: "Begäran kom från en annan webbplats och avvisades.",
        notANumber: "Skriv ett tal, till exempel 12,5.", progressRange: "Skriv en procentsats från 0 till 100.",
        notAValue: "Skriv ett tal (12,5) eller täljare/nämnare (11/142).", current: "Nu",
        noActivities: "Enheten har inga aktiviteter.", noIndicators: "Enheten har inga mått.",
        unauthenticated: "Du är inte inloggad.", tooLarge: "Begäran är för stor.", badRequest: "Felaktig begäran.",
        reviewLater: "Uppföljningsunderlaget finns inte ännu.", problems: "Filer som inte kunde läsas", warning: "Varning")

    static let da = ServerWords(
        overview: "Oversigt", report: "Rapportér", openReport: "Rapportér for enheden",
        backToOverview: "Til oversigten", backToUnit: "Til enhedens side", parentUnit: "Overordnet enhed",
        childUnits: "Underordnede enheder", signedInAs: "Logget ind som", period: "Måleperiode",
        otherPeriod: "Anden periode", show: "Vis", value: "Værdi", note: "Bemærkning", comment: "Analyse", comments: "Analyse af måleværdier", save: "Gem",
        saved: "Gemt. Sådan ser det ud nu:", nothingChanged: "Intet at gemme: intet felt blev ændret.",
        notSaved: "Intet blev gemt. Ret felterne nedenfor og gem igen.",
        changedBy: "ændret af {who} den {date}, siden du åbnede formularen",
        changedSince: "ændret, siden du åbnede formularen", someone: "nogen",
        theirs: "deres", yours: "din", resubmit: "Gem igen for at erstatte deres værdi med din.",
        notAllowed: "Du må ikke rapportere for denne enhed. Spørg enhedens rapportører eller en administrator.",
        readOnly: "Du kan læse, men ikke rapportere for denne enhed.",
        noSuchUnit: "Der findes ingen enhed med det id.", noSuchPage: "Siden findes ikke.",
        formExpired: "Formularen er udløbet. Genindlæs siden og prøv igen.",
        badOrigin: "Anmodningen kom fra et andet websted og blev afvist.",
        notANumber: "Skriv et tal, for eksempel 12,5.", progressRange: "Skriv en procentsats fra 0 til 100.",
        notAValue: "Skriv et tal (12,5) eller tæller/nævner (11/142).", current: "Nu",
        noActivities: "Enheden har ingen aktiviteter.", noIndicators: "Enheden har ingen indikatorer.",
        unauthenticated: "Du er ikke logget ind.", tooLarge: "Anmodningen er for stor.", badRequest: "Ugyldig anmodning.",
        reviewLater: "Opfølgningsmaterialet findes ikke endnu.", problems: "Filer, der ikke kunne læses", warning: "Advarsel")

    static let en = ServerWords(
        overview: "Overview", report: "Report", openReport: "Report for this unit",
        backToOverview: "To the overview", backToUnit: "To the unit's page", parentUnit: "Parent unit",
        childUnits: "Units below", signedInAs: "Signed in as", period: "Measurement period",
        otherPeriod: "Another period", show: "Show", value: "Value", note: "Note", comment: "Comment", comments: "Comments on measurements", save: "Save",
        saved: "Saved. This is how it looks now:", nothingChanged: "Nothing to save: no field was changed.",
        notSaved: "Nothing was saved. Correct the fields below and save again.",
        changedBy: "changed by {who} on {date} since you opened the form",
        changedSince: "changed since you opened the form", someone: "someone",
        theirs: "theirs", yours: "yours", resubmit: "Save again to replace their value with yours.",
        notAllowed: "You may not report for this unit. Ask the unit's reporters or an administrator.",
        readOnly: "You can read but not report for this unit.",
        noSuchUnit: "There is no unit with that id.", noSuchPage: "There is no such page.",
        formExpired: "The form has expired. Reload the page and try again.",
        badOrigin: "The request came from another site and was refused.",
        notANumber: "Write a number, such as 12.5.", progressRange: "Write a percentage from 0 to 100.",
        notAValue: "Write a number (12.5) or numerator/denominator (11/142).", current: "Now",
        noActivities: "The unit has no activities.", noIndicators: "The unit has no indicators.",
        unauthenticated: "You are not signed in.", tooLarge: "The request is too large.", badRequest: "Bad request.",
        reviewLater: "The review pack is not available yet.", problems: "Files that could not be read", warning: "Warning")

    /// "changed by X on D since you opened the form".
    func conflictLine(who: String?, date: String?) -> String {
        guard let who, let date else { return changedSince }
        return changedBy.replacingOccurrences(of: "{who}", with: who).replacingOccurrences(of: "{date}", with: date)
    }
}
