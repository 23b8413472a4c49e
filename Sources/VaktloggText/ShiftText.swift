public import VaktloggCore

/// What the shift commands (`shift start|note|handover|accept|log`) print, bokmål and English.
public enum ShiftText {
    /// `actor (full name)`, or the actor alone when the name is not known.
    public static func who(_ actor: String, _ name: String?) -> String {
        name.map { "\(actor) (\($0))" } ?? actor
    }

    public static func started(unit: String, at: String, by who: String) -> LocalizedText {
        LocalizedText(nb: "Vakt startet ved \(unit) \(at) av \(who)", en: "Shift started at \(unit) \(at) by \(who)")
    }

    public static func unhanded(unit: String, at: String) -> LocalizedText {
        LocalizedText(nb: "merk: vakten din ved \(unit) fra \(at) ble ikke overlevert",
                      en: "note: your shift at \(unit) from \(at) was never handed over")
    }

    public static func noted(id: Int64, unit: String, at: String, by who: String) -> LocalizedText {
        LocalizedText(nb: "Notat nr. \(id) ført ved \(unit) \(at) av \(who)",
                      en: "Note no. \(id) recorded at \(unit) \(at) by \(who)")
    }

    public static func handoverTitle(id: Int64, unit: String) -> LocalizedText {
        LocalizedText(nb: "Vaktoverlevering nr. \(id) — \(unit)", en: "Shift handover no. \(id) — \(unit)")
    }

    public static func handedOverBy(_ who: String, at: String) -> LocalizedText {
        LocalizedText(nb: "Overlevert av: \(who), \(at)", en: "Handed over by: \(who), \(at)")
    }

    public static func acceptedBy(_ who: String, at: String) -> LocalizedText {
        LocalizedText(nb: "Mottatt av:    \(who), \(at)", en: "Accepted by:    \(who), \(at)")
    }

    public static func shiftStarted(_ at: String, _ by: String) -> LocalizedText {
        LocalizedText(nb: "Vakten startet: \(at) (\(by))", en: "Shift started: \(at) (\(by))")
    }

    public static let noShiftStart = LocalizedText(
        nb: "Ingen registrert vaktstart; notater siden forrige overlevering.",
        en: "No recorded shift start; notes since the previous handover.")

    public static func openTotal(_ n: Int, _ byPriority: String) -> LocalizedText {
        LocalizedText(nb: "Åpne saker: \(n) — \(byPriority)", en: "Open entries: \(n) — \(byPriority)")
    }

    public static let byStatus = LocalizedText(nb: "Etter status", en: "By status")
    public static let noneOpen = LocalizedText(nb: "ingen", en: "none")

    public static func overdue(_ n: Int) -> LocalizedText {
        LocalizedText(nb: "Forfalte frister (\(n)):", en: "Overdue deadlines (\(n)):")
    }

    public static func openP1(_ n: Int) -> LocalizedText { LocalizedText(nb: "Åpne P1 (\(n)):", en: "Open P1 (\(n)):") }

    public static func notes(_ n: Int) -> LocalizedText {
        LocalizedText(nb: "Notater i vakten (\(n)):", en: "Notes of the shift (\(n)):")
    }

    public static let noItems = LocalizedText(nb: "  ingen", en: "  none")

    public static func due(_ date: String?) -> LocalizedText {
        date.map { LocalizedText(nb: "frist \($0)", en: "due \($0)") } ?? LocalizedText(nb: "ingen frist", en: "no deadline")
    }

    public static func waiting(_ id: Int64) -> LocalizedText {
        LocalizedText(nb: "Venter på mottak: vaktlogg shift accept --handover \(id)",
                      en: "Waiting to be accepted: vaktlogg shift accept --handover \(id)")
    }

    public static func accepted(id: Int64, unit: String) -> LocalizedText {
        LocalizedText(nb: "Overlevering nr. \(id) ved \(unit) er mottatt. Din vakt er startet.",
                      en: "Handover no. \(id) at \(unit) accepted. Your shift has started.")
    }

    public static func logTitle(_ unit: String, shiftStartedAt at: String?, by who: String) -> LocalizedText {
        guard let at else {
            return LocalizedText(nb: "Vaktlogg \(unit) — du har ingen åpen vakt her; viser fra siste overlevering",
                                 en: "Shift log \(unit) — you have no open shift here; showing from the latest handover")
        }
        return LocalizedText(nb: "Vaktlogg \(unit) — vakt startet \(at) av \(who)",
                             en: "Shift log \(unit) — shift started \(at) by \(who)")
    }

    public static let emptyLog = LocalizedText(nb: "  (ingen føringer)", en: "  (no entries)")

    public static let startedShift = LocalizedText(nb: "startet vakt", en: "started the shift")

    public static func note(_ text: String) -> LocalizedText { LocalizedText(nb: "notat: \(text)", en: "note: \(text)") }

    public static func handoverLine(id: Int64, open: Int, overdue: Int, notes: Int) -> LocalizedText {
        LocalizedText(nb: "overlevering nr. \(id) (\(open) åpne, \(overdue) forfalte, \(notes) notater)",
                      en: "handover no. \(id) (\(open) open, \(overdue) overdue, \(notes) notes)")
    }

    public static func acceptedHandover(_ id: String) -> LocalizedText {
        LocalizedText(nb: "mottok overlevering nr. \(id)", en: "accepted handover no. \(id)")
    }
}
