import Foundation
import Postgres
import Store
import VaktloggCore
import VaktloggText

/// The follow-up part of `vaktlogg show REF`: the entry's measures over time and its staff debriefing.
struct ShowFollowUp {
    let measures: [MeasureStatus]
    let debriefing: DebriefingStatus?

    static func load(_ connection: Connection, ref: String) throws -> ShowFollowUp {
        let s = StoreSession(connection: connection)
        return ShowFollowUp(measures: try s.measureFollowUp.list(MeasureListFilter(entryRef: ref)),
                            debriefing: try s.debriefings.status(ref: ref))
    }

    func lines(_ l: Language, now: Date = Date()) -> [String] {
        let F = FollowUpText.self
        var out: [String] = []
        if !measures.isEmpty {
            out += ["", F.measuresHeading(l)]
            for m in measures {
                var line = "  #\(m.id) \(MeasureType(rawValue: m.type)?.label(l) ?? m.type) · \(F.level(l)) \(m.restrictiveness ?? 0) · "
                line += m.liftedAt.map { F.liftedOn(OsloTime.format($0))(l) + (m.liftReason.map { ": " + $0 } ?? "") } ?? F.active(l)
                if let due = m.reviewDue { line += " · \(F.reviewDue(l)) \(OsloTime.format(due))" }
                let flags = MeasuresCommand.flags(m, l)
                if flags != "—" { line += " · " + flags }
                out.append(line)
            }
        }
        if let d = debriefing {
            out += ["", F.debriefingHeading(l)]
            out.append("  " + (d.offeredAt.map { F.stepAt(F.debriefing("offered")(l), OsloTime.format($0))(l) }
                               ?? F.offerDue(OsloTime.format(d.offerDue))(l) + (d.offerOverdue ? " · " + F.overdue(l) : "")))
            if let at = d.heldAt {
                out.append("  " + F.stepAt(F.debriefing("held")(l), OsloTime.format(at))(l))
            } else if let at = d.declinedAt {
                out.append("  " + F.stepAt(F.debriefing("declined")(l), OsloTime.format(at))(l))
            } else {
                out.append("  " + F.heldDue(OsloTime.format(d.heldDue))(l) + (d.heldOverdue ? " · " + F.overdue(l) : ""))
            }
        }
        return out
    }

    func json(now: Date = Date()) -> [String: Any] {
        func time(_ d: Date?) -> Any { d.map { OsloTime.rfc3339($0) as Any } ?? NSNull() }
        return ["measures": measures.map { MeasuresCommand.json($0, now: now) },
                "debriefing": debriefing.map { d -> Any in
                    ["offer_due": OsloTime.rfc3339(d.offerDue), "offered_at": time(d.offeredAt),
                     "held_due": OsloTime.rfc3339(d.heldDue), "held_at": time(d.heldAt), "declined_at": time(d.declinedAt),
                     "offer_overdue": d.offerOverdue, "held_overdue": d.heldOverdue] as [String: Any]
                } ?? NSNull()]
    }
}
