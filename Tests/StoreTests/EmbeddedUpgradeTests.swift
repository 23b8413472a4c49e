import EmbeddedPostgres
import Foundation
import Logging
import Postgres
import Store
import Testing

/// In embedded mode a newer binary brings its database up to date on first use.
@Suite("Embedded upgrade")
struct EmbeddedUpgradeTests {
    @Test func connectingAppliesMigrationsTheDatabaseLacks() throws {
        let dir = URL(fileURLWithPath: "/tmp/vaktlogg-upgrade-\(UUID().uuidString.prefix(8))")
        let target = DatabaseTarget(location: .embedded(directory: dir))
        let logger = Logger(label: "test")
        defer {
            try? target.cluster()?.stop(mode: .immediate)
            try? FileManager.default.removeItem(at: dir)
        }
        try target.prepareEmbedded(logger: logger)
        // Pretend the database was made by an older build: forget the newest migration's record and
        // undo its one object.
        let owner = try Connection(try target.ownerConnectionString(), logger: logger)
        defer { owner.close() }
        let newest = try #require(Migration.all.last)
        #expect(newest.name == "011_schema_version.sql", "update this test when adding migrations")
        _ = try owner.unsafeExecuteScript("DROP FUNCTION schema_version(); DELETE FROM schema_migrations WHERE version = 11")

        let user = try target.connect(logger: logger)
        defer { user.close() }
        #expect(try user.query("SELECT schema_version() AS v").first!.decode(Int.self, "v") == newest.version)
        let applied = try owner.query("SELECT count(*) AS n FROM schema_migrations").first!.decode(Int.self, "n")
        #expect(applied == Migration.all.count)
    }
}
