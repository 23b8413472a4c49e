import Foundation
import Postgres
import Rules
public import VaktloggCore

/// The write path of an entry: validate, judge with the rules module, store the entry with its
/// trace and rule-set version, its persons, and (by trigger) its chain link and projection — all in
/// one transaction.
public struct EntryWriter {
    private let session: StoreSession
    private var connection: Connection { session.connection }
    private var engine: RulesEngine { session.engine }

    /// Entries written in `session` (its transaction, its clock).
    public init(_ session: StoreSession) {
        self.session = session
    }

    /// Validates, judges and stores a draft; times not given are the session's now. A draft whose
    /// idempotency key is already stored is not stored again; its existing reference is returned
    /// with `alreadyStored`.
    public func log(_ input: EntryDraft) throws(StoreError) -> LoggedEntry {
        let now = session.now
        var draft = input
        if draft.idempotencyKey == nil { draft.idempotencyKey = UUID() }
        // One normal form for unit codes everywhere (`oslo` is OSLO), as `unit add` stores them.
        if let unit = draft.unit, let code = UnitCode(input: unit) { draft.unit = code.rawValue }
        if let error = draft.validationErrors(now: now).first { throw StoreError(error) }
        let reportedAt = draft.reportedAt ?? now
        let occurredAt = draft.occurredAt ?? reportedAt
        let judgement: EntryJudgement
        do throws(ValidationError) {
            judgement = try EntryJudgement(draft: draft, reportedAt: reportedAt, occurredAt: occurredAt, engine: engine)
        } catch {
            throw StoreError(error)
        }
        if draft.persons.isEmpty && !session.isInTransaction {
            // One round trip in the common case: a single INSERT is its own transaction, the database
            // resolves the home unit and row-level security checks it. Only a refusal costs a second
            // query, to say precisely why.
            do {
                let home: SQLQuery = "coalesce(\(draft.unit), (SELECT home_unit FROM app_users WHERE name = current_app_user()))"
                return try insert(draft, unit: home, occurredAt: occurredAt, reportedAt: reportedAt, judgement: judgement, connection)
            } catch let error as PostgresError where !error.isUnavailable {
                do {
                    _ = try resolveUnit(draft.unit, connection)
                } catch {
                    throw StoreError.wrapping(error)
                }
                throw StoreError(error)
            } catch {
                throw StoreError.wrapping(error)
            }
        }
        return try session.transaction { s in
            let c = s.connection
            let unit = try resolveUnit(draft.unit, c)
            return try insert(draft, unit: "\(unit)", occurredAt: occurredAt, reportedAt: reportedAt, judgement: judgement, c)
        }
    }

    /// The unit to write to (given, else the user's home unit), checked in one round trip so the
    /// refusal names the problem: not a user, no home unit, unknown unit, or not one's own.
    private func resolveUnit(_ given: String?, _ c: Connection) throws -> String {
        let row = try c.query("""
            SELECT a.role, coalesce(\(given), a.home_unit) AS unit,
                   EXISTS (SELECT 1 FROM units WHERE code = coalesce(\(given), a.home_unit)) AS known,
                   coalesce(\(given), a.home_unit) IN (SELECT writable_units()) AS writable
              FROM app_users a WHERE a.name = current_app_user() AND a.disabled_at IS NULL
            """).first
        guard let row, let role = try row.decodeIfPresent(String.self, "role") else {
            throw StoreError.forbidden(.notAUser)
        }
        guard let unit = try row.decodeIfPresent(String.self, "unit") else {
            throw StoreError.invalid(.noHomeUnit, field: "unit")
        }
        guard try row.decode(Bool.self, "known") else {
            throw StoreError.invalid(.unknownUnit, field: "unit", ["unit": unit])
        }
        guard try row.decode(Bool.self, "writable") else {
            throw StoreError.forbidden(.unitNotPermitted, field: "unit", ["unit": unit, "role": role])
        }
        return unit
    }

    /// Inserts the entry (and its persons). `unit` is the unit code as SQL: a bound value, or an
    /// expression the database resolves.
    private func insert(_ d: EntryDraft, unit: SQLQuery, occurredAt: Date, reportedAt: Date,
                        judgement j: EntryJudgement, _ c: Connection) throws -> LoggedEntry {
        let key = d.idempotencyKey!
        let criteria: [Int]? = d.kind == .threat ? d.organisedCrimeCriteria : nil
        // Tier, priority, risk score, deadlines and the police-decision requirement are computed by
        // the database from the registered rule set (sql/014); the client sends the rule-set version
        // and hash it judged by, and the database refuses a set it does not hold.
        let inserted = try c.query("""
            INSERT INTO entries (kind, category, unit_code, occurred_at, reported_at, domain, text, interests,
                probability, consequence, target, in_working_hours, threat_source,
                source_reliability, info_credibility, oc_criteria, infoflyt,
                rules_version, rules_hash, trace, idempotency_key, source_ref)
            VALUES (\(d.kind.rawValue), \(d.category), \(unit), \(occurredAt, as: .timestamptz),
                \(reportedAt, as: .timestamptz), \(d.effectiveDomain.rawValue), \(d.text), \(j.interests.map(\.rawValue)),
                \(d.probability!), \(d.consequence!),
                \(d.target?.rawValue), \(d.inWorkingHours), \(d.source?.rawValue), \(d.sourceReliability?.rawValue),
                \(d.informationCredibility.flatMap { Int($0.rawValue) }), \(criteria), \(d.kind == .threat ? d.infoflyt : nil),
                \(j.rulesVersion), \(j.rulesHash),
                \(j.trace.canonicalJSON, as: .jsonb), \(key), \(d.sourceRef))
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id, ref, unit_code
            """).first
        if let inserted {
            let id = try inserted.decode(Int64.self, "id")
            var seen = Set<EntryDraft.Person>()
            for p in d.persons where seen.insert(p).inserted {
                try c.execute("""
                    INSERT INTO entry_persons (entry_id, person_ref, role) VALUES (\(id), \(p.ref), \(p.role.rawValue))
                    ON CONFLICT DO NOTHING
                    """)
            }
            return LoggedEntry(id: id, ref: try inserted.decode(String.self, "ref"), unit: try inserted.decode(String.self, "unit_code"),
                               priority: j.priority,
                               riskScore: j.risk.score, band: j.risk.band, interests: j.interests,
                               rulesVersion: j.rulesVersion, actions: j.actions, alreadyStored: false)
        }
        guard let existing = try c.query("""
            SELECT id, ref, unit_code, priority, risk_score, interests, rules_version FROM entries WHERE id = entry_of_delivery(\(key))
            """).first else {
            throw StoreError.forbidden(.duplicateKey)
        }
        let interests = try existing.decode([String].self, "interests").compactMap(Interest.init(rawValue:))
        let score = try existing.decode(Int.self, "risk_score")
        return LoggedEntry(id: try existing.decode(Int64.self, "id"), ref: try existing.decode(String.self, "ref"),
                           unit: try existing.decode(String.self, "unit_code"),
                           priority: Priority(rawValue: try existing.decode(String.self, "priority")) ?? j.priority,
                           riskScore: score, band: engine.ruleSet.band(forScore: score) ?? j.risk.band,
                           interests: interests, rulesVersion: try existing.decode(String.self, "rules_version"),
                           actions: [], alreadyStored: true)
    }
}
