import Foundation
import Postgres
import Store
import Testing
import VaktloggTestSupport

@Suite("Demo seeding")
struct DemoSeederTests {
    @Test func seedsEveryKindInEveryStateWithValidChainsAndLeavesBackdatingOff() throws {
        let db = try VaktloggTestDatabase.create(prefix: "seed")
        let owner = try db.connect()
        defer { owner.close() }
        let summary = try DemoRolesLock.withLock { try DemoSeeder(owner: owner).seed(days: 90) }
        #expect(summary.units == 6)
        #expect(summary.entries > 300)

        let states = Set(try db.sql("SELECT DISTINCT kind || ':' || status FROM entry_state").split(separator: "\n").map(String.init))
        let expected = [
            "incident:registered", "incident:acknowledged", "incident:closed",
            "deviation:registered", "deviation:acknowledged", "deviation:under_treatment", "deviation:measure_decided", "deviation:closed",
            "manipulation:registered", "manipulation:acknowledged", "manipulation:closed",
            "threat:registered", "threat:acknowledged", "threat:assessed", "threat:closed",
        ]
        for state in expected { #expect(states.contains(state), "missing \(state)") }

        // History reaches back months, and some deadlines have passed while others are pending.
        #expect(try db.sql("SELECT min(reported_at) < now() - interval '60 days' FROM entries") == "t")
        #expect(try Int(db.sql("SELECT count(*) FROM entry_state WHERE next_due(entry_state) < now()"))! > 0)
        #expect(try Int(db.sql("SELECT count(*) FROM entry_state WHERE next_due(entry_state) > now()"))! > 0)
        #expect(try Int(db.sql("SELECT count(*) FROM risk_assessments"))! > 0)
        #expect(try Int(db.sql("SELECT count(*) FROM measures WHERE outcome = 'justified'"))! > 0)
        #expect(try Int(db.sql("SELECT count(*) FROM decisions WHERE public_safety_significant"))! > 0)

        #expect(try db.sql("SELECT bool_and(v.ok) FROM units, LATERAL verify_chain(code) v") == "t")
        #expect(try db.sql("SELECT backdating FROM maintenance") == "f")
        // Facts were written as the demo users, never as the owner.
        #expect(try db.sql("SELECT count(*) FROM entries WHERE reporter = current_user") == "0")
    }

    @Test func refusesADatabaseThatAlreadyHasEntries() throws {
        let db = try VaktloggTestDatabase.create(prefix: "seed2")
        let owner = try db.connect()
        defer { owner.close() }
        _ = try DemoRolesLock.withLock { try DemoSeeder(owner: owner).seed(days: 10) }
        let count = try db.sql("SELECT count(*) FROM entries")
        let refused = try #require(throws: StoreError.self) { try DemoRolesLock.withLock { try DemoSeeder(owner: owner).seed(days: 10) } }
        #expect(refused.category == .invalid, "a refusal, not a fault: \(refused)")
        #expect(try db.sql("SELECT count(*) FROM entries") == count)
        #expect(try DemoSeeder(owner: owner).hasEntries())
    }
}
