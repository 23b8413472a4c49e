import Foundation
import Postgres
import Store
import Testing
import VaktloggTestSupport

/// Issue #8 holes 4 and 5: no login may take a unit's chain head, and two sessions racing the same
/// fact row can never leave the head ahead of the rows (sql/013).
@Suite("Attack: chain head and chain races")
struct ChainRaceAttackTests {
    struct Fixture {
        let db: VaktloggTestDatabase
        let ola: String, ida: String, siv: String, kari: String, per: String
        let su: Connection

        init() throws {
            db = try VaktloggTestDatabase.create(prefix: "race", units: ["OSLO", "HAVNES"])
            ola = try db.addUser("ola", role: "duty_officer", units: ["OSLO"])
            ida = try db.addUser("ida", role: "duty_officer", units: ["OSLO"])
            siv = try db.addUser("siv", role: "duty_officer", units: ["OSLO"])
            kari = try db.addUser("kari", role: "security_coordinator", units: ["OSLO"])
            per = try db.addUser("per", role: "duty_officer", units: ["HAVNES"])
            su = try db.connect()
        }

        func pid(_ c: Connection) throws -> Int {
            try c.query("SELECT pg_backend_pid() AS pid").first!.decode(Int.self, "pid")
        }

        /// verify_chain's verdict on OSLO, and the head's seq against the rows present.
        func expectChainIntact(_ unit: String = "OSLO", sourceLocation: SourceLocation = #_sourceLocation) throws {
            let v = try su.query("SELECT ok, coalesce(problem, '') AS problem FROM verify_chain(\(unit))").first!
            let problem = try v.decode(String.self, "problem")
            #expect(try v.decode(Bool.self, "ok"), "\(problem)", sourceLocation: sourceLocation)
        }

        /// True when some session holds a lock on `unit`'s chain head (probed with NOWAIT: no waiting).
        func headIsLocked(_ unit: String) throws -> Bool {
            try su.execute("BEGIN")
            defer { _ = try? su.execute("ROLLBACK") }
            do {
                _ = try su.query("SELECT 1 FROM chain_heads WHERE unit_code = \(unit) FOR UPDATE NOWAIT")
                return false
            } catch let e as PostgresError where e.sqlState == "55P03" {
                return true
            }
        }
    }

    // MARK: hole 4

    @Test(arguments: ["duty_officer", "security_coordinator", "manager", "auditor", "admin", "integration"])
    func noRoleMayLockAChainHead(role: String) throws {
        let f = try Fixture()
        let user = try f.db.addUser("x", role: role, units: ["OSLO"])
        let c = try f.db.connect(user: user)
        defer { c.close() }
        expectRefused(c, "SELECT * FROM chain_lock_head('HAVNES')", sqlState: "42501")
        expectRefused(c, "SELECT * FROM chain_lock_head('OSLO')", sqlState: "42501")
        // The other internal functions are closed too (the catalogue test lists them all).
        expectRefused(c, "SELECT fact_time(now())", sqlState: "42501")
        expectRefused(c, "SELECT refuse('x', 'y')", sqlState: "42501")
        expectRefused(c, "SELECT notify_change('entries', 1, 1, 'OSLO')", sqlState: "42501")
        // Positive control: what a login needs still runs.
        #expect(try c.query("SELECT count(*) AS n FROM visible_units()").first!.decode(Int.self, "n") >= 0)
    }

    @Test func aRefusedWriteToAnotherUnitLeavesItsHeadUnlocked() throws {
        let f = try Fixture()
        let ola = try f.db.connect(user: f.ola)
        _ = try FactWriter(ola).entry(unit: "OSLO")
        let per = try f.db.connect(user: f.per)
        defer { per.close() }
        // Each statement fails inside an open transaction, which then stays open (aborted): before
        // 013 the BEFORE triggers had locked OSLO's head by then, freezing OSLO's writers.
        let attempts: [SQLQuery] = [
            """
            INSERT INTO entries (kind, category, unit_code, occurred_at, reported_at, domain, text, interests, probability,
                consequence, rules_version, rules_hash, trace, idempotency_key)
            VALUES ('incident', 'damage', 'OSLO', now(), now(), 'correctional_security', 'x', '{order}', 1, 1,
                'ksf-2006.1', (SELECT hash FROM rule_sets WHERE version = 'ksf-2006.1'), '[]', gen_random_uuid())
            """,
            "INSERT INTO shift_log (unit_code, event, text) VALUES ('OSLO', 'note', 'x')",
            "INSERT INTO entry_events (entry_id, event, text) VALUES (1, 'comment', 'x')",
            "INSERT INTO entry_persons (entry_id, person_ref, role) VALUES (1, 'K-1', 'inmate')",
        ]
        for sql in attempts {
            try per.execute("BEGIN")
            #expect(refusal(per, sql) != nil)
            #expect(try !f.headIsLocked("OSLO"), "\(sql)")
            try per.execute("ROLLBACK")
        }
        // Positive control: OSLO's officer writes on, and the probe does see a held lock.
        try ola.execute("BEGIN")
        try FactWriter(ola).comment(entry: 1)
        #expect(try f.headIsLocked("OSLO"))
        try ola.execute("COMMIT")
        try f.expectChainIntact()
    }

    // MARK: hole 5

    @Test(arguments: ["ON CONFLICT DO NOTHING", ""])
    func racingTheSamePersonLinkLeavesTheChainIntact(clause: String) throws {
        let f = try Fixture()
        let a = try f.db.connect(user: f.ola)
        let entry = try FactWriter(a).entry(unit: "OSLO").id
        try a.execute("BEGIN")
        try a.execute("INSERT INTO entry_persons (entry_id, person_ref, role) VALUES (\(entry), 'K-2026-0001', 'inmate')")
        let b = try BackgroundStatement(try f.db.connect(user: f.ida), SQLQuery(unsafeSQL: """
            INSERT INTO entry_persons (entry_id, person_ref, role) VALUES (\(entry), 'K-2026-0001', 'inmate') \(clause)
            """))
        try b.waitUntilBlocked(by: try f.pid(a), observer: f.su)
        try a.execute("COMMIT")
        // B's row is a repetition: skipped, and the head did not move for it.
        #expect(try b.wait().get() == 0)
        try f.expectChainIntact()
        #expect(try f.db.sql("SELECT count(*) FROM entry_persons") == "1")
        // Positive control: a different person still links, and the chain goes on.
        try a.execute("INSERT INTO entry_persons (entry_id, person_ref, role) VALUES (\(entry), 'K-2026-0002', 'inmate')")
        try f.expectChainIntact()
        #expect(try f.db.sql("SELECT seq FROM chain_heads WHERE unit_code = 'OSLO'") == "3")
    }

    @Test func racingTheSameIdempotencyKeyStoresOneEntryAndKeepsSyncIdempotent() throws {
        let f = try Fixture()
        let key = UUID()
        let insert: SQLQuery = """
            INSERT INTO entries (kind, category, unit_code, occurred_at, reported_at, domain, text, interests, probability,
                consequence, rules_version, rules_hash, trace, idempotency_key)
            VALUES ('incident', 'damage', 'OSLO', now(), now(), 'correctional_security', 'x', '{order}', 1, 1,
                'ksf-2006.1', (SELECT hash FROM rule_sets WHERE version = 'ksf-2006.1'), '[]', \(key))
            ON CONFLICT (idempotency_key) DO NOTHING
            """
        let a = try f.db.connect(user: f.ola)
        try a.execute("BEGIN")
        #expect(try a.execute(insert) == 1)
        let b = try BackgroundStatement(try f.db.connect(user: f.ida), insert)
        try b.waitUntilBlocked(by: try f.pid(a), observer: f.su)
        try a.execute("COMMIT")
        #expect(try b.wait().get() == 0)
        try f.expectChainIntact()
        #expect(try f.db.sql("SELECT string_agg(ref, ',') FROM entries") == "OSLO-1")
        // A later delivery of the same key (sync run again) is still a no-op, and the next entry is OSLO-2.
        #expect(try a.execute(insert) == 0)
        #expect(try FactWriter(a).entry(unit: "OSLO").ref == "OSLO-2")
        try f.expectChainIntact()
    }

    @Test(arguments: ["ON CONFLICT DO NOTHING", ""])
    func racingTheSameHandoverAcceptIsRefusedNotDropped(clause: String) throws {
        let f = try Fixture()
        let outgoing = try f.db.connect(user: f.ola)
        let handover = try outgoing.query("""
            INSERT INTO shift_log (unit_code, event, summary) VALUES ('OSLO', 'handover', '{}') RETURNING id
            """).first!.decode(Int64.self, "id")
        let a = try f.db.connect(user: f.ida)
        try a.execute("BEGIN")
        try a.execute("INSERT INTO shift_log (unit_code, event, handover_id) VALUES ('OSLO', 'accept', \(handover))")
        let b = try BackgroundStatement(try f.db.connect(user: f.siv), SQLQuery(unsafeSQL: """
            INSERT INTO shift_log (unit_code, event, handover_id) VALUES ('OSLO', 'accept', \(handover)) \(clause)
            """))
        try b.waitUntilBlocked(by: try f.pid(a), observer: f.su)
        try a.execute("COMMIT")
        switch b.wait() {
        case .success(let n): Issue.record("second accept stored \(n) rows")
        case .failure(let e as PostgresError):
            #expect(e.sqlState == "23514" && e.hint == "vaktlogg:already_accepted", "\(e)")
        case .failure(let e): Issue.record("\(e)")
        }
        try f.expectChainIntact()
        #expect(try f.db.sql("SELECT count(*) FROM shift_log WHERE event = 'accept'") == "1")
    }
}
