import Foundation
import Postgres
import Testing
import VaktloggTestSupport

/// The database's own CHECKs on measures, decisions and risk assessments, reached with raw SQL on a
/// security coordinator's login — not only through the CLI, which validates first and so would hide
/// an engine/database disagreement (as it once hid the communication grounds). Each refusal is
/// paired with the same statement made valid, which is accepted.
@Suite("Database CHECKs reached by raw SQL")
struct DatabaseCheckRawSQLTests {
    struct World {
        let db: VaktloggTestDatabase
        let coordinator: Connection
        let entry: Int64

        init() throws {
            db = try VaktloggTestDatabase.create(prefix: "chk", units: ["OSLO"])
            let officer = try db.addUser("ola", role: "duty_officer", units: ["OSLO"])
            let name = try db.addUser("kari", role: "security_coordinator", units: ["OSLO"])
            entry = try FactWriter(try db.connect(user: officer)).entry(unit: "OSLO", persons: ["K-2026-0001"]).id
            coordinator = try db.connect(user: name)
        }

        /// A measure INSERT with the given column values (SQL literals; these are the test's own).
        func measure(_ values: [String: String]) -> PostgresError? {
            var row = ["entry_id": "\(entry)", "unit_code": "'OSLO'", "type": "'extra_control'", "purpose": "'security'",
                       "burdens": "'{}'", "restrictiveness": "1", "outcome": "'allowed'", "rules_version": "'ksf-2006.1'",
                       "trace": "'[]'"]
            for (k, v) in values { row[k] = v }
            return coordinator.rawInsert("measures", row)
        }

        func decision(_ values: [String: String]) -> PostgresError? {
            var row = ["entry_id": "\(entry)", "unit_code": "'OSLO'", "text": "'Økt bemanning'",
                       "public_safety_significant": "false", "rules_version": "'ksf-2006.1'", "trace": "'[]'"]
            for (k, v) in values { row[k] = v }
            return coordinator.rawInsert("decisions", row)
        }

        func assessment(_ values: [String: String]) -> PostgresError? {
            var row = ["person_ref": "'K-2026-0001'", "unit_code": "'OSLO'", "probability": "2", "consequence": "3", "score": "6",
                       "band": "'moderate'", "summary": "'Rolig'", "valid_until": "current_date + 90",
                       "rules_version": "'ksf-2006.1'", "trace": "'[]'"]
            for (k, v) in values { row[k] = v }
            return coordinator.rawInsert("risk_assessments", row)
        }
    }

    /// A CHECK (23514) refusal or a `vaktlogg:` refusal from the trigger — the database said no.
    static func refusedByDatabase(_ error: PostgresError?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let byCheck = error?.sqlState == "23514"
        let byRule = error?.hint?.hasPrefix("vaktlogg:") == true
        #expect(byCheck || byRule, "\(what) must be refused by the database: \(String(describing: error))", sourceLocation: sourceLocation)
    }

    @Test func measureChecks() throws {
        let w = try World()
        #expect(w.measure([:]) == nil, "positive control: a valid light measure")
        Self.refusedByDatabase(w.measure(["type": "'communication_restriction'", "ground": "'practical'"]), "communication on practical grounds")
        #expect(w.measure(["type": "'communication_restriction'", "ground": "'security'"]) == nil)
        Self.refusedByDatabase(w.measure(["outcome": "'justified'"]), "justified without a justification")
        #expect(w.measure(["outcome": "'justified'", "justification": "'Fare for rømning'"]) == nil)
        Self.refusedByDatabase(w.measure(["burdens": "'{rehabilitation}'"]), "security burdening rehabilitation without a note")
        #expect(w.measure(["burdens": "'{rehabilitation}'", "rehabilitation_note": "'Skolegang flyttes'"]) == nil)
        Self.refusedByDatabase(w.measure(["type": "'search'", "restrictiveness": "2"]), "restrictive without a person")
        // The valid restrictive measure also rests on a current assessment of the person.
        #expect(w.assessment([:]) == nil)
        let assessment = try w.db.sql("SELECT max(id) FROM risk_assessments")
        #expect(w.measure(["type": "'search'", "restrictiveness": "2", "person_ref": "'K-2026-0001'",
                           "assessment_id": assessment]) == nil)
        Self.refusedByDatabase(w.measure(["restrictiveness": "5"]), "restrictiveness above 4")
        Self.refusedByDatabase(w.measure(["type": "'waterboarding'"]), "an unknown type")
        #expect(try w.db.sql("SELECT count(*) FROM measures") == "5", "exactly the five valid measures are stored")
    }

    @Test func decisionAndAssessmentChecks() throws {
        let w = try World()
        #expect(w.decision([:]) == nil, "positive control")
        Self.refusedByDatabase(w.decision(["public_safety_significant": "true"]), "public safety without justification or assessments")
        Self.refusedByDatabase(w.decision(["public_safety_significant": "true", "justification": "'Rømningsfare'"]),
                               "public safety without assessments")
        #expect(w.assessment([:]) == nil, "positive control")
        let assessment = try w.db.sql("SELECT max(id) FROM risk_assessments")
        #expect(w.decision(["public_safety_significant": "true", "justification": "'Rømningsfare'",
                            "assessment_ids": "'{\(assessment)}'"]) == nil)
        Self.refusedByDatabase(w.decision(["text": "'   '"]), "a blank text")
        Self.refusedByDatabase(w.assessment(["score": "7"]), "a score that is not probability × consequence")
        Self.refusedByDatabase(w.assessment(["probability": "6", "score": "18"]), "probability above 5")
        Self.refusedByDatabase(w.assessment(["band": "'apocalyptic'"]), "an unknown band")
        Self.refusedByDatabase(w.assessment(["summary": "''"]), "an empty summary")
        #expect(try w.db.sql("SELECT count(*) FROM decisions") == "2")
        #expect(try w.db.sql("SELECT count(*) FROM risk_assessments") == "1")
    }
}
