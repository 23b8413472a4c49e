public import VaktloggCore

/// The user-facing texts of `vaktlogg verify` beyond the per-unit lines (which come from Store).
public enum VerifyText {
    public static let noUnits = LocalizedText(nb: "ingen enheter å kontrollere", en: "no units to verify")
    public static func brokenSummary(_ broken: Int, _ total: Int) -> LocalizedText {
        LocalizedText(nb: "\(broken) av \(total) kjeder er brutt", en: "\(broken) of \(total) chains are broken")
    }
    public static func exported(_ count: Int, _ path: String) -> LocalizedText {
        LocalizedText(nb: "\(count) \(count == 1 ? "kjedehode" : "kjedehoder") skrevet til \(path); oppbevar filen utenfor databasen",
                      en: "\(count) chain \(count == 1 ? "head" : "heads") written to \(path); keep the file outside the database")
    }
    public static func notExported(_ path: String) -> LocalizedText {
        LocalizedText(nb: "kjedehodene ble ikke skrevet til \(path) fordi en kjede er brutt",
                      en: "the chain heads were not written to \(path) because a chain is broken")
    }
    public static func cannotWrite(_ path: String) -> LocalizedText {
        LocalizedText(nb: "kan ikke skrive \(path)", en: "cannot write \(path)")
    }
    public static func cannotRead(_ path: String) -> LocalizedText {
        LocalizedText(nb: "kan ikke lese filen \(path)", en: "cannot read the file \(path)")
    }
    public static func notAHeadFile(_ path: String, line: Int) -> LocalizedText {
        LocalizedText(nb: "\(path):\(line): ikke et eksportert kjedehode", en: "\(path):\(line): not an exported chain head")
    }
}
