import Foundation
import Testing
import Postgres
import PostgresTestSupport
import Server
import Store
import VaktloggCore
import VaktloggTestSupport

/// A retried create with the same `Idempotency-Key` returns the entry first stored, with the same
/// status; concurrent retries give one entry. A `source_ref` repeated within the window is folded
/// into the first entry and counted on it (sql/034), however the deliveries race.
@Suite("API: idempotency and source_ref folding")
struct IdempotencyTests {
    @Test func aRetriedCreateReturnsTheOriginalEntry() async throws {
        let f = try await APIFixture("apiidem").start()
        defer { Task { await f.stop() } }
        let key = ["Idempotency-Key": "alarm-2026-12-02-0001"]
        let first = try await f.send("POST", "/entries", as: f.alarm, json: APIFixture.incident(), headers: key)
        let again = try await f.send("POST", "/entries", as: f.alarm, json: APIFixture.incident(), headers: key)
        #expect(first.status == 201, "\(first.text)")
        #expect(again.status == first.status)
        #expect(again.object["id"] as? Int == first.object["id"] as? Int)
        #expect(first.header("Idempotent-Replayed") == nil)
        #expect(again.header("Idempotent-Replayed") == "true")
        // Another key is another entry; the same key from another user is that user's own.
        let other = try await f.send("POST", "/entries", as: f.alarm, json: APIFixture.incident(), headers: ["Idempotency-Key": "alarm-2"])
        #expect(other.object["id"] as? Int != first.object["id"] as? Int)
        let olas = try await f.send("POST", "/entries", as: f.ola, json: APIFixture.incident(), headers: key)
        #expect(olas.status == 201)
        #expect(olas.object["id"] as? Int != first.object["id"] as? Int)
        #expect(try f.db.sql("SELECT count(*) FROM entries") == "3")
    }

    @Test func sixteenConcurrentRetriesOfOneKeyGiveOneEntry() async throws {
        let f = try await APIFixture("apiidem16").start()
        defer { Task { await f.stop() } }
        let results = try await withThrowingTaskGroup(of: (Int, Int?).self) { group in
            for _ in 0..<16 {
                group.addTask {
                    let r = try await f.send("POST", "/entries", as: f.alarm, json: APIFixture.incident(),
                                             headers: ["Idempotency-Key": "burst-1"])
                    return (r.status, r.object["id"] as? Int)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0.0 == 201 }, "\(results)")
        #expect(Set(results.map(\.1)).count == 1)
        #expect(try f.db.sql("SELECT count(*) FROM entries") == "1")
    }

    @Test func aRepeatedSourceRefIsFoldedIntoTheFirstEntry() async throws {
        let f = try await APIFixture("apifold").start()
        defer { Task { await f.stop() } }
        let alarm = APIFixture.incident(text: "Brannalarm sone 3", extra: ["source_ref": "ALARM-77"])
        let first = try await f.send("POST", "/entries", as: f.alarm, json: alarm)
        #expect(first.status == 201, "\(first.text)")
        let id = try #require(first.object["id"] as? Int)
        let body = try JSONSerialization.data(withJSONObject: alarm)
        let results = try await withThrowingTaskGroup(of: (Int, Int?).self) { group in
            for _ in 0..<16 {
                group.addTask {
                    let r = try await f.send("POST", "/entries", as: f.alarm, body: body)
                    return (r.status, r.object["id"] as? Int)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == (201, id) }, "\(results)")
        #expect(try f.db.sql("SELECT count(*) FROM entries") == "1")
        #expect(try f.db.sql("SELECT entry_delivery_count(\(id))", user: f.alarm) == "17")
        // Another reference, or the same from another reporter, is an entry of its own.
        let next = try await f.send("POST", "/entries", as: f.alarm, json: APIFixture.incident(extra: ["source_ref": "ALARM-78"]))
        #expect(next.object["id"] as? Int != id)
        let olas = try await f.send("POST", "/entries", as: f.ola, json: alarm)
        #expect(olas.object["id"] as? Int != id)
        // Outside the window (the first moved back behind the application's back): a new entry.
        try f.db.sql("ALTER TABLE entries DISABLE TRIGGER USER; UPDATE entries SET recorded_at = recorded_at - interval '61 minutes' WHERE id = \(id); ALTER TABLE entries ENABLE TRIGGER USER")
        let later = try await f.send("POST", "/entries", as: f.alarm, json: alarm)
        #expect(later.status == 201)
        #expect(later.object["id"] as? Int != id)
        #expect(try f.db.sql("SELECT count(*) FROM entries") == "4")
    }

    /// The fold is the database's: a raw INSERT through the user's own login is folded too.
    @Test func theDatabaseFoldsWhateverThePath() async throws {
        let f = try await APIFixture("apifoldsql").start()
        defer { Task { await f.stop() } }
        let first = try await f.send("POST", "/entries", as: f.alarm, json: APIFixture.incident(extra: ["source_ref": "X-1"]))
        let id = try #require(first.object["id"] as? Int)
        let copied = try f.db.sql("""
            INSERT INTO entries (kind, category, unit_code, occurred_at, reported_at, domain, text, interests, probability,
                consequence, rules_version, rules_hash, trace, idempotency_key, source_ref)
            SELECT kind, category, unit_code, occurred_at, reported_at, domain, text, interests, probability, consequence,
                   rules_version, rules_hash, trace, gen_random_uuid(), source_ref FROM entries WHERE id = \(id)
            RETURNING id
            """, user: f.alarm)
        #expect(copied.isEmpty, "\(copied)")
        #expect(try f.db.sql("SELECT count(*) FROM entries") == "1")
        #expect(try f.db.sql("SELECT count(*) FROM source_ref_folds WHERE entry_id = \(id)") == "1")
    }
}
