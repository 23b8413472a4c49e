import Foundation
import Testing
import Postgres
import PostgresTestSupport
import Server
import Store
import VaktloggCore
import VaktloggTestSupport

/// The API end to end: entries of all four kinds, list and show, the lifecycle, measures and
/// decisions — each through the Store workflow the CLI uses, as the token's user.
@Suite("API: entries, lifecycle, measures, decisions")
struct EntriesAPITests {
    @Test func allFourKindsAreCreatedListedAndShown() async throws {
        let f = try await APIFixture("apient").start()
        defer { Task { await f.stop() } }
        let incident = try await f.send("POST", "/entries", as: f.ola, json: APIFixture.incident())
        #expect(incident.status == 201, "\(incident.text)")
        let ref = try #require(incident.object["ref"] as? String)
        #expect(incident.header("Location") == "/entries/\(ref)")
        #expect(incident.object["status"] as? String == "registered")
        #expect(incident.object["rules_version"] as? String == "ksf-2006.2", "new entries are judged by the current rule set")

        let deviation = try await f.send("POST", "/entries", as: f.ola, json: [
            "kind": "deviation", "category": "routine_breach", "unit": "BJORKVIK", "text": "Dør stod åpen",
            "probability": 2, "consequence": 2,
        ])
        #expect(deviation.status == 201, "\(deviation.text)")
        let manipulation = try await f.send("POST", "/entries", as: f.ingrid, json: APIFixture.manipulation)
        #expect(manipulation.status == 201, "\(manipulation.text)")
        let threat = try await f.send("POST", "/entries", as: f.kari, json: [
            "kind": "threat", "category": "escape_plan", "unit": "BJORKVIK", "text": "Rømningsplan nevnt",
            "probability": 4, "consequence": 5, "source": "inmate", "source_reliability": "C",
            "information_credibility": 3,
        ])
        #expect(threat.status == 201, "\(threat.text)")

        // The list as the CLI orders it, from the database's own triage order.
        let list = try await f.send("GET", "/entries", as: f.kari)
        #expect(list.status == 200)
        let refs = list.array.compactMap { $0["ref"] as? String }
        let expected = try f.db.sql("""
            SELECT string_agg(ref, ',' ORDER BY tier, risk_score DESC, occurred_at, ref) FROM entry_state WHERE status <> 'closed'
            """)
        #expect(refs.joined(separator: ",") == expected)
        #expect(refs.count == 4)
        #expect(try await f.send("GET", "/entries?kind=threat", as: f.kari).array.count == 1)
        #expect(try await f.send("GET", "/entries?kind=incident&kind=deviation", as: f.kari).array.count == 2)
        #expect(try await f.send("GET", "/entries?tier=P1&tier=1", as: f.kari).array.allSatisfy { $0["priority"] as? String == "P1" })

        let shown = try await f.send("GET", "/entries/\(ref)", as: f.ola)
        #expect(shown.status == 200)
        #expect(shown.object["reporter"] as? String == f.ola)
        #expect((shown.object["persons"] as? [[String: Any]])?.first?["ref"] as? String == "K-2026-0777")
        // Reading the persons was logged in the access log as ola.
        #expect(try f.db.sql("SELECT count(*) FROM access_log WHERE action = 'read_persons' AND actor = '\(f.ola)'") == "1")
        #expect(try await f.send("GET", "/entries/NOPE-1", as: f.ola).status == 404)
    }

    @Test func lifecycleMeasuresAndDecisionsGoThroughTheWorkflows() async throws {
        let f = try await APIFixture("apilife").start()
        defer { Task { await f.stop() } }
        let ref = try #require(try await f.send("POST", "/entries", as: f.ola, json: APIFixture.incident()).object["ref"] as? String)
        let ack = try await f.send("POST", "/entries/\(ref)/acknowledge", as: f.kari)
        #expect(ack.status == 200, "\(ack.text)")
        #expect(ack.object["status"] as? String == "acknowledged")
        let comment = try await f.send("POST", "/entries/\(ref)/comment", as: f.ola, json: ["text": "Vitner avhørt"])
        #expect(comment.status == 200, "\(comment.text)")
        #expect(try await f.send("POST", "/entries/\(ref)/assign", as: f.kari, json: ["to": f.ola]).object["assignee"] as? String == f.ola)

        // A measure: the coordinator may, the duty officer may not (the database refuses).
        let measure: [String: Any] = ["type": "extra_control", "purpose": "security", "burdens": ["order"], "restrictiveness": 1,
                                      "description": "Ekstra visitasjon"]
        let refusedMeasure = try await f.send("POST", "/entries/\(ref)/measures", as: f.ola, json: measure)
        #expect(refusedMeasure.status == 403, "\(refusedMeasure.text)")
        let recorded = try await f.send("POST", "/entries/\(ref)/measures", as: f.kari, json: measure)
        #expect(recorded.status == 201, "\(recorded.text)")
        #expect(recorded.object["outcome"] as? String == "allowed")
        #expect(try f.db.sql("SELECT decided_by FROM measures") == f.kari)

        let decision = try await f.send("POST", "/entries/\(ref)/decisions", as: f.mona,
                                        json: ["text": "Saken følges opp", "public_safety_significant": false])
        #expect(decision.status == 201, "\(decision.text)")
        // Significant for public safety without justification: refused by the rules, 422 naming the field.
        let unjustified = try await f.send("POST", "/entries/\(ref)/decisions", as: f.mona,
                                           json: ["text": "Overføring", "public_safety_significant": true])
        #expect(unjustified.status == 422)
        #expect(unjustified.object["field"] as? String == "justification")

        let closed = try await f.send("POST", "/entries/\(ref)/close", as: f.kari)
        #expect(closed.status == 200, "\(closed.text)")
        #expect(closed.object["status"] as? String == "closed")
        #expect(try await f.send("POST", "/entries/\(ref)/reopen", as: f.kari, json: ["reason": "Ny informasjon"]).object["status"] as? String != "closed")
        // The history the CLI shows, with every actor as the token's user.
        #expect(try f.db.sql("SELECT string_agg(DISTINCT actor, ',' ORDER BY actor) FROM entry_events WHERE event IN ('acknowledge', 'close')") == f.kari)
    }

    @Test func badInputIsA4xxNamingTheFieldNeverA5xx() async throws {
        let f = try await APIFixture("apibad").start { $0.maxBodyBytes = 4096 }
        defer { Task { await f.stop() } }
        let malformed = try await f.send("POST", "/entries", as: f.ola, body: Data("{\"kind\": ".utf8))
        #expect(malformed.status == 400, "\(malformed.text)")
        let unknown = try await f.send("POST", "/entries", as: f.ola, json: APIFixture.incident(extra: ["colour": "red"]))
        #expect(unknown.status == 422)
        #expect(unknown.object["field"] as? String == "colour")
        let missing = try await f.send("POST", "/entries", as: f.ola, json: ["kind": "incident", "category": "violence_inmate"])
        #expect(missing.status == 422)
        #expect(missing.object["field"] as? String == "text")
        let range = try await f.send("POST", "/entries", as: f.ola, json: APIFixture.incident(extra: ["probability": 9]))
        #expect(range.status == 422, "\(range.text)")
        #expect(range.object["field"] as? String == "probability")
        let tooLarge = try await f.send("POST", "/entries", as: f.ola, json: APIFixture.incident(text: String(repeating: "x", count: 5000)))
        #expect(tooLarge.status == 413, "\(tooLarge.text)")
        let otherUnit = try await f.send("POST", "/entries", as: f.ola, json: APIFixture.incident(unit: "HAVNES"))
        #expect(otherUnit.status == 403, "\(otherUnit.text)")
        #expect(otherUnit.object["field"] as? String == "unit")
        let badFilter = try await f.send("GET", "/entries?kind=alarm", as: f.ola)
        #expect(badFilter.status == 422)
        #expect(badFilter.object["field"] as? String == "kind")
        #expect(try await f.send("GET", "/entries?colour=red", as: f.ola).status == 422)
        let noRoute = try await f.send("GET", "/nowhere", as: f.ola)
        #expect(noRoute.status == 404)
        #expect(noRoute.header("Content-Type") == "application/problem+json")
        let action = try await f.send("POST", "/entries/NOPE-1/comment", as: f.ola, json: ["text": 5])
        #expect(action.status == 422)
        #expect(action.object["field"] as? String == "text")
        #expect(try await f.send("POST", "/entries/NOPE-1/comment", as: f.ola, json: ["text": "x"]).status == 404)
        #expect(try await f.send("POST", "/entries", as: f.ola, json: APIFixture.incident(), headers: ["Idempotency-Key": ""]).status != 201)
        #expect(try f.db.sql("SELECT count(*) FROM entries") == "0")
    }

    @Test func probesAndTheContract() async throws {
        let f = try await APIFixture("apiprobe").start()
        defer { Task { await f.stop() } }
        let ready = try await f.send("GET", "/ready")
        #expect(ready.status == 200, "\(ready.text)")
        #expect(ready.object["status"] as? String == "ready")
        // The served contract is the repository's file, byte for byte.
        let served = try await f.send("GET", "/openapi.yaml")
        let file = try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../openapi.yaml").standardized)
        #expect(served.body == file)
        _ = try await f.send("GET", "/entries", as: f.ola)
        let metrics = try await f.send("GET", "/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.text.contains("hb_requests"), "\(metrics.text.prefix(400))")
        #expect(metrics.text.contains("http_route=\"/entries\""))
        #expect(metrics.text.contains("http_server_request_duration"))
    }
}
