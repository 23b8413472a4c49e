public import VaktloggCore

/// Texts of the CLI's plumbing: connecting, the offline spool, seeding, the embedded database.
public enum CLIText {
    public static func databaseUnavailable(_ reason: String) -> LocalizedText {
        t("databasen kan ikke nås (\(reason))", "the database cannot be reached (\(reason))")
    }
    public static let loginRefused = t(
        "innlogging avvist: brukeren er deaktivert, ukjent eller har ikke tilgang til denne databasen",
        "login refused: the user is disabled, unknown or has no access to this database")

    // Spool
    public static func spooled(reason: String) -> LocalizedText {
        t("databasen kan ikke nås (\(reason)). Oppføringen er lagret lokalt i køen og leveres med `vaktlogg sync`.",
          "the database cannot be reached (\(reason)). The entry is saved locally in the spool; deliver it with `vaktlogg sync`.")
    }
    public static func notSpooled(_ error: String) -> LocalizedText {
        t("databasen kan ikke nås, og oppføringen kunne IKKE lagres lokalt (\(error)). Noter den på papir.",
          "the database cannot be reached and the entry could NOT be saved locally (\(error)). Write it down on paper.")
    }
    public static func spoolWaiting(_ n: Int) -> LocalizedText {
        t("Merk: \(n) oppføring(er) venter i den lokale køen. Kjør `vaktlogg sync` når databasen er tilgjengelig.",
          "Note: \(n) entr\(n == 1 ? "y" : "ies") wait in the local spool. Run `vaktlogg sync` when the database is available.")
    }
    public static func unreadableSpoolFile(_ path: String) -> LocalizedText {
        t("kan ikke lese køfilen \(path); den er latt urørt", "cannot read spool file \(path); it is left in place")
    }
    public static let spoolEmpty = t("Køen er tom.", "The spool is empty.")
    public static func alreadyDelivered(ref: String, reported: String) -> LocalizedText {
        t("Allerede levert: \(ref) (meldt \(reported))", "Already delivered: \(ref) (reported \(reported))")
    }
    public static func delivered(ref: String, priority: String, reported: String) -> LocalizedText {
        t("Levert: \(ref) · \(priority) (meldt \(reported))", "Delivered: \(ref) · \(priority) (reported \(reported))")
    }
    public static let connectionLost = t("forbindelsen brøt; resten blir liggende i køen",
                                         "the connection broke; the rest stays in the spool")

    // Seed
    public static let seedNotEmpty = t("Databasen har allerede oppføringer; demodata ikke lagt inn.",
                                       "The database already holds entries; no demo data added.")
    public static func seeded(units: Int, users: Int, entries: Int, events: Int) -> LocalizedText {
        t("Demodata lagt inn: \(units) enheter, \(users) brukere, \(entries) oppføringer, \(events) hendelser i livsløpet.",
          "Demo data seeded: \(units) units, \(users) users, \(entries) entries, \(events) lifecycle events.")
    }
    public static let seedHint = t("Prøv: vaktlogg list --user kari.lund   (sikkerhetsleder, Bjørkvik og Fjellheim)",
                                   "Try: vaktlogg list --user kari.lund   (security coordinator, Bjørkvik and Fjellheim)")

    public static let seedNeedsDemo = t("oppgi --demo (bare demodatasettet finnes)", "give --demo (only the demonstration data set exists)")
    public static let seedDays = t("--days må være 1–730", "--days must be 1–730")

    // db start / stop
    public static func databaseCreated(_ path: String) -> LocalizedText {
        t("Database opprettet og startet i \(path)", "Database created and started in \(path)")
    }
    public static func databaseRunning(_ path: String) -> LocalizedText { t("Database kjører i \(path)", "Database running in \(path)") }
    public static let databaseStopped = t("Database stoppet", "Database stopped")

}
