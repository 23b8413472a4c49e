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

extension VerifyText {
    /// A chain problem code (`content_changed`, `broken_link`, …) in words, without row data.
    public static func problem(_ code: String) -> LocalizedText {
        switch code {
        case "content_changed": t("innholdet er endret", "the content has been changed")
        case "broken_link": t("lenken til forrige rad stemmer ikke", "the link to the previous row does not match")
        case "missing_row": t("rader foran denne mangler", "rows before this one are missing")
        case "duplicate_seq": t("to rader har samme plass i kjeden", "two rows hold the same place in the chain")
        case "rows_missing_at_end": t("rader mangler på slutten av kjeden", "rows are missing at the end of the chain")
        case "history_rewritten": t("kjeden avviker fra det eksporterte hodet; historikken er skrevet om",
                                    "the chain differs from the exported head; the history has been rewritten")
        case "shorter_than_export": t("kjeden er kortere enn det eksporterte hodet; rader er fjernet",
                                      "the chain is shorter than the exported head; rows have been removed")
        default: t("ukjent feil i kjeden (\(code))", "unknown chain problem (\(code))")
        }
    }

    /// Every chain problem code with words, for the catalogue test.
    public static let problemCodes = ["content_changed", "broken_link", "missing_row", "duplicate_seq",
                                      "rows_missing_at_end", "history_rewritten", "shorter_than_export"]

    static func rowCount(_ n: Int64) -> LocalizedText { t("\(n) \(n == 1 ? "rad" : "rader")", "\(n) \(n == 1 ? "row" : "rows")") }

    /// `ENHET OSLO: kjeden er hel (12 rader, hode …)`, and the exported head it matches.
    public static func intact(unit: String, rows: Int64, head: String, anchorAt: String?, anchorRows: Int64?) -> LocalizedText {
        let n = rowCount(rows)
        var nb = "ENHET \(unit): kjeden er hel (\(n.nb), hode \(head))"
        var en = "UNIT \(unit): the chain is intact (\(n.en), head \(head))"
        if let anchorAt, let anchorRows {
            nb += "; stemmer med hodet eksportert \(anchorAt) (seq \(anchorRows))"
            en += "; matches the head exported at \(anchorAt) (seq \(anchorRows))"
        }
        return LocalizedText(nb: nb, en: en)
    }

    /// `ENHET OSLO: kjeden er brutt ved entries id 42 (seq 7): innholdet er endret`. Tables, ids and
    /// positions only, never row content.
    public static func broken(unit: String, table: String?, id: String?, seq: Int64, problem: LocalizedText,
                              gap: String?, exportedAt: String?, exportedRows: Int64?) -> LocalizedText {
        let place = table.flatMap { table in id.map { "\(table) id \($0) (seq \(seq))" } } ?? "seq \(seq)"
        var nb = "ENHET \(unit): kjeden er brutt ved \(place): \(problem.nb)"
        var en = "UNIT \(unit): the chain is broken at \(place): \(problem.en)"
        if let gap {
            nb += " (seq \(gap))"
            en += " (seq \(gap))"
        }
        if let exportedAt, let exportedRows {
            let n = rowCount(exportedRows)
            nb += " (eksportert \(exportedAt), \(n.nb))"
            en += " (exported \(exportedAt), \(n.en))"
        }
        return LocalizedText(nb: nb, en: en)
    }
}
