import Foundation
import Postgres
import Store
import Testing
import VaktloggTestSupport

/// `vaktlogg seed --synthetic`: rows generated and chained in the client must be exactly what the
/// database's own chain and projection would hold.
@Suite("Synthetic seeding", .serialized)
struct SyntheticSeederTests {
    static let until = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18, a fixed end

    func seeded(_ prefix: String, entries: Int, seed: UInt64 = 7, units: Int = 6) throws -> (VaktloggTestDatabase, SyntheticSummary) {
        let db = try VaktloggTestDatabase.create(prefix: prefix)
        let owner = try db.connect()
        defer { owner.close() }
        // The synthetic users have fixed names and roles are cluster-wide (see DemoRolesLock).
        let summary = try DemoRolesLock.withLock {
            try SyntheticSeeder(owner: owner).seed(SyntheticOptions(entries: entries, units: units, years: 2, seed: seed,
                                                                    until: Self.until, batch: 700))
        }
        return (db, summary)
    }

    @Test func tenThousandEntriesCoverEveryKindAndCategoryAndEveryChainVerifies() throws {
        let (db, summary) = try seeded("syn10k", entries: 10_000, units: 12)
        #expect(summary.entries == 10_000)
        #expect(try db.sql("SELECT count(*) FROM entries") == "10000")
        // verify_chain() recomputes every hash in the database: the client's canonical form and
        // SHA-256 must match it row for row, sealed manipulation reports included.
        #expect(try db.sql("SELECT count(*) FROM units u, LATERAL verify_chain(u.code) v WHERE v.ok") == "12")
        #expect(try db.sql("""
            SELECT count(*) FROM categories c
             WHERE NOT EXISTS (SELECT 1 FROM entries e WHERE e.kind = c.kind AND e.category = c.code)
            """) == "0")
        #expect(try db.sql("SELECT count(DISTINCT tier) FROM entries") == "4")
        #expect(try db.sql("SELECT count(*) FROM entries WHERE kind = 'manipulation' AND sealed_commitment IS NULL") == "0")
        for table in ["amendments", "risk_assessments", "measures", "decisions", "entry_persons"] {
            #expect(try Int(db.sql("SELECT count(*) FROM \(table)"))! > 0, "no \(table)")
        }
        #expect(try Int(db.sql("SELECT count(*) FROM entry_events WHERE event = 'escalated'"))! > 0)
        #expect(try Int(db.sql("SELECT count(*) FROM measures WHERE outcome = 'justified'"))! > 0)
        #expect(try Int(db.sql("SELECT count(*) FROM decisions WHERE public_safety_significant"))! > 0)
        // Deadlines met and missed.
        #expect(try Int(db.sql("SELECT count(*) FROM entry_state WHERE acknowledged_at <= deadline_of((SELECT deadlines FROM entries WHERE id = entry_id), 'p1_acknowledge')"))! > 0)
        #expect(try Int(db.sql("SELECT count(*) FROM entry_state WHERE acknowledged_at > deadline_of((SELECT deadlines FROM entries WHERE id = entry_id), 'p1_acknowledge')"))! > 0)
        // The projection agrees with the facts, as the triggers keep it.
        #expect(try db.sql("SELECT count(*) FROM entries e LEFT JOIN entry_state s ON s.entry_id = e.id WHERE s.ref IS DISTINCT FROM e.ref") == "0")
        #expect(try db.sql("""
            SELECT count(*) FROM entry_state s
             WHERE (s.status = 'closed') <> EXISTS (
                   SELECT 1 FROM entry_events e WHERE e.entry_id = s.entry_id AND e.event = 'close'
                      AND NOT EXISTS (SELECT 1 FROM entry_events r WHERE r.entry_id = s.entry_id AND r.event = 'reopen' AND r.id > e.id))
            """) == "0")
        #expect(try db.sql("SELECT count(*) FROM entry_state s WHERE (s.acknowledged_at IS NULL) <> NOT EXISTS (SELECT 1 FROM entry_events e WHERE e.entry_id = s.entry_id AND e.event IN ('acknowledge', 'threat_assessed'))") == "0")
        #expect(try db.sql("SELECT count(*) FROM chain_heads h WHERE h.entry_count <> (SELECT count(*) FROM entries e WHERE e.unit_code = h.unit_code)") == "0")
        // Chain order is time order, as a live system writes it.
        #expect(try db.sql("""
            SELECT count(*) FROM (SELECT recorded_at, lag(recorded_at) OVER (PARTITION BY unit_code ORDER BY chain_seq) AS prev
                                    FROM entries) x WHERE recorded_at < prev
            """) == "0")
        // New writes through the normal path continue the chain and the sequences.
        let officer = try db.sql("SELECT name FROM app_users WHERE role = 'duty_officer' AND home_unit = 'SYN01'").split(separator: "\n").first.map(String.init)!
        try db.sql("""
            INSERT INTO entries (kind, category, unit_code, occurred_at, reported_at, domain, text, interests, probability,
                                 consequence, rules_version, rules_hash, trace, idempotency_key)
            VALUES ('incident', 'damage', 'SYN01', now(), now(), 'correctional_security', 'Etter seed', '{order}', 2, 2,
                    'ksf-2006.1', (SELECT hash FROM rule_sets WHERE version = 'ksf-2006.1'), '[]', gen_random_uuid())
            """, user: officer)
        #expect(try db.sql("SELECT v.ok FROM verify_chain('SYN01') v") == "t")
    }

    @Test func theSameSeedGivesTheSameContentAndAnotherSeedOther() throws {
        let (a, first) = try seeded("syna", entries: 1500)
        let (_, second) = try seeded("synb", entries: 1500)
        let (_, other) = try seeded("sync", entries: 1500, seed: 8)
        #expect(first.contentHash == second.contentHash)
        #expect(first.rows == second.rows)
        #expect(first.contentHash != other.contentHash)
        #expect(try a.sql("SELECT count(*) FROM units u, LATERAL verify_chain(u.code) v WHERE v.ok") == "6")
    }

    @Test func refusesADatabaseWithEntriesAndALoginThatIsNotSuperuser() throws {
        let (db, _) = try seeded("synr", entries: 50)
        let owner = try db.connect()
        defer { owner.close() }
        let refused = try #require(throws: StoreError.self) {
            try SyntheticSeeder(owner: owner).seed(SyntheticOptions(entries: 10, until: Self.until))
        }
        #expect(refused.code == .notEmpty)
        let fresh = try VaktloggTestDatabase.create(prefix: "synu", units: ["OSLO"])
        let admin = try fresh.addUser("adm", role: "admin", units: [])
        let login = try fresh.connect(user: admin)
        defer { login.close() }
        let denied = try #require(throws: StoreError.self) {
            try SyntheticSeeder(owner: login).seed(SyntheticOptions(entries: 10, until: Self.until))
        }
        #expect(denied.code == .superuserRequired)
        #expect(denied.category == .forbidden)
        #expect(try fresh.sql("SELECT count(*) FROM entries") == "0")
    }
}
