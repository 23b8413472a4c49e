import Foundation
import PostgresTestSupport
import Testing
import VaktloggTestSupport

/// `vaktlogg seed --demo [--if-empty]` through the binary, as the database owner.
@Suite struct SeedCommandTests {
    @Test func ifEmptySeedsOnceThenLeavesTheDatabaseAlone() throws {
        // The demo users are cluster-wide roles with fixed names: seed in turn with the Store tests.
        try DemoRolesLock.withLock { try seedIfEmpty() }
    }

    private func seedIfEmpty() throws {
        let bin = try VaktloggBinary.locate()
        let db = try VaktloggTestDatabase.create(prefix: "seedcli")
        let env = ["VAKTLOGG_DATABASE_URL": db.database.url(), "VAKTLOGG_LANG": "nb"]

        let first = try bin.run(["seed", "--demo", "--if-empty", "--days", "3"], environment: env)
        #expect(first.exitCode == 0, "\(first)")
        #expect(first.stdout.hasPrefix("Demodata lagt inn: "), "\(first)")
        let entries = try db.sql("SELECT count(*) FROM entries")
        #expect((Int(entries) ?? 0) > 0)
        let events = try db.sql("SELECT count(*) FROM entry_events")

        let again = try bin.run(["seed", "--demo", "--if-empty", "--days", "3"], environment: env)
        #expect(again.exitCode == 0, "\(again)")
        #expect(again.stdout == "Databasen har allerede oppføringer; demodata ikke lagt inn.\n", "\(again)")
        #expect(try db.sql("SELECT count(*) FROM entries") == entries)
        #expect(try db.sql("SELECT count(*) FROM entry_events") == events)

        // Without --if-empty a second seeding is refused, and nothing is added either.
        let refused = try bin.run(["seed", "--demo", "--days", "3"], environment: env)
        #expect(refused.exitCode == 65, "\(refused)")
        #expect(refused.stderr.hasPrefix("vaktlogg: "), "\(refused)")
        #expect(try db.sql("SELECT count(*) FROM entries") == entries)
        #expect(try db.sql("SELECT bool_and(v.ok) FROM units u CROSS JOIN LATERAL verify_chain(u.code) v") == "t", "the seeded chains verify")
    }
}
