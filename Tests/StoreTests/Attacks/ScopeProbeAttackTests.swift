import Foundation
import Postgres
import Store
import Testing
import VaktloggTestSupport

/// Issue #8 hole 10: a trigger that takes an id establishes that the caller can see the row before
/// anything else, and answers "not visible" exactly as "does not exist" — so refusals tell a user of
/// another unit nothing (sql/013, sql/014). A measure or decision rests only on its own unit's
/// assessments.
@Suite("Attack: probing other units through refusals")
struct ScopeProbeAttackTests {
    struct Fixture {
        let db: VaktloggTestDatabase
        let ola: String, kari: String, per: String, hans: String, both: String
        let entry: Int64
        let assessment: Int64
        let handover: Int64
        static let missing: Int64 = 987_654

        init() throws {
            db = try VaktloggTestDatabase.create(prefix: "probe", units: ["BJORKVIK", "HAVNES"])
            ola = try db.addUser("ola", role: "duty_officer", units: ["BJORKVIK"])
            kari = try db.addUser("kari", role: "security_coordinator", units: ["BJORKVIK"])
            per = try db.addUser("per", role: "duty_officer", units: ["HAVNES"])
            hans = try db.addUser("hans", role: "security_coordinator", units: ["HAVNES"])
            both = try db.addUser("bo", role: "security_coordinator", units: ["BJORKVIK", "HAVNES"])
            let kariWriter = FactWriter(try db.connect(user: kari))
            entry = try kariWriter.entry(unit: "BJORKVIK").id
            try kariWriter.person(entry: entry, ref: "K-2026-0042")
            assessment = try kariWriter.riskAssessment(unit: "BJORKVIK", person: "K-2026-0042")
            handover = try db.connect(user: ola).query("""
                INSERT INTO shift_log (unit_code, event, summary) VALUES ('BJORKVIK', 'handover', '{}') RETURNING id
                """).first!.decode(Int64.self, "id")
        }
    }

    /// Statements that take an entry id, each as the role that could otherwise make it.
    static let entryProbes: [(role: String, sql: @Sendable (Int64) -> SQLQuery)] = [
        ("per", { "INSERT INTO entry_events (entry_id, event, text) VALUES (\($0), 'comment', 'x')" }),
        ("per", { "INSERT INTO entry_events (entry_id, event) VALUES (\($0), 'acknowledge')" }),
        ("per", { "INSERT INTO entry_events (entry_id, event) VALUES (\($0), 'close')" }),
        ("hans", { "INSERT INTO entry_events (entry_id, event, text) VALUES (\($0), 'reopen', 'x')" }),
        ("hans", { "INSERT INTO entry_events (entry_id, event, data) VALUES (\($0), 'threat_assessed', '{}')" }),
        ("per", { "INSERT INTO amendments (entry_id, reason, changes, rules_version, trace) VALUES (\($0), 'r', '{\"text\":\"y\"}', 'ksf-2006.1', '[]')" }),
        ("per", { "INSERT INTO entry_persons (entry_id, person_ref, role) VALUES (\($0), 'K-2026-0042', 'inmate')" }),
        ("per", { "INSERT INTO entry_persons (entry_id, person_ref, role) VALUES (\($0), 'K-2026-0042', 'inmate') ON CONFLICT DO NOTHING" }),
        ("hans", { "INSERT INTO measures (entry_id, unit_code, type, purpose, burdens, restrictiveness, outcome, rules_version, trace) VALUES (\($0), 'HAVNES', 'extra_control', 'security', '{}', 1, 'allowed', 'ksf-2006.1', '[]')" }),
        ("hans", { "INSERT INTO decisions (entry_id, unit_code, text, public_safety_significant, rules_version, trace) VALUES (\($0), 'HAVNES', 'x', false, 'ksf-2006.1', '[]')" }),
    ]

    @Test(arguments: 0..<entryProbes.count)
    func anotherUnitsEntryIsRefusedExactlyLikeAMissingOne(probe: Int) throws {
        let f = try Fixture()
        let (who, sql) = Self.entryProbes[probe]
        let c = try f.db.connect(user: who == "per" ? f.per : f.hans)
        let hidden = refusal(c, sql(f.entry))
        let missing = refusal(c, sql(Fixture.missing))
        #expect(hidden?.sqlState == "P0002" && hidden?.hint == "vaktlogg:unknown_entry", "\(String(describing: hidden))")
        #expect(hidden.map(visibleText) == missing.map(visibleText))
        #expect(hidden?.sqlState == missing?.sqlState)
        for secret in ["K-2026-0042", "incident", "violence", "registered", "closed", "P1", f.kari] {
            #expect(hidden.map(visibleText)?.contains(secret) == false, "\(secret) in \(String(describing: hidden))")
        }
        // Nothing was written and nothing of BJORKVIK's chain moved.
        #expect(try f.db.sql("SELECT count(*) FROM entry_persons") == "1")
        #expect(try f.db.sql("SELECT ok FROM verify_chain('BJORKVIK')") == "t")
    }

    @Test func anotherUnitsAssessmentCannotCarryAMeasureOrDecision() throws {
        let f = try Fixture()
        let hans = try f.db.connect(user: f.hans)
        func measure(_ assessment: Int64, unit: String = "HAVNES") -> SQLQuery {
            """
            INSERT INTO measures (unit_code, person_ref, type, purpose, burdens, restrictiveness, assessment_id, outcome,
                                  rules_version, trace)
            VALUES (\(unit), 'K-2026-0042', 'extra_control', 'security', '{}', 3, \(assessment), 'allowed', 'ksf-2006.1', '[]')
            """
        }
        func decision(_ assessment: Int64, unit: String = "HAVNES") -> SQLQuery {
            """
            INSERT INTO decisions (unit_code, text, public_safety_significant, justification, assessment_ids, rules_version, trace)
            VALUES (\(unit), 'x', true, 'begrunnelse', ARRAY[\(assessment)]::bigint[], 'ksf-2006.1', '[]')
            """
        }
        for make in [measure, decision] {
            let hidden = refusal(hans, make(f.assessment, "HAVNES"))
            let missing = refusal(hans, make(Fixture.missing, "HAVNES"))
            #expect(hidden?.sqlState == "23503" && hidden?.hint == "vaktlogg:unknown_assessment", "\(String(describing: hidden))")
            #expect(hidden.map(visibleText) == missing.map(visibleText))
            for secret in ["K-2026-0042", "moderate", "person", "band"] {
                #expect(hidden.map(visibleText)?.contains(secret) == false, "\(secret) in \(String(describing: hidden))")
            }
        }
        #expect(try f.db.sql("SELECT count(*) FROM measures") == "0")
        #expect(try f.db.sql("SELECT count(*) FROM decisions") == "0")
        // A coordinator of both units sees the assessment, but a HAVNES measure still cannot rest on it.
        let bo = try f.db.connect(user: f.both)
        expectRefused(bo, measure(f.assessment, unit: "HAVNES"), sqlState: "23514", hint: "assessment_other_unit")
        expectRefused(bo, decision(f.assessment, unit: "HAVNES"), sqlState: "23514", hint: "assessment_other_unit")
        // Positive control: in its own unit it does (moderate supports restrictiveness 2).
        let ok: SQLQuery = """
            INSERT INTO measures (unit_code, person_ref, type, purpose, burdens, restrictiveness, assessment_id, outcome,
                                  rules_version, trace)
            VALUES ('BJORKVIK', 'K-2026-0042', 'extra_control', 'security', '{}', 2, \(f.assessment), 'allowed', 'ksf-2006.1', '[]')
            """
        #expect(try bo.execute(ok) == 1)
        #expect(try bo.execute(decision(f.assessment, unit: "BJORKVIK")) == 1)
    }

    @Test func anotherUnitsHandoverIsRefusedExactlyLikeAMissingOne() throws {
        let f = try Fixture()
        let per = try f.db.connect(user: f.per)
        for unit in ["BJORKVIK", "HAVNES"] {
            let hidden = refusal(per, "INSERT INTO shift_log (unit_code, event, handover_id) VALUES (\(unit), 'accept', \(f.handover))")
            let missing = refusal(per, "INSERT INTO shift_log (unit_code, event, handover_id) VALUES (\(unit), 'accept', \(Fixture.missing))")
            #expect(hidden?.hint == "vaktlogg:unknown_handover", "\(String(describing: hidden))")
            #expect(hidden.map(visibleText) == missing.map(visibleText))
        }
        // Positive control: a colleague in the unit accepts it.
        let kari = try f.db.connect(user: f.kari)
        #expect(try kari.execute("INSERT INTO shift_log (unit_code, event, handover_id) VALUES ('BJORKVIK', 'accept', \(f.handover))") == 1)
    }
}
