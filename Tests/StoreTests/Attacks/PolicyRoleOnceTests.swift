import Foundation
import Testing
import VaktloggTestSupport

/// Row-level security asks who the caller is once per query (sql/043): every policy that calls
/// `app_role()` or `current_app_user()` does so inside a sub-select, which PostgreSQL runs once as
/// an InitPlan. A bare call runs once per row — ~0.3 ms each on entries, 18.9 s of a 19 s unit-year
/// report — so a new policy written the old way fails here, before it slows every read.
@Suite struct PolicyRoleOnceTests {
    /// The calls left in a policy expression once its once-per-query sub-selects are removed.
    static func perRowCalls(_ expression: String) -> [String] {
        let once = expression
            .replacingOccurrences(of: "( SELECT app_role() AS app_role)", with: "")
            .replacingOccurrences(of: "( SELECT current_app_user() AS current_app_user)", with: "")
        return ["app_role()", "current_app_user()", "session_user"].filter { once.contains($0) }
    }

    @Test func theDetectorSeesABareCall() {
        // 025's policy on entries as PostgreSQL printed it before 043.
        let before = "((app_role() IS DISTINCT FROM 'integration'::text) OR (reporter = current_app_user()))"
        #expect(Self.perRowCalls(before) == ["app_role()", "current_app_user()"])
        let after = "((( SELECT app_role() AS app_role) IS DISTINCT FROM 'integration'::text) OR (reporter = ( SELECT current_app_user() AS current_app_user)))"
        #expect(Self.perRowCalls(after).isEmpty)
    }

    @Test func noPolicyAsksPerRow() throws {
        let db = try VaktloggTestDatabase.create()
        let rows = try db.sql("""
            SELECT tablename || '.' || policyname || E'\\t' || coalesce(qual, '') || ' ' || coalesce(with_check, '')
              FROM pg_policies WHERE schemaname = 'public' ORDER BY 1
            """).split(separator: "\n").map(String.init)
        #expect(rows.count > 20, "the policies were read: \(rows.count)")
        #expect(rows.contains { $0.contains("SELECT app_role() AS app_role") }, "the sub-select form is what PostgreSQL prints")
        let perRow = rows.filter { !Self.perRowCalls($0).isEmpty }
        #expect(perRow.isEmpty, "policies calling app_role()/current_app_user() per row:\n\(perRow.joined(separator: "\n"))")
    }

    @Test func aManagersReadOfEntriesComputesTheRoleOnce() throws {
        let db = try VaktloggTestDatabase.create(units: ["OSLO"])
        let manager = try db.addUser("mona", role: "manager", units: ["OSLO"])
        let plan = try db.sql("EXPLAIN SELECT count(*) FROM entries", user: manager)
        #expect(plan.contains("InitPlan"), "\(plan)")
        #expect(!plan.contains("app_role() IS DISTINCT"), "no per-row filter on the role:\n\(plan)")
    }
}
