import Foundation
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// Unit (system-level) risk assessments (sql/031), and the follow-up refusals that need a backdated
/// writer to reach (a step dated before what it follows).
@Suite("Unit risk assessments and dated follow-ups")
struct UnitAssessmentTests {
    typealias W = FollowUpWorld

    @Test func theDatabaseScoresBandsAndBoundsAUnitAssessment() throws {
        let w = try W()
        func insert(_ c: Connection, unit: String = "OSLO", extra: SQLQuery = "", values: SQLQuery = "") -> PostgresError? {
            W.attempt(c, """
                INSERT INTO unit_assessments (unit_code, probability, consequence, summary, rules_version\(extra))
                VALUES (\(unit), 4, 3, 'Bemanning under minimum på natt', 'ksf-2006.1'\(values))
                """)
        }
        LifecycleTriggerBypassTests.refused(insert(w.officer), "coordinator_or_manager_required", state: "42501")
        LifecycleTriggerBypassTests.refused(insert(w.ilaCoordinator), "unit_not_permitted", state: "42501")
        LifecycleTriggerBypassTests.refused(insert(w.coordinator, extra: ", valid_until", values: ", current_date + 400"),
                                            "validity_out_of_range", state: "23514")
        LifecycleTriggerBypassTests.refused(insert(w.coordinator, extra: ", valid_until", values: ", current_date - 1"),
                                            "validity_out_of_range")
        // The judgement is the database's: score and band are not the writer's to give.
        for column in ["score", "band", "assessor"] {
            let e = insert(w.coordinator, extra: ", \(unescaped: column)", values: ", NULL")
            #expect(e?.sqlState == "42501", "\(column): \(String(describing: e))")
        }
        // Positive controls: a coordinator, and a manager of the unit (who writes nothing else).
        #expect(insert(w.coordinator) == nil)
        #expect(insert(w.manager) == nil)
        #expect(try w.db.sql("""
            SELECT string_agg(score || ' ' || band || ' ' || (valid_until - (assessed_at AT TIME ZONE 'Europe/Oslo')::date), ',')
              FROM unit_assessments
            """) == "12 high 365,12 high 365")
        let s = StoreSession(connection: w.manager)
        let latest = try #require(try s.unitAssessments.latest(unit: "OSLO"))
        #expect(latest.score == 12 && latest.band == .high && latest.isCurrent(on: OsloTime.calendarDate(Date())))
        #expect(try s.unitAssessments.latest(unit: "ILA") == nil)
        // Through the workflow, with the system-level parts.
        let r = try StoreSession(connection: w.coordinator).unitAssessments.record(UnitAssessmentDraft(
            unit: "OSLO", probability: 2, consequence: 2, summary: "Nytt kamera", staffing: "Full bemanning",
            equipment: "Kamera i alle korridorer", building: nil))
        #expect(r.band == .low && r.staffing == "Full bemanning" && r.building == nil)
        #expect(try StoreSession(connection: w.officer).unitAssessments.latest(unit: "OSLO")?.id == r.id, "the unit reads it")
        #expect(try w.db.sql("SELECT ok FROM verify_chain('OSLO')") == "t")
    }

    @Test func aFollowUpStepCannotPrecedeWhatItFollows() throws {
        let w = try W()
        let entry = try w.entry("violence_staff", persons: ["K-2026-0601"])
        let measure = try w.measure(on: entry.ref, person: "K-2026-0601", level: .moderate)
        // Backdating is the owner's (demo history); even then a step may not come before its cause.
        let su = try w.db.connect()
        try su.execute("BEGIN")
        try su.execute("UPDATE maintenance SET backdating = true")
        _ = try su.unsafeExecuteScript("SET LOCAL SESSION AUTHORIZATION \(try su.escapeIdentifier(w.coordinatorName))")
        try su.execute("SAVEPOINT s")
        LifecycleTriggerBypassTests.refused(W.attempt(su, """
            INSERT INTO measure_reviews (measure_id, action, at) VALUES (\(measure), 'review', now() - interval '1 day')
            """), "before_measure", state: "23514")
        try su.execute("ROLLBACK TO SAVEPOINT s")
        LifecycleTriggerBypassTests.refused(W.attempt(su, """
            INSERT INTO debriefings (entry_id, step, at) VALUES (\(entry.id), 'offered', now() - interval '1 day')
            """), "before_entry", state: "23514")
        try su.execute("ROLLBACK")
        #expect(try w.db.sql("SELECT count(*) FROM measure_reviews") == "0")
        #expect(try w.db.sql("SELECT backdating FROM maintenance") == "f")
    }
}
