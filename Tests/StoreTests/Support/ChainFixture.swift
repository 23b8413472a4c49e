import Foundation
import Postgres
import Rules
import Testing
import VaktloggTestSupport

/// A migrated database with units OSLO and BERGEN and a user of each role the integrity tests
/// need, plus helpers to fill the chain through the application's own paths and to read it back
/// behind the application's back (as the superuser).
struct ChainFixture {
    let db: VaktloggTestDatabase
    /// Duty officer of OSLO.
    let officer: String
    /// Security coordinator of OSLO.
    let coordinator: String
    /// Duty officer of BERGEN.
    let bergenOfficer: String
    /// Auditor (reads every unit).
    let auditor: String

    static func make() throws -> ChainFixture {
        let db = try VaktloggTestDatabase.create(units: ["OSLO", "BERGEN"])
        return ChainFixture(
            db: db,
            officer: try db.addUser("kari", role: "duty_officer", units: ["OSLO"]),
            coordinator: try db.addUser("ola", role: "security_coordinator", units: ["OSLO"]),
            bergenOfficer: try db.addUser("nils", role: "duty_officer", units: ["BERGEN"]),
            auditor: try db.addUser("revisor", role: "auditor", units: []))
    }

    /// A writer logged in as `user` (it keeps its connection open).
    func writer(_ user: String) throws -> FactWriter { FactWriter(try db.connect(user: user)) }

    /// Writes at least one row into every fact table of OSLO, each through the path the
    /// application uses (officer: entry, person, comment, amendment, shift note, debriefing;
    /// coordinator: risk assessment, measure and its review, decision, collective measure, unit
    /// assessment, the escalation of a late incident's debriefing, and the logged read of persons
    /// that lands in access_log).
    /// Returns the first entry's id.
    @discardableResult
    func fillEveryTable() throws -> Int64 {
        let officer = try writer(officer)
        let coordinator = try writer(coordinator)
        let entry = try officer.entry(unit: "OSLO").id
        try officer.person(entry: entry, ref: "SAK-2026-0001")
        try officer.comment(entry: entry)
        try officer.amendment(entry: entry)
        try officer.shiftNote(unit: "OSLO")
        try coordinator.riskAssessment(unit: "OSLO", person: "SAK-2026-0001")
        try coordinator.review(.person, id: try coordinator.measure(entry: entry, unit: "OSLO"))
        try coordinator.decision(entry: entry, unit: "OSLO")
        try coordinator.review(.unit, id: try coordinator.unitMeasure(unit: "OSLO"))
        try coordinator.unitAssessment(unit: "OSLO")
        try officer.debriefingOffered(entry: entry)
        try officer.lateStaffIncident(unit: "OSLO")
        #expect(try coordinator.escalate() >= 1, "a follow-up escalation (the late incident's debriefing offer)")
        #expect(try coordinator.readPersons(entry: entry) == 1)
        return entry
    }

    /// The fact tables the schema registered.
    func factTables() throws -> [String] {
        try db.connect().query("SELECT name FROM fact_tables ORDER BY name").rows.map { try $0.decode(String.self, "name") }
    }

    /// One row of a unit's chain as stored.
    struct Link {
        let table: String
        let id: Int64
        let seq: Int64
        let prevHash: [UInt8]
        let rowHash: [UInt8]
        /// The text the hash covers after the table name, built in Swift (``CanonicalJSON``) from
        /// the row's `to_jsonb` — not by the SQL `chain_canonical` the triggers use.
        let canonical: String
        /// The row as `to_jsonb(row)::text`.
        let body: String
    }

    /// A unit's chain in seq order, read as the superuser.
    func chain(unit: String) throws -> [Link] {
        let su = try db.connect()
        var query: SQLQuery = "SELECT * FROM ("
        for (i, table) in try factTables().enumerated() {
            // Table names come from fact_tables, which only the schema writes.
            if i > 0 { query.append(" UNION ALL ") }
            query.append("""
                SELECT \(table)::text AS t, x.id, x.chain_seq, x.prev_hash, x.row_hash,
                       to_jsonb(x)::text AS body
                  FROM \(unescaped: try su.escapeIdentifier(table)) x WHERE x.unit_code = \(unit)
                """)
        }
        query.append(") s ORDER BY chain_seq")
        // jsonb renders timestamps in the session's time zone; the chain is defined in UTC.
        _ = try su.execute("SET timezone = 'UTC'")
        return try su.query(query).rows.map {
            let body = try $0.decode(String.self, "body")
            return Link(table: try $0.decode(String.self, "t"), id: try $0.decode(Int64.self, "id"),
                        seq: try $0.decode(Int64.self, "chain_seq"),
                        prevHash: [UInt8](try $0.decode(Data.self, "prev_hash")),
                        rowHash: [UInt8](try $0.decode(Data.self, "row_hash")),
                        canonical: try CanonicalJSON.canonical(rowJSON: body), body: body)
        }
    }

    /// The unit's chain recomputed in Swift from the canonical texts, independently of the SQL
    /// hash functions: sha256(prev ‖ utf8(table ‖ "\n" ‖ canonical)), from sha256("vaktlogg-genesis:" ‖ unit).
    /// Returns the head, after checking every stored link against it.
    func recomputedHead(unit: String) throws -> [UInt8] {
        var prev = SHA256Digest.hash(Array("vaktlogg-genesis:\(unit)".utf8))
        for link in try chain(unit: unit) {
            #expect(link.prevHash == prev, "prev_hash of \(link.table) \(link.id)")
            let hash = SHA256Digest.hash(prev + Array("\(link.table)\n\(link.canonical)".utf8))
            #expect(link.rowHash == hash, "row_hash of \(link.table) \(link.id)")
            prev = hash
        }
        return prev
    }

    /// The unit's chain head as chain_heads stores it (seq, head).
    func storedHead(unit: String) throws -> (seq: Int64, head: [UInt8]) {
        let row = try db.connect().query("SELECT seq, head FROM chain_heads WHERE unit_code = \(unit)").first!
        return (try row.decode(Int64.self, "seq"), [UInt8](try row.decode(Data.self, "head")))
    }
}
