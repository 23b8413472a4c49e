import Foundation
import Postgres
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// Issue #8 hole 8: persons linked to entries without a logged read. Every way from an entry to a
/// person — the registry's timestamps, the person columns of measures, decisions and assessments,
/// the assessment a measure rests on — is closed; the logged read is the only way.
@Suite("Attack: person links")
struct PersonLinkAttackTests {
    /// An incident with an inmate, an assessment of that inmate and a restrictive measure and a
    /// decision resting on it, all in BJORKVIK.
    static func entryWithMeasure(_ org: AttackOrganisation) throws -> LoggedEntry {
        let e = try org.incident(by: org.ola, person: "K-2026-0777")
        let kari = try org.db.connect(user: org.kari)
        defer { kari.close() }
        let assessment = try FactWriter(kari).riskAssessment(unit: "BJORKVIK", person: "K-2026-0777")
        try kari.execute("""
            INSERT INTO measures (entry_id, unit_code, person_ref, type, purpose, burdens, restrictiveness, assessment_id,
                                  outcome, rules_version, trace)
            VALUES (\(e.id), 'BJORKVIK', 'K-2026-0777', 'search', 'security', '{}', 2, \(assessment), 'allowed', 'ksf-2006.1', '[]')
            """)
        try kari.execute("""
            INSERT INTO decisions (entry_id, unit_code, person_ref, text, public_safety_significant, justification, assessment_ids,
                                   rules_version, trace)
            VALUES (\(e.id), 'BJORKVIK', 'K-2026-0777', 'Utelukkelse', true, 'Fare for medinnsatte', ARRAY[\(assessment)]::bigint[],
                    'ksf-2006.1', '[]')
            """)
        return e
    }

    @Test func noJoinLinksAnEntryToAPerson() throws {
        let org = try AttackOrganisation("link1")
        _ = try Self.entryWithMeasure(org)
        let attacks = [
            // issue #8 exactly
            "SELECT e.ref, p.ref FROM entries e JOIN persons p ON p.created_at = e.recorded_at",
            "SELECT count(*) FROM persons",
            "SELECT ref FROM persons WHERE ref = 'K-2026-0777'",
            "INSERT INTO persons (ref) VALUES ('K-2026-0777') ON CONFLICT DO NOTHING",
            "SELECT m.entry_id, m.person_ref FROM measures m",
            "SELECT d.entry_id, d.person_ref FROM decisions d",
            "SELECT r.person_ref FROM risk_assessments r",
            "SELECT m.entry_id, r.person_ref FROM measures m JOIN risk_assessments r ON r.id = m.assessment_id",
            "SELECT count(*) FROM risk_assessments WHERE person_ref = 'K-2026-0777'",
            "SELECT * FROM measures",
            "SELECT * FROM entry_persons",
        ]
        for attacker in [org.ola, org.kari, org.mona, org.erik, org.adm, org.per] {
            for sql in attacks {
                #expect(try org.refusal(sql, as: attacker).sqlState == "42501", "\(attacker): \(sql)")
            }
            // Everything they can read without the logged read holds no person reference.
            let everything = try org.everythingReadable(as: attacker)
            #expect(!everything.contains("K-2026-0777"), "\(attacker) reads a person: \(everything)")
        }
        #expect(try org.db.sql("SELECT count(*) FROM access_log") == "0")
    }

    /// Whether a case number is registered anywhere is not told by a refusal: a measure naming a
    /// person known only in another unit fares exactly as one naming a person nobody has seen.
    @Test func aMeasureDoesNotProbeTheRegistry() throws {
        let org = try AttackOrganisation("link3")
        _ = try org.incident(by: org.ola, person: "K-2026-0777")  // known in BJORKVIK only
        let havnes = try org.incident(by: org.per, unit: "HAVNES", person: "K-2026-0001")
        func measure(_ person: String) throws -> String {
            let c = try org.db.connect(user: org.hanne)
            defer { c.close() }
            do {
                try c.execute("""
                    INSERT INTO measures (entry_id, unit_code, person_ref, type, purpose, burdens, restrictiveness, outcome,
                                          rules_version, trace)
                    VALUES (\(havnes.id), 'HAVNES', \(person), 'supportive', 'rehabilitation', '{}', 0, 'allowed', 'ksf-2006.1', '[]')
                    """)
                return "stored"
            } catch let error as PostgresError {
                return "\(error.sqlState ?? "-") \(error.hint ?? "-")"
            }
        }
        #expect(try measure("K-2026-0777") == measure("K-2099-9999"))
        #expect(try measure("K-2026-0777") == "stored")
    }

    @Test func theLoggedReadGivesThePersonsOfTheEntryAndItsMeasures() throws {
        let org = try AttackOrganisation("link2")
        let e = try Self.entryWithMeasure(org)
        let c = try org.db.connect(user: org.kari)
        defer { c.close() }
        let detail = try EntryRepository(connection: c).detail(ref: e.ref)
        #expect(detail.persons == [.init(role: .inmate, ref: "K-2026-0777")])
        let measure = try #require(detail.history.first { $0.what == "measure" })
        #expect(measure.data?.contains("\"person\":\"K-2026-0777\"") == true)
        #expect(try org.db.sql("SELECT actor || ':' || action FROM access_log") == "\(org.kari):read_persons")
        // The measure check still finds the person's assessment, for those who decide measures only.
        #expect(try org.db.sql("SELECT band FROM latest_assessment_of('K-2026-0777')", user: org.kari) == "moderate")
        for other in [org.ola, org.mona, org.erik, org.hanne] {
            #expect(try org.db.sql("SELECT count(*) FROM latest_assessment_of('K-2026-0777')", user: other) == "0", "\(other)")
        }
    }
}
