import Foundation
import Store
import Testing
import VaktloggCore
import Postgres
import PostgresTestSupport
import Server
import VaktloggTestSupport

/// The database decides what the API shows: the integration role, the sealed reporters of
/// manipulation reports, and a slice of the access matrix compared cell by cell with what the
/// same user sees through psql with their own login.
@Suite("API: access decided by the database")
struct AccessThroughTheAPITests {
    @Test func anIntegrationCreatesForItsUnitsAndReadsBackOnlyItsOwn() async throws {
        let f = try await APIFixture("apiint").start()
        defer { Task { await f.stop() } }
        let olas = try #require(try await f.send("POST", "/entries", as: f.ola, json: APIFixture.incident()).object["ref"] as? String)
        let created = try await f.send("POST", "/entries", as: f.alarm, json: APIFixture.incident(text: "Alarm utløst, celle 12"))
        #expect(created.status == 201, "\(created.text)")
        let own = try #require(created.object["ref"] as? String)
        let elsewhere = try await f.send("POST", "/entries", as: f.alarm, json: APIFixture.incident(unit: "HAVNES"))
        #expect(elsewhere.status == 403, "\(elsewhere.text)")
        // Reads back its own only; ola's entry in the same unit does not exist for it.
        #expect(try await f.send("GET", "/entries", as: f.alarm).array.compactMap { $0["ref"] as? String } == [own])
        #expect(try await f.send("GET", "/entries/\(own)", as: f.alarm).status == 200)
        #expect(try await f.send("GET", "/entries/\(olas)", as: f.alarm).status == 404)
        // It may not act on entries: a measure and an acknowledgement are refused.
        let measure = try await f.send("POST", "/entries/\(own)/measures", as: f.alarm,
                                       json: ["type": "extra_control", "purpose": "security", "restrictiveness": 1])
        #expect(measure.status == 403, "\(measure.text)")
        #expect(try f.db.sql("SELECT count(*) FROM measures") == "0")
        // Positive control: ola sees both.
        #expect(try await f.send("GET", "/entries", as: f.ola).array.count == 2)
    }

    @Test func aSealedReporterReachesOnlyTheUnitsCoordinators() async throws {
        let f = try await APIFixture("apiseal").start()
        defer { Task { await f.stop() } }
        let report = try await f.send("POST", "/entries", as: f.ingrid, json: APIFixture.manipulation)
        #expect(report.status == 201, "\(report.text)")
        let ref = try #require(report.object["ref"] as? String)
        _ = try await f.send("POST", "/entries/\(ref)/comment", as: f.ingrid, json: ["text": "Skjedde igjen"])
        // The coordinator sees the reporter (the read is logged), and the reporter herself.
        #expect(try await f.send("GET", "/entries/\(ref)", as: f.kari).object["reporter"] as? String == f.ingrid)
        #expect(try await f.send("GET", "/entries/\(ref)", as: f.ingrid).object["reporter"] as? String == f.ingrid)
        #expect(try f.db.sql("SELECT count(*) FROM access_log WHERE action = 'read_reporter'") == "1")
        // For everyone else the name is in no response at all: not in show, list, or history.
        for user in [f.ola, f.mona, f.erik, f.adm, f.per, f.hanne, f.alarm] {
            for path in ["/entries/\(ref)", "/entries", "/entries?status=all"] {
                let r = try await f.send("GET", path, as: user)
                #expect(!r.text.contains("ingrid"), "\(user) \(path): \(r.text.prefix(300))")
            }
        }
        let olaSees = try await f.send("GET", "/entries/\(ref)", as: f.ola)
        #expect(olaSees.status == 200)
        #expect(olaSees.object["reporter"] is NSNull)
        // Positive control for the scan: the name is in the coordinator's response.
        #expect(try await f.send("GET", "/entries/\(ref)", as: f.kari).text.contains("ingrid"))
    }

    /// Reads: for every role, the refs listed through the API equal those the same user reads with
    /// psql through their own login. Writes: logging in each unit succeeds or is refused the same
    /// way through the API and through the user's own login.
    @Test func theAccessMatrixIsTheSameThroughTheAPIAndPsql() async throws {
        let f = try await APIFixture("apimatrix").start()
        defer { Task { await f.stop() } }
        _ = try await f.send("POST", "/entries", as: f.ola, json: APIFixture.incident())
        _ = try await f.send("POST", "/entries", as: f.per, json: APIFixture.incident(unit: "HAVNES"))
        _ = try await f.send("POST", "/entries", as: f.ingrid, json: APIFixture.manipulation)
        _ = try await f.send("POST", "/entries", as: f.alarm, json: APIFixture.incident(text: "Alarm"))
        for user in f.everyone {
            let api = try await f.send("GET", "/entries?status=all", as: user).array.compactMap { $0["ref"] as? String }.sorted()
            let psql = try f.db.sql("SELECT coalesce(string_agg(ref, ',' ORDER BY ref), '') FROM entry_state", user: user)
            #expect(api.joined(separator: ",") == psql, "\(user)")
            let apiShown = try await f.send("GET", "/entries/BJORKVIK-1", as: user).status == 200
            let psqlShown = try f.db.sql("SELECT count(*) FROM entries WHERE ref = 'BJORKVIK-1'", user: user) == "1"
            #expect(apiShown == psqlShown, "\(user)")
            for unit in ["BJORKVIK", "HAVNES"] {
                let throughAPI = try await f.send("POST", "/entries", as: user, json: APIFixture.incident(unit: unit, text: "Matrise \(user)"))
                let direct: Bool
                do {
                    let c = try f.db.connect(user: user)
                    defer { c.close() }
                    var d = EntryDraft(kind: .incident, category: "violence_inmate", text: "Matrise direkte")
                    d.unit = unit
                    d.probability = 3
                    d.consequence = 3
                    _ = try StoreSession(connection: c).entries.log(d)
                    direct = true
                } catch {
                    direct = false
                }
                #expect((throughAPI.status == 201) == direct, "\(user) \(unit): \(throughAPI.status) \(throughAPI.text.prefix(200))")
                #expect(throughAPI.status == 201 || throughAPI.status == 403, "\(user) \(unit): \(throughAPI.status)")
            }
        }
        // Positive controls: both outcomes occur.
        #expect(try f.db.sql("SELECT count(*) > 0 FROM entries WHERE text LIKE 'Matrise %'") == "t")
        #expect(try f.db.sql("SELECT count(*) < 18 FROM entries WHERE text LIKE 'Matrise %'") == "t")
    }
}
