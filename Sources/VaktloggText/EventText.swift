public import VaktloggCore

/// Names of what can happen to an entry (history lines of `show`) and of its deadlines.
public enum EventText {
    /// A history event code (`lifecycle_events.event`, and `amendment`, `measure`, `decision`).
    public static func label(_ code: String) -> LocalizedText {
        table[code] ?? LocalizedText(nb: code, en: code)
    }

    /// Every event code with a name, for the catalogue test.
    public static var codes: [String] { table.keys.sorted() }

    private static let table: [String: LocalizedText] = [
        "acknowledge": t("kvittert", "acknowledged"),
        "assign": t("tildelt", "assigned"),
        "comment": t("kommentar", "comment"),
        "treatment_started": t("behandling startet", "treatment started"),
        "measure_decided": t("tiltak besluttet", "measure decided"),
        "close": t("lukket", "closed"),
        "reopen": t("gjenåpnet", "reopened"),
        "supervision_offered": t("veiledning tilbudt", "supervision offered"),
        "supervision_held": t("veiledning gjennomført", "supervision held"),
        "threat_assessed": t("trussel vurdert", "threat assessed"),
        "police_decision": t("politibeslutning", "police decision"),
        "escalated": t("eskalert", "escalated"),
        "amendment": t("rettelse", "amendment"),
        "measure": t("tiltak", "measure"),
        "decision": t("vedtak", "decision"),
    ]

    /// A deadline code, as stored (`ack_due`…) or as the rules name it (`p1_acknowledge`…).
    public static func deadline(_ code: String) -> LocalizedText {
        switch code {
        case "p1_acknowledge", "ack_due": t("kvittering (P1)", "acknowledgement (P1)")
        case "deviation_acknowledge": t("kvittering", "acknowledgement")
        case "deviation_treatment", "treatment_due": t("behandling startet", "treatment started")
        case "deviation_close", "close_due": t("lukking", "closing")
        case "manipulation_review", "review_due": t("gjennomgang av sikkerhetsleder", "review by coordinator")
        case "manipulation_supervision", "supervision_due": t("veiledning gjennomført", "supervision held")
        case "threat_assessment", "assessment_due": t("trusselvurdering", "threat assessment")
        case "police_decision", "police_due": t("politibeslutning", "police decision")
        default: LocalizedText(nb: code, en: code)
        }
    }

    /// Every deadline code with a name, for the catalogue test.
    public static let deadlineCodes = [
        "p1_acknowledge", "ack_due", "deviation_acknowledge", "deviation_treatment", "treatment_due", "deviation_close",
        "close_due", "manipulation_review", "review_due", "manipulation_supervision", "supervision_due",
        "threat_assessment", "assessment_due", "police_decision", "police_due",
    ]
}
