public import VaktloggCore

/// What the lifecycle commands (`ack`, `assign`, `treat`, `close`, …) print and refuse.
public enum LifecycleText {
    public static func done(ref: String, what: LocalizedText, status: String) -> LocalizedText {
        t("\(ref): \(what.nb) · status \(Status.label(status).nb)", "\(ref): \(what.en) · status \(Status.label(status).en)")
    }
    public static let acknowledged = t("kvittert", "acknowledged")
    public static func assigned(_ user: String) -> LocalizedText { t("tildelt \(user)", "assigned to \(user)") }
    public static let commented = t("kommentert", "commented")
    public static let treatmentRecorded = t("behandling registrert", "treatment recorded")
    public static let closed = t("lukket", "closed")
    public static let reopened = t("gjenåpnet", "reopened")
    public static let supervisionOffered = t("veiledning tilbudt", "supervision offered")
    public static let supervisionHeld = t("veiledning gjennomført", "supervision held")
    public static let assessed = t("vurdert", "assessed")
    public static let policeDecisionRecorded = t("politibeslutning registrert", "police decision recorded")

    public static let measureIncomplete = t("et tiltak krever --measure, --responsible og --due", "a measure needs --measure, --responsible and --due")
    public static let dateFormat = t("dato skrives ÅÅÅÅ-MM-DD", "a date is written YYYY-MM-DD")
    public static let treatmentNeedsSomething = t("oppgi --cause og/eller --measure/--responsible/--due", "give --cause and/or --measure/--responsible/--due")
    public static let askVerification = t("Verifisering av at tiltaket virker", "Verification that the measure works")
}
