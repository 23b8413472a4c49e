import EmbeddedPostgres
import Foundation
import Logging
import Postgres
import PostgresTestSupport
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// Issue #8 hole 12: staff data across units, sessions of disabled users, the cluster's maintenance
/// database, and other sessions' activity.
@Suite("Attack: grants and sessions")
struct GrantAttackTests {
    @Test func staffSeeOnlyTheColleaguesOfTheirUnits() throws {
        let org = try AttackOrganisation("grant1")
        let bjorkvik = [org.ingrid, org.kari, org.mona, org.ola].sorted()
        let names = { (user: String) in try org.db.sql("SELECT string_agg(name, ',' ORDER BY name) FROM app_users", user: user) }
        for user in [org.ola, org.kari, org.mona] {
            #expect(try names(user) == bjorkvik.joined(separator: ","), "\(user)")
            #expect(try org.db.sql("SELECT count(*) FROM app_users WHERE full_name = 'Per Vik'", user: user) == "0")
            #expect(try org.db.sql("SELECT string_agg(DISTINCT unit_code, ',') FROM user_units", user: user) == "BJORKVIK")
        }
        #expect(try names(org.per) == [org.hanne, org.per].sorted().joined(separator: ","))
        // Positive control: administrators and auditors see everyone.
        for user in [org.adm, org.erik] {
            #expect(try org.db.sql("SELECT count(*) FROM app_users", user: user) == "8")
            #expect(try org.db.sql("SELECT count(*) FROM user_units", user: user) == "6")
        }
    }

    @Test func disablingAUserEndsTheirSessionsAndAnOpenSessionSeesNothing() throws {
        let org = try AttackOrganisation("grant2")
        _ = try org.incident(by: org.ola)
        let session = try org.db.connect(user: org.ola)
        defer { session.close() }
        #expect(try session.query("SELECT count(*) AS n FROM entries").first!.decode(Int.self, "n") == 1)
        // Not everyone may end sessions.
        #expect(try org.refusal("SELECT admin_end_sessions('\(org.ola)')", as: org.kari).hint == "vaktlogg:admin_required")
        try org.db.sql("SELECT admin_disable_user('\(org.ola)')", user: org.adm)
        let ended = #expect(throws: PostgresError.self) { try session.query("SELECT 1 AS one") }
        #expect(ended?.isConnectionError == true || ended?.sqlState == "57P01", "\(String(describing: ended))")
        #expect(throws: (any Error).self) { try org.db.connect(user: org.ola) }

        // A session that outlives its user's disabling (disabled behind the functions' back here)
        // sees no staff, units, entries, persons or channels.
        let survivor = try org.db.connect(user: org.ingrid)
        defer { survivor.close() }
        try org.db.sql("UPDATE app_users SET disabled_at = now() WHERE name = '\(org.ingrid)'")
        for table in ["app_users", "user_units", "units", "regions", "entries", "entry_state", "entry_events", "shift_log"] {
            #expect(try survivor.query(SQLQuery(unsafeSQL: "SELECT count(*) AS n FROM \(table)")).first!.decode(Int.self, "n") == 0, "\(table)")
        }
        #expect(try survivor.query("SELECT count(*) AS n FROM my_channels()").first!.decode(Int.self, "n") == 0)
        #expect(throws: PostgresError.self) { try survivor.query("SELECT count(*) AS n FROM persons") }
    }

    @Test func otherSessionsActivityAndLocksAreNotReadable() throws {
        let org = try AttackOrganisation("grant3")
        for sql in ["SELECT usename, xact_start FROM pg_stat_activity", "SELECT * FROM pg_locks",
                    "SELECT pg_stat_get_backend_userid(1)", "SELECT * FROM pg_stat_get_activity(NULL)",
                    "SELECT pg_blocking_pids(1)"] {
            for user in [org.ola, org.kari, org.erik] {
                #expect(try org.refusal(sql, as: user).sqlState == "42501", "\(user): \(sql)")
            }
        }
        // Positive control: the superuser (operations) still can.
        #expect(try Int(org.db.sql("SELECT count(*) FROM pg_stat_activity"))! >= 1)
    }

    /// The embedded cluster: no login but the superuser reaches the maintenance databases, and the
    /// socket is reachable only by the account that runs the server.
    @Test func theEmbeddedClusterIsClosedToOtherDatabasesAndAccounts() throws {
        let dir = URL(fileURLWithPath: "/tmp/vaktlogg-grants-\(UUID().uuidString.prefix(8))")
        let target = DatabaseTarget(location: .embedded(directory: dir))
        let cluster = try #require(try target.cluster())
        defer {
            try? cluster.stop(mode: .immediate)
            try? FileManager.default.removeItem(at: dir)
        }
        try target.prepareEmbedded(logger: Logger(label: "test"))
        let admin = DatabaseTarget.defaultAdministrator
        // Positive control: the administrator reaches the Vaktlogg database…
        #expect(try cluster.psql(database: DatabaseTarget.embeddedDatabase, user: admin, "SELECT app_role()") == "admin")
        // … but not postgres or template1.
        for database in ["postgres", "template1"] {
            let refused = #expect(throws: EmbeddedClusterError.self) { try cluster.psql(database: database, user: admin, "SELECT 1") }
            #expect(refused?.description.contains("permission denied for database") == true, "\(database)")
        }
        let fm = FileManager.default
        for path in [cluster.directory.path, cluster.socketDirectory.path, cluster.dataDirectory.path] {
            let mode = try #require(fm.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            #expect(mode & 0o077 == 0, "\(path) is mode \(String(mode, radix: 8))")
        }
        let socket = try #require(try fm.contentsOfDirectory(atPath: cluster.socketDirectory.path).first { $0.hasPrefix(".s.PGSQL") && !$0.hasSuffix(".lock") })
        let socketMode = try #require(fm.attributesOfItem(atPath: cluster.socketDirectory.appendingPathComponent(socket).path)[.posixPermissions] as? Int)
        #expect(socketMode & 0o077 == 0, "socket mode \(String(socketMode, radix: 8))")
    }
}
