// Reporting sheets (spec §9): the label row under the English header keys. A sheet whose
// header is this row imports too, so a label, once shipped, is only changed with care.

extension Catalogue {
    static let sheetEntries: [Entry] = [
        .word("sheet.label.type", en: "type", sv: "typ", da: "type"),
        .word("sheet.label.ref", en: "reference", sv: "referens", da: "reference"),
        .word("sheet.label.title", en: "title", sv: "titel", da: "titel"),
        .word("sheet.label.status", en: "status", sv: "status", da: "status"),
        .word("sheet.label.progress", en: "done %", sv: "klart %", da: "færdig %"),
        .word("sheet.label.note", en: "note", sv: "kommentar", da: "note"),
        .word("sheet.label.updated", en: "reported", sv: "rapporterad", da: "indberettet"),
        .word("sheet.label.period", en: "period", sv: "period", da: "periode"),
        .word("sheet.label.value", en: "value", sv: "värde", da: "værdi"),
        .word("sheet.label.num", en: "numerator", sv: "täljare", da: "tæller"),
        .word("sheet.label.den", en: "denominator", sv: "nämnare", da: "nævner"),
        .word("sheet.label.comment", en: "analysis", sv: "analys", da: "analyse"),
        .word("sheet.label.base", en: "(Hoshin, do not edit)", sv: "(Hoshin, ändra inte)", da: "(Hoshin, ændr ikke)"),
    ]
}
