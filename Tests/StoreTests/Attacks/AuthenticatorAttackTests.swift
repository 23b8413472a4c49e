import Foundation
import Postgres
import PostgresTestSupport
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// Issue #12: the HTTP service logs in as `vaktlogg_authenticator`, a role that can do nothing by
/// itself, and acts per transaction for the user of the token it presents (sql/025). Attacked the way
/// someone holding the service's login would: raw SQL through psql.
@Suite("Attack: the service authenticator")
struct AuthenticatorAttackTests {
    static let authenticator = "vaktlogg_authenticator"

    /// A token for `user`, created by the organisation's administrator; returns the token text.
    static func token(_ org: AttackOrganisation, for user: String, expires: String = "NULL") throws -> String {
        let token = "tok-\(user)-\(UUID().uuidString)"
        try org.db.sql("SELECT admin_create_token('\(user)', sha256('\(token)'), \(expires))", user: org.adm)
        return token
    }

    /// Runs `sql` as the authenticator inside one transaction that first presents `token`.
    static func asToken(_ org: AttackOrganisation, _ token: String, _ sql: String) throws -> String {
        try org.db.sql("DO $$ BEGIN PERFORM begin_request(sha256('\(token)')); END $$; \(sql)", user: authenticator)
    }

    /// Everything readable to `user`'s role, read through a token instead of the login.
    static func everythingReadable(_ org: AttackOrganisation, as user: String, token: String) throws -> String {
        var out = ""
        for (table, columns) in try org.readableColumns(as: user) {
            let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            out += table + ": " + (try asToken(org, token, "SELECT coalesce(json_agg(x)::text, '[]') FROM (SELECT \(list) FROM \"\(table)\") x")) + "\n"
        }
        return out
    }

    static func hint(_ error: Error) -> String? { (error as? PostgresError)?.hint }

    @Test func withoutATokenTheAuthenticatorSeesNothing() throws {
        let org = try AttackOrganisation("auth1")
        try org.incident(by: org.ola)
        _ = try Self.token(org, for: org.ola)
        // Positive control: ola's own login sees the entry and the units.
        #expect(try org.db.sql("SELECT count(*) FROM entries", user: org.ola) == "1")
        #expect(try org.db.sql("SELECT count(*) FROM units", user: org.ola) == "2")
        // The authenticator has no privilege of its own on any table.
        for table in try org.readableColumns(as: org.ola).map(\.table) {
            #expect(throws: (any Error).self) { try org.db.sql("SELECT count(*) FROM \"\(table)\"", user: Self.authenticator) }
        }
        // Switching to a user it is a member of, without a token, gives that role's grants but no rows.
        let switched = try org.db.sql("""
            SET ROLE \"\(org.ola)\";
            SELECT current_app_user() IS NULL, (SELECT count(*) FROM entries), (SELECT count(*) FROM units),
                   (SELECT count(*) FROM app_users), (SELECT count(*) FROM entry_state)
            """, user: Self.authenticator)
        #expect(switched == "t|0|0|0|0")
        // Nor can it write as that user: every write trigger needs an acting user.
        #expect(throws: (any Error).self) {
            try org.db.sql("SET ROLE \"\(org.ola)\"; INSERT INTO shift_log (unit_code, event, text) VALUES ('BJORKVIK', 'note', 'x')",
                           user: Self.authenticator)
        }
    }

    @Test func aTokenActsAsItsUserOnlyInItsTransactionAndRole() throws {
        let org = try AttackOrganisation("auth2")
        try org.incident(by: org.ola)
        try org.incident(by: org.per, unit: "HAVNES")
        let ola = try Self.token(org, for: org.ola)
        _ = try Self.token(org, for: org.per)
        #expect(try Self.asToken(org, ola, "SELECT current_user || '|' || current_app_user() || '|' || (SELECT string_agg(unit_code, ',') FROM entries)")
                == "\(org.ola)|\(org.ola)|BJORKVIK")
        // Having entered as ola, switching to per (the authenticator is a member of both) sees nothing.
        #expect(try Self.asToken(org, ola, "SET LOCAL ROLE \"\(org.per)\"; SELECT current_app_user() IS NULL, (SELECT count(*) FROM entries)") == "t|0")
        // The context dies with the transaction.
        #expect(try org.db.sql("""
            BEGIN; DO $$ BEGIN PERFORM begin_request(sha256('\(ola)')); END $$; COMMIT;
            BEGIN; SET LOCAL ROLE \"\(org.ola)\"; SELECT current_app_user() IS NULL, (SELECT count(*) FROM entries); COMMIT;
            """, user: Self.authenticator) == "t|0")
        // The context table cannot be forged.
        #expect(throws: (any Error).self) {
            try org.db.sql("INSERT INTO api_request_context VALUES (pg_backend_pid(), pg_current_xact_id(), '\(org.ola)', 1)",
                           user: Self.authenticator)
        }
    }

    @Test func onlyTheAuthenticatorPresentsTokensAndOnlyLiveOnes() throws {
        let org = try AttackOrganisation("auth3")
        let ola = try Self.token(org, for: org.ola)
        let refused = try org.refusal("SELECT begin_request(sha256('\(ola)'))", as: org.per)
        #expect(refused.sqlState == "42501")
        #expect(try org.db.sql("SELECT has_function_privilege('begin_request(bytea)', 'EXECUTE')", user: org.per) == "f")
        // A wrong token is refused with the catalogue code; positive control with the right one.
        do {
            _ = try Self.asToken(org, "nope", "SELECT 1")
            Issue.record("a wrong token was accepted")
        } catch {
            #expect("\(error)".contains("vaktlogg:token_invalid"))
        }
        #expect(try Self.asToken(org, ola, "SELECT current_app_user()") == org.ola)
        // Revoked: refused from then on.
        let id = try org.db.sql("SELECT id FROM admin_list_tokens() WHERE user_name = '\(org.ola)'", user: org.adm)
        try org.db.sql("SELECT admin_revoke_token(\(id))", user: org.adm)
        #expect(throws: (any Error).self) { try Self.asToken(org, ola, "SELECT 1") }
        // A disabled user's token is refused too.
        let per = try Self.token(org, for: org.per)
        #expect(try Self.asToken(org, per, "SELECT current_app_user()") == org.per)
        try org.db.sql("SELECT admin_disable_user('\(org.per)')", user: org.adm)
        #expect(throws: (any Error).self) { try Self.asToken(org, per, "SELECT 1") }
        // Tokens are administered by administrators only; the list never carries the hash.
        #expect(throws: (any Error).self) { try org.db.sql("SELECT admin_create_token('\(org.ola)', sha256('x'), NULL)", user: org.ola) }
        #expect(throws: (any Error).self) { try org.db.sql("SELECT * FROM api_tokens", user: org.adm) }
    }

    /// The access matrix for reads: every role sees exactly the same through its token as through
    /// its own login, table by table, column by column, row by row.
    @Test func everyRoleReadsTheSameThroughItsTokenAsThroughItsLogin() throws {
        let org = try AttackOrganisation("auth4")
        try org.incident(by: org.ola)
        try org.incident(by: org.per, unit: "HAVNES")
        try org.manipulation(by: org.ingrid)
        for user in org.everyone {
            let token = try Self.token(org, for: user)
            let direct = try org.everythingReadable(as: user)
            #expect(try Self.everythingReadable(org, as: user, token: token) == direct, "\(user)")
            #expect(direct.contains("BJORKVIK") || user == org.per || user == org.hanne, "\(user)")
        }
    }

    /// Writes act as the token's user: the reporter is the token's user, and another unit is refused
    /// exactly as for the login.
    @Test func writesThroughATokenAreTheUsersWrites() throws {
        let org = try AttackOrganisation("auth5")
        let ola = try Self.token(org, for: org.ola)
        let shift = "INSERT INTO shift_log (unit_code, event, text) VALUES ('%@', 'note', 'Runde gått') RETURNING actor"
        #expect(try Self.asToken(org, ola, shift.replacingOccurrences(of: "%@", with: "BJORKVIK")) == org.ola)
        #expect(throws: (any Error).self) { try Self.asToken(org, ola, shift.replacingOccurrences(of: "%@", with: "HAVNES")) }
        #expect(throws: (any Error).self) { try org.db.sql(shift.replacingOccurrences(of: "%@", with: "HAVNES"), user: org.ola) }
    }

    /// An integration creates entries for its units and reads back only its own.
    @Test func anIntegrationReadsBackOnlyItsOwnEntries() throws {
        let org = try AttackOrganisation("auth6")
        let alarm = "alarm_\(org.db.suffix)"
        try org.db.sql("SELECT admin_add_user('\(alarm)', 'integration', ARRAY['BJORKVIK']::text[], NULL)")
        try org.incident(by: org.ola)
        try org.incident(by: alarm)
        let token = try Self.token(org, for: alarm)
        #expect(try org.db.sql("SELECT count(*) FROM entries", user: alarm) == "1")
        #expect(try Self.asToken(org, token, "SELECT count(*) FROM entries") == "1")
        #expect(try org.db.sql("SELECT count(*) FROM entries", user: org.ola) == "2")
    }
}
