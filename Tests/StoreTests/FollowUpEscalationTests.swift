import Foundation
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// Staff debriefings (sql/032) and the follow-ups' deadlines escalated exactly once (sql/033).
@Suite("Debriefings and follow-up escalation")
struct FollowUpEscalationTests {
    typealias W = FollowUpWorld

    @Test func debriefingStepsAreRecordedInOrderByRawSQL() throws {
        let w = try W()
        let violence = try w.entry("violence_staff").id
        func step(_ c: Connection, _ entry: Int64, _ step: String, note: String? = nil) -> PostgresError? {
            W.attempt(c, "INSERT INTO debriefings (entry_id, step, note) VALUES (\(entry), \(step), \(note))")
        }
        // Not owed: a fire; a death with no staff involved. Owed: a death with staff involved.
        let fire = try w.entry("fire").id
        LifecycleTriggerBypassTests.refused(step(w.officer, fire, "offered"), "debriefing_not_required", state: "23514")
        let death = try w.entry("death", persons: ["K-2026-0401"]).id
        LifecycleTriggerBypassTests.refused(step(w.officer, death, "offered"), "debriefing_not_required")
        let staffDeath = try w.entry("death", persons: ["K-2026-0402"], staff: ["T-2026-0001"]).id
        #expect(step(w.officer, staffDeath, "offered") == nil)
        // Order: held or declined only after offered; each step once; held and declined exclude each other.
        LifecycleTriggerBypassTests.refused(step(w.officer, violence, "held"), "debriefing_not_offered")
        LifecycleTriggerBypassTests.refused(step(w.officer, violence, "declined"), "debriefing_not_offered")
        // Roles and scope: a manager may not; another unit's coordinator does not see the entry.
        LifecycleTriggerBypassTests.refused(step(w.manager, violence, "offered"), "role_not_permitted", state: "42501")
        LifecycleTriggerBypassTests.refused(step(w.ilaCoordinator, violence, "offered"), "unknown_entry", state: "P0002")
        let badStep = step(w.officer, violence, "forgotten")
        #expect(badStep?.sqlState == "23514" && badStep?.constraint == "debriefings_step_check", "\(String(describing: badStep))")
        let blank = step(w.officer, violence, "offered", note: " ")
        #expect(blank?.constraint == "debriefings_note_check", "\(String(describing: blank))")
        #expect(step(w.officer, violence, "offered", note: "Tilbudt samtale med BHT") == nil)
        LifecycleTriggerBypassTests.refused(step(w.officer, violence, "offered"), "already_recorded")
        #expect(step(w.coordinator, violence, "held") == nil)
        LifecycleTriggerBypassTests.refused(step(w.officer, violence, "declined"), "debriefing_concluded")
        LifecycleTriggerBypassTests.refused(step(w.officer, violence, "held"), "already_recorded")
        for column in ["actor", "unit_code"] {
            let e = W.attempt(w.officer, "INSERT INTO debriefings (entry_id, step, \(unescaped: column)) VALUES (\(staffDeath), 'held', NULL)")
            #expect(e?.sqlState == "42501", "\(column): \(String(describing: e))")
        }
        #expect(try w.db.sql("SELECT string_agg(step, ',' ORDER BY id) FROM debriefings WHERE entry_id = \(violence)") == "offered,held")
        // A closed entry still owes its debriefing: the steps are not entry events.
        let s = StoreSession(connection: w.coordinator)
        let status = try #require(try s.debriefings.status(ref: try w.db.sql("SELECT ref FROM entries WHERE id = \(violence)")))
        #expect(status.offeredAt != nil && status.heldAt != nil && !status.offerOverdue && !status.heldOverdue)
        #expect(try s.debriefings.status(ref: try w.db.sql("SELECT ref FROM entries WHERE id = \(fire)")) == nil)
    }

    @Test func debriefingDeadlinesRunFromTheReportAndEscalateOnce() throws {
        let w = try W()
        // Reported 2 days ago: the offer (24 h) has passed, the holding (7 days) has not.
        let twoDays = try w.entry("threat_staff", reportedAgo: 2 * 86_400, probability: 2, consequence: 2)
        // Reported 8 days ago and offered in time: only the holding has passed.
        let eightDays = try w.entry("threat_staff_family", reportedAgo: 8 * 86_400, probability: 2, consequence: 2)
        _ = try w.backdated(as: w.officerName, at: Date().addingTimeInterval(-7.5 * 86_400)) { s in
            try s.debriefings.record(.offered, on: eightDays.ref, note: nil)
        }
        // Reported now: nothing has passed.
        let fresh = try w.entry("hostage", probability: 2, consequence: 2)
        let s = StoreSession(connection: w.coordinator)
        let list = Dictionary(uniqueKeysWithValues: try s.debriefings.list().map { ($0.ref, $0) })
        #expect(list.count == 3)
        #expect(list[twoDays.ref]?.offerOverdue == true && list[twoDays.ref]?.heldOverdue == false)
        #expect(list[eightDays.ref]?.offerOverdue == false && list[eightDays.ref]?.heldOverdue == true)
        #expect(list[fresh.ref]?.offerOverdue == false && list[fresh.ref]?.heldOverdue == false)
        // The offer deadline is 24 hours after the report (to the second), the holding 7 days.
        #expect(try w.db.sql("""
            SELECT extract(epoch FROM offer_due - date_trunc('second', reported_at))::bigint || ',' ||
                   extract(epoch FROM held_due - date_trunc('second', reported_at))::bigint
              FROM debriefing_follow_up WHERE entry_id = \(twoDays.id)
            """) == "\(86_400),\(7 * 86_400)")
        // Escalated: the two passed steps (and nothing of the fresh one), once.
        _ = try W.escalate(w.coordinator)
        #expect(try w.escalations("debriefing_offer") == ["debriefing_offer:\(twoDays.id)"])
        #expect(try w.escalations("debriefing_held") == ["debriefing_held:\(eightDays.id)"])
        #expect(try W.escalate(w.coordinator) == 0)
        #expect(try w.db.sql("SELECT string_agg(escalated::text, ',' ORDER BY subject, subject_id) FROM follow_up_due WHERE overdue") == "true,true")
        // Another unit's coordinator escalates none of them.
        #expect(try W.escalate(w.ilaCoordinator) == 0)
    }

    @Test func aMeasureReviewPassingItsDeadlineEscalatesExactlyOnceUnderRacingWorkers() throws {
        let w = try W()
        let ref = try w.entry(persons: ["K-2026-0501"], reportedAgo: 3 * 86_400).ref
        // Decided 2 days ago at level 4: its review (24 h) has passed.
        let measure = try w.backdated(as: w.coordinatorName, at: Date().addingTimeInterval(-2 * 86_400)) { s in
            var d = MeasureDraft(type: .isolation, purpose: .lifeHealth, burdens: [], restrictiveness: .mostSevere)
            d.person = "K-2026-0501"
            d.justification = "Akutt fare for liv"
            return try s.measures.record(d, on: ref).id
        }
        // Decided now at level 4: not yet due.
        let fresh = try w.measure(on: ref, person: "K-2026-0501", level: .mostSevere)
        let second = try w.db.connect(user: try w.db.addUser("eva", role: "security_coordinator", units: ["OSLO"]))
        // The first worker escalates and holds its transaction (and its locks) open; the second waits.
        try w.coordinator.execute("BEGIN")
        let first = try W.escalate(w.coordinator)
        #expect(first >= 1)
        let outcome = CountBox()
        let done = DispatchGroup()
        done.enter()
        Thread {
            outcome.count = try? W.escalate(second)
            done.leave()
        }.start()
        while try w.db.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == "0" {
            sched_yield()
        }
        try w.coordinator.execute("COMMIT")
        done.wait()
        #expect(outcome.count == 0, "the second worker appended nothing")
        #expect(try w.escalations("measure_review") == ["measure_review:\(measure)"])
        #expect(try w.db.sql("""
            SELECT x.due = m.review_due FROM follow_up_escalations x JOIN measures m ON m.id = x.subject_id
             WHERE x.subject = 'measure_review'
            """) == "t")
        #expect(!(try w.escalations("measure_review").contains("measure_review:\(fresh)")))
        // A review sets the next deadline a full period ahead: nothing is due any more.
        let next = try StoreSession(connection: w.coordinator).measureFollowUp.review(id: measure, note: "Fortsatt akutt")
        #expect(next.nextReviewDue.map { $0 > Date().addingTimeInterval(23 * 3_600) } == true)
        #expect(try w.db.sql("SELECT overdue FROM follow_up_due WHERE subject = 'measure_review' AND subject_id = \(measure)") == "f")
        #expect(try W.escalate(w.coordinator) == 0)
        #expect(try w.db.sql("SELECT ok FROM verify_chain('OSLO')") == "t")
        // Only the escalation's roles may run it (raw SQL as a duty officer).
        do {
            _ = try W.escalate(w.officer)
            Issue.record("a duty officer ran the escalation")
        } catch let error as PostgresError {
            #expect(error.hint == "vaktlogg:role_not_permitted")
        }
        // Escalations are written by the function only.
        let direct = W.attempt(w.coordinator, """
            INSERT INTO follow_up_escalations (unit_code, subject, subject_id, due, actor, at)
            VALUES ('OSLO', 'measure_review', \(fresh), now(), 'kari', now())
            """)
        #expect(direct?.sqlState == "42501", "\(String(describing: direct))")
    }

    @Test func anOverdueCollectiveMeasureEscalatesAndALiftingEndsIt() throws {
        let w = try W()
        let id = try w.backdated(as: w.coordinatorName, at: Date().addingTimeInterval(-5 * 86_400)) { s in
            try s.unitMeasures.record(UnitMeasureDraft(type: .visitRestriction, purpose: .security, text: "Besøksstans",
                                                       justification: "Smugling via besøk i flere avdelinger",
                                                       endsAt: Date().addingTimeInterval(-86_400))).id
        }
        let s = StoreSession(connection: w.coordinator)
        #expect(try s.measureFollowUp.list(MeasureListFilter(overdueOnly: true)).map(\.id) == [id])
        #expect(try W.escalate(w.coordinator) == 1)
        #expect(try w.escalations("unit_measure_end") == ["unit_measure_end:\(id)"])
        _ = try s.measureFollowUp.lift(.unit, id: id, reason: "Avsluttet")
        #expect(try s.measureFollowUp.list(MeasureListFilter(overdueOnly: true)).isEmpty)
        #expect(try w.db.sql("SELECT count(*) FROM follow_up_due WHERE subject = 'unit_measure_end'") == "0")
        #expect(try W.escalate(w.coordinator) == 0)
    }
}

/// The second worker's count, handed from its thread.
final class CountBox: @unchecked Sendable {
    var count: Int64?
}
