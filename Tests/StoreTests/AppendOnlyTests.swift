import Postgres
import Store
import Testing
import VaktloggTestSupport

@Suite("Append-only fact tables")
struct AppendOnlyTests {
    /// The error a statement fails with, or nil when it succeeds.
    private func refusal(_ c: Connection, _ sql: SQLQuery) -> PostgresError? {
        do {
            try c.execute(sql)
            return nil
        } catch let error as PostgresError {
            return error
        } catch {
            return PostgresError(kind: .protocol, message: "\(error)")
        }
    }

    @Test func everyFactTableRefusesChangesFromUsersAndTheSuperuser() throws {
        let f = try ChainFixture.make()
        try f.fillEveryTable()
        let tables = try f.factTables()
        #expect(tables == ["access_log", "amendments", "debriefings", "decisions", "entries", "entry_events", "entry_persons",
                           "follow_up_escalations", "measure_reviews", "measures", "risk_assessments", "shift_log",
                           "unit_assessments", "unit_measures"])
        let su = try f.db.connect()
        let coordinator = try f.db.connect(user: f.coordinator)
        let headBefore = try f.storedHead(unit: "OSLO")
        for table in tables {
            let t = try su.escapeIdentifier(table)
            let count: SQLQuery = "SELECT count(*) AS n FROM \(unescaped: t)"
            let rows = try su.query(count).first!.decode(Int.self, "n")
            // Row triggers fire only for rows that exist: an empty table would prove nothing.
            try #require(rows > 0, "\(table) has no row to change")

            for statement: SQLQuery in [
                "UPDATE \(unescaped: t) SET unit_code = unit_code", "DELETE FROM \(unescaped: t)", "TRUNCATE \(unescaped: t)",
            ] {
                let error = refusal(coordinator, statement)
                #expect(error?.sqlState == "42501", "\(statement.sql) as a coordinator: \(String(describing: error))")
            }
            for statement: SQLQuery in [
                "UPDATE \(unescaped: t) SET unit_code = unit_code", "DELETE FROM \(unescaped: t)",
                // CASCADE so that foreign keys do not refuse first; the trigger must.
                "TRUNCATE \(unescaped: t) CASCADE",
            ] {
                let error = refusal(su, statement)
                #expect(error?.sqlState == "42501", "\(statement.sql) as the superuser: \(String(describing: error))")
                #expect(error?.hint == "vaktlogg:append_only", "\(statement.sql) as the superuser")
                #expect(error.map { StoreError($0).code } == "append_only")
            }
            #expect(try su.query(count).first!.decode(Int.self, "n") == rows, "\(table) lost rows")
        }
        #expect(try f.storedHead(unit: "OSLO").head == headBefore.head)
        #expect(try ChainVerifier(connection: su).verify(unit: "OSLO").ok)
    }
}
