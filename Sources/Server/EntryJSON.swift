import Foundation
import Store
import VaktloggCore

/// The JSON shapes of entries in the API: the same keys as `vaktlogg list --json` and
/// `show --json`, so a script moves between the two without a mapping.
enum EntryJSON {
    static func summary(_ e: EntrySummary, now: Date) -> [String: Any] {
        [
            "id": e.id, "ref": e.ref, "unit": e.unit, "kind": e.kind.rawValue, "category": e.category,
            "priority": e.priority.rawValue, "risk_score": e.riskScore, "status": e.status.code,
            "occurred_at": OsloTime.rfc3339(e.occurredAt), "reported_at": OsloTime.rfc3339(e.reportedAt),
            "overdue": e.isOverdue(at: now), "text": e.text, "amendments": e.amendmentCount,
            "assignee": e.assignee ?? NSNull(), "next_due": e.nextDue.map(OsloTime.rfc3339) ?? NSNull(),
        ]
    }

    static func created(_ logged: LoggedEntry, _ summary: EntrySummary, now: Date) -> [String: Any] {
        var o = Self.summary(summary, now: now)
        o["band"] = logged.band.rawValue
        o["interests"] = logged.interests.map(\.rawValue)
        o["rules_version"] = logged.rulesVersion
        return o
    }

    static func detail(_ d: EntryDetail, now: Date) -> [String: Any] {
        var o = summary(d.summary, now: now)
        o["reporter"] = d.reporter ?? NSNull()
        o["recorded_at"] = OsloTime.rfc3339(d.recordedAt)
        o["original"] = ["text": d.originalText, "category": d.originalCategory]
        o["domain"] = d.domain.rawValue
        o["interests"] = d.interests.map(\.rawValue)
        o["persons"] = d.persons.map { ["role": $0.role.rawValue, "ref": $0.ref] }
        o["attributes"] = Dictionary(d.attributes, uniquingKeysWith: { a, _ in a })
        o["deadlines"] = Dictionary(d.deadlines.map { ($0.0, OsloTime.rfc3339($0.1)) }, uniquingKeysWith: { a, _ in a })
        o["history"] = d.history.map { h -> [String: Any] in
            ["at": OsloTime.rfc3339(h.at), "actor": h.actor ?? NSNull(), "what": h.what, "text": h.text ?? NSNull(),
             "assignee": h.assignee ?? NSNull(), "data": h.data ?? NSNull()]
        }
        o["rules_version"] = d.rulesVersion
        o["trace"] = (try? JSONSerialization.jsonObject(with: Data(d.traceJSON.utf8))) ?? []
        o["row_hash"] = d.rowHash ?? NSNull()
        return o
    }
}
