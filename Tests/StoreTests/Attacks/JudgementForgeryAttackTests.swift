import Foundation
import Postgres
import Rules
import Store
import Testing
import VaktloggCore
import VaktloggTestSupport

/// Issue #8 holes 6 and 7: what the rules decide is the database's (sql/014). A login cannot store
/// a tier, priority, risk, deadline, police requirement, rule-set hash or reporting time the rules
/// would not give, cannot amend a judgement by itself, and a P1 stays P1 for closing.
@Suite("Attack: forged judgements")
struct JudgementForgeryAttackTests {
    struct Fixture {
        let db: VaktloggTestDatabase
        let ola: String, kari: String, anne: String, admin: String

        init() throws {
            db = try VaktloggTestDatabase.create(prefix: "judge", units: ["OSLO"])
            ola = try db.addUser("ola", role: "duty_officer", units: ["OSLO"])
            kari = try db.addUser("kari", role: "security_coordinator", units: ["OSLO"])
            anne = try db.addUser("anne", role: "security_coordinator", units: ["OSLO"])
            admin = try db.addUser("root", role: "admin", units: ["OSLO"])
        }

        func connect(_ user: String) throws -> Connection { try db.connect(user: user) }
    }

    /// An INSERT of an entry with the columns a client may send, plus `extra` columns/values.
    static func entryInsert(kind: String = "incident", category: String = "damage", interests: String = "{order}",
                            reportedAt: String = "now()", occurredAt: String = "now()", version: String = "'ksf-2006.1'",
                            hash: String = "(SELECT hash FROM rule_sets WHERE version = 'ksf-2006.1')",
                            threat: (source: String, criteria: String, infoflyt: String)? = nil,
                            extraColumns: String = "", extraValues: String = "") -> SQLQuery {
        let t = threat.map { (", threat_source, oc_criteria, infoflyt", ", '\($0.source)', \($0.criteria), \($0.infoflyt)") } ?? ("", "")
        return SQLQuery(unsafeSQL: """
            INSERT INTO entries (kind, category, unit_code, occurred_at, reported_at, domain, text, interests, probability,
                consequence, rules_version, rules_hash, trace, idempotency_key\(t.0)\(extraColumns))
            VALUES ('\(kind)', '\(category)', 'OSLO', \(occurredAt), \(reportedAt), 'correctional_security', 'x', '\(interests)',
                2, 3, \(version), \(hash), '[]', gen_random_uuid()\(t.1)\(extraValues))
            RETURNING id, tier, priority, risk_score, police_decision_required, deadlines::text AS deadlines
            """)
    }

    // MARK: hole 7 — entries

    @Test(arguments: [("tier", "4"), ("priority", "'P4'"), ("risk_score", "1"), ("police_decision_required", "false"),
                      ("deadlines", "'[{\"what\":\"p1_acknowledge\",\"due\":\"2099-01-01T00:00:00Z\"}]'")])
    func aClientCannotNameAJudgementColumn(column: String, value: String) throws {
        let f = try Fixture()
        let c = try f.connect(f.ola)
        expectRefused(c, Self.entryInsert(extraColumns: ", \(column)", extraValues: ", \(value)"), sqlState: "42501")
        // Positive control: the same entry without the column is stored, judged by the database.
        let row = try c.query(Self.entryInsert()).first!
        #expect(try row.decode(Int.self, "tier") == 4)
        #expect(try row.decode(String.self, "priority") == "P4")
        #expect(try row.decode(Int.self, "risk_score") == 6)
    }

    @Test func theRuleSetMustBeTheRegisteredOne() throws {
        let f = try Fixture()
        let c = try f.connect(f.ola)
        expectRefused(c, Self.entryInsert(hash: "'forged'"), sqlState: "23514", hint: "rules_hash_mismatch")
        expectRefused(c, Self.entryInsert(version: "'my-own-1'", hash: "'forged'"), sqlState: "23503", hint: "unknown_rule_set")
        // A login cannot register one, nor write the table.
        expectRefused(c, "SELECT admin_register_rule_set('{\"version\":\"x\"}')", sqlState: "42501", hint: "admin_required")
        expectRefused(c, "INSERT INTO rule_sets (version, hash, canonical, content) VALUES ('x', 'y', '{}', '{}')", sqlState: "42501")
        expectRefused(try f.db.connect(), "UPDATE rule_sets SET canonical = canonical", sqlState: "42501", hint: "append_only")
    }

    /// Every shipped set is registered with exactly Swift's content: ksf-2006.1 (old entries keep
    /// it) and ksf-2006.2 (the default for new entries), and their category rows match.
    @Test(arguments: RuleSet.shipped)
    func theShippedRuleSetsInTheDatabaseAreSwifts(set: RuleSet) throws {
        let f = try Fixture()
        let row = try f.db.connect().query("SELECT hash, canonical FROM rule_sets WHERE version = \(set.version)").first!
        #expect(try row.decode(String.self, "hash") == set.hash)
        #expect(try row.decode(String.self, "canonical") == set.canonicalJSON)
        #expect(try f.db.sql("SELECT count(*) FROM rule_sets") == String(RuleSet.shipped.count))
        let categories = set.categoryDefaults.incident.count + set.categoryDefaults.deviation.count
            + set.categoryDefaults.manipulation.count + set.categoryDefaults.threat.count
        let stored = try f.db.connect().query("SELECT count(*)::int AS n FROM rule_set_categories WHERE version = \(set.version)")
        #expect(try stored.first!.decode(Int.self, "n") == categories)
    }

    @Test(arguments: [
        ("now() - interval '8 days'", "now() - interval '8 days'", "23514", "reported_too_early"),
        ("'2001-01-01T00:00:00Z'", "'2001-01-01T00:00:00Z'", "23514", "reported_too_early"),
        ("now() + interval '1 hour'", "now()", "23514", "time_in_future"),
        ("now() - interval '1 day'", "now()", "23514", "occurred_after_reported"),
    ])
    func reportedAtIsBounded(reported: String, occurred: String, state: String, code: String) throws {
        let f = try Fixture()
        let c = try f.connect(f.ola)
        expectRefused(c, Self.entryInsert(reportedAt: reported, occurredAt: occurred), sqlState: state, hint: code)
        // Positive control: the spool's legitimate case, written offline six days ago.
        #expect(try c.query(Self.entryInsert(reportedAt: "now() - interval '6 days'", occurredAt: "now() - interval '6 days'")).count == 1)
    }

    @Test(arguments: [
        ("inmate", "'{1,2,3,4,5,11}'::smallint[]", "NULL", true),     // organised crime by the criteria
        ("inmate", "'{1,2,3,4,5,6}'::smallint[]", "NULL", false),     // six, but 11 (required) missing
        // Information *from* the police (ksf-2006.2, issue 14): no decision on informing them; INFOFLYT
        // is the reporter's statement about the subject or a flag on a person, never the source.
        ("police_infoflyt", "NULL", "NULL", false),
        ("inmate", "NULL", "true", true),                             // INFOFLYT subject
    ])
    func thePoliceRequirementIsTheRules(source: String, criteria: String, infoflyt: String, required: Bool) throws {
        let f = try Fixture()
        let c = try f.connect(f.ola)
        let row = try c.query(Self.entryInsert(kind: "threat", category: "organised_crime", interests: "{public_safety}",
                                               threat: (source, criteria, infoflyt))).first!
        #expect(try row.decode(Bool.self, "police_decision_required") == required)
        #expect(try row.decode(String.self, "deadlines").contains("police_decision") == required)
        #expect(try f.db.sql("SELECT police_decision_required FROM entry_state") == (required ? "t" : "f"))
        expectRefused(c, Self.entryInsert(kind: "threat", category: "organised_crime", interests: "{public_safety}",
                                          threat: (source, "'{1,1,3,5,11,2,4}'::smallint[]", infoflyt)),
                      sqlState: "23514", hint: "duplicate_criteria")
    }

    /// The database's deadlines are exactly the rules module's, for every kind (the write path's
    /// judgement is now the database's; this keeps the two implementations one).
    @Test(arguments: [EntryKind.incident, .deviation, .manipulation, .threat])
    func storedDeadlinesEqualTheRulesModule(kind: EntryKind) throws {
        let f = try Fixture()
        var d: EntryDraft
        switch kind {
        case .incident: d = EntryDraft(kind: .incident, category: "violence_staff", text: "Slag")
        case .deviation: d = EntryDraft(kind: .deviation, category: "door_lock", text: "Dør ulåst")
        case .manipulation:
            d = EntryDraft(kind: .manipulation, category: "private_probing", text: "Spurte om adresse")
            d.target = .reporter
            d.inWorkingHours = true
        case .threat:
            d = EntryDraft(kind: .threat, category: "violence_plan", text: "Plan om vold")
            d.source = .policeInfoflyt
        }
        d.unit = "OSLO"
        d.probability = 3
        d.consequence = 4
        let reported = Date().addingTimeInterval(-3600.25)
        d.reportedAt = reported
        d.occurredAt = reported
        let c = try f.connect(f.ola)
        let logged = try StoreSession(connection: c).entries.log(d)
        let judgement = try EntryJudgement(draft: d, reportedAt: reported, occurredAt: reported, engine: RulesEngine())
        let stored = try c.query("""
            SELECT deadlines = \(judgement.deadlinesJSON)::jsonb AS same, deadlines::text AS db, tier, priority, risk_score,
                   police_decision_required FROM entries WHERE id = \(logged.id)
            """).first!
        let db = try stored.decode(String.self, "db")
        #expect(try stored.decode(Bool.self, "same"), "db \(db) vs rules \(judgement.deadlinesJSON)")
        #expect(try stored.decode(String.self, "priority") == judgement.priority.rawValue)
        #expect(try stored.decode(Int.self, "risk_score") == judgement.risk.score)
        #expect(try stored.decode(Bool.self, "police_decision_required") == (judgement.police?.decisionRequired ?? false))
    }

    @Test func aRuleSetFileIsUsableOnceAnAdministratorRegistersIt() throws {
        let f = try Fixture()
        var custom = RuleSet.default
        custom.version = "ost-2026.1"
        custom.deadlines.deviationAcknowledgeHours = 12
        var d = EntryDraft(kind: .deviation, category: "door_lock", text: "Dør ulåst")
        d.unit = "OSLO"
        d.probability = 2
        d.consequence = 2
        let writer = StoreSession(connection: try f.connect(f.ola), engine: RulesEngine(ruleSet: custom)).entries
        #expect(throws: StoreError.self) { try writer.log(d) }
        #expect(try f.db.sql("SELECT count(*) FROM entries") == "0")
        // A duty officer cannot register it; an administrator can (through the Store, as the CLI would).
        #expect(throws: StoreError.self) { try Administration(connection: try f.connect(f.ola)).registerRuleSet(custom) }
        let admin = try f.connect(f.admin)
        #expect(try Administration(connection: admin).registerRuleSet(custom) == custom.hash)
        // Registering again is a no-op; other content under the same version is refused.
        #expect(try Administration(connection: admin).registerRuleSet(custom) == custom.hash)
        var other = custom
        other.deadlines.deviationAcknowledgeHours = 1
        expectRefused(admin, "SELECT admin_register_rule_set(\(other.canonicalJSON))", sqlState: "23514", hint: "rule_set_version_taken")
        let logged = try writer.log(d)
        #expect(try f.db.sql("""
            SELECT (ack_due - reported_at) BETWEEN interval '11 hours 59 minutes' AND interval '12 hours'
              FROM entry_state WHERE entry_id = \(logged.id)
            """) == "t")
    }

    // MARK: hole 6 — amendments and closing

    @Test func anAmendmentCannotSetTheJudgementAndTheDatabaseRecomputesIt() throws {
        let f = try Fixture()
        let c = try f.connect(f.ola)
        let e = try FactWriter(c).entry(unit: "OSLO")   // violence_staff: {life_health, security}, P1
        for (column, value) in [("tier", "4"), ("priority", "'P4'"), ("risk_score", "1")] {
            expectRefused(c, SQLQuery(unsafeSQL: """
                INSERT INTO amendments (entry_id, reason, changes, rules_version, trace, \(column))
                VALUES (\(e.id), 'r', '{"text":"ny"}', 'ksf-2006.1', '[]', \(value))
                """), sqlState: "42501")
        }
        // Text only: the judgement stays what the interests give.
        try FactWriter(c).amendment(entry: e.id)
        #expect(try f.db.sql("SELECT tier || priority || risk_score FROM entry_state") == "1P112")
        #expect(try f.db.sql("SELECT tier || priority || risk_score FROM amendments") == "1P112")
        // Probability and consequence amended: the score follows.
        try c.execute("""
            INSERT INTO amendments (entry_id, reason, changes, rules_version, trace)
            VALUES (\(e.id), 'r', '{"probability":1,"consequence":1}', 'ksf-2006.1', '[]')
            """)
        #expect(try f.db.sql("SELECT tier || priority || risk_score FROM entry_state") == "1P11")
        // The category's defaults cannot be amended away, nor bypassed by changing the category.
        expectRefused(c, "INSERT INTO amendments (entry_id, reason, changes, rules_version, trace) VALUES (\(e.id), 'r', '{\"interests\":[\"order\"]}', 'ksf-2006.1', '[]')",
                      sqlState: "23514", hint: "default_interests_removed")
        expectRefused(c, "INSERT INTO amendments (entry_id, reason, changes, rules_version, trace) VALUES (\(e.id), 'r', '{\"category\":\"self_harm\",\"interests\":[\"security\"]}', 'ksf-2006.1', '[]')",
                      sqlState: "23514", hint: "default_interests_removed")
        expectRefused(c, "INSERT INTO amendments (entry_id, reason, changes, rules_version, trace) VALUES (\(e.id), 'r', '{\"probability\":9}', 'ksf-2006.1', '[]')",
                      sqlState: "23514", hint: "out_of_range")
        // The reporter still cannot close their own P1.
        expectRefused(c, "INSERT INTO entry_events (entry_id, event) VALUES (\(e.id), 'close')", sqlState: "42501", hint: "p1_close_coordinator")
    }

    @Test func aP1AmendedDownStaysP1ForClosing() throws {
        let f = try Fixture()
        let kari = try f.connect(f.kari)
        // An 'other' incident whose reporter added life_health (no default): P1, downgradable.
        let id = try kari.query(Self.entryInsert(category: "other", interests: "{life_health}")).first!.decode(Int64.self, "id")
        try kari.execute("""
            INSERT INTO amendments (entry_id, reason, changes, rules_version, trace)
            VALUES (\(id), 'feilvurdert', '{"interests":["order"]}', 'ksf-2006.1', '[]')
            """)
        #expect(try f.db.sql("SELECT priority FROM entry_state") == "P4")
        // The reporter (a coordinator) may not close it, nor a duty officer.
        expectRefused(kari, "INSERT INTO entry_events (entry_id, event) VALUES (\(id), 'close')", sqlState: "42501", hint: "p1_close_by_reporter")
        expectRefused(try f.connect(f.ola), "INSERT INTO entry_events (entry_id, event) VALUES (\(id), 'close')", sqlState: "42501", hint: "p1_close_coordinator")
        // Positive control: another coordinator closes it.
        try f.connect(f.anne).execute("INSERT INTO entry_events (entry_id, event) VALUES (\(id), 'close')")
        #expect(try f.db.sql("SELECT status FROM entry_state") == "closed")
    }

    // MARK: hole 7 — lifecycle and assessments

    @Test func reopenTakesItsClosingDeadlineFromTheRules() throws {
        let f = try Fixture()
        let kari = try f.connect(f.kari)
        let id = try kari.query(Self.entryInsert(kind: "deviation", category: "door_lock", interests: "{security}")).first!.decode(Int64.self, "id")
        for sql: SQLQuery in [
            "INSERT INTO entry_events (entry_id, event) VALUES (\(id), 'acknowledge')",
            "INSERT INTO entry_events (entry_id, event, text) VALUES (\(id), 'treatment_started', 'årsak')",
            "INSERT INTO entry_events (entry_id, event, text, assignee, data) VALUES (\(id), 'measure_decided', 'nytt lås', \(f.kari), '{\"due\":\"2099-01-01\"}')",
            "INSERT INTO entry_events (entry_id, event, text) VALUES (\(id), 'close', 'virker')",
            "INSERT INTO entry_events (entry_id, event, text, data) VALUES (\(id), 'reopen', 'feil igjen', '{\"close_due\":\"2099-01-01T00:00:00Z\"}')",
        ] { try kari.execute(sql) }
        #expect(try f.db.sql("""
            SELECT close_due = date_trunc('second', (SELECT at FROM entry_events WHERE event = 'reopen')) + interval '30 days'
              FROM entry_state
            """) == "t")
    }

    @Test func aThreatAssessmentsBandIsTheRules() throws {
        let f = try Fixture()
        let kari = try f.connect(f.kari)
        let id = try kari.query(Self.entryInsert(kind: "threat", category: "cyber", interests: "{security}",
                                                 threat: ("inmate", "NULL", "NULL"))).first!.decode(Int64.self, "id")
        try kari.execute("""
            INSERT INTO entry_events (entry_id, event, data) VALUES (\(id), 'threat_assessed',
                '{"source_reliability":"B","info_credibility":2,"probability":5,"consequence":5,"risk_score":1,"band":"low"}')
            """)
        #expect(try f.db.sql("SELECT data->>'band' || ':' || (data->>'risk_score') FROM entry_events WHERE event = 'threat_assessed'") == "critical:25")
        #expect(try f.db.sql("SELECT risk_score FROM entry_state") == "25")
    }

    @Test func aRiskAssessmentsBandAndValidityAreTheRules() throws {
        let f = try Fixture()
        let kari = try f.connect(f.kari)
        func insert(band: String, validUntil: String) -> SQLQuery {
            SQLQuery(unsafeSQL: """
                INSERT INTO risk_assessments (person_ref, unit_code, probability, consequence, score, band, summary,
                                              valid_until, rules_version, trace)
                VALUES ('K-2026-0009', 'OSLO', 2, 3, 6, '\(band)', 'Rolig', \(validUntil), 'ksf-2006.1', '[]')
                """)
        }
        expectRefused(kari, insert(band: "critical", validUntil: "current_date + 90"), sqlState: "23514", hint: "band_mismatch")
        expectRefused(kari, insert(band: "moderate", validUntil: "'2099-01-01'"), sqlState: "23514", hint: "validity_out_of_range")
        expectRefused(kari, insert(band: "moderate", validUntil: "current_date - 1"), sqlState: "23514", hint: "validity_out_of_range")
        // Positive control.
        #expect(try kari.execute(insert(band: "moderate", validUntil: "current_date + 90")) == 1)
    }
}
