import Foundation
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// The lifecycle rules hold for a user who skips the Store and writes `entry_events` with raw SQL
/// on their own login: each refusal comes from the trigger with its `vaktlogg:` code, and the valid
/// variant of the same statement is accepted (the positive control).
@Suite("Lifecycle triggers bypassed by raw SQL")
struct LifecycleTriggerBypassTests {
    struct World {
        let db: VaktloggTestDatabase
        let officer: Connection
        let coordinator: Connection
        let officerName: String
        let ilaOfficer: String

        init() throws {
            db = try VaktloggTestDatabase.create(prefix: "lcraw", units: ["OSLO", "ILA"])
            officerName = try db.addUser("ola", role: "duty_officer", units: ["OSLO"])
            let coordinatorName = try db.addUser("kari", role: "security_coordinator", units: ["OSLO"])
            ilaOfficer = try db.addUser("per", role: "duty_officer", units: ["ILA"])
            officer = try db.connect(user: officerName)
            coordinator = try db.connect(user: coordinatorName)
        }

        func log(_ kind: EntryKind, _ category: String, as c: Connection) throws -> Int64 {
            var d = EntryDraft(kind: kind, category: category, text: "Rå SQL-test")
            d.unit = "OSLO"
            d.probability = 2
            d.consequence = 3
            if kind == .threat { d.source = .staff }
            return try StoreSession(connection: c).entries.log(d).id
        }

        /// Inserts an event with raw SQL; returns the refusal, or nil when it was accepted.
        func event(_ c: Connection, _ entry: Int64, _ event: String, text: String? = nil, assignee: String? = nil) -> PostgresError? {
            do {
                try c.execute("INSERT INTO entry_events (entry_id, event, text, assignee) VALUES (\(entry), \(event), \(text), \(assignee))")
                return nil
            } catch let error as PostgresError {
                return error
            } catch {
                return PostgresError(kind: .protocol, message: "\(error)")
            }
        }
    }

    /// Expects a refusal with hint `vaktlogg:code` (and SQLSTATE, when given).
    static func refused(_ error: PostgresError?, _ code: String, state: String? = nil,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(error?.hint == "vaktlogg:\(code)", "expected \(code), got \(String(describing: error))", sourceLocation: sourceLocation)
        if let state { #expect(error?.sqlState == state, "\(String(describing: error))", sourceLocation: sourceLocation) }
    }

    @Test func everyLifecycleRefusalHoldsForRawSQL() throws {
        let w = try World()
        let deviation = try w.log(.deviation, "door_lock", as: w.officer)
        let p1 = try w.log(.incident, "violence_staff", as: w.officer)
        let threat = try w.log(.threat, "escape_plan", as: w.officer)
        let events = { try w.db.sql("SELECT count(*) FROM entry_events") }
        let start = try events()

        Self.refused(w.event(w.officer, deviation, "reopen", text: "x"), "role_not_permitted", state: "42501")
        Self.refused(w.event(w.officer, deviation, "comment"), "text_required")
        #expect(w.event(w.officer, deviation, "comment", text: "Låsen henger") == nil)
        Self.refused(w.event(w.officer, deviation, "treatment_started", text: "Slitt"), "not_acknowledged")
        #expect(w.event(w.officer, deviation, "acknowledge") == nil)
        Self.refused(w.event(w.officer, deviation, "acknowledge"), "already_acknowledged")
        Self.refused(w.event(w.officer, p1, "treatment_started", text: "Slitt"), "deviation_only")
        Self.refused(w.event(w.officer, deviation, "measure_decided", text: "Bytt lås", assignee: w.officerName), "not_under_treatment")
        Self.refused(w.event(w.officer, deviation, "treatment_started"), "cause_required")
        #expect(w.event(w.officer, deviation, "treatment_started", text: "Slitt sylinder") == nil)
        Self.refused(w.event(w.coordinator, deviation, "threat_assessed"), "threat_only")
        Self.refused(w.event(w.coordinator, deviation, "supervision_offered"), "manipulation_only")
        Self.refused(w.event(w.coordinator, deviation, "reopen", text: "Igjen"), "not_closed")
        Self.refused(w.event(w.coordinator, deviation, "assign", assignee: w.ilaOfficer), "assignee_not_in_unit")
        #expect(w.event(w.coordinator, deviation, "assign", assignee: w.officerName) == nil)
        Self.refused(w.event(w.coordinator, threat, "close", text: "Ferdig"), "assessment_required")
        Self.refused(w.event(w.officer, p1, "close", text: "Ferdig"), "p1_close_coordinator")
        #expect(w.event(w.coordinator, p1, "close", text: "Ferdig") == nil, "a coordinator who did not report it closes the P1")
        Self.refused(w.event(w.officer, p1, "acknowledge"), "entry_closed")

        // Exactly the accepted statements were written: comment, acknowledge, treatment, assign, close.
        #expect(Int(try events()) == Int(start)! + 5)
        #expect(try w.db.sql("SELECT bool_and(v.ok) FROM units u CROSS JOIN LATERAL verify_chain(u.code) v") == "t")
    }
}
