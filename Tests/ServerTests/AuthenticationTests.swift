import Foundation
import Testing
import Postgres
import PostgresTestSupport
import Server
import Store
import VaktloggCore
import VaktloggTestSupport

/// Every request under /entries needs a live token: none, a wrong one, an expired or a revoked
/// one is a 401 problem; the probes need none.
@Suite("API: authentication")
struct AuthenticationTests {
    @Test func aRequestWithoutALiveTokenIsRefused() async throws {
        let f = try await APIFixture("apiauth").start()
        defer { Task { await f.stop() } }
        // Positive control: ola's token lists.
        #expect(try await f.send("GET", "/entries", as: f.ola).status == 200)

        let none = try await f.send("GET", "/entries")
        #expect(none.status == 401)
        #expect(none.object["code"] as? String == "token_missing")
        #expect(none.header("Content-Type") == "application/problem+json")
        #expect(try await f.send("GET", "/entries", headers: ["Authorization": "Basic b2xhOnBhc3M="]).status == 401)
        let wrong = try await f.send("GET", "/entries", token: "vl_not_a_token")
        #expect(wrong.status == 401)
        #expect(wrong.object["code"] as? String == "token_invalid")

        // Expired: moved into the past behind the application's back (no waiting in tests).
        let expiring = try f.token(for: f.per)
        #expect(try await f.send("GET", "/entries", token: expiring).status == 200)
        try f.db.sql("""
            UPDATE api_tokens SET created_at = now() - interval '2 days', expires_at = now() - interval '1 day'
             WHERE user_name = '\(f.per)'
            """)
        #expect(try await f.send("GET", "/entries", token: expiring).status == 401)

        // Revoked through the Store, as `vaktlogg token revoke`.
        let revoked = try f.token(for: f.hanne)
        #expect(try await f.send("GET", "/entries", token: revoked).status == 200)
        let id = try f.db.sql("SELECT max(id) FROM api_tokens WHERE user_name = '\(f.hanne)'")
        try f.db.sql("SELECT admin_revoke_token(\(id))", user: f.adm)
        let refused = try await f.send("POST", "/entries", token: revoked, json: APIFixture.incident(unit: "HAVNES"))
        #expect(refused.status == 401)
        #expect(try f.db.sql("SELECT count(*) FROM entries") == "0")

        // The probes and the contract need no token.
        #expect(try await f.send("GET", "/health").status == 200)
        #expect(try await f.send("GET", "/openapi.yaml").status == 200)
    }

    @Test func problemsSpeakTheCallersLanguage() async throws {
        let f = try await APIFixture("apilang").start()
        defer { Task { await f.stop() } }
        // Bokmål by default: for a wildcard, and when no language offered is known.
        let nb = try await f.send("GET", "/entries", headers: ["Accept-Language": "*"])
        #expect(try await f.send("GET", "/entries", headers: ["Accept-Language": "de-DE"]).object["detail"] as? String
                == nb.object["detail"] as? String)
        let en = try await f.send("GET", "/entries", headers: ["Accept-Language": "en-GB,en;q=0.9"])
        let preferNb = try await f.send("GET", "/entries", headers: ["Accept-Language": "en;q=0.5, nb"])
        #expect((nb.object["detail"] as? String)?.contains("mangler nøkkel") == true, "\(nb.text)")
        #expect((en.object["detail"] as? String)?.contains("no token") == true, "\(en.text)")
        #expect(preferNb.object["detail"] as? String == nb.object["detail"] as? String)
        #expect(en.object["title"] as? String == "Not authenticated")
        #expect(nb.object["field"] as? String == "Authorization")
    }
}
