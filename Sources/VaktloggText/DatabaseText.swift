public import VaktloggCore

/// The user-facing texts of the `db` commands, bokmål and English.
public enum DatabaseText {
    public static func notCreated(_ path: String) -> LocalizedText {
        LocalizedText(nb: "ikke opprettet: \(path)", en: "not created: \(path)")
    }
    public static func stopped(_ path: String) -> LocalizedText {
        LocalizedText(nb: "stoppet: \(path)", en: "stopped: \(path)")
    }
    public static func running(_ pid: Int32?, _ socket: String) -> LocalizedText {
        let p = pid.map(String.init) ?? "?"
        return LocalizedText(nb: "kjører (pid \(p)): \(socket)", en: "running (pid \(p)): \(socket)")
    }
    public static func notAccepting(_ pid: Int32?, _ path: String) -> LocalizedText {
        let p = pid.map(String.init) ?? "?"
        return LocalizedText(nb: "tar ikke imot forbindelser (pid \(p); starter, gjenoppretter eller stopper): \(path)",
                             en: "not accepting connections (pid \(p); starting, recovering or stopping): \(path)")
    }
    public static let migrations = LocalizedText(nb: "Migreringer:", en: "Migrations:")
    public static func applied(_ time: String) -> LocalizedText {
        LocalizedText(nb: "brukt \(time)", en: "applied \(time)")
    }
    public static let pending = LocalizedText(nb: "venter", en: "pending")
    public static func appliedNow(_ name: String) -> LocalizedText {
        LocalizedText(nb: "brukt: \(name)", en: "applied: \(name)")
    }
    public static func upToDate(_ count: Int) -> LocalizedText {
        LocalizedText(nb: "databasen er oppdatert (\(count) migreringer)", en: "up to date (\(count) migrations)")
    }
    public static func migrationError(name: String, changedFile: Bool) -> LocalizedText {
        changedFile
            ? LocalizedText(nb: "migreringen \(name) er endret etter at den ble brukt (sjekksummen avviker)",
                            en: "migration \(name) was changed after it was applied (checksum differs)")
            : LocalizedText(nb: "migreringen \(name) er brukt i databasen, men ukjent for denne versjonen av vaktlogg",
                            en: "migration \(name) is applied in the database but unknown to this version of vaktlogg")
    }
}
