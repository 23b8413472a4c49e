import Foundation
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// Lifecycle rules that need more than one step: deadlines after reopening, dates in the past,
/// decisions resting on another unit's assessments.
@Suite("Lifecycle rules")
struct LifecycleRulesTests {
    let db: VaktloggTestDatabase
    let officer: String
    let coordinator: String
    let ilaCoordinator: String

    init() throws {
        db = try VaktloggTestDatabase.create(prefix: "life", units: ["OSLO", "ILA"])
        officer = try db.addUser("ola", role: "duty_officer", units: ["OSLO"])
        coordinator = try db.addUser("kari", role: "security_coordinator", units: ["OSLO"])
        ilaCoordinator = try db.addUser("ilaleder", role: "security_coordinator", units: ["ILA"])
    }

    func deviation() throws -> LoggedEntry {
        var d = EntryDraft(kind: .deviation, category: "door_lock", text: "Celledør ulåst ved nattrunde")
        d.unit = "OSLO"
        d.probability = 2
        d.consequence = 3
        let c = try db.connect(user: officer)
        defer { c.close() }
        return try StoreSession(connection: c).entries.log(d)
    }

    @Test func aReopenedDeviationMustBeClosedAgainWithinTheClosingPeriod() throws {
        let e = try deviation()
        let c = try db.connect(user: coordinator)
        defer { c.close() }
        let life = StoreSession(connection: c).lifecycle
        let due = OsloTime.calendarDate(Date().addingTimeInterval(7 * 86_400))
        try life.record([.acknowledge, .startTreatment(cause: "Rutine uklar"),
                         .decideMeasure(measure: "Ny sjekkliste", responsible: officer, due: due)], on: e.ref)
        let closed = try life.record(.close(verification: "Stikkprøver uten nye avvik"), on: e.ref)
        #expect(closed.status == .deviation(.closed))
        #expect(closed.nextDue == nil)
        // Bracketed by the clock read just before and after the call: no threshold, no timing.
        let before = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let reopened = try life.record(.reopen(reason: "Samme feil igjen"), on: e.ref)
        let after = Date()
        #expect(reopened.status == .deviation(.underTreatment))
        let closeDue = try #require(reopened.nextDue)
        let period = 30.0 * 86_400
        #expect(closeDue >= before.addingTimeInterval(period) && closeDue <= after.addingTimeInterval(period),
                "closing deadline \(closeDue) is 30 days after the reopening (\(before)…\(after))")
        #expect(try db.sql("SELECT close_due IS NOT NULL AND status = 'under_treatment' FROM entry_state WHERE ref = '\(e.ref)'") == "t")
    }

    @Test func aMeasureDueInThePastIsRefusedAndNothingIsWritten() throws {
        let e = try deviation()
        let c = try db.connect(user: coordinator)
        defer { c.close() }
        let life = StoreSession(connection: c).lifecycle
        try life.record([.acknowledge, .startTreatment(cause: "Rutine uklar")], on: e.ref)
        let yesterday = OsloTime.calendarDate(Date().addingTimeInterval(-86_400))
        let events = try db.sql("SELECT count(*) FROM entry_events")
        let refused = try #require(throws: StoreError.self) {
            try life.record(.decideMeasure(measure: "Ny sjekkliste", responsible: officer, due: yesterday), on: e.ref)
        }
        #expect(refused.code == "out_of_range" && refused.field == "due", "\(refused)")
        #expect(try db.sql("SELECT count(*) FROM entry_events") == events)
        #expect(try db.sql("SELECT status FROM entry_state WHERE ref = '\(e.ref)'") == "under_treatment")
    }

    @Test func aDecisionCannotRestOnAnotherUnitsAssessment() throws {
        let e = try deviation()
        let ila = try db.connect(user: ilaCoordinator)
        defer { ila.close() }
        let foreign = try StoreSession(connection: ila).riskAssessments.record(
            person: "K-2026-0900", unit: "ILA", probability: 4, consequence: 4, summary: "Vurdert ved Ila")
        let c = try db.connect(user: coordinator)
        defer { c.close() }
        let draft = DecisionDraft(text: "Overføring", publicSafetySignificant: true, justification: "Rømningsfare",
                                  assessments: [foreign.id])
        let refused = try #require(throws: StoreError.self) { try StoreSession(connection: c).decisions.record(draft, on: e.ref) }
        #expect(refused.code != .internal, "a refusal with its code, not a fault: \(refused)")
        #expect(refused.category == .invalid || refused.category == .forbidden, "\(refused)")
        #expect(try db.sql("SELECT count(*) FROM decisions") == "0")
        let own = try StoreSession(connection: c).riskAssessments.record(
            person: "K-2026-0900", unit: "OSLO", probability: 4, consequence: 4, summary: "Vurdert i Oslo")
        let id = try StoreSession(connection: c).decisions.record(
            DecisionDraft(text: "Overføring", publicSafetySignificant: true, justification: "Rømningsfare", assessments: [own.id]),
            on: e.ref)
        #expect(id > 0)
    }
}
