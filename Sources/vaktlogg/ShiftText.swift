import Store
import VaktloggCore

/// The user-facing texts of `shift`, bokmål and English, in one catalogue.
enum ShiftText {
    static func who(_ e: ShiftLogEntry) -> String {
        e.actorName.map { "\(e.actor) (\($0))" } ?? e.actor
    }

    static func started(_ e: ShiftLogEntry) -> LocalizedText {
        LocalizedText(nb: "Vakt startet ved \(e.unit) \(OsloTime.format(e.at)) av \(who(e))",
                      en: "Shift started at \(e.unit) \(OsloTime.format(e.at)) by \(who(e))")
    }

    static func unhanded(_ e: ShiftLogEntry) -> LocalizedText {
        LocalizedText(nb: "merk: vakten din ved \(e.unit) fra \(OsloTime.format(e.at)) ble ikke overlevert",
                      en: "note: your shift at \(e.unit) from \(OsloTime.format(e.at)) was never handed over")
    }

    static func noted(_ e: ShiftLogEntry) -> LocalizedText {
        LocalizedText(nb: "Notat nr. \(e.id) ført ved \(e.unit) \(OsloTime.format(e.at)) av \(who(e))",
                      en: "Note no. \(e.id) recorded at \(e.unit) \(OsloTime.format(e.at)) by \(who(e))")
    }

    static func handoverTitle(_ e: ShiftLogEntry) -> LocalizedText {
        LocalizedText(nb: "Vaktoverlevering nr. \(e.id) — \(e.unit)", en: "Shift handover no. \(e.id) — \(e.unit)")
    }

    static func handedOverBy(_ e: ShiftLogEntry) -> LocalizedText {
        LocalizedText(nb: "Overlevert av: \(who(e)), \(OsloTime.format(e.at))",
                      en: "Handed over by: \(who(e)), \(OsloTime.format(e.at))")
    }

    static func acceptedBy(_ e: ShiftLogEntry) -> LocalizedText {
        LocalizedText(nb: "Mottatt av:    \(who(e)), \(OsloTime.format(e.at))",
                      en: "Accepted by:    \(who(e)), \(OsloTime.format(e.at))")
    }

    static func shiftStarted(_ at: String, _ by: String) -> LocalizedText {
        LocalizedText(nb: "Vakten startet: \(at) (\(by))", en: "Shift started: \(at) (\(by))")
    }

    static let noShiftStart = LocalizedText(
        nb: "Ingen registrert vaktstart; notater siden forrige overlevering.",
        en: "No recorded shift start; notes since the previous handover.")

    static func openTotal(_ n: Int, _ byPriority: String) -> LocalizedText {
        LocalizedText(nb: "Åpne saker: \(n) — \(byPriority)", en: "Open entries: \(n) — \(byPriority)")
    }

    static let byStatus = LocalizedText(nb: "Etter status", en: "By status")
    static let noneOpen = LocalizedText(nb: "ingen", en: "none")

    static func overdue(_ n: Int) -> LocalizedText {
        LocalizedText(nb: "Forfalte frister (\(n)):", en: "Overdue deadlines (\(n)):")
    }

    static func openP1(_ n: Int) -> LocalizedText { LocalizedText(nb: "Åpne P1 (\(n)):", en: "Open P1 (\(n)):") }

    static func notes(_ n: Int) -> LocalizedText {
        LocalizedText(nb: "Notater i vakten (\(n)):", en: "Notes of the shift (\(n)):")
    }

    static let noItems = LocalizedText(nb: "  ingen", en: "  none")

    static func due(_ date: String?) -> LocalizedText {
        date.map { LocalizedText(nb: "frist \($0)", en: "due \($0)") } ?? LocalizedText(nb: "ingen frist", en: "no deadline")
    }

    static func waiting(_ id: Int64) -> LocalizedText {
        LocalizedText(nb: "Venter på mottak: vaktlogg shift accept --handover \(id)",
                      en: "Waiting to be accepted: vaktlogg shift accept --handover \(id)")
    }

    static func accepted(_ h: ShiftLogEntry) -> LocalizedText {
        LocalizedText(nb: "Overlevering nr. \(h.id) ved \(h.unit) er mottatt. Din vakt er startet.",
                      en: "Handover no. \(h.id) at \(h.unit) accepted. Your shift has started.")
    }

    static func logTitle(_ unit: String, _ shift: ShiftLogEntry?) -> LocalizedText {
        guard let shift else {
            return LocalizedText(nb: "Vaktlogg \(unit) — du har ingen åpen vakt her; viser fra siste overlevering",
                                 en: "Shift log \(unit) — you have no open shift here; showing from the latest handover")
        }
        return LocalizedText(nb: "Vaktlogg \(unit) — vakt startet \(OsloTime.format(shift.at)) av \(who(shift))",
                             en: "Shift log \(unit) — shift started \(OsloTime.format(shift.at)) by \(who(shift))")
    }

    static let emptyLog = LocalizedText(nb: "  (ingen føringer)", en: "  (no entries)")

    static func event(_ e: ShiftLogEntry) -> LocalizedText {
        switch e.event {
        case .start: return LocalizedText(nb: "startet vakt", en: "started the shift")
        case .note: return LocalizedText(nb: "notat: \(e.text ?? "")", en: "note: \(e.text ?? "")")
        case .handover:
            let open = e.summary?.openTotal ?? 0, late = e.summary?.overdue.count ?? 0, notes = e.summary?.notes.count ?? 0
            return LocalizedText(
                nb: "overlevering nr. \(e.id) (\(open) åpne, \(late) forfalte, \(notes) notater)",
                en: "handover no. \(e.id) (\(open) open, \(late) overdue, \(notes) notes)")
        case .accept:
            let id = e.handoverID.map(String.init) ?? "?"
            return LocalizedText(nb: "mottok overlevering nr. \(id)", en: "accepted handover no. \(id)")
        }
    }

    static func kind(_ k: EntryKind) -> LocalizedText {
        switch k {
        case .incident: LocalizedText(nb: "hendelse", en: "incident")
        case .deviation: LocalizedText(nb: "avvik", en: "deviation")
        case .manipulation: LocalizedText(nb: "manipulering", en: "manipulation")
        case .threat: LocalizedText(nb: "trussel", en: "threat")
        }
    }

    static func status(_ code: String) -> LocalizedText {
        switch code {
        case "registered": LocalizedText(nb: "registrert", en: "registered")
        case "acknowledged": LocalizedText(nb: "kvittert", en: "acknowledged")
        case "under_treatment": LocalizedText(nb: "under behandling", en: "under treatment")
        case "measure_decided": LocalizedText(nb: "tiltak besluttet", en: "measure decided")
        case "assessed": LocalizedText(nb: "vurdert", en: "assessed")
        case "closed": LocalizedText(nb: "lukket", en: "closed")
        default: LocalizedText(nb: code, en: code)
        }
    }
}
