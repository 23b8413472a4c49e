import Foundation
import Postgres
import Testing
import VaktloggTestSupport

/// The catalogue of who may do what (issue #8, default deny): every function of the public schema
/// with the roles that may EXECUTE it, every table and column privilege a login has, and every
/// unique index of a fact table. A migration that widens access — a function left executable by
/// PUBLIC, a new grant, a new column a client may write — changes a line here and fails until the
/// expected list is updated on purpose. The database owner is left out (it owns everything).
///
/// When you add a function or a grant, add its line here and say in the migration why it is needed.
@Suite("Function and grant catalogue")
struct FunctionGrantCatalogueTests {
    /// `name(argument types) grantees` — `-` when only the owner may execute it.
    static let functions: [String] = [
        "access_log_prepare() -",
        "admin_add_region(text,text) vaktlogg_user",
        "admin_add_unit(text,text,text,text,smallint) vaktlogg_user",
        "admin_add_user(text,text,text[],text) vaktlogg_user",
        "admin_create_token(text,bytea,timestamp with time zone) vaktlogg_user",
        "admin_disable_user(text) vaktlogg_user",
        "admin_enable_user(text) vaktlogg_user",
        "admin_end_sessions(text) vaktlogg_user",
        "admin_list_tokens() vaktlogg_user",
        "admin_register_rule_set(text) vaktlogg_user",
        "admin_renew_channels() vaktlogg_user",
        "admin_revoke_token(bigint) vaktlogg_user",
        "admin_set_unit_deadline(text,text,integer,text) vaktlogg_user",
        "amendments_prepare() -",
        "amendments_project() -",
        "api_token_enter(bytea) vaktlogg_authenticator",
        "app_role() vaktlogg_user",
        "begin_request(bytea) vaktlogg_authenticator",
        "caller_is_admin() vaktlogg_user",
        "chain_append() -",
        "chain_canonical(jsonb) -",
        "chain_genesis(text) -",
        "chain_hash(bytea,text,jsonb) -",
        "chain_hash_at(text,bigint) vaktlogg_user",
        "chain_hash_visible(text,bigint) -",
        "chain_lock_head(text) -",
        "chain_seal_intact(jsonb) -",
        "current_app_user() vaktlogg_user,vaktlogg_authenticator",
        "deadline_of(jsonb,text) vaktlogg_user",
        "debriefing_required(bigint) -",
        "debriefings_prepare() -",
        "decisions_prepare() -",
        "entries_fold_source_ref() -",
        "entries_prepare() -",
        "entries_project() -",
        "entry_events_check() -",
        "entry_events_due_not_past() -",
        "entry_events_project() -",
        "entry_delivery_count(bigint) vaktlogg_user",
        "entry_measure_persons(bigint,bigint) vaktlogg_user",
        "entry_of_delivery(uuid) vaktlogg_user",
        "entry_person_flags(bigint,bigint) vaktlogg_user",
        "entry_persons_of(bigint) vaktlogg_user",
        "entry_persons_of(bigint,bigint) vaktlogg_user",
        "entry_persons_police() -",
        "entry_persons_prepare() -",
        "entry_reporter(bigint) vaktlogg_user",
        "entry_reporter(bigint,bigint) vaktlogg_user",
        "entry_row_hash(bigint) vaktlogg_user",
        "entry_was_p1(bigint) -",
        "escalate_overdue(timestamp with time zone) vaktlogg_user",
        "fact_time(timestamp with time zone) -",
        "facts_notify() -",
        "is_coordinator_of(text) -",
        "last_p1_incident_of(text,timestamp with time zone) vaktlogg_user",
        "latest_assessment_of(text) vaktlogg_user",
        "legacy_sealed_hidden(text,bigint) vaktlogg_user",
        "logged_read_committed(bigint,bigint,text) -",
        "make_fact_table(regclass) -",
        "measure_review_period(text,smallint) -",
        "measure_reviews_prepare() -",
        "measures_prepare() -",
        "measures_set_review_due() -",
        "my_channels() vaktlogg_user",
        "new_channel_name() -",
        "next_due(entry_state) vaktlogg_user",
        "notify_change(text,bigint,bigint,text) -",
        "person_flags_of(text,bigint) vaktlogg_user",
        "person_last_p1_date(text,timestamp with time zone) -",
        "refuse(text,text,text) -",
        "refuse_change() -",
        "refuse_unlogged_read() -",
        "register_person() -",
        "request_person_read(text,text) vaktlogg_user",
        "request_read(bigint,text) vaktlogg_user",
        "risk_assessments_prepare() -",
        "rules_band(jsonb,integer) -",
        "rules_content(text) -",
        "rules_deadlines(jsonb,text,smallint,timestamp with time zone,boolean,integer) -",
        "schema_version() vaktlogg_user,vaktlogg_authenticator",
        "source_ref_fold_minutes(text) -",
        "seal_identity() -",
        "sealed_commitment_of(bytea,text) -",
        "sealed_visible_to_caller(bigint) -",
        "session_is_superuser() -",
        "set_person_flag(text,text,text,text,text) vaktlogg_user",
        "shift_log_prepare() -",
        "sik_breakdown(text[],timestamp with time zone,timestamp with time zone) vaktlogg_user",
        "sik_check_scope(text[]) vaktlogg_user",
        "sik_follow_up_metrics(text[],timestamp with time zone,timestamp with time zone) vaktlogg_user",
        "sik_main_rule_departures(text[],timestamp with time zone,timestamp with time zone) vaktlogg_user",
        "sik_metrics(text[],timestamp with time zone,timestamp with time zone) vaktlogg_user",
        "sik_overdue_deviations(text[],timestamp with time zone) vaktlogg_user",
        "sik_reporter_roles(text[],timestamp with time zone,timestamp with time zone) vaktlogg_user",
        "unit_assessments_prepare() -",
        "unit_deadlines(text,text) vaktlogg_user",
        "unit_deadlines_applied(text,jsonb) -",
        "unit_measures_prepare() -",
        "units_channel() -",
        "usable_assessment(bigint,text) -",
        "verify_chain(text) vaktlogg_user",
        "visible_entry_unit(bigint) -",
        "visible_units() vaktlogg_user",
        "writable_units() vaktlogg_user",
    ]

    /// `table privilege grantee`, or `table(columns) privilege grantee` for column grants.
    static let tablePrivileges: [String] = [
        "access_log(id,unit_code,actor,at,action,entry_id,person_ref,chain_seq,read_xact) SELECT vaktlogg_user",
        "amendable_fields SELECT vaktlogg_user",
        "amendments(entry_id,at,reason,changes,rules_version,trace) INSERT vaktlogg_user",
        "amendments(id,entry_id,unit_code,actor,at,reason,changes,tier,priority,risk_score,rules_version,trace,chain_seq) SELECT vaktlogg_user",
        "app_users(name,role,home_unit,full_name,created_at,disabled_at) SELECT vaktlogg_user",
        "categories SELECT vaktlogg_user",
        "debriefing_follow_up SELECT vaktlogg_user",
        "debriefings(entry_id,step,at,note) INSERT vaktlogg_user",
        "debriefings(id,entry_id,unit_code,step,at,actor,note,chain_seq) SELECT vaktlogg_user",
        "decision_types SELECT vaktlogg_user",
        "decisions(entry_id,unit_code,person_ref,text,public_safety_significant,justification,assessment_ids,decided_at,rules_version,trace,decision_type,not_significant_reason) INSERT vaktlogg_user",
        "decisions(id,entry_id,unit_code,text,public_safety_significant,justification,assessment_ids,decided_by,decided_at,rules_version,trace,chain_seq,decision_type,not_significant_reason) SELECT vaktlogg_user",
        "entries(id,ref,kind,category,unit_code,occurred_at,reported_at,recorded_at,domain,text,interests,probability,consequence,risk_score,tier,priority,target,in_working_hours,threat_source,source_reliability,info_credibility,oc_criteria,infoflyt,police_decision_required,rules_version,rules_hash,trace,deadlines,idempotency_key,chain_seq,source_ref) SELECT vaktlogg_user",
        "entries(kind,category,unit_code,occurred_at,reported_at,domain,text,interests,probability,consequence,target,in_working_hours,threat_source,source_reliability,info_credibility,oc_criteria,infoflyt,rules_version,rules_hash,trace,idempotency_key,source_ref) INSERT vaktlogg_user",
        "entry_events(entry_id,event,at,assignee,text,data,rules_version,trace) INSERT vaktlogg_user",
        "entry_events(id,entry_id,unit_code,event,actor,at,assignee,text,data,rules_version,trace,chain_seq) SELECT vaktlogg_user",
        "entry_kinds SELECT vaktlogg_user",
        "entry_persons(entry_id,person_ref,role) INSERT vaktlogg_user",
        "entry_state SELECT vaktlogg_user",
        "event_roles SELECT vaktlogg_user",
        "event_types SELECT vaktlogg_user",
        "fact_tables SELECT vaktlogg_user",
        "follow_up_due SELECT vaktlogg_user",
        "follow_up_escalations(id,unit_code,subject,subject_id,entry_id,due,actor,at,chain_seq) SELECT vaktlogg_user",
        "interests SELECT vaktlogg_user",
        "measure_follow_up SELECT vaktlogg_user",
        "measure_reviews(id,measure_id,unit_measure_id,entry_id,unit_code,action,reason,actor,at,next_review_due,chain_seq) SELECT vaktlogg_user",
        "measure_reviews(measure_id,unit_measure_id,action,reason,at) INSERT vaktlogg_user",
        "measures(entry_id,unit_code,person_ref,type,description,purpose,burdens,restrictiveness,ground,justification,rehabilitation_note,assessment_id,outcome,violations,decided_at,rules_version,trace) INSERT vaktlogg_user",
        "measures(id,entry_id,unit_code,type,description,purpose,burdens,restrictiveness,ground,justification,rehabilitation_note,assessment_id,outcome,violations,decided_by,decided_at,rules_version,trace,chain_seq,review_due) SELECT vaktlogg_user",
        "person_flag_codes SELECT vaktlogg_user",
        "regions SELECT vaktlogg_user",
        "risk_assessments(id,unit_code,probability,consequence,score,band,summary,assessor,assessed_at,valid_until,rules_version,trace,chain_seq) SELECT vaktlogg_user",
        "risk_assessments(person_ref,unit_code,probability,consequence,score,band,summary,assessed_at,valid_until,rules_version,trace) INSERT vaktlogg_user",
        "rule_set_categories SELECT vaktlogg_user",
        "rule_sets SELECT vaktlogg_user",
        "shift_log(id,unit_code,event,actor,at,text,summary,handover_id,chain_seq) SELECT vaktlogg_user",
        "shift_log(unit_code,event,at,text,summary,handover_id) INSERT vaktlogg_user",
        "unit_assessments(id,unit_code,probability,consequence,score,band,summary,staffing,equipment,building,assessor,assessed_at,valid_until,rules_version,chain_seq) SELECT vaktlogg_user",
        "unit_assessments(unit_code,probability,consequence,summary,staffing,equipment,building,assessed_at,valid_until,rules_version) INSERT vaktlogg_user",
        "unit_deadline_overrides SELECT vaktlogg_user",
        "unit_measures(id,unit_code,type,purpose,text,justification,starts_at,ends_at,decided_by,decided_at,chain_seq) SELECT vaktlogg_user",
        "unit_measures(unit_code,type,purpose,text,justification,starts_at,ends_at,decided_at) INSERT vaktlogg_user",
        "units SELECT vaktlogg_user",
        "user_units SELECT vaktlogg_user",
    ]

    /// Unique indexes of fact tables. A unique index is a way for a concurrent insert to be dropped
    /// by ON CONFLICT after its BEFORE triggers have run: each needs a probe after the head lock in
    /// chain_append() (sql/013), or the chain head can run ahead of the rows. The primary keys
    /// (identity columns no login may write), the `_chain` indexes (assigned under the head lock)
    /// and entries_ref_key (numbered under the head lock) are safe by construction.
    static let factUniqueIndexes: [String] = [
        "access_log_chain",
        "access_log_pkey",
        "amendments_chain",
        "amendments_pkey",
        "debriefings_chain",
        "debriefings_pkey",
        "decisions_chain",
        "decisions_pkey",
        "entries_chain",
        "entries_idempotency_key_key",
        "entries_pkey",
        "entries_ref_key",
        "entry_events_chain",
        "entry_events_pkey",
        "entry_persons_chain",
        "entry_persons_entry_id_person_ref_role_key",
        "entry_persons_pkey",
        "follow_up_escalations_chain",
        "follow_up_escalations_pkey",
        "measure_reviews_chain",
        "measure_reviews_pkey",
        "measures_chain",
        "measures_pkey",
        "person_flags_chain",
        "person_flags_pkey",
        "risk_assessments_chain",
        "risk_assessments_pkey",
        "shift_log_accept_once",
        "shift_log_chain",
        "shift_log_pkey",
        "unit_assessments_chain",
        "unit_assessments_pkey",
        "unit_measures_chain",
        "unit_measures_pkey",
    ]

    @Test func everyFunctionHasExactlyTheExpectedGrantees() throws {
        let db = try VaktloggTestDatabase.create(prefix: "cat")
        let rows = try db.connect().query("""
            SELECT p.oid::regprocedure::text || ' ' || coalesce((
                   SELECT string_agg(CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END, ',' ORDER BY 1)
                     FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                    WHERE a.privilege_type = 'EXECUTE' AND a.grantee <> p.proowner), '-') AS line
              FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1
            """).rows.map { try $0.decode(String.self, "line") }
        #expect(rows.filter { !Self.functions.contains($0) } == [], "new or widened")
        #expect(Self.functions.filter { !rows.contains($0) } == [], "gone or narrowed")
        // The principle itself, independent of the list: nothing is executable by PUBLIC.
        #expect(rows.filter { $0.hasSuffix(" PUBLIC") || $0.contains("PUBLIC,") || $0.contains(",PUBLIC") } == [])
    }

    @Test func everyTableAndColumnPrivilegeIsExpected() throws {
        let db = try VaktloggTestDatabase.create(prefix: "cat")
        let rows = try db.connect().query("""
            SELECT x FROM (
              SELECT c.relname || ' ' || a.privilege_type || ' '
                     || CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END AS x
                FROM pg_class c, aclexplode(c.relacl) a
               WHERE c.relnamespace = 'public'::regnamespace AND a.grantee <> c.relowner
              UNION ALL
              SELECT c.relname || '(' || string_agg(att.attname, ',' ORDER BY att.attnum) || ') ' || a.privilege_type || ' '
                     || CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END
                FROM pg_class c JOIN pg_attribute att ON att.attrelid = c.oid AND att.attnum > 0 AND NOT att.attisdropped,
                     aclexplode(att.attacl) a
               WHERE c.relnamespace = 'public'::regnamespace AND a.grantee <> c.relowner
               GROUP BY c.relname, a.privilege_type, a.grantee
            ) s ORDER BY 1
            """).rows.map { try $0.decode(String.self, "x") }
        #expect(rows.filter { !Self.tablePrivileges.contains($0) } == [], "new or widened")
        #expect(Self.tablePrivileges.filter { !rows.contains($0) } == [], "gone or narrowed")
    }

    @Test func everyUniqueIndexOfAFactTableIsKnownToTheChainProbe() throws {
        let db = try VaktloggTestDatabase.create(prefix: "cat")
        let rows = try db.connect().query("""
            SELECT i.indexrelid::regclass::text AS name FROM pg_index i JOIN fact_tables f ON i.indrelid = f.name::regclass
             WHERE i.indisunique ORDER BY 1
            """).rows.map { try $0.decode(String.self, "name") }
        #expect(rows == Self.factUniqueIndexes)
    }
}
