import Foundation
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// The lifecycle refusals `LifecycleTriggerBypassTests` does not reach, attacked the same way: raw
/// SQL on the user's own login, each refusal asserted by its `vaktlogg:` code and paired with the
/// valid statement that is accepted. A catalogue test then reads the installed lifecycle trigger
/// functions and fails for a refusal code no test here or there attacks.
@Suite("Every lifecycle refusal attacked by raw SQL")
struct LifecycleRefusalCoverageTests {
    typealias W = LifecycleTriggerBypassTests.World

    /// Every code `LifecycleTriggerBypassTests.everyLifecycleRefusalHoldsForRawSQL` and this suite
    /// attack. A new `refuse('…')` in a lifecycle trigger function fails `everyCodeIsAttacked`.
    static let attacked: Set<String> = [
        // LifecycleTriggerBypassTests
        "role_not_permitted", "text_required", "not_acknowledged", "already_acknowledged", "deviation_only",
        "not_under_treatment", "cause_required", "threat_only", "manipulation_only", "not_closed",
        "assignee_not_in_unit", "assessment_required", "p1_close_coordinator", "entry_closed",
        // this suite
        "measure_incomplete", "due_in_past", "due_invalid", "verification_required", "reason_required",
        "p1_close_by_reporter", "coordinator_required", "supervision_required", "already_recorded",
        "assessment_incomplete", "justification_required", "police_decision_required",
        // MeasureFollowUpTests, FollowUpEscalationTests, UnitAssessmentTests (sql/030–032)
        "one_measure", "unknown_measure", "unit_not_permitted", "before_measure", "measure_lifted", "ends_in_past",
        "coordinator_or_manager_required", "validity_out_of_range", "debriefing_not_required", "before_entry",
        "debriefing_not_offered", "debriefing_concluded", "unknown_entry",
    ]

    /// The trigger functions on `entry_events` that enforce the lifecycle.
    static let lifecycleFunctions = ["entry_events_check", "entry_events_due_not_past",
                                     "measure_reviews_prepare", "unit_measures_prepare", "unit_assessments_prepare",
                                     "debriefings_prepare"]

    /// An event with a `data` object (raw SQL; the values are bound).
    static func event(_ w: W, _ c: Connection, _ entry: Int64, _ event: String, text: String? = nil,
                      assignee: String? = nil, data: String = "{}") -> PostgresError? {
        do {
            try c.execute("INSERT INTO entry_events (entry_id, event, text, assignee, data) VALUES (\(entry), \(event), \(text), \(assignee), \(data)::jsonb)")
            return nil
        } catch let error as PostgresError {
            return error
        } catch {
            return PostgresError(kind: .protocol, message: "\(error)")
        }
    }

    /// An Oslo calendar date `days` from today, YYYY-MM-DD (computed when the test runs).
    static func osloDate(_ days: Int, _ w: W) throws -> String {
        try w.db.sql("SELECT to_char((now() AT TIME ZONE 'Europe/Oslo')::date + \(days), 'YYYY-MM-DD')")
    }

    @Test func deviationMeasureAndClosing() throws {
        let w = try W()
        let d = try w.log(.deviation, "door_lock", as: w.officer)
        #expect(Self.event(w, w.officer, d, "acknowledge") == nil)
        #expect(Self.event(w, w.officer, d, "treatment_started", text: "Slitt sylinder") == nil)
        LifecycleTriggerBypassTests.refused(Self.event(w, w.officer, d, "close", text: "Virker"), "verification_required")
        LifecycleTriggerBypassTests.refused(Self.event(w, w.officer, d, "measure_decided", text: "Bytt lås", assignee: w.officerName),
                                            "measure_incomplete")
        let yesterday = try Self.osloDate(-1, w), today = try Self.osloDate(0, w)
        LifecycleTriggerBypassTests.refused(Self.event(w, w.officer, d, "measure_decided", text: "Bytt lås", assignee: w.officerName,
                                                       data: #"{"due": "\#(yesterday)"}"#), "due_in_past", state: "23514")
        LifecycleTriggerBypassTests.refused(Self.event(w, w.officer, d, "measure_decided", text: "Bytt lås", assignee: w.officerName,
                                                       data: #"{"due": "i morgen"}"#), "due_invalid")
        LifecycleTriggerBypassTests.refused(Self.event(w, w.officer, d, "measure_decided", text: "Bytt lås", assignee: w.officerName,
                                                       data: #"{"due": "2026-02-30"}"#), "due_invalid")
        // Positive control: due today (the Oslo day of the event) is not in the past.
        #expect(Self.event(w, w.officer, d, "measure_decided", text: "Bytt lås", assignee: w.officerName,
                           data: #"{"due": "\#(today)"}"#) == nil)
        LifecycleTriggerBypassTests.refused(Self.event(w, w.officer, d, "close"), "verification_required")
        #expect(Self.event(w, w.officer, d, "close", text: "Ny lås virker") == nil)
        LifecycleTriggerBypassTests.refused(Self.event(w, w.coordinator, d, "reopen"), "reason_required")
        #expect(Self.event(w, w.coordinator, d, "reopen", text: "Låsen svikter igjen") == nil)
        #expect(try w.db.sql("SELECT string_agg(event, ',' ORDER BY id) FROM entry_events WHERE entry_id = \(d)")
                == "acknowledge,treatment_started,measure_decided,close,reopen")
    }

    @Test func p1ClosedByItsReporter() throws {
        let w = try W()
        let p1 = try w.log(.incident, "violence_staff", as: w.coordinator)
        LifecycleTriggerBypassTests.refused(Self.event(w, w.coordinator, p1, "close", text: "Ferdig"), "p1_close_by_reporter", state: "42501")
        let other = try w.db.addUser("nils", role: "security_coordinator", units: ["OSLO"])
        let otherCoordinator = try w.db.connect(user: other)
        #expect(Self.event(w, otherCoordinator, p1, "close", text: "Ferdig") == nil, "positive control: another coordinator")
    }

    @Test func manipulationReviewAndSupervision() throws {
        let w = try W()
        var draft = EntryDraft(kind: .manipulation, category: "gifts_favours", text: "Rå SQL-test")
        draft.unit = "OSLO"
        draft.probability = 2
        draft.consequence = 3
        draft.target = .colleague
        draft.inWorkingHours = true
        let m = try StoreSession(connection: w.officer).entries.log(draft).id
        LifecycleTriggerBypassTests.refused(Self.event(w, w.officer, m, "acknowledge"), "coordinator_required", state: "42501")
        #expect(Self.event(w, w.coordinator, m, "acknowledge") == nil)
        LifecycleTriggerBypassTests.refused(Self.event(w, w.coordinator, m, "close", text: "Ferdig"), "supervision_required")
        #expect(Self.event(w, w.coordinator, m, "supervision_offered") == nil)
        LifecycleTriggerBypassTests.refused(Self.event(w, w.coordinator, m, "supervision_offered"), "already_recorded")
        #expect(Self.event(w, w.coordinator, m, "supervision_held") == nil)
        LifecycleTriggerBypassTests.refused(Self.event(w, w.coordinator, m, "supervision_held"), "already_recorded")
        LifecycleTriggerBypassTests.refused(Self.event(w, w.officer, m, "close", text: "Ferdig"), "coordinator_required", state: "42501")
        #expect(Self.event(w, w.coordinator, m, "close", text: "Ferdig") == nil)
    }

    @Test func threatAssessmentAndPoliceDecision() throws {
        let w = try W()
        var draft = EntryDraft(kind: .threat, category: "escape_plan", text: "Rå SQL-test")
        draft.unit = "OSLO"
        draft.probability = 2
        draft.consequence = 3
        draft.source = .staff
        draft.infoflyt = true
        let t = try StoreSession(connection: w.officer).entries.log(draft).id
        #expect(try w.db.sql("SELECT police_decision_required FROM entries WHERE id = \(t)") == "t")
        LifecycleTriggerBypassTests.refused(Self.event(w, w.coordinator, t, "threat_assessed",
                                                       data: #"{"source_reliability": "G", "info_credibility": 2, "probability": 2, "consequence": 3}"#),
                                            "assessment_incomplete")
        LifecycleTriggerBypassTests.refused(Self.event(w, w.coordinator, t, "threat_assessed",
                                                       data: #"{"source_reliability": "B", "info_credibility": 2, "probability": 6, "consequence": 3}"#),
                                            "assessment_incomplete")
        #expect(Self.event(w, w.coordinator, t, "threat_assessed",
                           data: #"{"source_reliability": "B", "info_credibility": 2, "probability": 2, "consequence": 3}"#) == nil)
        LifecycleTriggerBypassTests.refused(Self.event(w, w.coordinator, t, "close", text: "Ferdig"), "police_decision_required")
        LifecycleTriggerBypassTests.refused(Self.event(w, w.coordinator, t, "police_decision", data: #"{"decision": "inform"}"#),
                                            "justification_required")
        LifecycleTriggerBypassTests.refused(Self.event(w, w.coordinator, t, "police_decision", text: "Politiet varslet",
                                                       data: #"{"decision": "maybe"}"#), "justification_required")
        #expect(Self.event(w, w.coordinator, t, "police_decision", text: "Politiet varslet", data: #"{"decision": "inform"}"#) == nil)
        #expect(Self.event(w, w.coordinator, t, "close", text: "Ferdig") == nil)
    }

    /// Reads the installed lifecycle functions (pg_proc, so a later migration's replacement counts)
    /// and fails for a refusal code that no raw-SQL test attacks.
    @Test func everyCodeIsAttacked() throws {
        let w = try W()
        var raised = Set<String>()
        for function in Self.lifecycleFunctions {
            let source = try w.db.sql("SELECT prosrc FROM pg_proc WHERE proname = '\(function)'")
            #expect(!source.isEmpty, "\(function) is installed")
            let regex = try NSRegularExpression(pattern: #"refuse\('([a-z0-9_]+)'"#)
            for match in regex.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
                if let r = Range(match.range(at: 1), in: source) { raised.insert(String(source[r])) }
            }
        }
        #expect(raised.count >= 20, "the functions were read: \(raised.sorted())")
        let missing = raised.subtracting(Self.attacked)
        #expect(missing.isEmpty, "lifecycle refusals no raw-SQL test attacks: \(missing.sorted())")
    }
}
