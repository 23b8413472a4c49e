import Store
import VaktloggCore
import VaktloggText

/// The catalogue's shift sentences filled from a stored shift-log row (no wording here).
extension ShiftText {
    static func who(_ e: ShiftLogEntry) -> String { who(e.actor, e.actorName) }

    static func started(_ e: ShiftLogEntry) -> LocalizedText { started(unit: e.unit, at: OsloTime.format(e.at), by: who(e)) }

    static func unhanded(_ e: ShiftLogEntry) -> LocalizedText { unhanded(unit: e.unit, at: OsloTime.format(e.at)) }

    static func noted(_ e: ShiftLogEntry) -> LocalizedText { noted(id: e.id, unit: e.unit, at: OsloTime.format(e.at), by: who(e)) }

    static func handoverTitle(_ e: ShiftLogEntry) -> LocalizedText { handoverTitle(id: e.id, unit: e.unit) }

    static func handedOverBy(_ e: ShiftLogEntry) -> LocalizedText { handedOverBy(who(e), at: OsloTime.format(e.at)) }

    static func acceptedBy(_ e: ShiftLogEntry) -> LocalizedText { acceptedBy(who(e), at: OsloTime.format(e.at)) }

    static func accepted(_ h: ShiftLogEntry) -> LocalizedText { accepted(id: h.id, unit: h.unit) }

    static func logTitle(_ unit: String, _ shift: ShiftLogEntry?) -> LocalizedText {
        logTitle(unit, shiftStartedAt: shift.map { OsloTime.format($0.at) }, by: shift.map(who) ?? "")
    }

    static func event(_ e: ShiftLogEntry) -> LocalizedText {
        switch e.event {
        case .start: startedShift
        case .note: note(e.text ?? "")
        case .handover:
            handoverLine(id: e.id, open: e.summary?.openTotal ?? 0, overdue: e.summary?.overdue.count ?? 0,
                         notes: e.summary?.notes.count ?? 0)
        case .accept: acceptedHandover(e.handoverID.map(String.init) ?? "?")
        }
    }
}
