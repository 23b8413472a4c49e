import Foundation
import Postgres
import Testing
import VaktloggTestSupport

/// Every CHECK constraint of the fact tables, reached by raw SQL on a security coordinator's own
/// login: one row per constraint, by name. Where a trigger applies the same rule first, or the
/// column is derived and not insertable by the role, the row says so and asserts that refusal
/// instead — so "every CHECK is covered" is a statement about each of them. `everyCheckIsListed`
/// reads pg_constraint and fails for a CHECK that has no row here.
@Suite("Every CHECK constraint of the fact tables, by raw SQL")
struct CheckConstraintCatalogueTests {
    static let tables = ["entries", "entry_events", "amendments", "shift_log", "measures", "decisions", "risk_assessments",
                         "unit_measures", "measure_reviews", "unit_assessments", "debriefings"]
    /// Fact tables no login may insert into at all (written by a SECURITY DEFINER function only).
    static let functionWrittenTables = ["follow_up_escalations"]

    enum Outcome: Sendable {
        /// The CHECK itself refuses: SQLSTATE 23514 naming the constraint.
        case check
        /// A trigger applies the same rule before the CHECK: 23514 (or the given SQLSTATE) with this hint.
        case guardedBy(String, state: String = "23514")
        /// The column is derived by a trigger and the role may not write it: 42501.
        case notInsertable
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let table: String
        let constraint: String
        let values: [String: String]
        let outcome: Outcome
        var testDescription: String { constraint }
        init(_ table: String, _ constraint: String, _ values: [String: String], _ outcome: Outcome = .check) {
            self.table = table; self.constraint = constraint; self.values = values; self.outcome = outcome
        }
    }

    static let threat = ["kind": "'threat'", "category": "'escape_plan'", "interests": "'{public_safety,security}'",
                         "threat_source": "'staff'"]
    static func threat(_ extra: [String: String]) -> [String: String] { threat.merging(extra) { $1 } }

    /// One row per CHECK. The values are SQL literals, this file's constants.
    static let cases: [Case] = [
        Case("entries", "entries_check", ["risk_score": "7"], .notInsertable),
        Case("entries", "entries_check1", ["priority": "'P3'"], .notInsertable),
        Case("entries", "entries_check2", ["kind": "'manipulation'", "category": "'gifts_favours'", "interests": "'{security}'"]),
        Case("entries", "entries_check3", ["threat_source": "'staff'"]),
        Case("entries", "entries_check4", ["source_reliability": "'A'"]),
        Case("entries", "entries_check5", ["reported_at": "now() - interval '1 hour'"], .guardedBy("vaktlogg:occurred_after_reported")),
        Case("entries", "entries_consequence_check", ["consequence": "6"]),
        Case("entries", "entries_deadlines_check", ["deadlines": "'{}'"], .notInsertable),
        Case("entries", "entries_domain_check", ["domain": "'space'"]),
        Case("entries", "entries_info_credibility_check", threat(["info_credibility": "7"])),
        Case("entries", "entries_interests_check", ["interests": "'{}'"], .guardedBy("vaktlogg:default_interests_removed")),
        Case("entries", "entries_oc_criteria_check", threat(["oc_criteria": "'{12}'"])),
        Case("entries", "entries_probability_check", ["probability": "0"]),
        Case("entries", "entries_rules_version_check", ["rules_version": "' '"], .guardedBy("vaktlogg:unknown_rule_set", state: "23503")),
        Case("entries", "entries_sealed_identity", ["sealed_by": "'ola'"], .notInsertable),
        Case("entries", "entries_source_ref_form", ["source_ref": "'ALARM\t7'"]),
        Case("entries", "entries_source_reliability_check", threat(["source_reliability": "'Z'"])),
        Case("entries", "entries_target_check", ["kind": "'manipulation'", "category": "'gifts_favours'", "interests": "'{security}'",
                                                 "target": "'enemy'", "in_working_hours": "true"]),
        Case("entries", "entries_text_check", ["text": "'  '"]),
        Case("entries", "entries_threat_source_check", threat(["threat_source": "'rumour'"])),
        Case("entries", "entries_tier_check", ["tier": "5"], .notInsertable),
        Case("entries", "entries_trace_check", ["trace": "'{}'"]),
        Case("entry_events", "entry_events_data_check", ["data": "'[]'"]),
        Case("entry_events", "entry_events_sealed_identity", ["sealed_by": "'kari'"], .notInsertable),
        Case("entry_events", "entry_events_text_check", ["text": "' '"]),
        Case("amendments", "amendments_changes_check", ["changes": "'{}'"]),
        Case("amendments", "amendments_changes_check1", ["changes": #"'{"unit_code": "ILA"}'"#], .guardedBy("vaktlogg:field_not_amendable")),
        Case("amendments", "amendments_check", ["priority": "'P3'"], .notInsertable),
        Case("amendments", "amendments_reason_check", ["reason": "' '"]),
        Case("amendments", "amendments_risk_score_check", ["risk_score": "26"], .notInsertable),
        Case("amendments", "amendments_sealed_identity", ["sealed_by": "'kari'"], .notInsertable),
        Case("amendments", "amendments_tier_check", ["tier": "5"], .notInsertable),
        Case("shift_log", "shift_log_check", ["text": "NULL"]),
        Case("shift_log", "shift_log_check1", ["event": "'handover'", "text": "NULL"]),
        Case("shift_log", "shift_log_check2", ["event": "'start'", "text": "NULL", "handover_id": "1"]),
        Case("shift_log", "shift_log_event_check", ["event": "'party'"]),
        Case("shift_log", "shift_log_text_check", ["text": "' '"]),
        Case("measures", "measures_check", ["outcome": "'justified'"]),
        Case("measures", "measures_check1", ["type": "'communication_restriction'", "ground": "'practical'"]),
        Case("measures", "measures_check2", ["burdens": "'{rehabilitation}'"]),
        Case("measures", "measures_check3", ["type": "'search'", "restrictiveness": "2"], .guardedBy("vaktlogg:proportionality_assessment")),
        Case("measures", "measures_communication_ground_required", ["type": "'communication_restriction'"]),
        Case("measures", "measures_description_check", ["description": "' '"]),
        Case("measures", "measures_ground_check", ["ground": "'whim'"]),
        Case("measures", "measures_ground_only_communication", ["ground": "'security'"]),
        Case("measures", "measures_justification_check", ["justification": "' '"]),
        Case("measures", "measures_outcome_check", ["outcome": "'maybe'"]),
        Case("measures", "measures_rehabilitation_note_check", ["rehabilitation_note": "' '"]),
        Case("measures", "measures_restrictiveness_check", ["type": "'search'", "restrictiveness": "5", "person_ref": "'K-2026-0001'",
                                                            "assessment_id": "(SELECT max(id) FROM risk_assessments)"],
             .guardedBy("vaktlogg:proportionality_level")),
        Case("measures", "measures_sealed_identity", ["sealed_by": "'kari'"], .notInsertable),
        Case("measures", "measures_type_check", ["type": "'waterboarding'"]),
        Case("decisions", "decisions_justification_check", ["justification": "' '"]),
        Case("decisions", "decisions_not_significant_reason_check", ["decision_type": "'leave'", "not_significant_reason": "' '"]),
        Case("decisions", "decisions_public_safety_justified", ["public_safety_significant": "true", "justification": "'Rømningsfare'"]),
        Case("decisions", "decisions_sealed_identity", ["sealed_by": "'kari'"], .notInsertable),
        Case("decisions", "decisions_text_check", ["text": "'  '"]),
        Case("decisions", "decisions_waiver_only_when_not_significant",
             ["public_safety_significant": "true", "justification": "'Rømningsfare'", "not_significant_reason": "'Ikke relevant'",
              "assessment_ids": "ARRAY[(SELECT max(id) FROM risk_assessments)]::bigint[]"]),
        Case("risk_assessments", "risk_assessments_band_check", ["band": "'apocalyptic'"], .guardedBy("vaktlogg:band_mismatch")),
        Case("risk_assessments", "risk_assessments_check", ["score": "7"]),
        Case("risk_assessments", "risk_assessments_consequence_check", ["consequence": "6", "score": "12", "band": "'high'"]),
        Case("risk_assessments", "risk_assessments_probability_check", ["probability": "6", "score": "18", "band": "'critical'"]),
        Case("risk_assessments", "risk_assessments_summary_check", ["summary": "' '"]),
        // sql/030–033: measures over time, unit assessments, debriefings, follow-up escalations.
        Case("unit_measures", "unit_measures_type_check", ["type": "'lockdown'"]),
        Case("unit_measures", "unit_measures_text_check", ["text": "' '"]),
        Case("unit_measures", "unit_measures_justification_check", ["justification": "' '"]),
        Case("unit_measures", "unit_measures_ends_after_start", ["starts_at": "now() + interval '3 days'"]),
        Case("measure_reviews", "measure_reviews_action_check", ["action": "'approve'"]),
        Case("measure_reviews", "measure_reviews_reason_check", ["reason": "' '"]),
        Case("measure_reviews", "measure_reviews_lift_reason", ["action": "'lift'"]),
        Case("measure_reviews", "measure_reviews_one_measure", ["measure_id": "(SELECT max(id) FROM measures)"],
             .guardedBy("vaktlogg:one_measure")),
        Case("measure_reviews", "measure_reviews_sealed_identity", ["sealed_by": "'kari'"], .notInsertable),
        Case("unit_assessments", "unit_assessments_probability_check", ["probability": "6"]),
        Case("unit_assessments", "unit_assessments_consequence_check", ["consequence": "0"]),
        Case("unit_assessments", "unit_assessments_summary_check", ["summary": "' '"]),
        Case("unit_assessments", "unit_assessments_staffing_check", ["staffing": "' '"]),
        Case("unit_assessments", "unit_assessments_equipment_check", ["equipment": "' '"]),
        Case("unit_assessments", "unit_assessments_building_check", ["building": "' '"]),
        Case("debriefings", "debriefings_step_check", ["step": "'forgotten'"]),
        // held after the positive control's offer, so that the order rules pass and the CHECK decides
        Case("debriefings", "debriefings_note_check", ["step": "'held'", "note": "' '"]),
        Case("follow_up_escalations", "follow_up_escalations_subject_check", ["subject": "'whatever'"], .notInsertable),
    ]

    struct World {
        let db: VaktloggTestDatabase
        let coordinator: Connection
        let base: [String: [String: String]]

        init() throws {
            db = try VaktloggTestDatabase.create(prefix: "ckcat", units: ["OSLO"])
            let officer = try db.addUser("ola", role: "duty_officer", units: ["OSLO"])
            let name = try db.addUser("kari", role: "security_coordinator", units: ["OSLO"])
            let entry = try FactWriter(try db.connect(user: officer)).entry(unit: "OSLO", persons: ["K-2026-0001"]).id
            coordinator = try db.connect(user: name)
            let hash = try db.sql("SELECT hash FROM rule_sets WHERE version = 'ksf-2006.1'")
            let rules = ["rules_version": "'ksf-2006.1'", "trace": "'[]'"]
            base = [
                "entries": rules.merging(["kind": "'incident'", "category": "'fire'", "unit_code": "'OSLO'", "text": "'Brann'",
                                          "probability": "2", "consequence": "3", "rules_hash": "'\(hash)'",
                                          "occurred_at": "now()", "reported_at": "now()", "interests": "'{life_health}'",
                                          "domain": "'correctional_security'", "idempotency_key": "gen_random_uuid()"]) { $1 },
                "entry_events": ["entry_id": "\(entry)", "event": "'comment'", "text": "'Notat'", "data": "'{}'"],
                "amendments": rules.merging(["entry_id": "\(entry)", "reason": "'feil'", "changes": #"'{"text": "Ny tekst"}'"#]) { $1 },
                "shift_log": ["unit_code": "'OSLO'", "event": "'note'", "text": "'Rolig natt'"],
                "risk_assessments": rules.merging(["person_ref": "'K-2026-0001'", "unit_code": "'OSLO'", "probability": "2",
                                                   "consequence": "3", "score": "6", "band": "'moderate'", "summary": "'Rolig'",
                                                   "valid_until": "current_date + 90"]) { $1 },
                "measures": rules.merging(["entry_id": "\(entry)", "unit_code": "'OSLO'", "type": "'extra_control'",
                                           "purpose": "'security'", "burdens": "'{}'", "restrictiveness": "1",
                                           "outcome": "'allowed'"]) { $1 },
                "decisions": rules.merging(["entry_id": "\(entry)", "unit_code": "'OSLO'", "text": "'Økt bemanning'",
                                            "public_safety_significant": "false"]) { $1 },
                "unit_measures": ["unit_code": "'OSLO'", "type": "'search'", "purpose": "'security'", "text": "'Visitasjon'",
                                  "justification": "'Funn av våpen i to avdelinger'", "ends_at": "now() + interval '2 days'"],
                "measure_reviews": ["unit_measure_id": "(SELECT max(id) FROM unit_measures)", "action": "'review'"],
                "unit_assessments": ["unit_code": "'OSLO'", "probability": "2", "consequence": "3",
                                     "summary": "'Bemanning under minimum på natt'", "rules_version": "'ksf-2006.1'"],
                "debriefings": ["entry_id": "\(entry)", "step": "'offered'"],
            ]
        }

        /// The table's valid row with `values` replacing columns ("NULL" leaves a column out).
        func insert(_ table: String, _ values: [String: String]) -> PostgresError? {
            var row = base[table] ?? [:]
            for (k, v) in values { if v == "NULL" { row[k] = nil } else { row[k] = v } }
            return coordinator.rawInsert(table, row)
        }
    }

    @Test func eachCheckRefusesAndTheValidRowIsAccepted() throws {
        let w = try World()
        var before: [String: Int] = [:]
        for t in Self.tables { before[t] = Int(try w.db.sql("SELECT count(*) FROM \(t)")) }
        // Positive controls: each table's valid row (risk_assessments before measures: the
        // restrictive case rests on it).
        for t in Self.tables { #expect(w.insert(t, [:]) == nil, "positive control: a valid \(t) row") }
        // The valid manipulation and threat variants the entries cases start from.
        #expect(w.insert("entries", Self.threat) == nil, "positive control: a valid threat")
        #expect(w.insert("entries", ["kind": "'manipulation'", "category": "'gifts_favours'", "interests": "'{security}'",
                                     "target": "'self'", "in_working_hours": "true"]) == nil, "positive control: a valid manipulation")
        #expect(Self.cases.count == 80)
        for c in Self.cases {
            let error = w.insert(c.table, c.values)
            switch c.outcome {
            case .check:
                #expect(error?.sqlState == "23514" && error?.constraint == c.constraint,
                        "\(c.constraint): \(String(describing: error))")
            case .guardedBy(let hint, let state):
                #expect(error?.sqlState == state && error?.hint == hint, "\(c.constraint): \(String(describing: error))")
            case .notInsertable:
                #expect(error?.sqlState == "42501", "\(c.constraint): \(String(describing: error))")
            }
        }
        // Nothing refused was stored: exactly the controls (two more entries: threat, manipulation).
        for t in Self.tables {
            let after = Int(try w.db.sql("SELECT count(*) FROM \(t)"))
            #expect(after == (before[t] ?? -1) + (t == "entries" ? 3 : 1), "\(t): \(String(describing: after))")
        }
    }

    /// A new CHECK on a fact table without a row in `cases` fails here.
    @Test func everyCheckIsListed() throws {
        let db = try VaktloggTestDatabase.create(prefix: "ckcat")
        let list = (Self.tables + Self.functionWrittenTables).map { "'\($0)'" }.joined(separator: ",")
        let installed = try db.sql("""
            SELECT string_agg(conname, ' ' ORDER BY conname) FROM pg_constraint
             WHERE contype = 'c' AND conrelid::regclass::text IN (\(list))
            """).split(separator: " ").map(String.init)
        #expect(installed.count >= 50, "read pg_constraint: \(installed)")
        let listed = Set(Self.cases.map(\.constraint))
        #expect(listed.count == Self.cases.count, "one row per constraint")
        #expect(Set(installed).subtracting(listed).sorted() == [], "CHECKs with no raw-SQL case")
        #expect(listed.subtracting(installed).sorted() == [], "cases for CHECKs that no longer exist")
    }
}
