import Foundation
import Postgres
import PostgresTestSupport
import Store
import Testing
import VaktloggTestSupport

@Suite("Migrations")
struct MigrationTests {
    /// Everything recorded about applied migrations, to compare before and after.
    private func recorded(_ c: Connection) throws -> [String] {
        try c.query("SELECT version, name, checksum, applied_at::text AS at FROM schema_migrations ORDER BY version")
            .rows.map { "\(try $0.decode(Int.self, "version")) \(try $0.decode(String.self, "name")) \(try $0.decode(String.self, "checksum")) \(try $0.decode(String.self, "at"))" }
    }

    @Test func rerunningMigrateIsANoOp() throws {
        let db = try VaktloggTestDatabase.create()
        let c = try db.connect()
        let before = try recorded(c)
        #expect(before.count == Migration.all.count)
        let applied = try Migrator(connection: c).migrate()
        #expect(applied.isEmpty)
        #expect(try recorded(c) == before)
        let status = try Migrator(connection: c).status()
        #expect(status.map(\.migration.name) == Migration.all.map(\.name))
        #expect(status.allSatisfy { if case .applied = $0.state { true } else { false } })
    }

    @Test func freshDatabaseAppliesEveryMigrationInOrderOnce() throws {
        let database = try TestDatabase.create(prefix: "mig")
        let c = try Connection(database.connectionString)
        try ClusterRoles.prepare(connection: c)
        // Status reads only: on a database nobody migrated it shows all pending and creates nothing.
        let pending = try Migrator(connection: c).status()
        #expect(pending.map(\.migration.name) == Migration.all.map(\.name))
        #expect(pending.allSatisfy { $0.state == .pending })
        #expect(try c.query("SELECT to_regclass('schema_migrations') IS NULL AS absent").first!.decode(Bool.self, "absent"))

        let applied = try Migrator(connection: c).migrate()
        #expect(applied.map(\.name) == Migration.all.map(\.name))
        #expect(try recorded(c).map { $0.split(separator: " ")[1] } == Migration.all.map { Substring($0.name) })
        #expect(try Migrator(connection: c).migrate().isEmpty)
    }

    @Test func anAppliedMigrationWhoseTextChangedIsRefusedByName() throws {
        let db = try VaktloggTestDatabase.create()
        let c = try db.connect()
        let before = try recorded(c)
        let modified = Migration.all.map { m in
            m.name == "003_entries.sql" ? Migration(name: m.name, sql: m.sql.replacingOccurrences(of: "20000", with: "20001")) : m
        }
        #expect(modified.map(\.checksum) != Migration.all.map(\.checksum))
        #expect(throws: MigrationError.changed("003_entries.sql")) { try Migrator(connection: c, migrations: modified).migrate() }
        #expect(throws: MigrationError.changed("003_entries.sql")) { try Migrator(connection: c, migrations: modified).status() }
        let error = try #require(throws: MigrationError.self) { try Migrator(connection: c, migrations: modified).migrate() }
        #expect(error.isChangedFile)
        #expect(error.description.contains("003_entries.sql"))
        #expect(try recorded(c) == before, "nothing is applied or re-recorded")
    }

    @Test func aMigrationTheBuildDoesNotKnowIsRefusedByName() throws {
        let db = try VaktloggTestDatabase.create()
        let c = try db.connect()
        let older = Array(Migration.all.dropLast())
        let newest = Migration.all.last!.name
        #expect(throws: MigrationError.unknown(newest)) { try Migrator(connection: c, migrations: older).migrate() }
    }

    @Test func theCatalogueIsExactlyTheFilesOfSQL() throws {
        // Tests/StoreTests/MigrationTests.swift → the package root → sql/
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("sql")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(files.count >= 6)
        #expect(Migration.all.map(\.name) == files)
        for migration in Migration.all where files.contains(migration.name) {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(migration.name))
            #expect(Data(migration.sql.utf8) == bytes, "\(migration.name) differs from sql/\(migration.name)")
        }
        let versions = Migration.all.map(\.version)
        // Branches take reserved numbers (coord.md), so a branch may have a gap until the numbers
        // before it are merged; repeats and disorder are never allowed.
        #expect(versions == Array(Set(versions)).sorted(), "versions rise without repeats")
        #expect(versions.first == 1)
    }
}
