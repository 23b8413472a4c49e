import Foundation
import Postgres
import Rules
import VaktloggCore

extension EntryRepository {
    /// The full record of one entry. Reading the persons (and a sealed reporter, for the unit's
    /// security coordinator) is logged in the access log first, in its own committed statement: the
    /// database returns them only once that log row has committed (sql/015), so this must not run
    /// inside an open transaction.
    public func detail(ref: String) throws -> EntryDetail {
        let summary = try summary(ref: ref)
        let id = summary.id
        let reads = try requestReads(id)
        guard let e = try connection.query("""
            SELECT e.recorded_at, e.text, e.category, e.domain, e.interests, e.probability, e.consequence,
                   e.target, e.in_working_hours, e.threat_source, e.source_reliability, e.info_credibility,
                   e.oc_criteria::int[] AS oc_criteria, e.infoflyt, e.police_decision_required, e.rules_version, e.rules_hash,
                   e.trace::text AS trace, encode(entry_row_hash(e.id), 'hex') AS row_hash, entry_reporter(e.id, \(reads.reporter)) AS reporter,
                   s.ack_due, s.treatment_due, s.close_due, s.review_due, s.supervision_due, s.assessment_due, s.police_due
              FROM entries e JOIN entry_state s ON s.entry_id = e.id WHERE e.id = \(id)
            """).first else { throw StoreError.unknownEntry(ref) }
        var persons: [EntryDraft.Person] = []
        var measurePersons: [Int64: String] = [:]
        var flags: [String: [PersonFlag]] = [:]
        if let read = reads.persons {
            for r in try connection.query("SELECT person_ref, flag FROM entry_person_flags(\(id), \(read))").rows {
                if let flag = PersonFlag(rawValue: try r.decode(String.self, "flag")) {
                    flags[try r.decode(String.self, "person_ref"), default: []].append(flag)
                }
            }
            persons = try connection.query("SELECT person_ref, role FROM entry_persons_of(\(id), \(read))").rows.map { r in
                EntryDraft.Person(role: PersonRole(rawValue: try r.decode(String.self, "role")) ?? .external,
                                  ref: try r.decode(String.self, "person_ref"))
            }
            for r in try connection.query("SELECT measure_id, person_ref FROM entry_measure_persons(\(id), \(read))").rows {
                measurePersons[try r.decode(Int64.self, "measure_id")] = try r.decode(String.self, "person_ref")
            }
        }
        let reporter = try e.decodeIfPresent(String.self, "reporter")
        var attributes: [(String, String)] = []
        for (key, column) in [("target", "target"), ("source", "threat_source"), ("source_reliability", "source_reliability")] {
            if let v = try e.decodeIfPresent(String.self, column) { attributes.append((key, v)) }
        }
        if let v = try e.decodeIfPresent(Bool.self, "in_working_hours") { attributes.append(("in_working_hours", v ? "true" : "false")) }
        if let v = try e.decodeIfPresent(Int.self, "info_credibility") { attributes.append(("information_credibility", String(v))) }
        if let v = try e.decodeIfPresent([Int].self, "oc_criteria"), !v.isEmpty {
            attributes.append(("organised_crime_criteria", v.map(String.init).joined(separator: ",")))
        }
        if let v = try e.decodeIfPresent(Bool.self, "infoflyt") { attributes.append(("infoflyt", v ? "true" : "false")) }
        if try e.decode(Bool.self, "police_decision_required") { attributes.append(("police_decision_required", "true")) }
        var deadlines: [(String, Date)] = []
        for name in ["ack_due", "treatment_due", "close_due", "review_due", "supervision_due", "assessment_due", "police_due"] {
            if let d = try e.decodeIfPresent(Date.self, name) { deadlines.append((name, d)) }
        }
        guard let domain = SecurityDomain(rawValue: try e.decode(String.self, "domain")) else {
            throw PostgresError(kind: .decode, message: "unknown domain", column: "domain")
        }
        let traceJSON = try e.decode(String.self, "trace")
        let trace: [TraceStep]
        do {
            trace = try JSONDecoder().decode([TraceStep].self, from: Data(traceJSON.utf8))
        } catch {
            throw PostgresError(kind: .decode, message: "stored trace is not a rule trace", column: "trace")
        }
        var detail = EntryDetail(
            summary: summary, reporter: reporter,
            recordedAt: try e.decode(Date.self, "recorded_at"), originalText: try e.decode(String.self, "text"),
            originalCategory: try e.decode(String.self, "category"), domain: domain,
            interests: try e.decode([String].self, "interests").compactMap(Interest.init(rawValue:)), probability: try e.decode(Int.self, "probability"),
            consequence: try e.decode(Int.self, "consequence"), persons: persons, attributes: attributes,
            history: try history(id, sealedActor: summary.kind == .manipulation ? reporter : nil, measurePersons: measurePersons),
            rulesVersion: try e.decode(String.self, "rules_version"),
            rulesHash: try e.decode(String.self, "rules_hash"), trace: trace, traceJSON: traceJSON, deadlines: deadlines,
            rowHash: try e.decodeIfPresent(String.self, "row_hash"))
        detail.personFlags = flags
        return detail
    }

    /// The logged reads this user needs for the entry, requested in one autocommitted statement so
    /// that both log rows have committed before anything is read (nil: nothing to log — no persons,
    /// or a reporter that is not sealed from this user or never visible to them).
    private func requestReads(_ id: Int64) throws -> (persons: Int64?, reporter: Int64?) {
        guard connection.transactionStatus == .idle || connection.transactionStatus == .unknown else {
            throw StoreError.readInTransaction
        }
        let row = try connection.query("""
            SELECT request_read(\(id), 'persons') AS persons, request_read(\(id), 'reporter') AS reporter
            """).first!
        return (try row.decodeIfPresent(Int64.self, "persons"), try row.decodeIfPresent(Int64.self, "reporter"))
    }

    /// Actors of rows sealed from this user are nil; `sealedActor` (the reporter, when this user may
    /// see them) fills them in. The person of a measure comes from the logged read.
    private func history(_ id: Int64, sealedActor: String?, measurePersons: [Int64: String]) throws -> [EntryDetail.HistoryItem] {
        let rows = try connection.query("""
            SELECT at, actor, event AS what, text, assignee, CASE WHEN data = '{}' THEN NULL ELSE data::text END AS data, id, 1 AS src
              FROM entry_events WHERE entry_id = \(id)
            UNION ALL
            SELECT at, actor, 'amendment', reason, NULL, changes::text, id, 2 FROM amendments WHERE entry_id = \(id)
            UNION ALL
            SELECT decided_at, decided_by, 'measure', coalesce(description, type), NULL,
                   json_build_object('type', type, 'purpose', purpose, 'burdens', burdens, 'restrictiveness', restrictiveness,
                                     'outcome', outcome, 'justification', justification)::text, id, 3
              FROM measures WHERE entry_id = \(id)
            UNION ALL
            SELECT decided_at, decided_by, 'decision', text, NULL,
                   json_build_object('public_safety_significant', public_safety_significant,
                                     'justification', justification, 'assessments', assessment_ids,
                                     'decision_type', decision_type, 'not_significant_reason', not_significant_reason)::text, id, 4
              FROM decisions WHERE entry_id = \(id)
            ORDER BY 1, 8, 7
            """).rows
        return try rows.map { r in
            let what = try r.decode(String.self, "what")
            var data = try r.decodeIfPresent(String.self, "data")
            if what == "measure", let person = measurePersons[try r.decode(Int64.self, "id")], let d = data,
               var object = (try? JSONSerialization.jsonObject(with: Data(d.utf8))) as? [String: Any] {
                object["person"] = person
                data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
                    .map { String(decoding: $0, as: UTF8.self) } ?? d
            }
            return EntryDetail.HistoryItem(at: try r.decode(Date.self, "at"),
                                           actor: try r.decodeIfPresent(String.self, "actor") ?? sealedActor,
                                           what: what, text: try r.decodeIfPresent(String.self, "text"),
                                           assignee: try r.decodeIfPresent(String.self, "assignee"), data: data)
        }
    }
}
