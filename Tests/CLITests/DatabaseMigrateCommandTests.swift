import Foundation
import PostgresTestSupport
import Testing
import VaktloggTestSupport

@Suite("vaktlogg db migrate and status")
struct DatabaseMigrateCommandTests {
    /// The migration files of the checkout's `sql/`, in the order they apply.
    private let files: [String] = {
        let sql = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sql")
        return ((try? FileManager.default.contentsOfDirectory(atPath: sql.path)) ?? []).filter { $0.hasSuffix(".sql") }.sorted()
    }()

    @Test func migrateAndStatusWithAURL() throws {
        try #require(files.count >= 12, "the checkout's sql/ was not found: \(files)")
        let bin = try VaktloggBinary.locate()
        let database = try TestDatabase.create(prefix: "cli")
        let env = ["VAKTLOGG_DATABASE_URL": database.url()]

        let before = try bin.run(["db", "status"], environment: env)
        #expect(before.exitCode == 0, "\(before)")
        #expect(before.stdoutLines.first == "Migreringer:", "with a URL, no cluster state")
        #expect(before.stdoutLines.count == 1 + files.count)
        for (line, file) in zip(before.stdoutLines.dropFirst(), files) {
            #expect(line.hasPrefix("  \(file)") && line.hasSuffix("  venter"), "\(line)")
        }

        let first = try bin.run(["db", "migrate"], environment: env)
        #expect(first.exitCode == 0, "\(first)")
        #expect(first.stdoutLines == files.map { "brukt: \($0)" })
        let second = try bin.run(["db", "migrate", "--lang", "en"], environment: env)
        #expect(second.exitCode == 0)
        #expect(second.stdoutLines == ["up to date (\(files.count) migrations)"])

        let after = try bin.run(["db", "status", "--lang", "en"], environment: env)
        #expect(after.exitCode == 0)
        #expect(after.stdoutLines.first == "Migrations:")
        #expect(after.stdoutLines.count == 1 + files.count)
        for (line, file) in zip(after.stdoutLines.dropFirst(), files) {
            #expect(line.hasPrefix("  \(file)") && line.contains("applied 20"), "\(line)")
        }

        try database.psql("UPDATE schema_migrations SET checksum = 'x' WHERE version = 3")
        let changed = try bin.run(["db", "migrate"], environment: env)
        #expect(changed.exitCode == 65, "\(changed)")
        #expect(changed.stderr.contains("migreringen 003_entries.sql er endret"))
        let changedStatus = try bin.run(["db", "status"], environment: env)
        #expect(changedStatus.exitCode == 65)
        #expect(changedStatus.stderr.contains("003_entries.sql"))
    }

    @Test func migrateCreatesAndMigratesTheEmbeddedCluster() throws {
        try #require(files.count >= 12, "the checkout's sql/ was not found: \(files)")
        let bin = try VaktloggBinary.locate()
        let dir = "/tmp/vaktlogg-migrate-\(UUID().uuidString.prefix(8))"
        defer {
            _ = try? bin.run(["db", "stop", "--data-dir", dir])
            try? FileManager.default.removeItem(atPath: dir)
        }
        let first = try bin.run(["db", "migrate", "--data-dir", dir])
        #expect(first.exitCode == 0, "\(first)")
        #expect(first.stdoutLines == files.map { "brukt: \($0)" }, "the files applied by this call are named")
        let again = try bin.run(["db", "migrate", "--data-dir", dir])
        #expect(again.stdoutLines == ["databasen er oppdatert (\(files.count) migreringer)"])

        let status = try bin.run(["db", "status", "--data-dir", dir])
        #expect(status.exitCode == 0, "\(status)")
        #expect(status.stdoutLines.first?.hasPrefix("kjører (pid ") == true)
        #expect(status.stdoutLines.count == 2 + files.count)
        #expect(status.stdoutLines.dropFirst(2).map { $0.split(separator: " ").first.map(String.init) } == files)
        #expect(status.stdoutLines.dropFirst(2).allSatisfy { $0.contains(" brukt 20") })
        // The first administrator exists, as after any first use.
        let verify = try bin.run(["verify", "--data-dir", dir])
        #expect(verify.exitCode == 0, "\(verify)")
    }
}
