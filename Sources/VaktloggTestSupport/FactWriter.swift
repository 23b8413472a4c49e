public import Foundation
public import Postgres

/// Writes facts the way an application user would: plain INSERTs with bind parameters, on a
/// connection logged in as that user, so that grants, row-level security and the triggers all
/// apply. Until the Store has repositories, tests and benchmarks use this to fill the chain.
///
/// Each call is one statement (one transaction in autocommit). The values are fixed and valid for
/// the schema's checks; only what a test varies is a parameter.
public struct FactWriter {
    /// The user's connection.
    public let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// An incident (violence against staff, P1) in `unit`; returns its id and reference. Tier,
    /// priority, risk and deadlines are the database's (sql/014), under the shipped rule set.
    @discardableResult
    public func entry(unit: String, text: String = "Betjent slått i korridor B under innlåsing",
                      key: UUID = UUID()) throws -> (id: Int64, ref: String) {
        let row = try connection.query("""
            INSERT INTO entries (kind, category, unit_code, occurred_at, reported_at, domain, text, interests,
                                 probability, consequence, rules_version, rules_hash, trace, idempotency_key)
            VALUES ('incident', 'violence_staff', \(unit), now(), now(), 'correctional_security', \(text),
                    \(["life_health", "security"]), 3, 4, 'ksf-2006.1',
                    (SELECT hash FROM rule_sets WHERE version = 'ksf-2006.1'), '[]', \(key))
            RETURNING id, ref
            """).first!
        return (try row.decode(Int64.self, "id"), try row.decode(String.self, "ref"))
    }

    /// A comment on an entry (a lifecycle event); returns its id.
    @discardableResult
    public func comment(entry: Int64, text: String = "Kontaktet vakthavende lege") throws -> Int64 {
        try connection.query("""
            INSERT INTO entry_events (entry_id, event, text) VALUES (\(entry), 'comment', \(text)) RETURNING id
            """).first!.decode(Int64.self, "id")
    }

    /// A person (pseudonymous case number) involved in an entry. The application cannot read
    /// entry_persons back, so nothing is returned.
    public func person(entry: Int64, ref: String, role: String = "inmate") throws {
        try connection.execute("""
            INSERT INTO entry_persons (entry_id, person_ref, role) VALUES (\(entry), \(ref), \(role))
            """)
    }

    /// An amendment of an entry's text; returns its id.
    @discardableResult
    public func amendment(entry: Int64, text: String = "Betjent slått i korridor C under innlåsing") throws -> Int64 {
        try connection.query("""
            INSERT INTO amendments (entry_id, reason, changes, rules_version, trace)
            VALUES (\(entry), 'feil korridor', jsonb_build_object('text', \(text)::text), 'ksf-2006.1', '[]')
            RETURNING id
            """).first!.decode(Int64.self, "id")
    }

    /// An individual risk assessment (security coordinators); returns its id.
    @discardableResult
    public func riskAssessment(unit: String, person: String) throws -> Int64 {
        try connection.query("""
            INSERT INTO risk_assessments (person_ref, unit_code, probability, consequence, score, band, summary,
                                          valid_until, rules_version, trace)
            VALUES (\(person), \(unit), 2, 3, 6, 'moderate', 'Rolig siste måned', current_date + 90, 'ksf-2006.1', '[]')
            RETURNING id
            """).first!.decode(Int64.self, "id")
    }

    /// A light measure (extra control, no person) decided on an entry (security coordinators).
    @discardableResult
    public func measure(entry: Int64, unit: String) throws -> Int64 {
        try connection.query("""
            INSERT INTO measures (entry_id, unit_code, type, purpose, burdens, restrictiveness, outcome,
                                  rules_version, trace)
            VALUES (\(entry), \(unit), 'extra_control', 'security', '{}', 1, 'allowed', 'ksf-2006.1', '[]')
            RETURNING id
            """).first!.decode(Int64.self, "id")
    }

    /// A decision without public-safety significance (security coordinators, managers).
    @discardableResult
    public func decision(entry: Int64, unit: String) throws -> Int64 {
        try connection.query("""
            INSERT INTO decisions (entry_id, unit_code, text, public_safety_significant, rules_version, trace)
            VALUES (\(entry), \(unit), 'Økt bemanning i korridor B', false, 'ksf-2006.1', '[]')
            RETURNING id
            """).first!.decode(Int64.self, "id")
    }

    /// A note in the unit's shift log; returns its id.
    @discardableResult
    public func shiftNote(unit: String, text: String = "Rolig natt") throws -> Int64 {
        try connection.query("""
            INSERT INTO shift_log (unit_code, event, text) VALUES (\(unit), 'note', \(text)) RETURNING id
            """).first!.decode(Int64.self, "id")
    }

    /// Reads an entry's persons, which the database logs in access_log first (two steps: the
    /// request commits on its own, then the read); returns how many.
    @discardableResult
    public func readPersons(entry: Int64) throws -> Int {
        guard let read = try connection.query("SELECT request_read(\(entry), 'persons') AS r").first?
                .decodeIfPresent(Int64.self, "r") else { return 0 }
        return try connection.query("SELECT person_ref FROM entry_persons_of(\(entry), \(read))").count
    }
}
