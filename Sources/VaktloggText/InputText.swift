public import VaktloggCore

/// What the CLI says about input it checks itself, and the questions it asks on a terminal.
public enum InputText {
    public static let interestRequired = t("minst én truet interesse må oppgis", "at least one threatened interest is required")
    public static let dueInPast = t("fristen kan ikke ligge i fortiden", "the due date cannot lie in the past")
    public static let blank = t("kan ikke være tom", "cannot be empty")
    public static func unknownTime(_ raw: String) -> LocalizedText {
        t("ukjent tidsformat «\(raw)»; bruk 14:05, '2026-11-23 14:05' eller RFC 3339",
          "unknown time format “\(raw)”; use 14:05, '2026-11-23 14:05' or RFC 3339")
    }
    public static func personFormat(roles: String) -> LocalizedText {
        t("skrives ROLLE:SAKSNUMMER; roller: \(roles)", "is written ROLE:REF; roles: \(roles)")
    }
    public static func kindMismatch(input: String, command: String) -> LocalizedText {
        t("JSON sier \(input), kommandoen \(command)", "the JSON says \(input), the command \(command)")
    }
    public static func inputWithFlags(_ flags: String) -> LocalizedText {
        t("--input leser hele oppføringen og kan ikke kombineres med \(flags); legg feltene i JSON-en eller dropp --input",
          "--input reads the whole entry and cannot be combined with \(flags); put the fields in the JSON or drop --input")
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
