-- Vaktlogg schema, part 27: the rules as rule set ksf-2006.2 reads them (issue 14, part A).
--
-- Principle 1 — old entries keep the rules they were judged by. ksf-2006.2 is registered beside
-- ksf-2006.1 (which stays byte-identical); its content names `contract_revision: 2`, and every
-- function below that changed reads the revision of the rule set of the row it judges, so an entry
-- or measure judged under ksf-2006.1 is still judged (and its deadlines computed) as before.
--
-- Principle 2 — the database refuses what the rules refuse. Under revision 2: only an order-
-- motivated measure burdening life, health or public safety is strict; security or rehabilitation
-- burdening them is a main-rule departure that a justification carries; an assessment is current
-- for the rule set's renewal days counted in Oslo dates (the one source of the 180 days, as in the
-- rules module) and is overtaken by a P1 incident involving the person on a later Oslo date; the
-- 5-minute P1 acknowledgement is for incidents and threat events only; a decision of a type the
-- rule set names significant is significant unless a reason says why not.
--
-- Principle 3 — INFOFLYT is a flag on a person. Where the information came from (threat_source
-- 'police_infoflyt') no longer makes anyone an INFOFLYT subject. An incident or threat event that
-- names a person flagged infoflyt requires a police decision, recorded on incidents too.
--
-- Principle 4 — person flags are read like persons: the flags of an entry's persons only under the
-- committed logged read of those persons (entry_person_flags), a named person's flags only under a
-- committed logged read of that person (request_person_read, person_flags_of); they are written
-- only by set_person_flag, by a security coordinator (or an administrator) of the unit.
--
-- Principle 5 — per-unit deadlines are data applied to new entries only (unit_deadlines_applied in
-- entries_prepare); entries store their deadlines, so a later override moves none of them.

-- ---------------------------------------------------------------------------------------------
-- ksf-2006.2
-- ---------------------------------------------------------------------------------------------

INSERT INTO rule_sets (version, hash, canonical, content)
SELECT c::jsonb ->> 'version', encode(sha256(convert_to(c, 'UTF8')), 'hex'), c, c::jsonb
  FROM (VALUES ($rules${"assessment_required_from_restrictiveness":2,"category_defaults":{"deviation":{"count_mismatch":["security"],"door_lock":["security"],"double_occupancy":["security"],"entry_control":["security"],"equipment_failure":["security"],"hse":["life_health"],"key_control":["security"],"maintenance":["security"],"other":[],"personal_data":["security"],"routine_breach":["security"],"search_missed":["security"],"staffing_below_minimum":["security"]},"incident":{"abscond":["public_safety"],"ban_breach":["public_safety"],"community_sentence_breach":["public_safety"],"contraband_drugs":["security"],"contraband_phone":["security"],"contraband_weapon":["life_health","security"],"damage":["order"],"death":["life_health"],"drone_throwover":["security"],"electronic_monitoring_breach":["public_safety"],"escape":["public_safety","security"],"fire":["life_health"],"home_visit_incident":["security"],"hostage":["life_health"],"infection":["life_health"],"infosec_breach":["security"],"leave_breach":["public_safety"],"other":[],"overdose":["life_health"],"self_harm":["life_health"],"threat_at_office":["security"],"threat_staff":["security"],"threat_staff_family":["life_health","security"],"transport":["public_safety","security"],"unrest":["security","order"],"violence_inmate":["life_health","security"],"violence_staff":["life_health","security"]},"manipulation":{"boundary_testing":["security"],"family_contact":["security"],"gifts_favours":["security"],"information_request":["security"],"other":["security"],"pressure_threats":["security"],"private_probing":["security"],"relationship_building":["security"],"smuggling_request":["security"]},"threat":{"contraband_route":["security"],"cyber":["security"],"escape_plan":["public_safety","security"],"external_attack":["life_health","public_safety"],"hostage_plan":["life_health"],"organised_crime":["public_safety"],"other":[],"radicalisation":["public_safety"],"threat_inmate":["life_health"],"threat_staff":["life_health"],"threat_staff_family":["life_health"],"violence_plan":["life_health"]}},"contract_revision":2,"deadlines":{"debriefing_held_days":7,"debriefing_offer_hours":24,"deviation_acknowledge_hours":24,"deviation_close_days":30,"deviation_treatment_days":14,"manipulation_review_days":3,"manipulation_supervision_days":7,"measure_review_days_r2":30,"measure_review_days_r3":7,"measure_review_hours_r4":24,"p1_acknowledge_minutes":5,"police_decision_hours":24,"risk_assessment_renewal_days":180,"source_ref_fold_minutes":60,"threat_assess_hours":24,"threat_assess_tier1_hours":4,"unit_assessment_renewal_days":365},"organised_crime":{"minimum_criteria":6,"required_criteria":[1,3,5,11]},"restrictiveness_limits":{"critical":4,"high":3,"low":1,"moderate":2},"risk_bands":[{"band":"low","max":4,"min":1},{"band":"moderate","max":9,"min":5},{"band":"high","max":16,"min":10},{"band":"critical","max":25,"min":20}],"serious_crime_penalty_years_above":6,"significant_decision_types":["leave","transfer_lower","release_progression"],"version":"ksf-2006.2"}$rules$)) AS t (c);
INSERT INTO rule_set_categories (version, kind, code, default_interests)
SELECT r.version, k.key, c.key, ARRAY(SELECT jsonb_array_elements_text(c.value))
  FROM rule_sets r, jsonb_each(r.content -> 'category_defaults') k, jsonb_each(k.value) c
 WHERE r.version = 'ksf-2006.2';

-- A rule set's registration checks the numbers added with ksf-2006.2 when a set gives them.
CREATE OR REPLACE FUNCTION admin_register_rule_set(p_canonical text) RETURNS text
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
    -- Optional since ksf-2006.2: when given, of the right form.
    FOREACH k IN ARRAY ARRAY['measure_review_hours_r4', 'measure_review_days_r3', 'measure_review_days_r2',
                             'debriefing_offer_hours', 'debriefing_held_days', 'unit_assessment_renewal_days',
                             'source_ref_fold_minutes'] LOOP
        IF v -> 'deadlines' ? k AND (jsonb_typeof(v -> 'deadlines' -> k) IS DISTINCT FROM 'number'
                                     OR (v -> 'deadlines' ->> k)::numeric < 0) THEN
            PERFORM refuse('invalid_rule_set', format('deadlines.%s must be a non-negative number', k));
        END IF;
    END LOOP;
    IF v ? 'contract_revision' AND (jsonb_typeof(v -> 'contract_revision') IS DISTINCT FROM 'number'
                                    OR (v ->> 'contract_revision') NOT IN ('1', '2')) THEN
        PERFORM refuse('invalid_rule_set', 'contract_revision must be 1 or 2');
    END IF;
    IF v ? 'significant_decision_types' AND (jsonb_typeof(v -> 'significant_decision_types') IS DISTINCT FROM 'array'
            OR EXISTS (SELECT 1 FROM jsonb_array_elements(v -> 'significant_decision_types') t
                        WHERE jsonb_typeof(t) <> 'string' OR t #>> '{}' NOT IN (SELECT code FROM decision_types))) THEN
        PERFORM refuse('invalid_rule_set', 'significant_decision_types lists decision types');
    END IF;
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
-- Deadlines: revision-aware, with the unit's overrides
-- ---------------------------------------------------------------------------------------------

-- The deadlines of domain.md §6 for an entry, in the rules module's order (Deadlines.swift). Under
-- revision 2 the P1 acknowledgement applies to incidents and threat events only.
DROP FUNCTION rules_deadlines(jsonb, text, smallint, timestamptz, boolean);
CREATE FUNCTION rules_deadlines(p_deadlines jsonb, p_kind text, p_tier smallint, p_reported timestamptz,
                                p_police boolean, p_revision integer) RETURNS jsonb
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
            CASE WHEN p_tier = 1 AND (p_revision < 2 OR p_kind IN ('incident', 'threat'))
                 THEN (d ->> 'p1_acknowledge_minutes')::bigint * 60 END),
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

-- A rule set's deadlines with the numbers added in ksf-2006.2 filled in where the set lacks them
-- (coord.md's agreed defaults), then the unit's overrides in force now. Internal: entries_prepare.
CREATE FUNCTION unit_deadlines_applied(p_unit text, p_deadlines jsonb) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT jsonb_build_object('measure_review_hours_r4', 24, 'measure_review_days_r3', 7, 'measure_review_days_r2', 30,
                              'debriefing_offer_hours', 24, 'debriefing_held_days', 7,
                              'unit_assessment_renewal_days', 365, 'source_ref_fold_minutes', 60)
           || p_deadlines
           || coalesce((SELECT jsonb_object_agg(o.key, o.value) FROM (
                  SELECT DISTINCT ON (u.key) u.key, u.value FROM unit_deadline_overrides u
                   WHERE u.unit_code = p_unit ORDER BY u.key, u.set_at DESC, u.id DESC) o
               WHERE o.value IS NOT NULL), '{}')
$$;

-- The deadlines in force for new entries of a unit under a rule set: what `unit show` and
-- `rules show --unit` print, and what other functions use for their due dates. A unit the caller
-- cannot see is refused like one that does not exist.
CREATE FUNCTION unit_deadlines(p_unit text, p_version text) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT (p_unit IN (SELECT visible_units()) OR caller_is_admin() OR session_is_superuser()) THEN
        PERFORM refuse('unknown_unit', 'no such unit among yours', 'no_data_found');
    END IF;
    RETURN unit_deadlines_applied(p_unit, rules_content(p_version) -> 'deadlines');
END
$$;

-- Sets (p_value) or clears (NULL) a unit's override of one deadline key. Administrators only; the
-- key and value are checked by the table's CHECKs, the unit by its foreign key.
CREATE FUNCTION admin_set_unit_deadline(p_unit text, p_key text, p_value integer, p_reason text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_id bigint;
BEGIN
    IF NOT caller_is_admin() THEN
        RAISE EXCEPTION 'only an administrator may change deadlines' USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:admin_required';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM units WHERE code = p_unit) THEN
        PERFORM refuse('unknown_unit', 'no such unit', 'no_data_found');
    END IF;
    INSERT INTO unit_deadline_overrides (unit_code, key, value, reason)
    VALUES (p_unit, p_key, p_value, p_reason) RETURNING id INTO v_id;
    RETURN v_id;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Person flags
-- ---------------------------------------------------------------------------------------------

-- The only way to change a flag: a security coordinator of the unit (or an administrator), with a
-- reason; setting a flag in force, or lifting one that is not, is refused.
CREATE FUNCTION set_person_flag(p_person text, p_unit text, p_flag text, p_action text, p_reason text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_id bigint;
    v_set boolean;
BEGIN
    IF app_role() NOT IN ('security_coordinator', 'admin') AND NOT session_is_superuser() THEN
        PERFORM refuse('coordinator_required', 'person flags are set and lifted by a security coordinator',
                       'insufficient_privilege');
    END IF;
    IF NOT (p_unit IN (SELECT writable_units()) OR caller_is_admin() OR session_is_superuser()) THEN
        PERFORM refuse('unit_not_permitted', 'you may not write for this unit', 'insufficient_privilege');
    END IF;
    IF p_person IS NULL OR p_person !~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$' THEN
        PERFORM refuse('invalid_person', 'a person is named by a case number (letters, digits, . _ / -)');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM person_flag_codes WHERE code = p_flag) THEN
        PERFORM refuse('unknown_flag', 'the flag is one of forvaring, infoflyt, remand_restricted', 'foreign_key_violation');
    END IF;
    IF p_reason IS NULL OR btrim(p_reason) = '' THEN
        PERFORM refuse('reason_required', 'a flag is set or lifted with a reason');
    END IF;
    -- One change of a person's flag at a time, so that two coordinators cannot both set it.
    PERFORM pg_advisory_xact_lock(hashtext('vaktlogg:person_flag'), hashtext(p_person || '/' || p_flag));
    v_set := EXISTS (SELECT 1 FROM person_flags_current WHERE person_ref = p_person AND flag = p_flag);
    IF p_action = 'set' AND v_set THEN
        PERFORM refuse('flag_already_set', 'the flag is already set on this person');
    ELSIF p_action = 'lift' AND NOT v_set THEN
        PERFORM refuse('flag_not_set', 'the flag is not set on this person');
    ELSIF p_action IS DISTINCT FROM 'set' AND p_action IS DISTINCT FROM 'lift' THEN
        PERFORM refuse('invalid_action', 'a flag is set or lifted');
    END IF;
    INSERT INTO persons (ref) VALUES (p_person) ON CONFLICT DO NOTHING;
    INSERT INTO person_flags (person_ref, unit_code, flag, action, reason, at, by)
    VALUES (p_person, p_unit, p_flag, p_action, p_reason, now(), current_app_user())
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;

-- Step 1 of reading a named person's flags: the read is logged in its own transaction (as for an
-- entry's persons, migration 015). Coordinators, managers and administrators, in a unit they see.
CREATE FUNCTION request_person_read(p_person text, p_unit text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_id bigint;
BEGIN
    IF app_role() NOT IN ('security_coordinator', 'manager', 'admin') THEN
        PERFORM refuse('coordinator_required', 'a person''s flags are read by a coordinator, a manager or an administrator',
                       'insufficient_privilege');
    END IF;
    IF NOT (p_unit IN (SELECT visible_units())) THEN
        PERFORM refuse('unit_not_visible', 'the unit is not visible to you', 'insufficient_privilege');
    END IF;
    INSERT INTO access_log (unit_code, action, person_ref, read_xact)
    VALUES (p_unit, 'read_persons', p_person, pg_current_xact_id())
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;

-- Step 2: the flags in force on the person, under a committed read of that person by the caller.
CREATE FUNCTION person_flags_of(p_person text, p_read bigint)
    RETURNS TABLE (flag text, set_at timestamptz, set_by text, reason text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF p_read IS NULL OR NOT EXISTS (
            SELECT 1 FROM access_log a
             WHERE a.id = p_read AND a.entry_id IS NULL AND a.person_ref = p_person AND a.action = 'read_persons'
               AND a.actor = current_app_user() AND a.at > now() - interval '10 minutes'
               AND pg_xact_status(a.read_xact) = 'committed') THEN
        PERFORM refuse_unlogged_read();
    END IF;
    RETURN QUERY SELECT f.flag, f.set_at, f.set_by, f.reason FROM person_flags_current f
                  WHERE f.person_ref = p_person ORDER BY f.flag;
END
$$;

-- The flags in force on the persons of an entry, under the same logged read as the persons.
CREATE FUNCTION entry_person_flags(p_entry bigint, p_read bigint)
    RETURNS TABLE (person_ref text, flag text, set_at timestamptz)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM entries x WHERE x.id = p_entry AND x.unit_code IN (SELECT visible_units())) THEN
        RETURN;
    END IF;
    IF NOT logged_read_committed(p_read, p_entry, 'read_persons') THEN
        PERFORM refuse_unlogged_read();
    END IF;
    RETURN QUERY SELECT f.person_ref, f.flag, f.set_at FROM person_flags_current f
                  WHERE f.person_ref IN (SELECT p.person_ref FROM entry_persons p WHERE p.entry_id = p_entry)
                  ORDER BY f.person_ref, f.flag;
END
$$;

-- An incident (revision 2) or threat event naming a person flagged infoflyt requires a decision on
-- informing the police, due within the rule set's (or the unit's) period from when it was reported.
CREATE FUNCTION entry_persons_police() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    e record;
    v_hours integer;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM person_flags_current f WHERE f.person_ref = NEW.person_ref AND f.flag = 'infoflyt') THEN
        RETURN NULL;
    END IF;
    SELECT x.kind, x.unit_code, x.reported_at, r.deadlines, coalesce((r.content ->> 'contract_revision')::int, 1) AS revision
      INTO e FROM entries x JOIN rule_sets r ON r.version = x.rules_version WHERE x.id = NEW.entry_id;
    IF e.kind = 'threat' OR (e.kind = 'incident' AND e.revision >= 2) THEN
        v_hours := (unit_deadlines_applied(e.unit_code, e.deadlines) ->> 'police_decision_hours')::int;
        UPDATE entry_state SET police_decision_required = true,
               police_due = coalesce(police_due, date_trunc('second', e.reported_at) + make_interval(hours => v_hours))
         WHERE entry_id = NEW.entry_id AND NOT police_decision_required AND police_decided_at IS NULL;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER z_police AFTER INSERT ON entry_persons FOR EACH ROW EXECUTE FUNCTION entry_persons_police();

-- The Oslo date of the latest P1 incident involving a person (current tier, after amendments),
-- occurring no later than p_at: what overtakes an assessment. In every unit — the measure check is
-- about the person — but it names no entry and no unit. Internal (measures_prepare).
CREATE FUNCTION person_last_p1_date(p_person text, p_at timestamptz) RETURNS date
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT max((s.occurred_at AT TIME ZONE 'Europe/Oslo')::date)
      FROM entry_persons p JOIN entry_state s ON s.entry_id = p.entry_id
     WHERE p.person_ref = p_person AND s.kind = 'incident' AND s.tier = 1 AND s.occurred_at <= p_at
$$;

-- What the measure check needs of the person's P1 incidents (contract field last_p1_at), for the
-- coordinator deciding the measure: a date only, as of the measure's time (p_at) — the same
-- question measures_prepare asks of NEW.decided_at, so a backdated measure is judged alike by both.
CREATE FUNCTION last_p1_incident_of(p_person text, p_at timestamptz) RETURNS date
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF app_role() IS DISTINCT FROM 'security_coordinator' AND app_role() IS DISTINCT FROM 'admin' THEN
        RETURN NULL;
    END IF;
    RETURN person_last_p1_date(p_person, p_at);
END
$$;

-- A ground belongs to a communication restriction only (the rules contract refuses it elsewhere).
-- NOT VALID: rows stored before are not re-judged.
ALTER TABLE measures ADD CONSTRAINT measures_ground_only_communication
    CHECK (ground IS NULL OR type = 'communication_restriction') NOT VALID;
-- A communication restriction states its ground: with none, measures_check1 (ground = 'security')
-- is NULL and so passed. NOT VALID for the same reason.
ALTER TABLE measures ADD CONSTRAINT measures_communication_ground_required
    CHECK (type <> 'communication_restriction' OR ground IS NOT NULL) NOT VALID;

-- ---------------------------------------------------------------------------------------------
-- The triggers that judge, revision-aware
-- ---------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION public.entries_prepare()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
    v_revision integer;
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
    NEW.reporter := current_app_user();
    NEW.recorded_at := now();
    SELECT hash, deadlines, organised_crime, coalesce((content ->> 'contract_revision')::int, 1)
      INTO v_hash, v_deadlines, v_oc, v_revision FROM rule_sets WHERE version = NEW.rules_version;
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
        -- INFOFLYT is the client's statement about the subject (and, from migration 027, a flag on
        -- a person of the entry: entry_persons_police), never inferred from the information's source.
        NEW.police_decision_required := v_organised OR coalesce(NEW.infoflyt, false);
    ELSE
        NEW.police_decision_required := false;
    END IF;
    -- The unit's overrides in force now apply to this new entry; its deadlines are stored with it.
    v_deadlines := unit_deadlines_applied(NEW.unit_code, v_deadlines);
    NEW.deadlines := rules_deadlines(v_deadlines, NEW.kind, v_tier, NEW.reported_at, NEW.police_decision_required,
                                     v_revision);
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
$function$
;

CREATE OR REPLACE FUNCTION public.entry_events_check()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
    NEW.actor := current_app_user();
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
        IF s.kind IN ('threat', 'incident') AND s.police_decision_required AND s.police_decided_at IS NULL THEN
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
            IF v_reporter = current_app_user() THEN
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
        -- Threat events, and incidents that require one (a person of the entry is flagged infoflyt).
        IF s.kind = 'incident' AND NOT s.police_decision_required THEN
            PERFORM refuse('police_decision_not_required', 'this incident involves no INFOFLYT person; no police decision is required');
        END IF;
        IF s.kind NOT IN ('threat', 'incident') THEN
            PERFORM refuse('threat_only', 'police decisions are recorded on threat events and on incidents involving an INFOFLYT person');
        END IF;
        IF NOT (NEW.data ->> 'decision' IN ('inform', 'not_inform')) OR NEW.text IS NULL THEN
            PERFORM refuse('justification_required', 'a police decision is inform or not_inform, with a justification');
        END IF;
    ELSE
        NULL;
    END CASE;
    RETURN NEW;
END
$function$
;

CREATE OR REPLACE FUNCTION public.measures_prepare()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
DECLARE
    v_purpose_tier smallint;
    v_strongest_burden smallint;
    a risk_assessments;
    v_permitted smallint;
    v_rules jsonb;
    v_revision integer;
    v_decided date;
    v_assessed date;
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
    NEW.decided_by := current_app_user();
    NEW.decided_at := fact_time(NEW.decided_at);
    v_rules := rules_content(NEW.rules_version);
    v_revision := coalesce((v_rules ->> 'contract_revision')::int, 1);
    IF EXISTS (SELECT 1 FROM unnest(NEW.burdens) b WHERE b NOT IN (SELECT code FROM interests)) THEN
        PERFORM refuse('unknown_interest', 'unknown interest among the burdened');
    END IF;
    SELECT tier INTO v_purpose_tier FROM interests WHERE code = NEW.purpose;
    SELECT min(tier) INTO v_strongest_burden FROM interests WHERE code = ANY (NEW.burdens);
    -- Strict: order never outweighs life, health or public safety. Revision 1 (ksf-2006.1) also held
    -- security and rehabilitation to it; from revision 2 those are main-rule departures (below).
    IF v_strongest_burden = 1 AND (NEW.purpose = 'order' OR (v_revision < 2 AND v_purpose_tier > 1)) THEN
        PERFORM refuse('weighting_strict', 'a measure may not burden life, health or public safety for a weaker purpose');
    END IF;
    IF v_strongest_burden < v_purpose_tier AND NEW.justification IS NULL THEN
        PERFORM refuse('weighting_main_rule', 'departing from the main rule of the weighting needs a justification');
    END IF;
    IF NEW.restrictiveness >= (v_rules ->> 'assessment_required_from_restrictiveness')::int THEN
        IF a.id IS NOT NULL AND a.person_ref IS DISTINCT FROM NEW.person_ref THEN
            PERFORM refuse('assessment_other_person', 'the risk assessment is of another person');
        END IF;
        IF v_revision < 2 THEN
            IF NEW.justification IS NULL AND (a.id IS NULL OR a.valid_until < NEW.decided_at::date) THEN
                PERFORM refuse('proportionality_assessment', 'a restrictive measure needs a current individual risk assessment');
            END IF;
        ELSE
            -- One source of the period (the rule set's renewal days, as the rules module counts them,
            -- in Oslo dates), and a P1 incident involving the person on a later date overtakes it.
            v_decided := (NEW.decided_at AT TIME ZONE 'Europe/Oslo')::date;
            v_assessed := (a.assessed_at AT TIME ZONE 'Europe/Oslo')::date;
            IF NEW.justification IS NULL AND (a.id IS NULL OR v_assessed > v_decided
                    OR v_decided - v_assessed > (v_rules -> 'deadlines' ->> 'risk_assessment_renewal_days')::int) THEN
                PERFORM refuse('proportionality_assessment', 'a restrictive measure needs a current individual risk assessment');
            END IF;
            IF NEW.justification IS NULL AND person_last_p1_date(NEW.person_ref, NEW.decided_at) > v_assessed THEN
                PERFORM refuse('proportionality_overtaken',
                               'a P1 incident involving the person came after the risk assessment; it must be renewed');
            END IF;
        END IF;
        v_permitted := coalesce((v_rules -> 'restrictiveness_limits' ->> a.band)::smallint, 4);
        IF NEW.justification IS NULL AND a.id IS NOT NULL AND NEW.restrictiveness > v_permitted THEN
            PERFORM refuse('proportionality_level', 'the measure is more restrictive than the risk assessment supports');
        END IF;
    END IF;
    RETURN NEW;
END
$function$
;

CREATE OR REPLACE FUNCTION public.decisions_prepare()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
DECLARE
    x bigint;
    v_rules jsonb;
    v_flags text[];
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
    NEW.decided_by := current_app_user();
    NEW.decided_at := fact_time(NEW.decided_at);
    FOREACH x IN ARRAY coalesce(NEW.assessment_ids, '{}') LOOP
        PERFORM usable_assessment(x, NEW.unit_code);
    END LOOP;
    -- Significance by type (contract revision 2): the rule set names the types significant by
    -- default; a decision of such a type is significant unless a reason says why not, and for a
    -- person flagged forvaring or infoflyt a leave, transfer to lower security or release always is.
    v_rules := rules_content(NEW.rules_version);
    IF coalesce((v_rules ->> 'contract_revision')::int, 1) >= 2 AND NEW.decision_type IS NOT NULL
       AND NOT NEW.public_safety_significant THEN
        SELECT coalesce(array_agg(f.flag), '{}') INTO v_flags FROM person_flags_current f WHERE f.person_ref = NEW.person_ref;
        IF NEW.decision_type IN ('leave', 'transfer_lower', 'release_progression') AND v_flags && ARRAY['forvaring', 'infoflyt'] THEN
            PERFORM refuse('decision_always_significant',
                           'a leave, transfer to lower security or release of a person flagged forvaring or infoflyt is significant for public safety');
        END IF;
        IF v_rules -> 'significant_decision_types' ? NEW.decision_type AND NEW.not_significant_reason IS NULL THEN
            PERFORM refuse('decision_significance_required',
                           'a decision of this type is significant for public safety unless a reason says why not');
        END IF;
    END IF;
    RETURN NEW;
END
$function$
;

-- ---------------------------------------------------------------------------------------------
-- Grants
-- ---------------------------------------------------------------------------------------------

REVOKE EXECUTE ON FUNCTION rules_deadlines(jsonb, text, smallint, timestamptz, boolean, integer),
    unit_deadlines_applied(text, jsonb), unit_deadlines(text, text), admin_set_unit_deadline(text, text, integer, text),
    set_person_flag(text, text, text, text, text), request_person_read(text, text), person_flags_of(text, bigint),
    entry_person_flags(bigint, bigint), entry_persons_police(), person_last_p1_date(text, timestamptz),
    last_p1_incident_of(text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION unit_deadlines(text, text), admin_set_unit_deadline(text, text, integer, text),
    set_person_flag(text, text, text, text, text), request_person_read(text, text), person_flags_of(text, bigint),
    entry_person_flags(bigint, bigint), last_p1_incident_of(text, timestamptz) TO vaktlogg_user;
