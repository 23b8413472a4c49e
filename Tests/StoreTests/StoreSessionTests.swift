import Foundation
import Logging
import Postgres
import PostgresTestSupport
import Rules
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// The session scope, one normal form for unit codes, and typed values at the Store boundary.
@Suite("Store session")
struct StoreSessionTests {
    let db: VaktloggTestDatabase
    let officer: String
    let coordinator: String

    init() throws {
        db = try VaktloggTestDatabase.create(prefix: "session", units: ["OSLO", "ILA"])
        officer = try db.addUser("ola", role: "duty_officer", units: ["OSLO"])
        coordinator = try db.addUser("kari", role: "security_coordinator", units: ["OSLO"])
    }

    func draft(unit: String) -> EntryDraft {
        var d = EntryDraft(kind: .deviation, category: "door_lock", text: "Celledør ulåst ved nattrunde")
        d.unit = unit
        d.probability = 2
        d.consequence = 3
        return d
    }

    @Test func aUnitCodeInAnyCaseIsTheSameUnit() throws {
        let c = try db.connect(user: officer)
        defer { c.close() }
        let logged = try StoreSession(connection: c).entries.log(draft(unit: " oslo "))
        #expect(logged.unit == "OSLO")
        #expect(UnitCode(input: "bjorkvik")?.rawValue == "BJORKVIK")
        #expect(UnitCode(input: "b") == nil)
        #expect(UnitCode(input: "9OSLO") == nil)
        // The filter normalises too.
        var filter = EntryFilter()
        filter.units = ["oslo"]
        #expect(try StoreSession(connection: c).repository.list(filter).map(\.ref) == [logged.ref])
    }

    @Test func workflowsInOneScopeCommitTogetherOrNotAtAll() throws {
        let c = try db.connect(user: coordinator)
        defer { c.close() }
        let session = StoreSession(connection: c)
        let ref = try session.transaction { s in
            let e = try s.entries.log(draft(unit: "OSLO"))
            try s.lifecycle.record(.acknowledge, on: e.ref)
            return e.ref
        }
        #expect(try session.repository.summary(ref: ref).status == .deviation(.acknowledged))
        let before = try db.sql("SELECT count(*) FROM entries")
        // A refusal late in the scope leaves nothing of the scope written (positive control above).
        let refused = try #require(throws: StoreError.self) {
            try session.transaction { s in
                let e = try s.entries.log(draft(unit: "OSLO"))
                try s.lifecycle.record(.close(verification: nil), on: e.ref)
            }
        }
        #expect(refused.category == .invalid)
        #expect(try db.sql("SELECT count(*) FROM entries") == before)
    }

    @Test func aUserSessionCannotBackdate() throws {
        let c = try db.connect(user: coordinator)
        defer { c.close() }
        let yesterday = Date().addingTimeInterval(-86_400)
        // The clock is the session's "now" for checks, but a user's session sends no fact time:
        // the database records its own.
        let session = StoreSession(connection: c, clock: .fixed(yesterday))
        #expect(!session.allowsBackdating)
        let e = try StoreSession(connection: c).entries.log(draft(unit: "OSLO"))
        try session.lifecycle.record(.acknowledge, on: e.ref)
        #expect(try db.sql("SELECT bool_and(at > now() - interval '1 hour') FROM entry_events") == "t")
    }

    @Test func errorsCarryCodesAndArgumentsNotSentences() throws {
        let c = try db.connect(user: officer)
        defer { c.close() }
        let unknown = try #require(throws: StoreError.self) { try StoreSession(connection: c).repository.summary(ref: "OSLO-999") }
        #expect(unknown.code == .unknownEntry)
        #expect(unknown.arguments == ["ref": "OSLO-999"])
        #expect(unknown.category == .invalid)
        let foreign = try #require(throws: StoreError.self) { try StoreSession(connection: c).entries.log(draft(unit: "ila")) }
        #expect(foreign.code == .unitNotPermitted)
        #expect(foreign.arguments["unit"] == "ILA")
        #expect(foreign.category == .forbidden)
    }

    @Test func aLoginTheServerRefusesIsToldApartFromAnOutage() throws {
        let target = DatabaseTarget(location: .url(db.database.connectionString(user: "nobody_\(db.suffix)")))
        let refused = try #require(throws: StoreError.self) { _ = try target.connect(logger: Logger(label: "test")) }
        #expect(refused.code == .loginRefused)
        #expect(refused.category == .forbidden)
    }

    @Test func aStoredTraceDecodesIntoRuleSteps() throws {
        let c = try db.connect(user: officer)
        defer { c.close() }
        let e = try StoreSession(connection: c).entries.log(draft(unit: "OSLO"))
        let detail = try EntryRepository(connection: c).detail(ref: e.ref)
        #expect(detail.trace.contains { $0.rule == .risk })
        #expect(detail.rulesHash == RulesEngine().ruleSet.hash)
        #expect(detail.domain == .correctionalSecurity)
        #expect(detail.policeDecisionHours == nil, "a deviation needs no police decision")
    }

    @Test func thePoliceDeadlineIsTheOneOfTheRuleSetThatJudged() throws {
        let c = try db.connect(user: officer)
        defer { c.close() }
        var d = EntryDraft(kind: .threat, category: "organised_crime", text: "Opplysninger via INFOFLYT")
        d.unit = "OSLO"
        d.probability = 3
        d.consequence = 4
        d.source = .policeInfoflyt
        d.organisedCrimeCriteria = [1, 2, 3, 5, 6, 11]
        d.infoflyt = true
        var rules = RuleSet.default
        rules.version = "test-48h"
        rules.deadlines.policeDecisionHours = 48
        // The database judges only by rule sets an administrator has registered (sql/014).
        let admin = try db.connect(user: try db.addUser("adm", role: "admin", units: []))
        defer { admin.close() }
        try Administration(connection: admin).registerRuleSet(rules)
        let e = try StoreSession(connection: c, engine: RulesEngine(ruleSet: rules)).entries.log(d)
        let detail = try EntryRepository(connection: c).detail(ref: e.ref)
        #expect(detail.policeDecisionHours == 48)
        #expect(RulesEngine().ruleSet.deadlines.policeDecisionHours != 48, "differs from today's rule set")
    }
}
