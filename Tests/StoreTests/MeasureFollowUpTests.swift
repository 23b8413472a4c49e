import Foundation
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// Measures over time (sql/030): review dates by restrictiveness, reviews and liftings refused by
/// the database when they break its rules (raw SQL on the users' own logins), collective measures,
/// and the `measure_follow_up` list with its flags.
@Suite("Measures over time")
struct MeasureFollowUpTests {
    typealias W = FollowUpWorld

    @Test func theReviewDateFollowsTheRestrictiveness() throws {
        let w = try W()
        let ref = try w.entry(persons: ["K-2026-0101"]).ref
        var seconds: [Restrictiveness: String] = [:]
        for level in [Restrictiveness.mild, .moderate, .severe, .mostSevere] {
            let id = try w.measure(on: ref, person: "K-2026-0101", level: level)
            seconds[level] = try w.db.sql("SELECT coalesce(extract(epoch FROM review_due - decided_at)::bigint::text, 'none') FROM measures WHERE id = \(id)")
        }
        #expect(seconds[.mild] == "none", "a level-1 measure has no review date")
        #expect(seconds[.moderate] == "\(30 * 86_400)")
        #expect(seconds[.severe] == "\(7 * 86_400)")
        #expect(seconds[.mostSevere] == "\(24 * 3_600)")
        // The client cannot choose it.
        let error = W.attempt(w.coordinator, """
            INSERT INTO measures (entry_id, unit_code, type, purpose, restrictiveness, outcome, rules_version, trace, review_due)
            SELECT id, 'OSLO', 'extra_control', 'security', 1, 'allowed', 'ksf-2006.1', '[]', now() + interval '1 year'
              FROM entries WHERE ref = \(ref)
            """)
        #expect(error?.sqlState == "42501", "\(String(describing: error))")
    }

    @Test func reviewAndLiftAreRefusedWhenTheyBreakTheRules() throws {
        let w = try W()
        let ref = try w.entry(persons: ["K-2026-0102"]).ref
        let m = try w.measure(on: ref, person: "K-2026-0102", level: .severe)
        func review(_ c: Connection, _ action: String, _ reason: String?) -> PostgresError? {
            W.attempt(c, "INSERT INTO measure_reviews (measure_id, action, reason) VALUES (\(m), \(action), \(reason))")
        }
        // A duty officer may not; another unit's coordinator does not see the measure.
        LifecycleTriggerBypassTests.refused(review(w.officer, "review", nil), "coordinator_required", state: "42501")
        LifecycleTriggerBypassTests.refused(review(w.ilaCoordinator, "review", nil), "unknown_measure", state: "P0002")
        LifecycleTriggerBypassTests.refused(review(w.manager, "lift", "Ferdig"), "coordinator_required", state: "42501")
        // A lifting without a reason, or with a blank one.
        let noReason = review(w.coordinator, "lift", nil)
        #expect(noReason?.sqlState == "23514" && noReason?.constraint == "measure_reviews_lift_reason", "\(String(describing: noReason))")
        let blank = review(w.coordinator, "lift", "   ")
        #expect(blank?.sqlState == "23514" && blank?.constraint == "measure_reviews_reason_check", "\(String(describing: blank))")
        // Neither or both measures named.
        LifecycleTriggerBypassTests.refused(W.attempt(w.coordinator, "INSERT INTO measure_reviews (action) VALUES ('review')"), "one_measure")
        // What the database sets, the client cannot write.
        for column in ["actor", "next_review_due", "unit_code", "entry_id"] {
            let e = W.attempt(w.coordinator, "INSERT INTO measure_reviews (measure_id, action, \(unescaped: column)) VALUES (\(m), 'review', NULL)")
            #expect(e?.sqlState == "42501", "\(column): \(String(describing: e))")
        }
        // Positive control: a review by the unit's coordinator, with the next one a full period later.
        #expect(review(w.coordinator, "review", "Står ved lag") == nil)
        #expect(try w.db.sql("SELECT extract(epoch FROM next_review_due - at)::bigint FROM measure_reviews WHERE measure_id = \(m)") == "\(7 * 86_400)")
        #expect(try w.db.sql("SELECT actor FROM measure_reviews WHERE measure_id = \(m)") == w.coordinatorName)
        // A lifting with a reason, then nothing more.
        #expect(review(w.coordinator, "lift", "Rolig i en uke") == nil)
        LifecycleTriggerBypassTests.refused(review(w.coordinator, "review", nil), "measure_lifted", state: "23514")
        LifecycleTriggerBypassTests.refused(review(w.coordinator, "lift", "Igjen"), "measure_lifted", state: "23514")
        // Append-only like every fact.
        for statement: SQLQuery in ["UPDATE measure_reviews SET reason = 'x'", "DELETE FROM measure_reviews"] {
            #expect(W.attempt(w.coordinator, statement)?.sqlState == "42501")
        }
        #expect(try w.db.sql("SELECT string_agg(action, ',' ORDER BY id) FROM measure_reviews") == "review,lift")
        #expect(try w.db.sql("SELECT ok FROM verify_chain('OSLO')") == "t")
    }

    @Test func twoConcurrentLiftingsStoreOne() throws {
        let w = try W()
        let ref = try w.entry(persons: ["K-2026-0103"]).ref
        let m = try w.measure(on: ref, person: "K-2026-0103", level: .moderate)
        let second = try w.db.connect(user: w.coordinatorName)
        // The first lifting holds its transaction open; the second must wait for it, then see it.
        try w.coordinator.execute("BEGIN")
        try w.coordinator.execute("INSERT INTO measure_reviews (measure_id, action, reason) VALUES (\(m), 'lift', 'Første')")
        let outcome = RefusalBox()
        let done = DispatchGroup()
        done.enter()
        Thread {
            outcome.error = W.attempt(second, "INSERT INTO measure_reviews (measure_id, action, reason) VALUES (\(m), 'lift', 'Andre')")
            done.leave()
        }.start()
        // Wait for the condition itself: the second is blocked on the first's advisory lock.
        while try w.db.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == "0" {
            sched_yield()
        }
        try w.coordinator.execute("COMMIT")
        done.wait()
        let secondError = outcome.error
        LifecycleTriggerBypassTests.refused(secondError, "measure_lifted")
        #expect(try w.db.sql("SELECT count(*) FROM measure_reviews WHERE measure_id = \(m)") == "1")
    }

    @Test func collectiveMeasuresNeedAJustificationAndAnEnd() throws {
        let w = try W()
        func insert(_ c: Connection, justification: String?, ends: String) -> PostgresError? {
            W.attempt(c, """
                INSERT INTO unit_measures (unit_code, type, purpose, text, justification, ends_at)
                VALUES ('OSLO', 'extra_control', 'security', 'Visitasjon av alle celler', \(justification), \(unescaped: ends))
                """)
        }
        #expect(insert(w.coordinator, justification: nil, ends: "now() + interval '3 days'")?.sqlState == "23502")
        let blank = insert(w.coordinator, justification: " ", ends: "now() + interval '3 days'")
        #expect(blank?.constraint == "unit_measures_justification_check", "\(String(describing: blank))")
        #expect(insert(w.coordinator, justification: "Funn av våpen i to avdelinger", ends: "NULL")?.sqlState == "23502")
        LifecycleTriggerBypassTests.refused(insert(w.coordinator, justification: "Funn av våpen", ends: "now() - interval '1 hour'"),
                                            "ends_in_past", state: "23514")
        LifecycleTriggerBypassTests.refused(insert(w.officer, justification: "Funn av våpen", ends: "now() + interval '3 days'"),
                                            "coordinator_required", state: "42501")
        LifecycleTriggerBypassTests.refused(insert(w.ilaCoordinator, justification: "Funn av våpen", ends: "now() + interval '3 days'"),
                                            "unit_not_permitted", state: "42501")
        // Positive control, through the workflow; then lifted by the same mechanism as individual ones.
        let s = StoreSession(connection: w.coordinator)
        let r = try s.unitMeasures.record(UnitMeasureDraft(type: .search, purpose: .security, text: "Visitasjon av alle celler",
                                                           justification: "Funn av våpen i to avdelinger",
                                                           endsAt: Date().addingTimeInterval(3 * 86_400)))
        #expect(r.unit == "OSLO")
        do {
            _ = try s.unitMeasures.record(UnitMeasureDraft(type: .search, purpose: .security, text: "x", justification: "y",
                                                           endsAt: Date().addingTimeInterval(-60)))
            Issue.record("a collective measure that has already ended was recorded")
        } catch {
            #expect(error.code == "ends_before_start")
        }
        let listed = try s.measureFollowUp.list(MeasureListFilter(activeOnly: true))
        #expect(listed.map(\.scope) == [.unit] && listed.first?.id == r.id && listed.first?.overdue == false)
        #expect(listed.first.map { abs($0.reviewDue!.timeIntervalSince(r.endsAt)) < 0.001 } == true, "its review is its end")
        _ = try s.measureFollowUp.lift(.unit, id: r.id, reason: "Ingen nye funn")
        do {
            _ = try s.measureFollowUp.lift(.unit, id: r.id, reason: "Igjen")
            Issue.record("a lifted collective measure was lifted again")
        } catch {
            #expect(error.code == "measure_lifted")
        }
        #expect(try s.measureFollowUp.list(MeasureListFilter(activeOnly: true)).isEmpty)
    }

    @Test func theListFlagsLapsedAndOvertakenAssessments() throws {
        let w = try W()
        let s = StoreSession(connection: w.coordinator)
        // A person assessed today (moderate, supports level 2), a measure within it: no flags.
        let assessed = try s.riskAssessments.record(person: "K-2026-0201", unit: "OSLO", probability: 2, consequence: 3, summary: "Rolig")
        #expect(assessed.band == .moderate)
        let first = try w.entry("contraband_phone", persons: ["K-2026-0201"], probability: 1, consequence: 1).ref
        var d = MeasureDraft(type: .exclusion, purpose: .security, burdens: [], restrictiveness: .moderate)
        d.person = "K-2026-0201"
        let calm = try s.measures.record(d, on: first).id
        // A person with no assessment, measured by a justified departure: lapsed.
        let other = try w.entry(persons: ["K-2026-0202"]).ref
        let unassessed = try w.measure(on: other, person: "K-2026-0202", level: .moderate)
        // A level-1 measure is not restrictive: never flagged.
        let light = try w.measure(on: other, person: "K-2026-0202", level: .mild)
        func flags() throws -> [Int64: MeasureStatus] {
            Dictionary(uniqueKeysWithValues: try s.measureFollowUp.list().map { ($0.id, $0) })
        }
        var f = try flags()
        #expect(f.count == 3)
        #expect(f[calm]?.assessmentLapsed == false && f[calm]?.overtakenByP1 == false)
        #expect(f[unassessed]?.assessmentLapsed == true && f[unassessed]?.overtakenByP1 == false)
        #expect(f[light]?.assessmentLapsed == false && f[light]?.reviewDue == nil && f[light]?.overdue == false)
        #expect(f[calm]?.active == true && f[calm]?.entryRef == first)
        // A P1 incident involving the assessed person, after the assessment: overtaken.
        _ = try w.entry("violence_staff", persons: ["K-2026-0201"])
        f = try flags()
        #expect(f[calm]?.overtakenByP1 == true)
        // A new assessment clears it.
        _ = try s.riskAssessments.record(person: "K-2026-0201", unit: "OSLO", probability: 3, consequence: 4, summary: "Økt risiko")
        f = try flags()
        #expect(f[calm]?.overtakenByP1 == false && f[calm]?.assessmentLapsed == false)
        // A lifted measure is no longer flagged, and drops out of --active.
        _ = try s.measureFollowUp.lift(id: unassessed, reason: "Overført")
        f = try flags()
        #expect(f[unassessed]?.active == false && f[unassessed]?.assessmentLapsed == false && f[unassessed]?.liftReason == "Overført")
        #expect(try s.measureFollowUp.list(MeasureListFilter(activeOnly: true)).map(\.id).sorted() == [calm, light].sorted())
        // Another unit sees none of them.
        #expect(try StoreSession(connection: w.ilaCoordinator).measureFollowUp.list().isEmpty)
        // The view never names the person.
        #expect(try w.db.sql("SELECT count(*) FROM information_schema.columns WHERE table_name = 'measure_follow_up' AND column_name LIKE '%person%'") == "0")
    }

    @Test func aLapsedAssessmentIsFlaggedAndAnOverdueReviewListed() throws {
        let w = try W()
        let ref = try w.entry(persons: ["K-2026-0301"]).ref
        // Assessed 200 days ago (valid 180), measured 10 days ago at level 3 (review within 7 days).
        let past = Date().addingTimeInterval(-200 * 86_400)
        _ = try w.backdated(as: w.coordinatorName, at: past) { s in
            try s.riskAssessments.record(person: "K-2026-0301", unit: "OSLO", probability: 4, consequence: 4, summary: "Høy")
        }
        let measure = try w.backdated(as: w.coordinatorName, at: Date().addingTimeInterval(-10 * 86_400)) { s in
            var d = MeasureDraft(type: .exclusion, purpose: .security, burdens: [], restrictiveness: .severe)
            d.person = "K-2026-0301"
            d.justification = "Vurderingen er gammel, men faren er akutt"
            return try s.measures.record(d, on: ref).id
        }
        let s = StoreSession(connection: w.coordinator)
        let overdue = try s.measureFollowUp.list(MeasureListFilter(overdueOnly: true))
        #expect(overdue.map(\.id) == [measure])
        #expect(overdue.first?.assessmentLapsed == true)
        #expect(overdue.first.map { $0.age(at: Date()) > 9 * 86_400 } == true)
        // A review now clears the overdue state; the next review is due in 7 days.
        let r = try s.measureFollowUp.review(id: measure, note: nil)
        #expect(r.nextReviewDue.map { $0 > Date().addingTimeInterval(6 * 86_400) } == true)
        #expect(try s.measureFollowUp.list(MeasureListFilter(overdueOnly: true)).isEmpty)
    }
}

/// The second writer's refusal, handed from its thread.
final class RefusalBox: @unchecked Sendable {
    var error: PostgresError?
}
