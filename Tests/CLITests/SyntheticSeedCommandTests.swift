import Foundation
import Testing
import PostgresTestSupport
import VaktloggTestSupport

/// `vaktlogg seed --synthetic` through the binary: usage errors name the option, a seed prints its
/// summary as JSON, and the chains verify afterwards through `vaktlogg verify`.
@Suite("seed --synthetic (CLI)", .serialized)
struct SyntheticSeedCommandTests {
    @Test func usageErrorsNameTheOptionAndNothingIsWritten() throws {
        let db = try VaktloggTestDatabase.create(prefix: "synclu")
        let bin = try VaktloggBinary.locate()
        let env = ["VAKTLOGG_DATABASE_URL": db.database.url(), "VAKTLOGG_LANG": "en"]
        for (args, needle) in [(["seed"], "--synthetic"), (["seed", "--synthetic"], "--entries"),
                               (["seed", "--synthetic", "--entries", "10", "--units", "0"], "--units"),
                               (["seed", "--synthetic", "--entries", "10", "--until", "2999-01-01"], "--until"),
                               (["seed", "--demo", "--entries", "10"], "--entries")] {
            let r = try bin.run(args, environment: env)
            #expect(r.exitCode == 64, "\(args): \(r)")
            #expect(r.stderr.contains(needle), "\(args): \(r)")
        }
        #expect(try db.sql("SELECT count(*) FROM entries") == "0")
    }

    @Test func seedsPrintsJSONAndVerifyPasses() throws {
        let db = try VaktloggTestDatabase.create(prefix: "syncli")
        let bin = try VaktloggBinary.locate()
        let env = ["VAKTLOGG_DATABASE_URL": db.database.url(), "VAKTLOGG_LANG": "en"]
        let r = try DemoRolesLock.withLock {
            try bin.run(["seed", "--synthetic", "--entries", "300", "--units", "3", "--years", "1", "--seed", "5",
                         "--until", "2026-11-01", "--json"], environment: env)
        }
        #expect(r.exitCode == 0, "\(r)")
        let summary = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(summary?["entries"] as? Int == 300)
        #expect((summary?["content_hash"] as? String)?.count == 64)
        #expect(try db.sql("SELECT max(reported_at) <= '2026-11-02 00:00+01' FROM entries") == "t")
        let verify = try bin.run(["verify"], environment: env)
        #expect(verify.exitCode == 0, "\(verify)")
        #expect(verify.stdout.split(separator: "\n").count == 3, "\(verify)")
    }
}
