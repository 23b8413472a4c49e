import EmbeddedPostgres
import Foundation
import Logging
import Postgres
import Store
import Testing
import PostgresTestSupport

/// In embedded mode a newer binary brings its database up to date on first use.
@Suite("Embedded upgrade")
struct EmbeddedUpgradeTests {
    @Test func connectingAppliesMigrationsTheDatabaseLacks() throws {
        let dir = URL(fileURLWithPath: "/tmp/vaktlogg-upgrade-\(UUID().uuidString.prefix(8))")
        let target = DatabaseTarget(location: .embedded(directory: dir))
        let logger = Logger(label: "test")
        let cluster = try #require(try target.cluster())
        defer {
            try? cluster.stop(mode: .immediate)
            try? FileManager.default.removeItem(at: dir)
        }
        // A database made by an older build: every migration but the newest, and its administrator.
        try cluster.initializeIfNeeded()
        try cluster.start()
        try cluster.psql(database: "postgres", "CREATE DATABASE \(DatabaseTarget.embeddedDatabase)")
        let owner = try Connection(try target.ownerConnectionString(), logger: logger)
        defer { owner.close() }
        let older = Array(Migration.all.dropLast())
        try Migrator(connection: owner, migrations: older).migrate()
        _ = try owner.query("SELECT admin_add_user(\(DatabaseTarget.defaultAdministrator), 'admin', '{}'::text[])")
        let count: () throws -> Int = {
            try owner.query("SELECT count(*) AS n FROM schema_migrations").first!.decode(Int.self, "n")
        }
        #expect(try count() == older.count)

        let user = try target.connect(logger: logger)
        defer { user.close() }
        #expect(try count() == Migration.all.count)
        #expect(try user.query("SELECT schema_version() AS v").first!.decode(Int.self, "v") == Migration.all.last!.version)
    }
}
