import VaktloggCore

/// The messages of the shift log, bokmål and English.
enum ShiftText {
    static func unknownUnit(_ code: String) -> LocalizedText {
        LocalizedText(nb: "ukjent enhet \(code)", en: "unknown unit \(code)")
    }
    static let noHomeUnit = LocalizedText(
        nb: "du har ingen hjemmeenhet; oppgi enheten med --unit KODE",
        en: "you have no home unit; name the unit with --unit CODE")
    static func notWritable(_ code: String) -> LocalizedText {
        LocalizedText(nb: "du kan ikke føre vaktlogg for enhet \(code)",
                      en: "you may not write the shift log of unit \(code)")
    }
    static func notVisible(_ code: String) -> LocalizedText {
        LocalizedText(nb: "enheten \(code) er ikke synlig for deg", en: "the unit \(code) is not visible to you")
    }
    static func noPendingHandover(_ code: String) -> LocalizedText {
        LocalizedText(nb: "ingen overlevering venter ved \(code); oppgi --handover ID for en bestemt",
                      en: "no handover is waiting at \(code); give --handover ID for a particular one")
    }
    static let unknownHandover = LocalizedText(nb: "ukjent vaktoverlevering ved enheten",
                                               en: "no such handover in this unit")
}
