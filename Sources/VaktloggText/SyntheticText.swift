public import VaktloggCore
import Foundation

/// Texts of `vaktlogg seed --synthetic`.
public enum SyntheticText {
    public static let superuserRequired = t(
        "syntetiske data lastes med triggere av for transaksjonen; det krever en superbruker (databaseeier i innebygd modus)",
        "synthetic data is loaded with triggers off for its transaction, which needs a superuser (the owner in embedded mode)")
    public static let chooseOne = t("oppgi enten --demo eller --synthetic", "give either --demo or --synthetic")
    public static let entriesRequired = t("--synthetic trenger --entries N (1–100000000)",
                                          "--synthetic needs --entries N (1–100000000)")
    public static let unitsRange = t("--units må være 1–99", "--units must be 1–99")
    public static let yearsRange = t("--years må være 1–30", "--years must be 1–30")
    public static let untilInvalid = t("--until må være en dato ÅÅÅÅ-MM-DD som ikke ligger fram i tid",
                                       "--until must be a date YYYY-MM-DD not in the future")
    public static let syntheticOnly = t("--entries, --units, --years, --seed og --until hører til --synthetic",
                                        "--entries, --units, --years, --seed and --until belong to --synthetic")

    /// The progress line: `Syntetiske data: 120 000 av 1 000 000 oppføringer (12 %)`.
    public static func progress(done: Int, total: Int, bar: String) -> LocalizedText {
        let percent = total == 0 ? 100 : done * 100 / total
        return t("\(bar) \(done) av \(total) oppføringer (\(percent) %)", "\(bar) \(done) of \(total) entries (\(percent) %)")
    }

    public static func seeded(entries: Int, rows: Int, units: Int, seconds: Double, rate: Double, hash: String) -> LocalizedText {
        let s = String(format: "%.1f", seconds), r = String(Int(rate))
        return t("Syntetiske data lagt inn: \(entries) oppføringer, \(rows) rader i alt, \(units) enheter, på \(s) s (\(r) rader/s). Innholdshash \(hash)",
                 "Synthetic data seeded: \(entries) entries, \(rows) rows in all, \(units) units, in \(s) s (\(r) rows/s). Content hash \(hash)")
    }
}
