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

/// Rules for input worded once, wherever the input is checked.
public enum InputText {
    public static let interestRequired = t("minst én truet interesse må oppgis", "at least one threatened interest is required")
    public static let dueInPast = t("fristen kan ikke ligge i fortiden", "the due date cannot lie in the past")
    public static let blank = t("kan ikke være tom", "cannot be empty")
    /// Information credibility is graded 1–6.
    public static func credibility(got: Int) -> LocalizedText { t("troverdighet er 1–6 (fikk \(got))", "credibility is 1–6 (got \(got))") }
    /// Source reliability is graded A–F.
    public static let reliability = t("kildens pålitelighet er A–F", "source reliability is A–F")
    public static func unknownTime(_ raw: String) -> LocalizedText {
        t("ukjent tidsformat «\(raw)»; bruk 14:05, '2026-11-23 14:05' eller RFC 3339",
          "unknown time format “\(raw)”; use 14:05, '2026-11-23 14:05' or RFC 3339")
    }
    /// `ukjent <what> «raw»; tillatt: …` for a code that is not one of `allowed`.
    public static func unknownCode(_ what: LocalizedText, _ raw: String, allowed: String) -> LocalizedText {
        t("ukjent \(what.nb) «\(raw)»; tillatt: \(allowed)", "unknown \(what.en) “\(raw)”; allowed: \(allowed)")
    }
    public static let kind = t("type", "kind")
    public static let status = t("status", "status")
    public static let domain = t("område", "domain")
    public static let interest = t("interesse", "interest")
    public static let target = t("mål", "target")
    public static let source = t("kilde", "source")
    public static let ground = t("grunnlag", "ground")
    public static let measureType = t("type", "type")
    public static func restrictiveness(got: Int) -> LocalizedText { t("inngripen er 0–4 (fikk \(got))", "restrictiveness is 0–4 (got \(got))") }
    public static let tier = t("nivå er 1–4 (eller P1–P4)", "a tier is 1–4 (or P1–P4)")
    public static func personFormat(roles: String) -> LocalizedText {
        t("skrives ROLLE:SAKSNUMMER; roller: \(roles)", "is written ROLE:REF; roles: \(roles)")
    }
    public static func kindMismatch(input: String, command: String) -> LocalizedText {
        t("JSON sier \(input), kommandoen \(command)", "the JSON says \(input), the command \(command)")
    }
    public static func cannotReadInput(_ path: String) -> LocalizedText {
        t("kan ikke lese \(path)", "cannot read \(path)")
    }
    public static let invalidValue = t("  ugyldig verdi", "  invalid value")
    public static let askCategory = t("Kategori", "Category")
    public static let askDescription = t("Beskrivelse", "Description")
    public static let askProbability = t("Sannsynlighet", "Probability")
    public static let askConsequence = t("Konsekvens", "Consequence")
    public static let askTarget = t("Mål", "Target")
    public static let askWorkingHours = t("I arbeidstid (ja/nei)", "In working hours (yes/no)")
    public static let askSource = t("Kilde", "Source")
    /// The answers a yes/no question accepts in each language.
    public static func yesNo(_ language: Language) -> [String] { language == .nb ? ["ja", "nei"] : ["yes", "no"] }
}
