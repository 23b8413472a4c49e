import Foundation
import Postgres
import Rules
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// Rule set ksf-2006.2 in the database (sql/027), attacked by raw SQL on each role's own login:
/// the database refuses what the rules refuse, accepts what they accept, and keeps judging rows of
/// ksf-2006.1 as before.
@Suite("Attack: the database judges ksf-2006.2 as the rules do")
struct RulesRevisionTwoAttackTests {
    struct Fixture {
        let db: VaktloggTestDatabase
        let ola: String, kari: String, root: String, ilaKari: String
        let entry: Int64

        init() throws {
            db = try VaktloggTestDatabase.create(prefix: "rev2", units: ["OSLO", "ILA"])
            ola = try db.addUser("ola", role: "duty_officer", units: ["OSLO"])
            kari = try db.addUser("kari", role: "security_coordinator", units: ["OSLO"])
            root = try db.addUser("root", role: "admin", units: ["OSLO"])
            ilaKari = try db.addUser("ikari", role: "security_coordinator", units: ["ILA"])
            entry = try FactWriter(try db.connect(user: ola)).entry(unit: "OSLO").id
        }

        func connect(_ user: String) throws -> Connection { try db.connect(user: user) }

        /// A risk assessment of `person` made at `assessedAt` (an SQL timestamptz expression),
        /// written as the owner with backdating on, as the demo seeder does.
        func assessment(_ person: String, at assessedAt: String, probability: Int = 4, consequence: Int = 4) throws -> Int64 {
            let score = probability * consequence
            let band = RulesEngine().ruleSet.band(forScore: score)!.rawValue
            let id = try db.sql("""
                BEGIN;
                UPDATE maintenance SET backdating = true;
                INSERT INTO risk_assessments (person_ref, unit_code, probability, consequence, score, band, summary,
                    assessed_at, valid_until, rules_version, trace)
                VALUES ('\(person)', 'OSLO', \(probability), \(consequence), \(score), '\(band)', 'Voldelig siste uke',
                    \(assessedAt), ((\(assessedAt)) AT TIME ZONE 'Europe/Oslo')::date + 90, 'ksf-2006.2', '[]') RETURNING id;
                UPDATE maintenance SET backdating = false;
                COMMIT;
                """)
            return Int64(id.split(separator: "\n").first { Int64($0) != nil }.map(String.init) ?? "") ?? -1
        }

        /// A P1 incident (violence between inmates) involving `person`, occurred at `occurredAt`.
        func p1Incident(_ person: String, occurred occurredAt: Date) throws -> Int64 {
            var d = EntryDraft(kind: .incident, category: "violence_inmate", text: "Slagsmål i luftegården")
            d.unit = "OSLO"
            d.probability = 3
            d.consequence = 3
            d.occurredAt = occurredAt
            d.persons = [EntryDraft.Person(role: .inmate, ref: person)]
            return try StoreSession(connection: try connect(ola)).entries.log(d).id
        }
    }

    /// `HH:00` Oslo time `days` from today, as an SQL timestamptz expression.
    static func oslo(_ days: Int, _ hour: Int) -> String {
        "((date_trunc('day', now() AT TIME ZONE 'Europe/Oslo') + interval '\(days) days' + interval '\(hour) hours') AT TIME ZONE 'Europe/Oslo')"
    }

    static func measure(entry: Int64, purpose: String, burdens: String, restrictiveness: Int = 0, person: String = "NULL",
                        assessment: String = "NULL", justification: String? = nil, type: String = "isolation",
                        ground: String = "NULL", version: String = "ksf-2006.2") -> SQLQuery {
        let j = justification.map { "'\($0)'" } ?? "NULL"
        let outcome = justification == nil ? "allowed" : "justified"
        return SQLQuery(unsafeSQL: """
            INSERT INTO measures (entry_id, unit_code, person_ref, type, purpose, burdens, restrictiveness, ground, justification,
                assessment_id, outcome, rules_version, trace)
            VALUES (\(entry), 'OSLO', \(person), '\(type)', '\(purpose)', '\(burdens)', \(restrictiveness), \(ground), \(j),
                \(assessment), '\(outcome)', '\(version)', '[]') RETURNING id
            """)
    }

    // MARK: weighting — each purpose × tier-1 burden, with and without a justification

    @Test(arguments: [("order", "weighting_strict", "weighting_strict"), ("security", "weighting_main_rule", nil as String?),
                      ("rehabilitation", "weighting_main_rule", nil)])
    func purposeBurdeningTier1(purpose: String, without: String, with: String?) throws {
        let f = try Fixture()
        let c = try f.connect(f.kari)
        for burden in ["{life_health}", "{public_safety}"] {
            expectRefused(c, Self.measure(entry: f.entry, purpose: purpose, burdens: burden), sqlState: "23514", hint: without)
            let justified = Self.measure(entry: f.entry, purpose: purpose, burdens: burden, justification: "Voldelig; isolasjon nødvendig")
            if let with {
                expectRefused(c, justified, sqlState: "23514", hint: with)
            } else {
                #expect(refusal(c, justified) == nil, "\(purpose) burdening \(burden) with a justification is a justified departure")
            }
            // ksf-2006.1 (old rows): every weaker purpose burdening tier 1 stays strict.
            expectRefused(c, Self.measure(entry: f.entry, purpose: purpose, burdens: burden, justification: "Begrunnet",
                                          version: "ksf-2006.1"), sqlState: "23514", hint: "weighting_strict")
        }
    }

    // MARK: communication — each ground

    @Test(arguments: [("security", true), ("practical", false), ("technical", false), ("other", false), ("NULL", false)])
    func communicationGround(ground: String, stored: Bool) throws {
        let f = try Fixture()
        let c = try f.connect(f.kari)
        let q = Self.measure(entry: f.entry, purpose: "security", burdens: "{}", restrictiveness: 1, type: "communication_restriction",
                             ground: ground == "NULL" ? "NULL" : "'\(ground)'")
        if stored {
            #expect(refusal(c, q) == nil)
        } else {
            let e = refusal(c, q)
            let constraint = ground == "NULL" ? "measures_communication_ground_required" : "measures_check1"
            #expect(e?.sqlState == "23514" && e?.constraint == constraint, "\(ground): \(String(describing: e))")
        }
        // A ground on another type of measure is refused (the contract's rule, NOT VALID for old rows).
        let e = refusal(c, Self.measure(entry: f.entry, purpose: "security", burdens: "{}", type: "extra_control", ground: "'security'"))
        #expect(e?.constraint == "measures_ground_only_communication")
    }

    // MARK: proportionality — a P1 incident overtakes the assessment

    @Test(arguments: [(-2, 15, true), (-2, 8, true), (-1, 1, false), (0, 0, false)])
    func p1AgainstAssessment(incidentDay: Int, incidentHour: Int, current: Bool) throws {
        let f = try Fixture()
        let person = "K-2026-0700"
        // Assessed at 09:00 Oslo time two days ago; the P1 incident the same day (before or after)
        // or a later day.
        let assessment = try f.assessment(person, at: Self.oslo(-2, 9))
        try #require(assessment > 0)
        let occurred = try f.db.sql("SELECT extract(epoch FROM \(Self.oslo(incidentDay, incidentHour)))")
        let when = Date(timeIntervalSince1970: Double(occurred)!)
        guard when < Date() else { return }  // the hour has not come yet today: nothing to judge
        _ = try f.p1Incident(person, occurred: when)
        let c = try f.connect(f.kari)
        let q = Self.measure(entry: f.entry, purpose: "security", burdens: "{}", restrictiveness: 3, person: "'\(person)'",
                             assessment: "\(assessment)", type: "exclusion")
        if current {
            #expect(refusal(c, q) == nil, "a P1 on the same Oslo day does not overtake the assessment")
        } else {
            expectRefused(c, q, sqlState: "23514", hint: "proportionality_overtaken")
            #expect(refusal(c, Self.measure(entry: f.entry, purpose: "security", burdens: "{}", restrictiveness: 3, person: "'\(person)'",
                                            assessment: "\(assessment)", justification: "Haster; ny vurdering bestilt", type: "exclusion")) == nil)
            // ksf-2006.1 did not read P1 incidents.
            #expect(refusal(c, Self.measure(entry: f.entry, purpose: "security", burdens: "{}", restrictiveness: 3, person: "'\(person)'",
                                            assessment: "\(assessment)", type: "exclusion", version: "ksf-2006.1")) == nil)
        }
        // The Store's judgement agrees with the database's (last_p1_incident_of feeds the rules).
        var draft = MeasureDraft(type: .exclusion, purpose: .security, burdens: [], restrictiveness: .severe)
        draft.person = person
        let (evaluation, _) = try StoreSession(connection: c).measures.evaluate(draft)
        #expect((evaluation.outcome == .allowed) == current, "\(evaluation.violations)")
    }

    @Test func theRenewalPeriodIsTheRuleSets() throws {
        let f = try Fixture()
        let c = try f.connect(f.kari)
        let person = "K-2026-0701"
        // 180 days old is still current; 181 is not (Oslo dates), whatever valid_until says.
        let old = try f.assessment(person, at: Self.oslo(-181, 12))
        expectRefused(c, Self.measure(entry: f.entry, purpose: "security", burdens: "{}", restrictiveness: 2, person: "'\(person)'",
                                      assessment: "\(old)", type: "search"), sqlState: "23514", hint: "proportionality_assessment")
        let edge = try f.assessment(person, at: Self.oslo(-180, 12))
        #expect(refusal(c, Self.measure(entry: f.entry, purpose: "security", burdens: "{}", restrictiveness: 2, person: "'\(person)'",
                                        assessment: "\(edge)", type: "search")) == nil)
    }

    // MARK: deadlines

    @Test func theP1AcknowledgementIsForIncidentsAndThreatsFromTheEntrysOwnSet() throws {
        let f = try Fixture()
        let c = try f.connect(f.ola)
        func deviation(_ version: String) throws -> String {
            try c.query(JudgementForgeryAttackTests.entryInsert(
                kind: "deviation", category: "hse", interests: "{life_health}", version: "'\(version)'",
                hash: "(SELECT hash FROM rule_sets WHERE version = '\(version)')")).first!.decode(String.self, "deadlines")
        }
        #expect(try !deviation("ksf-2006.2").contains("p1_acknowledge"), "a P1 deviation follows its own deadlines")
        #expect(try deviation("ksf-2006.2").contains("deviation_acknowledge"))
        #expect(try deviation("ksf-2006.1").contains("p1_acknowledge"), "entries judged by ksf-2006.1 keep its deadlines")
        let incident = try c.query(JudgementForgeryAttackTests.entryInsert(
            kind: "incident", category: "fire", interests: "{life_health}", version: "'ksf-2006.2'",
            hash: "(SELECT hash FROM rule_sets WHERE version = 'ksf-2006.2')")).first!.decode(String.self, "deadlines")
        #expect(incident.contains("p1_acknowledge"))
    }

    @Test func aUnitOverrideChangesTheDeadlinesOfNewEntriesOnly() throws {
        let f = try Fixture()
        let officer = try f.connect(f.ola)
        let ilaOfficer = try f.connect(try f.db.addUser("per", role: "duty_officer", units: ["ILA"]))
        func p1Due(_ unit: String = "OSLO") throws -> Int {
            let id = try FactWriter(unit == "ILA" ? ilaOfficer : officer).entry(unit: unit).id
            return Int(try f.db.sql("""
                SELECT extract(epoch FROM (d ->> 'due')::timestamptz - date_trunc('second', e.reported_at))::int
                  FROM entries e, jsonb_array_elements(e.deadlines) d WHERE e.id = \(id) AND d ->> 'what' = 'p1_acknowledge'
                """))!
        }
        let before = try f.db.sql("SELECT deadlines::text FROM entries WHERE id = \(f.entry)")
        #expect(try p1Due() == 300)
        // Only an administrator writes overrides, never by INSERT.
        expectRefused(try f.connect(f.kari), "SELECT admin_set_unit_deadline('OSLO', 'p1_acknowledge_minutes', 15, 'Lang gangvei')",
                      sqlState: "42501", hint: "admin_required")
        expectRefused(try f.connect(f.root), "INSERT INTO unit_deadline_overrides (unit_code, key, value, reason) VALUES ('OSLO', 'p1_acknowledge_minutes', 15, 'x')",
                      sqlState: "42501")
        let admin = try f.connect(f.root)
        let bad = refusal(admin, "SELECT admin_set_unit_deadline('OSLO', 'coffee_minutes', 15, 'x')")
        #expect(bad?.constraint == "unit_deadline_overrides_key_check")
        #expect(refusal(admin, "SELECT admin_set_unit_deadline('OSLO', 'p1_acknowledge_minutes', 0, 'x')")?.constraint
                == "unit_deadline_overrides_value_check")
        #expect(refusal(admin, "SELECT admin_set_unit_deadline('OSLO', 'p1_acknowledge_minutes', 15, ' ')")?.constraint
                == "unit_deadline_overrides_reason_check")
        #expect(refusal(admin, "SELECT admin_set_unit_deadline('OSLO', 'p1_acknowledge_minutes', 15, 'Lang gangvei til avdeling C')") == nil)
        #expect(try p1Due() == 900, "a new entry gets the unit's 15 minutes")
        #expect(try p1Due("ILA") == 300, "another unit keeps the rule set's")
        #expect(try f.db.sql("SELECT deadlines::text FROM entries WHERE id = \(f.entry)") == before, "an old entry keeps its deadlines")
        expectRefused(try f.db.connect(), "UPDATE unit_deadline_overrides SET value = 1", sqlState: "42501", hint: "append_only")
        // NULL returns the key to the rule set; the history stays.
        #expect(refusal(admin, "SELECT admin_set_unit_deadline('OSLO', 'p1_acknowledge_minutes', NULL, 'Tilbake til standard')") == nil)
        #expect(try p1Due() == 300)
        #expect(try f.db.sql("SELECT count(*) FROM unit_deadline_overrides") == "2")
        // What `unit show` reads: the rule set's numbers with the unit's in force.
        let shown = try f.db.sql("SELECT unit_deadlines('OSLO', 'ksf-2006.2') ->> 'measure_review_days_r3'", user: f.ola)
        #expect(shown == "7")
        expectRefused(try f.connect(f.ilaKari), "SELECT unit_deadlines('OSLO', 'ksf-2006.2')", sqlState: "P0002", hint: "unknown_unit")
    }

    // MARK: person flags

    @Test func flagsAreWrittenOnlyByCoordinatorsAndReadOnlyUnderALoggedRead() throws {
        let f = try Fixture()
        let officer = try f.connect(f.ola)
        let kari = try f.connect(f.kari)
        let person = "K-2026-0800"
        expectRefused(officer, "SELECT set_person_flag('K-2026-0800', 'OSLO', 'infoflyt', 'set', 'INFOFLYT')",
                      sqlState: "42501", hint: "coordinator_required")
        expectRefused(try f.connect(f.ilaKari), "SELECT set_person_flag('K-2026-0800', 'OSLO', 'infoflyt', 'set', 'INFOFLYT')",
                      sqlState: "42501", hint: "unit_not_permitted")
        expectRefused(kari, "INSERT INTO person_flags (person_ref, unit_code, flag, action, reason, at, by) VALUES ('K-2026-0800', 'OSLO', 'infoflyt', 'set', 'x', now(), 'kari')",
                      sqlState: "42501")
        expectRefused(kari, "SELECT set_person_flag('K-2026-0800', 'OSLO', 'infoflyt', 'set', ' ')", sqlState: "23514", hint: "reason_required")
        expectRefused(kari, "SELECT set_person_flag('K-2026-0800', 'OSLO', 'vip', 'set', 'x')", sqlState: "23503", hint: "unknown_flag")
        expectRefused(kari, "SELECT set_person_flag('K-2026-0800', 'OSLO', 'infoflyt', 'lift', 'x')", sqlState: "23514", hint: "flag_not_set")
        expectRefused(kari, "SELECT set_person_flag('K-2026-0800', 'OSLO', 'infoflyt', 'toggle', 'x')", sqlState: "23514", hint: "invalid_action")
        expectRefused(kari, "SELECT set_person_flag('not a case', 'OSLO', 'infoflyt', 'set', 'x')", sqlState: "23514", hint: "invalid_person")
        #expect(refusal(kari, "SELECT set_person_flag('K-2026-0800', 'OSLO', 'infoflyt', 'set', 'Meldt inn av politiet')") == nil)
        expectRefused(kari, "SELECT set_person_flag('K-2026-0800', 'OSLO', 'infoflyt', 'set', 'igjen')", sqlState: "23514", hint: "flag_already_set")
        // No login reads the table or the view; the read function wants a committed logged read.
        expectRefused(kari, "SELECT * FROM person_flags", sqlState: "42501")
        expectRefused(kari, "SELECT * FROM person_flags_current", sqlState: "42501")
        expectRefused(kari, "SELECT * FROM person_flags_of('K-2026-0800', NULL)", sqlState: "42501", hint: "read_not_logged")
        expectRefused(officer, "SELECT request_person_read('K-2026-0800', 'OSLO')", sqlState: "42501", hint: "coordinator_required")
        let flags = try StoreSession(connection: kari).personFlags.current(person: person, unit: nil)
        #expect(flags == [.infoflyt])
        #expect(try f.db.sql("SELECT count(*) FROM access_log WHERE person_ref = '\(person)' AND entry_id IS NULL") == "1")
        // The flags of an entry's persons come with the logged read of the persons (show).
        let e = try FactWriter(officer).entry(unit: "OSLO", text: "Trussel mot betjent", persons: [person])
        let detail = try EntryRepository(connection: kari).detail(ref: e.ref)
        #expect(detail.personFlags[person] == [.infoflyt])
        // The chain covers the change; lifting appends.
        #expect(try f.db.sql("SELECT ok FROM verify_chain('OSLO')") == "t")
        #expect(refusal(kari, "SELECT set_person_flag('K-2026-0800', 'OSLO', 'infoflyt', 'lift', 'Ute av INFOFLYT')") == nil)
        #expect(try StoreSession(connection: kari).personFlags.current(person: person, unit: nil) == [])
        #expect(try f.db.sql("SELECT string_agg(action, ',' ORDER BY id) FROM person_flags") == "set,lift")
    }

    // MARK: decisions — significance by type

    static func decision(entry: Int64, type: String, person: String = "NULL", significant: Bool = false, waiver: String? = nil,
                         assessment: Int64? = nil, version: String = "ksf-2006.2") -> SQLQuery {
        let w = waiver.map { "'\($0)'" } ?? "NULL"
        let j = significant ? "'Vurdert mot risikovurdering'" : "NULL"
        let a = assessment.map { "ARRAY[\($0)]::bigint[]" } ?? "'{}'"
        return SQLQuery(unsafeSQL: """
            INSERT INTO decisions (entry_id, unit_code, person_ref, text, public_safety_significant, justification, assessment_ids,
                rules_version, trace, decision_type, not_significant_reason)
            VALUES (\(entry), 'OSLO', \(person), 'Vedtak', \(significant), \(j), \(a), '\(version)', '[]', '\(type)', \(w)) RETURNING id
            """)
    }

    @Test func aDecisionOfASignificantTypeIsSignificantUnlessAReasonSaysWhyNot() throws {
        let f = try Fixture()
        let kari = try f.connect(f.kari)
        expectRefused(kari, Self.decision(entry: f.entry, type: "leave"), sqlState: "23514", hint: "decision_significance_required")
        #expect(refusal(kari, Self.decision(entry: f.entry, type: "leave", waiver: "Ledsaget dagpermisjon til begravelse")) == nil)
        #expect(refusal(kari, Self.decision(entry: f.entry, type: "visit")) == nil, "a visit is not significant by default")
        #expect(refusal(kari, Self.decision(entry: f.entry, type: "leave", version: "ksf-2006.1")) == nil, "ksf-2006.1 had no types")
        expectRefused(kari, Self.decision(entry: f.entry, type: "holiday"), sqlState: "23503")
        // A flagged person's leave is always significant: no reason suffices, a justified one passes.
        try FactWriter(kari).personFlag(person: "K-2026-0900", unit: "OSLO", flag: .forvaring, reason: "Dømt til forvaring")
        expectRefused(kari, Self.decision(entry: f.entry, type: "leave", person: "'K-2026-0900'", waiver: "Ledsaget"),
                      sqlState: "23514", hint: "decision_always_significant")
        expectRefused(kari, Self.decision(entry: f.entry, type: "transfer_lower", person: "'K-2026-0900'"),
                      sqlState: "23514", hint: "decision_always_significant")
        #expect(refusal(kari, Self.decision(entry: f.entry, type: "transfer_higher", person: "'K-2026-0900'")) == nil)
        let assessment = try f.assessment("K-2026-0900", at: "now()")
        #expect(refusal(kari, Self.decision(entry: f.entry, type: "leave", person: "'K-2026-0900'", significant: true,
                                            assessment: assessment)) == nil)
        // The Store applies the same rule before writing (reading the flags under a logged read).
        let ref = try f.db.sql("SELECT ref FROM entries WHERE id = \(f.entry)")
        let draft = DecisionDraft(text: "Permisjon", publicSafetySignificant: false, person: "K-2026-0900", decisionType: .leave,
                                  notSignificantReason: "Ledsaget")
        #expect(throws: StoreError.self) { try StoreSession(connection: kari).decisions.record(draft, on: ref) }
        let waived = DecisionDraft(text: "Permisjon", publicSafetySignificant: false, person: "K-2026-0901", decisionType: .leave,
                                   notSignificantReason: "Ledsaget dagpermisjon")
        #expect(try StoreSession(connection: kari).decisions.record(waived, on: ref) > 0)
    }
}
