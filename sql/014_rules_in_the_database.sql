-- Vaktlogg schema, part 14: the rules' judgement is the database's, and a refusal says nothing about
-- rows the caller cannot see (issue #8, holes 6, 7 and 10).
--
-- Principle 1 — what the rules decide is decided (or checked) where it cannot be bypassed. A client
-- chose tier, priority, risk score, deadlines, the police-decision requirement and the rule-set
-- hash, and the database stored them; a P1 amended to "P4" by its own reporter could be closed by
-- them. The rule sets entries are judged by now live here (rule_sets: version, SHA-256 of the
-- canonical JSON, content), written by this migration with the shipped set `ksf-2006.1` (a test
-- keeps its hash equal to Swift's RuleSet.default.hash) and by administrators through
-- admin_register_rule_set() for a `--rules FILE` set: an entry may only be judged by a set the
-- database knows, and the client's rules_hash must equal the registered one. From that set and the
-- row the triggers COMPUTE tier, priority, risk score, deadlines and police_decision_required of
-- entries and tier, priority and risk score of amendments; the client may no longer name those
-- columns (their INSERT grants are revoked, so trying is "permission denied"). They CHECK what a
-- client still sends: a risk assessment's band and validity, a threat assessment's band. Reopening
-- a deviation takes its new closing deadline from the entry's rule set, not from the client. The
-- trace stays the client's account of how it judged; the columns are what counts.
--
-- Principle 2 — time of reporting is bounded. reported_at is the client's (the offline spool
-- delivers entries later with the time they were written), so it is bounded: not in the future
-- (5 minutes of clock skew), not before occurred_at (same tolerance), and not more than 7 days
-- before the database stores it — a spool file older than that is refused, not silently dated
-- into an earlier report period. The demo seeder's backdating (maintenance.backdating, owner only,
-- inside its transaction) is the one exception.
--
-- Principle 3 — P1 once, P1 for closing. The four-eyes rule for closing a P1 (a security
-- coordinator who is not its reporter) applies to every entry that was P1 at any point: when it
-- was logged or after any amendment. Otherwise a reporter could amend the interests down (an
-- added interest is not a category default and may be removed) and close their own entry; the
-- cost — a coordinator closes an entry that is no longer P1 — is small and visible.
--
-- Principle 4 — scope first. Every trigger that takes an entry, assessment or handover id first
-- establishes that the caller can see it, with one refusal for "does not exist" and "not yours"
-- (vaktlogg:unknown_entry, vaktlogg:unknown_assessment, vaktlogg:unknown_handover); only then do
-- checks run that describe the row (kind, status, person, band). A measure or decision rests only
-- on assessments of its own unit.

-- ---------------------------------------------------------------------------------------------
-- Rule sets
-- ---------------------------------------------------------------------------------------------

CREATE TABLE rule_sets (
    version text PRIMARY KEY CHECK (btrim(version) <> ''),
    -- SHA-256 (hex) of `canonical`, the JSON text exactly as the rules module hashes it
    hash text NOT NULL UNIQUE,
    canonical text NOT NULL,
    content jsonb NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now(),
    registered_by text NOT NULL DEFAULT session_user,
    CHECK (hash = encode(sha256(convert_to(canonical, 'UTF8')), 'hex')),
    CHECK (content = canonical::jsonb),
    -- The parts every entry is judged with, kept apart from the (TOASTed) content so that the
    -- write path reads a few hundred bytes, not the whole set.
    deadlines jsonb GENERATED ALWAYS AS (content -> 'deadlines') STORED,
    organised_crime jsonb GENERATED ALWAYS AS (content -> 'organised_crime') STORED,
    CHECK (content ->> 'version' = version)
);
-- The category defaults of each set, one row per category, for the same reason.
CREATE TABLE rule_set_categories (
    version text NOT NULL REFERENCES rule_sets (version),
    kind text NOT NULL,
    code text NOT NULL,
    default_interests text[] NOT NULL,
    PRIMARY KEY (version, kind, code)
);
-- A rule set entries were judged by is never changed or removed: a new content is a new version.
CREATE TRIGGER zz_append_only BEFORE UPDATE OR DELETE ON rule_sets FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER zz_no_truncate BEFORE TRUNCATE ON rule_sets FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER zz_append_only BEFORE UPDATE OR DELETE ON rule_set_categories FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER zz_no_truncate BEFORE TRUNCATE ON rule_set_categories FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

INSERT INTO rule_sets (version, hash, canonical, content)
SELECT c::jsonb ->> 'version', encode(sha256(convert_to(c, 'UTF8')), 'hex'), c, c::jsonb
  FROM (VALUES ($rules${"assessment_required_from_restrictiveness":2,"category_defaults":{"deviation":{"count_mismatch":["security"],"door_lock":["security"],"equipment_failure":["security"],"hse":["life_health"],"key_control":["security"],"maintenance":["security"],"other":[],"personal_data":["security"],"routine_breach":["security"],"search_missed":["security"],"staffing_below_minimum":["security"]},"incident":{"abscond":["public_safety"],"contraband_drugs":["life_health","security"],"contraband_phone":["security"],"contraband_weapon":["life_health","security"],"damage":["order"],"death":["life_health"],"drone_throwover":["security"],"escape":["public_safety","security"],"fire":["life_health"],"hostage":["life_health"],"infection":["life_health"],"infosec_breach":["security"],"leave_breach":["public_safety"],"other":[],"overdose":["life_health"],"self_harm":["life_health"],"threat_staff":["security"],"transport":["public_safety","security"],"unrest":["security","order"],"violence_inmate":["life_health","security"],"violence_staff":["life_health","security"]},"manipulation":{"boundary_testing":["security"],"family_contact":["security"],"gifts_favours":["security"],"information_request":["security"],"other":["security"],"pressure_threats":["security"],"private_probing":["security"],"relationship_building":["security"],"smuggling_request":["security"]},"threat":{"contraband_route":["security"],"cyber":["security"],"escape_plan":["public_safety","security"],"external_attack":["life_health","public_safety"],"hostage_plan":["life_health"],"organised_crime":["public_safety"],"other":[],"radicalisation":["public_safety"],"threat_inmate":["life_health"],"threat_staff":["life_health"],"threat_staff_family":["life_health"],"violence_plan":["life_health"]}},"deadlines":{"deviation_acknowledge_hours":24,"deviation_close_days":30,"deviation_treatment_days":14,"manipulation_review_days":3,"manipulation_supervision_days":7,"p1_acknowledge_minutes":5,"police_decision_hours":24,"risk_assessment_renewal_days":180,"threat_assess_hours":24,"threat_assess_tier1_hours":4},"organised_crime":{"minimum_criteria":6,"required_criteria":[1,3,5,11]},"restrictiveness_limits":{"critical":4,"high":3,"low":1,"moderate":2},"risk_bands":[{"band":"low","max":4,"min":1},{"band":"moderate","max":9,"min":5},{"band":"high","max":16,"min":10},{"band":"critical","max":25,"min":20}],"serious_crime_penalty_years_above":6,"version":"ksf-2006.1"}$rules$)) AS t (c);
INSERT INTO rule_set_categories (version, kind, code, default_interests)
SELECT r.version, k.key, c.key, ARRAY(SELECT jsonb_array_elements_text(c.value))
  FROM rule_sets r, jsonb_each(r.content -> 'category_defaults') k, jsonb_each(k.value) c;

-- The content of a registered rule set, or the refusal that names what is missing.
CREATE FUNCTION rules_content(p_version text) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v jsonb;
BEGIN
    SELECT content INTO v FROM rule_sets WHERE version = p_version;
    IF NOT FOUND THEN
        PERFORM refuse('unknown_rule_set', format('rule set %s is not registered in this database', p_version),
                       'foreign_key_violation');
    END IF;
    RETURN v;
END
$$;

-- The band of a risk score under a rule set; 'critical' where no band covers it (understating risk
-- is the worse error — the same fallback as the rules module).
CREATE FUNCTION rules_band(p_rules jsonb, p_score integer) RETURNS text
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT coalesce((SELECT b ->> 'band' FROM jsonb_array_elements(p_rules -> 'risk_bands') b
                      WHERE (b ->> 'min')::int <= p_score AND p_score <= (b ->> 'max')::int LIMIT 1), 'critical')
$$;

-- The deadlines of domain.md §6 for an entry, in the rules module's order (Deadlines.swift): each
-- runs from the reported time (whole seconds, as the rules module formats it) for its period.
-- One statement, so that PL/pgSQL caches its plan.
CREATE FUNCTION rules_deadlines(p_deadlines jsonb, p_kind text, p_tier smallint, p_reported timestamptz,
                                p_police boolean) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
    d jsonb := p_deadlines;
    v_from timestamptz := date_trunc('second', p_reported);
    v_out jsonb;
BEGIN
    SELECT coalesce(jsonb_agg(jsonb_build_object(
               'what', t.what, 'rule', t.rule,
               'due', to_char((v_from + make_interval(secs => t.secs)) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
               ORDER BY t.n), '[]')
      INTO v_out
      FROM (VALUES
        (1, 'p1_acknowledge', 'p1_acknowledge',
            CASE WHEN p_tier = 1 THEN (d ->> 'p1_acknowledge_minutes')::bigint * 60 END),
        (2, 'deviation_acknowledge', 'deviation_handling',
            CASE WHEN p_kind = 'deviation' THEN (d ->> 'deviation_acknowledge_hours')::bigint * 3600 END),
        (3, 'deviation_treatment', 'deviation_handling',
            CASE WHEN p_kind = 'deviation' THEN (d ->> 'deviation_treatment_days')::bigint * 86400 END),
        (4, 'deviation_close', 'deviation_handling',
            CASE WHEN p_kind = 'deviation' THEN (d ->> 'deviation_close_days')::bigint * 86400 END),
        (5, 'manipulation_review', 'manipulation_follow_up',
            CASE WHEN p_kind = 'manipulation' THEN (d ->> 'manipulation_review_days')::bigint * 86400 END),
        (6, 'manipulation_supervision', 'manipulation_follow_up',
            CASE WHEN p_kind = 'manipulation' THEN (d ->> 'manipulation_supervision_days')::bigint * 86400 END),
        (7, 'threat_assessment', 'threat_assessment',
            CASE WHEN p_kind = 'threat' THEN (CASE WHEN p_tier = 1 THEN d ->> 'threat_assess_tier1_hours'
                                                   ELSE d ->> 'threat_assess_hours' END)::bigint * 3600 END),
        (8, 'police_decision', 'police',
            CASE WHEN p_kind = 'threat' AND p_police THEN (d ->> 'police_decision_hours')::bigint * 3600 END)
      ) AS t (n, what, rule, secs)
     WHERE t.secs IS NOT NULL;
    RETURN v_out;
END
$$;

-- Registers a rule set (a `--rules FILE` set) so that entries may be judged by it. `p_canonical`
-- is the set's canonical JSON (RuleSet.canonicalJSON); its SHA-256 is the hash entries carry. The
-- parts the database computes with are checked here; the rules module validates the rest before.
CREATE FUNCTION admin_register_rule_set(p_canonical text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v jsonb;
    v_hash text := encode(sha256(convert_to(p_canonical, 'UTF8')), 'hex');
    v_existing text;
    k text;
BEGIN
    IF NOT caller_is_admin() THEN
        RAISE EXCEPTION 'only an administrator may register rule sets' USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:admin_required';
    END IF;
    BEGIN
        v := p_canonical::jsonb;
    EXCEPTION WHEN invalid_text_representation THEN
        PERFORM refuse('invalid_rule_set', 'the rule set is not JSON');
    END;
    IF jsonb_typeof(v) IS DISTINCT FROM 'object' OR btrim(coalesce(v ->> 'version', '')) = ''
       OR jsonb_typeof(v -> 'deadlines') IS DISTINCT FROM 'object'
       OR jsonb_typeof(v -> 'risk_bands') IS DISTINCT FROM 'array'
       OR jsonb_typeof(v -> 'restrictiveness_limits') IS DISTINCT FROM 'object'
       OR jsonb_typeof(v -> 'organised_crime' -> 'minimum_criteria') IS DISTINCT FROM 'number'
       OR jsonb_typeof(v -> 'organised_crime' -> 'required_criteria') IS DISTINCT FROM 'array'
       OR jsonb_typeof(v -> 'assessment_required_from_restrictiveness') IS DISTINCT FROM 'number'
       OR jsonb_typeof(v -> 'category_defaults') IS DISTINCT FROM 'object' THEN
        PERFORM refuse('invalid_rule_set', 'the rule set lacks version, deadlines, risk_bands, restrictiveness_limits, organised_crime, assessment_required_from_restrictiveness or category_defaults');
    END IF;
    FOREACH k IN ARRAY ARRAY['p1_acknowledge_minutes', 'deviation_acknowledge_hours', 'deviation_treatment_days',
                             'deviation_close_days', 'manipulation_review_days', 'manipulation_supervision_days',
                             'threat_assess_tier1_hours', 'threat_assess_hours', 'police_decision_hours',
                             'risk_assessment_renewal_days'] LOOP
        IF jsonb_typeof(v -> 'deadlines' -> k) IS DISTINCT FROM 'number' OR (v -> 'deadlines' ->> k)::numeric < 0 THEN
            PERFORM refuse('invalid_rule_set', format('deadlines.%s must be a non-negative number', k));
        END IF;
    END LOOP;
    SELECT hash INTO v_existing FROM rule_sets WHERE version = v ->> 'version';
    IF FOUND THEN
        IF v_existing <> v_hash THEN
            PERFORM refuse('rule_set_version_taken',
                           format('rule set %s is already registered with other content', v ->> 'version'));
        END IF;
        RETURN v_hash;
    END IF;
    IF EXISTS (SELECT 1 FROM jsonb_each(v -> 'category_defaults') k
                WHERE jsonb_typeof(k.value) <> 'object'
                   OR EXISTS (SELECT 1 FROM jsonb_each(k.value) c WHERE jsonb_typeof(c.value) <> 'array')) THEN
        PERFORM refuse('invalid_rule_set', 'category_defaults maps each kind to categories and each category to a list of interests');
    END IF;
    INSERT INTO rule_sets (version, hash, canonical, content) VALUES (v ->> 'version', v_hash, p_canonical, v);
    INSERT INTO rule_set_categories (version, kind, code, default_interests)
    SELECT v ->> 'version', k.key, c.key, ARRAY(SELECT jsonb_array_elements_text(c.value))
      FROM jsonb_each(v -> 'category_defaults') k, jsonb_each(k.value) c;
    RETURN v_hash;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Entries: scope, repetition, then the judgement computed from the rule set
-- ---------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION entries_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_defaults text[];
    v_tier smallint;
    v_count bigint;
    v_deadlines jsonb;
    v_oc jsonb;
    v_hash text;
    v_set_defaults text[];
    v_criteria smallint[];
    v_organised boolean;
BEGIN
    -- Scope first: nothing below (and no chain head) is touched for a unit the caller may not write.
    IF NOT (NEW.unit_code IN (SELECT writable_units()) OR session_is_superuser()) THEN
        PERFORM refuse('unit_not_permitted', 'you may not log entries for this unit', 'insufficient_privilege');
    END IF;
    -- An entry already stored under this idempotency key is not stored again (008).
    PERFORM pg_advisory_xact_lock(hashtext('vaktlogg:idempotency_key'), hashtext(NEW.idempotency_key::text));
    IF EXISTS (SELECT 1 FROM entries WHERE idempotency_key = NEW.idempotency_key) THEN
        RETURN NULL;
    END IF;
    NEW.reporter := session_user;
    NEW.recorded_at := now();
    SELECT hash, deadlines, organised_crime INTO v_hash, v_deadlines, v_oc FROM rule_sets WHERE version = NEW.rules_version;
    IF NOT FOUND THEN
        PERFORM refuse('unknown_rule_set', format('rule set %s is not registered in this database', NEW.rules_version),
                       'foreign_key_violation');
    END IF;
    IF NEW.rules_hash IS DISTINCT FROM v_hash THEN
        PERFORM refuse('rules_hash_mismatch', format('rule set %s is registered with another content (hash %s)',
                                                     NEW.rules_version, v_hash));
    END IF;
    SELECT default_interests INTO v_defaults FROM categories WHERE kind = NEW.kind AND code = NEW.category;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown category % for %', NEW.category, NEW.kind
            USING ERRCODE = 'foreign_key_violation', HINT = 'vaktlogg:unknown_category';
    END IF;
    -- The rule set's defaults for the category where it names them, else the reference table's.
    SELECT default_interests INTO v_set_defaults FROM rule_set_categories
     WHERE version = NEW.rules_version AND kind = NEW.kind AND code = NEW.category;
    IF FOUND THEN
        v_defaults := v_set_defaults;
    END IF;
    IF NOT NEW.interests @> v_defaults THEN
        RAISE EXCEPTION 'the interests of category % cannot be removed', NEW.category
            USING ERRCODE = 'check_violation', HINT = 'vaktlogg:default_interests_removed';
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(NEW.interests) i WHERE i NOT IN (SELECT code FROM interests)) THEN
        RAISE EXCEPTION 'unknown interest' USING ERRCODE = 'check_violation', HINT = 'vaktlogg:unknown_interest';
    END IF;
    -- Times: not in the future, not reported before it occurred, not older than 7 days (file comment).
    IF NEW.occurred_at > now() + interval '5 minutes' OR NEW.reported_at > now() + interval '5 minutes' THEN
        RAISE EXCEPTION 'time lies in the future' USING ERRCODE = 'check_violation',
            HINT = 'vaktlogg:time_in_future';
    END IF;
    IF NEW.occurred_at > NEW.reported_at + interval '5 minutes' THEN
        PERFORM refuse('occurred_after_reported', 'occurred_at cannot lie after reported_at');
    END IF;
    IF NEW.reported_at < now() - interval '7 days' AND NOT (SELECT backdating FROM maintenance) THEN
        PERFORM refuse('reported_too_early', 'reported_at may lie at most 7 days before the entry is stored');
    END IF;
    -- The judgement.
    -- The tier of the weightiest interest threatened (fixed by the strategy, not by a rule set).
    SELECT min(tier) INTO v_tier FROM interests WHERE code = ANY (NEW.interests);
    NEW.tier := v_tier;
    NEW.priority := 'P' || v_tier;
    NEW.risk_score := NEW.probability * NEW.consequence;
    IF NEW.kind = 'threat' THEN
        v_criteria := coalesce(NEW.oc_criteria, '{}');
        IF cardinality(v_criteria) <> (SELECT count(DISTINCT c) FROM unnest(v_criteria) c) THEN
            PERFORM refuse('duplicate_criteria', 'an organised-crime criterion is given twice');
        END IF;
        v_organised := cardinality(v_criteria) >= (v_oc ->> 'minimum_criteria')::int
            AND ARRAY(SELECT x::smallint FROM jsonb_array_elements_text(v_oc -> 'required_criteria') x)
                <@ v_criteria;
        NEW.police_decision_required := v_organised OR coalesce(NEW.infoflyt, NEW.threat_source = 'police_infoflyt');
    ELSE
        NEW.police_decision_required := false;
    END IF;
    NEW.deadlines := rules_deadlines(v_deadlines, NEW.kind, v_tier, NEW.reported_at, NEW.police_decision_required);
    UPDATE chain_heads SET entry_count = entry_count + 1 WHERE unit_code = NEW.unit_code
        RETURNING entry_count INTO v_count;
    IF NOT FOUND THEN
        PERFORM chain_lock_head(NEW.unit_code);
        UPDATE chain_heads SET entry_count = entry_count + 1 WHERE unit_code = NEW.unit_code
            RETURNING entry_count INTO v_count;
    END IF;
    NEW.ref := NEW.unit_code || '-' || v_count;
    RETURN NEW;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Amendments: scope, then the judgement recomputed from the amended values
-- ---------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION amendments_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    s entry_state;
    k text;
    v_defaults text[];
    v_set_defaults text[];
    v_category text;
    v_interests text[];
    v_p integer;
    v_q integer;
    v_occurred timestamptz;
    v_reported timestamptz;
    v_tier smallint;
BEGIN
    NEW.unit_code := visible_entry_unit(NEW.entry_id);
    IF app_role() NOT IN ('duty_officer', 'security_coordinator', 'admin') AND NOT session_is_superuser() THEN
        PERFORM refuse('role_not_permitted', 'your role may not amend entries', 'insufficient_privilege');
    END IF;
    SELECT * INTO s FROM entry_state WHERE entry_id = NEW.entry_id FOR UPDATE;
    NEW.actor := session_user;
    NEW.at := fact_time(NEW.at);
    IF NOT EXISTS (SELECT 1 FROM rule_sets WHERE version = NEW.rules_version) THEN
        PERFORM refuse('unknown_rule_set', format('rule set %s is not registered in this database', NEW.rules_version),
                       'foreign_key_violation');
    END IF;
    FOR k IN SELECT jsonb_object_keys(NEW.changes) LOOP
        IF k NOT IN (SELECT name FROM amendable_fields) THEN
            PERFORM refuse('field_not_amendable', format('field %s cannot be amended', k));
        END IF;
    END LOOP;
    v_category := coalesce(NEW.changes ->> 'category', s.category);
    SELECT default_interests INTO v_defaults FROM categories WHERE kind = s.kind AND code = v_category;
    IF NOT FOUND THEN
        PERFORM refuse('unknown_category', 'unknown category', 'foreign_key_violation');
    END IF;
    IF NEW.changes ? 'text' AND btrim(coalesce(NEW.changes ->> 'text', '')) = '' THEN
        PERFORM refuse('text_required', 'the text cannot be emptied');
    END IF;
    IF (NEW.changes ? 'probability' AND (jsonb_typeof(NEW.changes -> 'probability') <> 'number'
                                         OR NOT ((NEW.changes ->> 'probability')::numeric BETWEEN 1 AND 5)))
       OR (NEW.changes ? 'consequence' AND (jsonb_typeof(NEW.changes -> 'consequence') <> 'number'
                                            OR NOT ((NEW.changes ->> 'consequence')::numeric BETWEEN 1 AND 5))) THEN
        PERFORM refuse('out_of_range', 'probability and consequence are 1-5');
    END IF;
    IF NEW.changes ? 'interests' THEN
        IF jsonb_typeof(NEW.changes -> 'interests') <> 'array' THEN
            PERFORM refuse('unknown_interest', 'interests are a list of interest codes');
        END IF;
        v_interests := ARRAY(SELECT jsonb_array_elements_text(NEW.changes -> 'interests'));
    ELSE
        v_interests := s.interests;
    END IF;
    IF cardinality(v_interests) = 0
       OR EXISTS (SELECT 1 FROM unnest(v_interests) i WHERE i NOT IN (SELECT code FROM interests)) THEN
        PERFORM refuse('unknown_interest', 'unknown interest');
    END IF;
    -- The defaults of the category as amended (a category change brings its defaults along).
    SELECT default_interests INTO v_set_defaults FROM rule_set_categories
     WHERE version = NEW.rules_version AND kind = s.kind AND code = v_category;
    IF FOUND THEN
        v_defaults := v_set_defaults;
    END IF;
    IF NOT v_interests @> v_defaults THEN
        PERFORM refuse('default_interests_removed', 'the interests of the category cannot be removed');
    END IF;
    IF NEW.changes ? 'occurred_at' THEN
        v_occurred := (NEW.changes ->> 'occurred_at')::timestamptz;
        SELECT reported_at INTO v_reported FROM entries WHERE id = NEW.entry_id;
        IF v_occurred > now() + interval '5 minutes' THEN
            PERFORM refuse('time_in_future', 'time lies in the future');
        END IF;
        IF v_occurred > v_reported + interval '5 minutes' THEN
            PERFORM refuse('occurred_after_reported', 'occurred_at cannot lie after reported_at');
        END IF;
    END IF;
    v_p := coalesce((NEW.changes ->> 'probability')::int, s.probability);
    v_q := coalesce((NEW.changes ->> 'consequence')::int, s.consequence);
    SELECT min(tier) INTO v_tier FROM interests WHERE code = ANY (v_interests);
    NEW.tier := v_tier;
    NEW.priority := 'P' || v_tier;
    NEW.risk_score := v_p * v_q;
    RETURN NEW;
END
$$;

-- The projection takes the judgement the trigger computed, never a client's.
CREATE OR REPLACE FUNCTION amendments_project() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    c jsonb := NEW.changes;
BEGIN
    UPDATE entry_state SET
        category = coalesce(c ->> 'category', category),
        text = coalesce(c ->> 'text', text),
        domain = coalesce(c ->> 'domain', domain),
        occurred_at = coalesce((c ->> 'occurred_at')::timestamptz, occurred_at),
        interests = CASE WHEN c ? 'interests' THEN ARRAY(SELECT jsonb_array_elements_text(c -> 'interests'))
                         ELSE interests END,
        probability = coalesce((c ->> 'probability')::smallint, probability),
        consequence = coalesce((c ->> 'consequence')::smallint, consequence),
        risk_score = NEW.risk_score,
        tier = NEW.tier,
        priority = NEW.priority,
        amendment_count = amendment_count + 1,
        updated_at = NEW.at
     WHERE entry_id = NEW.entry_id;
    PERFORM notify_change('amendments', NEW.id, NEW.entry_id, NEW.unit_code);
    RETURN NULL;
END
$$;

-- True when the entry was P1 when logged or after any amendment (principle 3).
CREATE FUNCTION entry_was_p1(p_entry bigint) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM entries WHERE id = p_entry AND tier = 1)
        OR EXISTS (SELECT 1 FROM amendments WHERE entry_id = p_entry AND tier = 1)
$$;

-- ---------------------------------------------------------------------------------------------
-- Lifecycle events: scope first; reopen's deadline and a threat assessment's band from the rules
-- ---------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION entry_events_check() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    s entry_state;
    v_role text := app_role();
    v_reporter text;
    v_super boolean := session_is_superuser();
    v_rules jsonb;
    v_score integer;
BEGIN
    NEW.unit_code := visible_entry_unit(NEW.entry_id);
    SELECT * INTO s FROM entry_state WHERE entry_id = NEW.entry_id FOR UPDATE;
    NEW.actor := session_user;
    NEW.at := fact_time(NEW.at);
    IF NOT v_super AND NOT EXISTS (SELECT 1 FROM event_roles WHERE event = NEW.event AND role = v_role) THEN
        PERFORM refuse('role_not_permitted', format('a %s may not record %s', coalesce(v_role, 'non-user'), NEW.event),
                       'insufficient_privilege');
    END IF;
    IF s.status = 'closed' AND NEW.event NOT IN ('reopen', 'comment') THEN
        PERFORM refuse('entry_closed', 'the entry is closed; reopen it first');
    END IF;
    CASE NEW.event
    WHEN 'acknowledge' THEN
        IF s.status <> 'registered' THEN
            PERFORM refuse('already_acknowledged', 'the entry is already acknowledged');
        END IF;
        IF s.kind = 'manipulation' AND v_role IS DISTINCT FROM 'security_coordinator' AND NOT v_super THEN
            PERFORM refuse('coordinator_required', 'a manipulation report is reviewed by a security coordinator',
                           'insufficient_privilege');
        END IF;
    WHEN 'assign' THEN
        IF NEW.assignee IS NULL OR NOT EXISTS (
                SELECT 1 FROM app_users a JOIN user_units uu ON uu.user_name = a.name
                WHERE a.name = NEW.assignee AND a.disabled_at IS NULL AND uu.unit_code = s.unit_code) THEN
            PERFORM refuse('assignee_not_in_unit', 'the assignee is not an active user of the unit');
        END IF;
    WHEN 'comment' THEN
        IF NEW.text IS NULL THEN
            PERFORM refuse('text_required', 'a comment needs text');
        END IF;
    WHEN 'treatment_started' THEN
        IF s.kind <> 'deviation' THEN
            PERFORM refuse('deviation_only', 'only deviations are treated');
        END IF;
        IF s.status <> 'acknowledged' THEN
            PERFORM refuse('not_acknowledged', 'the deviation must be acknowledged before treatment starts');
        END IF;
        IF NEW.text IS NULL THEN
            PERFORM refuse('cause_required', 'treatment starts with a cause analysis');
        END IF;
    WHEN 'measure_decided' THEN
        IF s.kind <> 'deviation' THEN
            PERFORM refuse('deviation_only', 'only deviations are treated');
        END IF;
        IF s.status <> 'under_treatment' THEN
            PERFORM refuse('not_under_treatment', 'a measure is decided after the cause analysis');
        END IF;
        IF NEW.text IS NULL OR NEW.assignee IS NULL OR NOT (NEW.data ? 'due') THEN
            PERFORM refuse('measure_incomplete', 'a decided measure needs a description, a responsible person and a due date');
        END IF;
        IF NOT EXISTS (SELECT 1 FROM user_units WHERE user_name = NEW.assignee AND unit_code = s.unit_code) THEN
            PERFORM refuse('assignee_not_in_unit', 'the responsible person is not a user of the unit');
        END IF;
    WHEN 'close' THEN
        IF s.kind = 'deviation' AND (s.status <> 'measure_decided' OR NEW.text IS NULL) THEN
            PERFORM refuse('verification_required',
                           'a deviation is closed with a verification that the decided measure works');
        END IF;
        IF s.kind = 'threat' AND s.assessed_at IS NULL THEN
            PERFORM refuse('assessment_required', 'a threat event is closed after it has been assessed');
        END IF;
        IF s.kind = 'threat' AND s.police_decision_required AND s.police_decided_at IS NULL THEN
            PERFORM refuse('police_decision_required', 'a decision on informing the police is required first');
        END IF;
        IF s.kind = 'manipulation' AND s.supervision_offered_at IS NULL THEN
            PERFORM refuse('supervision_required', 'supervision must be offered before a manipulation report is closed');
        END IF;
        IF s.kind = 'manipulation' AND v_role IS DISTINCT FROM 'security_coordinator' AND NOT v_super THEN
            PERFORM refuse('coordinator_required', 'a manipulation report is closed by a security coordinator',
                           'insufficient_privilege');
        END IF;
        IF (s.tier = 1 OR entry_was_p1(NEW.entry_id)) AND NOT v_super THEN
            SELECT reporter INTO v_reporter FROM entries WHERE id = NEW.entry_id;
            IF v_role IS DISTINCT FROM 'security_coordinator' THEN
                PERFORM refuse('p1_close_coordinator', 'a P1 entry is closed by a security coordinator',
                               'insufficient_privilege');
            END IF;
            IF v_reporter = session_user THEN
                PERFORM refuse('p1_close_by_reporter', 'a P1 entry is closed by someone other than its reporter',
                               'insufficient_privilege');
            END IF;
        END IF;
    WHEN 'reopen' THEN
        IF s.status <> 'closed' THEN
            PERFORM refuse('not_closed', 'only a closed entry can be reopened');
        END IF;
        IF NEW.text IS NULL THEN
            PERFORM refuse('reason_required', 'reopening needs a reason');
        END IF;
        -- A reopened deviation gets the full closing period of the rule set it was judged by.
        NEW.data := NEW.data - 'close_due';
        IF s.kind = 'deviation' THEN
            SELECT rules_content(e.rules_version) INTO v_rules FROM entries e WHERE e.id = NEW.entry_id;
            NEW.data := NEW.data || jsonb_build_object('close_due', to_char(
                (date_trunc('second', NEW.at) + make_interval(secs => (v_rules -> 'deadlines' ->> 'deviation_close_days')::bigint * 86400))
                    AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'));
        END IF;
    WHEN 'supervision_offered', 'supervision_held' THEN
        IF s.kind <> 'manipulation' THEN
            PERFORM refuse('manipulation_only', 'supervision follows a manipulation report');
        END IF;
        IF NEW.event = 'supervision_offered' AND s.supervision_offered_at IS NOT NULL THEN
            PERFORM refuse('already_recorded', 'supervision has already been offered');
        END IF;
        IF NEW.event = 'supervision_held' AND s.supervision_held_at IS NOT NULL THEN
            PERFORM refuse('already_recorded', 'supervision has already been held');
        END IF;
    WHEN 'threat_assessed' THEN
        IF s.kind <> 'threat' THEN
            PERFORM refuse('threat_only', 'only threat events are assessed this way');
        END IF;
        IF NOT (NEW.data ->> 'source_reliability' IN ('A', 'B', 'C', 'D', 'E', 'F')
                AND jsonb_typeof(NEW.data -> 'info_credibility') = 'number'
                AND jsonb_typeof(NEW.data -> 'probability') = 'number'
                AND jsonb_typeof(NEW.data -> 'consequence') = 'number'
                AND (NEW.data ->> 'info_credibility')::numeric BETWEEN 1 AND 6
                AND (NEW.data ->> 'probability')::numeric BETWEEN 1 AND 5
                AND (NEW.data ->> 'consequence')::numeric BETWEEN 1 AND 5) THEN
            PERFORM refuse('assessment_incomplete', 'an assessment needs source A-F, credibility 1-6, probability and consequence 1-5');
        END IF;
        -- The score and band are the rules', whatever the client wrote.
        SELECT rules_content(coalesce(NEW.rules_version, e.rules_version)) INTO v_rules FROM entries e WHERE e.id = NEW.entry_id;
        v_score := (NEW.data ->> 'probability')::int * (NEW.data ->> 'consequence')::int;
        NEW.data := NEW.data || jsonb_build_object('risk_score', v_score, 'band', rules_band(v_rules, v_score));
    WHEN 'police_decision' THEN
        IF s.kind <> 'threat' THEN
            PERFORM refuse('threat_only', 'police decisions are recorded on threat events');
        END IF;
        IF NOT (NEW.data ->> 'decision' IN ('inform', 'not_inform')) OR NEW.text IS NULL THEN
            PERFORM refuse('justification_required', 'a police decision is inform or not_inform, with a justification');
        END IF;
    ELSE
        NULL;
    END CASE;
    RETURN NEW;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Risk assessments, measures and decisions: scope first, the rule set's bands and limits
-- ---------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION risk_assessments_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_rules jsonb;
    v_band text;
    v_latest date;
BEGIN
    IF app_role() NOT IN ('security_coordinator', 'admin') AND NOT session_is_superuser() THEN
        PERFORM refuse('coordinator_required', 'individual risk assessments are made by a security coordinator',
                       'insufficient_privilege');
    END IF;
    IF NOT (NEW.unit_code IN (SELECT writable_units()) OR session_is_superuser()) THEN
        PERFORM refuse('unit_not_permitted', 'you may not write for this unit', 'insufficient_privilege');
    END IF;
    NEW.assessor := session_user;
    NEW.assessed_at := fact_time(NEW.assessed_at);
    v_rules := rules_content(NEW.rules_version);
    v_band := rules_band(v_rules, NEW.probability * NEW.consequence);
    IF NEW.band IS DISTINCT FROM v_band THEN
        PERFORM refuse('band_mismatch', format('the rules put score %s in band %s', NEW.probability * NEW.consequence, v_band));
    END IF;
    v_latest := (NEW.assessed_at AT TIME ZONE 'Europe/Oslo')::date
                + (v_rules -> 'deadlines' ->> 'risk_assessment_renewal_days')::int;
    IF NEW.valid_until > v_latest OR NEW.valid_until < (NEW.assessed_at AT TIME ZONE 'Europe/Oslo')::date THEN
        PERFORM refuse('validity_out_of_range', format('an assessment is valid from the day it is made until %s at the latest', v_latest));
    END IF;
    INSERT INTO persons (ref) VALUES (NEW.person_ref) ON CONFLICT DO NOTHING;
    RETURN NEW;
END
$$;

-- An assessment a measure or decision of `p_unit` may rest on: visible to the caller (else the
-- same refusal as a missing one) and of the same unit.
CREATE FUNCTION usable_assessment(p_id bigint, p_unit text) RETURNS risk_assessments
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    a risk_assessments;
BEGIN
    SELECT * INTO a FROM risk_assessments WHERE id = p_id;
    IF NOT FOUND OR NOT (a.unit_code IN (SELECT visible_units()) OR session_is_superuser()) THEN
        PERFORM refuse('unknown_assessment', 'a referenced risk assessment does not exist', 'foreign_key_violation');
    END IF;
    IF a.unit_code IS DISTINCT FROM p_unit THEN
        PERFORM refuse('assessment_other_unit', 'the risk assessment belongs to another unit');
    END IF;
    RETURN a;
END
$$;

CREATE OR REPLACE FUNCTION measures_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_purpose_tier smallint;
    v_strongest_burden smallint;
    a risk_assessments;
    v_permitted smallint;
    v_rules jsonb;
BEGIN
    IF app_role() NOT IN ('security_coordinator', 'admin') AND NOT session_is_superuser() THEN
        PERFORM refuse('coordinator_required', 'measures are decided by a security coordinator', 'insufficient_privilege');
    END IF;
    IF NEW.entry_id IS NOT NULL THEN
        NEW.unit_code := visible_entry_unit(NEW.entry_id);
    END IF;
    IF NOT (NEW.unit_code IN (SELECT writable_units()) OR session_is_superuser()) THEN
        PERFORM refuse('unit_not_permitted', 'you may not write for this unit', 'insufficient_privilege');
    END IF;
    IF NEW.assessment_id IS NOT NULL THEN
        a := usable_assessment(NEW.assessment_id, NEW.unit_code);
    END IF;
    NEW.decided_by := session_user;
    NEW.decided_at := fact_time(NEW.decided_at);
    v_rules := rules_content(NEW.rules_version);
    IF EXISTS (SELECT 1 FROM unnest(NEW.burdens) b WHERE b NOT IN (SELECT code FROM interests)) THEN
        PERFORM refuse('unknown_interest', 'unknown interest among the burdened');
    END IF;
    SELECT tier INTO v_purpose_tier FROM interests WHERE code = NEW.purpose;
    SELECT min(tier) INTO v_strongest_burden FROM interests WHERE code = ANY (NEW.burdens);
    IF v_strongest_burden = 1 AND v_purpose_tier > 1 THEN
        PERFORM refuse('weighting_strict', 'a measure may not burden life, health or public safety for a weaker purpose');
    END IF;
    IF v_strongest_burden < v_purpose_tier AND NEW.justification IS NULL THEN
        PERFORM refuse('weighting_main_rule', 'departing from the main rule of the weighting needs a justification');
    END IF;
    IF NEW.restrictiveness >= (v_rules ->> 'assessment_required_from_restrictiveness')::int THEN
        IF a.id IS NOT NULL AND a.person_ref IS DISTINCT FROM NEW.person_ref THEN
            PERFORM refuse('assessment_other_person', 'the risk assessment is of another person');
        END IF;
        IF NEW.justification IS NULL AND (a.id IS NULL OR a.valid_until < NEW.decided_at::date) THEN
            PERFORM refuse('proportionality_assessment', 'a restrictive measure needs a current individual risk assessment');
        END IF;
        v_permitted := coalesce((v_rules -> 'restrictiveness_limits' ->> a.band)::smallint, 4);
        IF NEW.justification IS NULL AND a.id IS NOT NULL AND NEW.restrictiveness > v_permitted THEN
            PERFORM refuse('proportionality_level', 'the measure is more restrictive than the risk assessment supports');
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION decisions_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    x bigint;
BEGIN
    IF app_role() NOT IN ('security_coordinator', 'manager', 'admin') AND NOT session_is_superuser() THEN
        PERFORM refuse('coordinator_required', 'decisions are made by a security coordinator or a manager', 'insufficient_privilege');
    END IF;
    IF NEW.entry_id IS NOT NULL THEN
        NEW.unit_code := visible_entry_unit(NEW.entry_id);
    END IF;
    -- Managers decide in the units they see, the others in the units they write (the policies).
    IF NOT (NEW.unit_code IN (SELECT writable_units())
            OR (app_role() = 'manager' AND NEW.unit_code IN (SELECT visible_units()))
            OR session_is_superuser()) THEN
        PERFORM refuse('unit_not_permitted', 'you may not write for this unit', 'insufficient_privilege');
    END IF;
    NEW.decided_by := session_user;
    NEW.decided_at := fact_time(NEW.decided_at);
    FOREACH x IN ARRAY coalesce(NEW.assessment_ids, '{}') LOOP
        PERFORM usable_assessment(x, NEW.unit_code);
    END LOOP;
    RETURN NEW;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Grants
-- ---------------------------------------------------------------------------------------------

-- What the database computes, the client may not send.
REVOKE INSERT (risk_score, tier, priority, police_decision_required, deadlines) ON entries FROM vaktlogg_user;
REVOKE INSERT (tier, priority, risk_score) ON amendments FROM vaktlogg_user;
GRANT SELECT ON rule_sets, rule_set_categories TO vaktlogg_user;
REVOKE EXECUTE ON FUNCTION rules_content(text), rules_band(jsonb, integer),
    rules_deadlines(jsonb, text, smallint, timestamptz, boolean),
    entry_was_p1(bigint), usable_assessment(bigint, text), admin_register_rule_set(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION admin_register_rule_set(text) TO vaktlogg_user;
