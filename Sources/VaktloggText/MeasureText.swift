public import VaktloggCore

/// The stored outcome `justified`: allowed as a recorded departure from a main rule.
public enum OutcomeText {
    public static let justified = t("begrunnet avvik fra hovedregel", "justified departure from a main rule")
}

/// What `measure`, `decide` and `assess-person` print and ask.
public enum MeasureText {
    public static func recorded(id: Int64, ref: String, departures: [String]?) -> LocalizedText {
        guard let departures else { return t("Tiltak \(id) registrert på \(ref) · tillatt", "Measure \(id) recorded on \(ref) · allowed") }
        let list = departures.joined(separator: ", ")
        return t("Tiltak \(id) registrert på \(ref) · begrunnet avvik fra hovedregel (\(list))",
                 "Measure \(id) recorded on \(ref) · justified departure (\(list))")
    }
    public static func decisionRecorded(id: Int64, ref: String) -> LocalizedText {
        t("Vedtak \(id) registrert på \(ref)", "Decision \(id) recorded on \(ref)")
    }
    public static func assessmentRecorded(id: Int64, person: String, score: Int, band: RiskBand, validUntil: String) -> LocalizedText {
        t("Risikovurdering \(id) av \(person): risiko \(score) (\(band.label.nb)), gyldig til \(validUntil)",
          "Risk assessment \(id) of \(person): risk \(score) (\(band.label.en)), valid until \(validUntil)")
    }
    public static let askJustification = t("Begrunnelse", "Justification")
    public static let askRehabilitationEffect = t("Virkning på påvirkningsarbeidet", "Effect on rehabilitation")
}
