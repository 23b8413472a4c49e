-- Vaktlogg schema, part 25: the HTTP service's authenticator and API tokens (issue #12).
--
-- Principle: the server logs in as a role that can do nothing by itself. Per transaction it presents
-- the hash of a request's token to begin_request(), which (and only which) records in a table the
-- server cannot write who the token belongs to, and switches the transaction's role to that user.
-- Every access rule keys on current_app_user(): the login itself for a direct session (psql, CLI),
-- and for the authenticator the token's user — only while the transaction's role is that same user.
-- Without a token, or after switching to another role, current_app_user() is NULL and every policy
-- and write trigger refuses. A stolen server session can thus act only as users whose tokens it sees.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vaktlogg_authenticator') THEN
        -- NOINHERIT: membership of users' roles (granted with their first token) gives it nothing
        -- until a transaction switches role; its login password is set by the operator.
        CREATE ROLE vaktlogg_authenticator LOGIN NOINHERIT;
    END IF;
END
$$;
DO $$
BEGIN
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO vaktlogg_authenticator', current_database());
END
$$;
GRANT USAGE ON SCHEMA public TO vaktlogg_authenticator;

-- Only the hash of a token is kept: a copy of the database does not let anyone call the API.
CREATE TABLE api_tokens (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_name text NOT NULL REFERENCES app_users (name),
    token_hash bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL,
    expires_at timestamptz,
    revoked_at timestamptz,
    revoked_by text,
    CHECK (expires_at IS NULL OR expires_at > created_at)
);
REVOKE ALL ON api_tokens FROM PUBLIC;

-- Which token user a backend's current transaction acts for. Keyed by backend and the 64-bit
-- transaction id, so a row never outlives its transaction's meaning (ids are never reused).
CREATE UNLOGGED TABLE api_request_context (
    pid integer PRIMARY KEY,
    xact xid8 NOT NULL,
    user_name text NOT NULL,
    token_id bigint NOT NULL
);
REVOKE ALL ON api_request_context FROM PUBLIC;

CREATE FUNCTION current_app_user() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT CASE WHEN session_user::text <> 'vaktlogg_authenticator' THEN session_user::text
                ELSE (SELECT c.user_name FROM api_request_context c
                       WHERE c.pid = pg_backend_pid()
                         AND c.xact = pg_current_xact_id_if_assigned()
                         AND c.user_name = current_setting('role'))
           END
$$;
REVOKE EXECUTE ON FUNCTION current_app_user() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION current_app_user() TO vaktlogg_user, vaktlogg_authenticator;

-- Records the token's user for this transaction. Separate from begin_request() because a
-- SECURITY DEFINER function may not switch roles.
CREATE FUNCTION api_token_enter(p_hash bytea) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_user text;
    v_token bigint;
BEGIN
    IF session_user::text <> 'vaktlogg_authenticator' THEN
        RAISE EXCEPTION 'only the service login acts for a token' USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:authenticator_only';
    END IF;
    SELECT t.user_name, t.id INTO v_user, v_token
      FROM api_tokens t JOIN app_users a ON a.name = t.user_name
     WHERE t.token_hash = p_hash AND t.revoked_at IS NULL AND a.disabled_at IS NULL
       AND (t.expires_at IS NULL OR t.expires_at > now());
    IF v_user IS NULL THEN
        RAISE EXCEPTION 'unknown, revoked or expired token' USING ERRCODE = 'invalid_authorization_specification',
            HINT = 'vaktlogg:token_invalid';
    END IF;
    DELETE FROM api_request_context WHERE pid = pg_backend_pid();
    INSERT INTO api_request_context (pid, xact, user_name, token_id)
        VALUES (pg_backend_pid(), pg_current_xact_id(), v_user, v_token);
    RETURN v_user;
END
$$;
REVOKE EXECUTE ON FUNCTION api_token_enter(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_token_enter(bytea) TO vaktlogg_authenticator;

-- The one call the server makes at the start of each request's transaction.
CREATE FUNCTION begin_request(p_hash bytea) RETURNS text
    LANGUAGE plpgsql SET search_path = public, pg_temp
AS $$
DECLARE
    v_user text := api_token_enter(p_hash);
BEGIN
    PERFORM set_config('role', v_user, true);
    RETURN v_user;
END
$$;
REVOKE EXECUTE ON FUNCTION begin_request(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION begin_request(bytea) TO vaktlogg_authenticator;

-- Administration of tokens. The user's role is granted to the authenticator here, so the service
-- can switch only to users that have (had) a token.
CREATE FUNCTION admin_create_token(p_user text, p_hash bytea, p_expires timestamptz) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_id bigint;
BEGIN
    IF NOT caller_is_admin() THEN
        RAISE EXCEPTION 'only an administrator may create tokens' USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:admin_required';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM app_users WHERE name = p_user AND disabled_at IS NULL) THEN
        RAISE EXCEPTION 'no active user %', p_user USING ERRCODE = 'no_data_found',
            HINT = 'vaktlogg:unknown_user';
    END IF;
    IF p_expires IS NOT NULL AND p_expires <= now() THEN
        RAISE EXCEPTION 'a token must expire in the future' USING ERRCODE = 'check_violation',
            HINT = 'vaktlogg:token_expiry_past';
    END IF;
    INSERT INTO api_tokens (user_name, token_hash, created_by, expires_at)
        VALUES (p_user, p_hash, current_app_user(), p_expires) RETURNING id INTO v_id;
    EXECUTE format('GRANT %I TO vaktlogg_authenticator', p_user);
    RETURN v_id;
END
$$;
REVOKE EXECUTE ON FUNCTION admin_create_token(text, bytea, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION admin_create_token(text, bytea, timestamptz) TO vaktlogg_user;

CREATE FUNCTION admin_list_tokens()
    RETURNS TABLE (id bigint, user_name text, created_at timestamptz, created_by text,
                   expires_at timestamptz, revoked_at timestamptz)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT caller_is_admin() THEN
        RAISE EXCEPTION 'only an administrator may list tokens' USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:admin_required';
    END IF;
    RETURN QUERY SELECT t.id, t.user_name, t.created_at, t.created_by, t.expires_at, t.revoked_at
                   FROM api_tokens t ORDER BY t.id;
END
$$;
REVOKE EXECUTE ON FUNCTION admin_list_tokens() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION admin_list_tokens() TO vaktlogg_user;

CREATE FUNCTION admin_revoke_token(p_id bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT caller_is_admin() THEN
        RAISE EXCEPTION 'only an administrator may revoke tokens' USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:admin_required';
    END IF;
    UPDATE api_tokens SET revoked_at = now(), revoked_by = current_app_user()
     WHERE id = p_id AND revoked_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no active token %', p_id USING ERRCODE = 'no_data_found',
            HINT = 'vaktlogg:unknown_token';
    END IF;
END
$$;
REVOKE EXECUTE ON FUNCTION admin_revoke_token(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION admin_revoke_token(bigint) TO vaktlogg_user;

-- An integration submits entries for its units and reads back only what it submitted.
CREATE POLICY integration_reads_own ON entries AS RESTRICTIVE FOR SELECT TO vaktlogg_user
    USING (app_role() IS DISTINCT FROM 'integration' OR reporter = current_app_user());
CREATE POLICY integration_no_measures ON measures AS RESTRICTIVE FOR INSERT TO vaktlogg_user
    WITH CHECK (app_role() IS DISTINCT FROM 'integration');
CREATE POLICY integration_no_decisions ON decisions AS RESTRICTIVE FOR INSERT TO vaktlogg_user
    WITH CHECK (app_role() IS DISTINCT FROM 'integration');

-- Every rule that asked "who is the login" now asks "who is acting" (same answer outside the server).
ALTER TABLE app_users ALTER COLUMN created_by SET DEFAULT current_app_user();
ALTER TABLE rule_sets ALTER COLUMN registered_by SET DEFAULT current_app_user();

ALTER POLICY read_as_needed ON app_users
    USING (((app_role() IS NOT NULL) AND ((name = current_app_user()) OR (app_role() = ANY (ARRAY['admin'::text, 'auditor'::text])) OR (EXISTS ( SELECT 1
   FROM user_units uu
  WHERE ((uu.user_name = app_users.name) AND (uu.unit_code IN ( SELECT visible_units() AS visible_units))))))));

CREATE OR REPLACE FUNCTION public.access_log_prepare()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
    NEW.actor := current_app_user();
    NEW.at := now();
    RETURN NEW;
END
$function$
;
CREATE OR REPLACE FUNCTION public.admin_disable_user(p_name text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
    IF NOT caller_is_admin() THEN
        RAISE EXCEPTION 'only an administrator may disable users' USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:admin_required';
    END IF;
    IF p_name = current_app_user() THEN
        RAISE EXCEPTION 'an administrator cannot disable their own account' USING ERRCODE = 'check_violation',
            HINT = 'vaktlogg:disable_self';
    END IF;
    UPDATE app_users SET disabled_at = now() WHERE name = p_name AND disabled_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no active user %', p_name USING ERRCODE = 'no_data_found',
            HINT = 'vaktlogg:unknown_user';
    END IF;
    -- The login role may serve other databases of the cluster; its access here ends with the row
    -- above (every policy requires an active user), it can no longer connect here, and the sessions
    -- it has open here are ended.
    EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM %I', current_database(), p_name);
    PERFORM admin_end_sessions(p_name);
END
$function$
;
CREATE OR REPLACE FUNCTION public.amendments_prepare()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
    NEW.actor := current_app_user();
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
$function$
;
CREATE OR REPLACE FUNCTION public.app_role()
 RETURNS text
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
    SELECT role FROM app_users WHERE name = current_app_user() AND disabled_at IS NULL
$function$
;
CREATE OR REPLACE FUNCTION public.caller_is_admin()
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
    SELECT app_role() = 'admin'
        OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_app_user())
$function$
;
CREATE OR REPLACE FUNCTION public.chain_hash_at(p_unit text, p_seq bigint)
 RETURNS bytea
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
DECLARE
    v_sql text;
    v_hash bytea;
BEGIN
    IF NOT (p_unit IN (SELECT visible_units())
            OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_app_user())) THEN
        RAISE EXCEPTION 'unit % is not visible to you', p_unit USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:unit_not_visible';
    END IF;
    IF NOT chain_hash_visible(p_unit, p_seq) THEN
        RAISE EXCEPTION 'this hash covers a sealed reporter; it is shown to auditors and administrators'
            USING ERRCODE = 'insufficient_privilege', HINT = 'vaktlogg:hash_sealed';
    END IF;
    IF p_seq = 0 THEN
        RETURN chain_genesis(p_unit);
    END IF;
    SELECT string_agg(format('SELECT x.row_hash FROM %I x WHERE x.unit_code = $1 AND x.chain_seq = $2', name),
                      ' UNION ALL ' ORDER BY name)
      INTO v_sql FROM fact_tables;
    EXECUTE 'SELECT row_hash FROM (' || v_sql || ') s LIMIT 1' INTO v_hash USING p_unit, p_seq;
    RETURN v_hash;
END
$function$
;
CREATE OR REPLACE FUNCTION public.chain_hash_visible(p_unit text, p_seq bigint)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
    RETURN app_role() IN ('auditor', 'admin')
        OR coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = current_app_user()), false)
        OR NOT EXISTS (SELECT 1 FROM legacy_sealed_rows l WHERE l.unit_code = p_unit AND l.chain_seq <= p_seq);
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
    RETURN NEW;
END
$function$
;
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
$function$
;
CREATE OR REPLACE FUNCTION public.entry_persons_prepare()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
    NEW.unit_code := visible_entry_unit(NEW.entry_id);
    IF EXISTS (SELECT 1 FROM entry_persons
               WHERE entry_id = NEW.entry_id AND person_ref = NEW.person_ref AND role = NEW.role) THEN
        RETURN NULL;
    END IF;
    NEW.added_by := current_app_user();
    NEW.added_at := fact_time(NEW.added_at);
    INSERT INTO persons (ref) VALUES (NEW.person_ref) ON CONFLICT DO NOTHING;
    RETURN NEW;
END
$function$
;
CREATE OR REPLACE FUNCTION public.entry_reporter(p_entry bigint)
 RETURNS text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
DECLARE
    e record;
BEGIN
    SELECT x.unit_code, x.kind, x.reporter INTO e FROM entries x
     WHERE x.id = p_entry AND x.unit_code IN (SELECT visible_units());
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF e.kind <> 'manipulation' OR e.reporter = current_app_user() THEN
        RETURN e.reporter;
    END IF;
    RETURN NULL;
END
$function$
;
CREATE OR REPLACE FUNCTION public.entry_reporter(p_entry bigint, p_read bigint)
 RETURNS text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
DECLARE
    e record;
BEGIN
    SELECT x.unit_code, x.kind, x.reporter INTO e FROM entries x
     WHERE x.id = p_entry AND x.unit_code IN (SELECT visible_units());
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF e.kind <> 'manipulation' OR e.reporter = current_app_user() THEN
        RETURN e.reporter;
    END IF;
    IF is_coordinator_of(e.unit_code) AND logged_read_committed(p_read, p_entry, 'read_reporter') THEN
        RETURN e.reporter;
    END IF;
    IF is_coordinator_of(e.unit_code) THEN
        PERFORM refuse_unlogged_read();
    END IF;
    RETURN NULL;
END
$function$
;
CREATE OR REPLACE FUNCTION public.is_coordinator_of(p_unit text)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
    SELECT EXISTS (SELECT 1 FROM app_users a JOIN user_units uu ON uu.user_name = a.name
                   WHERE a.name = current_app_user() AND a.disabled_at IS NULL
                     AND a.role = 'security_coordinator' AND uu.unit_code = p_unit)
$function$
;
CREATE OR REPLACE FUNCTION public.logged_read_committed(p_read bigint, p_entry bigint, p_action text)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
    RETURN p_read IS NOT NULL AND EXISTS (
        SELECT 1 FROM access_log a
         WHERE a.id = p_read AND a.entry_id = p_entry AND a.action = p_action
           AND coalesce(a.actor, a.sealed_by) = current_app_user()
           AND a.at > now() - interval '10 minutes'
           AND pg_xact_status(a.read_xact) = 'committed');
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
$function$
;
CREATE OR REPLACE FUNCTION public.request_read(p_entry bigint, p_what text)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
DECLARE
    e record;
    v_action text;
    v_id bigint;
BEGIN
    -- Scope first: an entry outside the caller's units is refused as if it did not exist.
    SELECT x.id, x.unit_code, x.kind, x.reporter INTO e FROM entries x
     WHERE x.id = p_entry AND x.unit_code IN (SELECT visible_units());
    IF NOT FOUND THEN
        PERFORM refuse('unknown_entry', 'no such entry in your units', 'no_data_found');
    END IF;
    CASE p_what
    WHEN 'persons' THEN
        IF NOT EXISTS (SELECT 1 FROM entry_persons p WHERE p.entry_id = p_entry)
           AND NOT EXISTS (SELECT 1 FROM measures m WHERE m.entry_id = p_entry AND m.person_ref IS NOT NULL) THEN
            RETURN NULL;
        END IF;
        v_action := 'read_persons';
    WHEN 'reporter' THEN
        IF e.kind <> 'manipulation' OR e.reporter = current_app_user() OR NOT is_coordinator_of(e.unit_code) THEN
            RETURN NULL;
        END IF;
        v_action := 'read_reporter';
    ELSE
        PERFORM refuse('unknown_read', 'a logged read is of persons or reporter');
    END CASE;
    INSERT INTO access_log (unit_code, action, entry_id, read_xact)
    VALUES (e.unit_code, v_action, p_entry, pg_current_xact_id())
    RETURNING id INTO v_id;
    RETURN v_id;
END
$function$
;
CREATE OR REPLACE FUNCTION public.risk_assessments_prepare()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
    NEW.assessor := current_app_user();
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
$function$
;
CREATE OR REPLACE FUNCTION public.sealed_visible_to_caller(p_entry bigint)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
    RETURN EXISTS (SELECT 1 FROM entries e WHERE e.id = p_entry AND e.reporter = current_app_user()
                                             AND app_role() IS NOT NULL)
        OR EXISTS (SELECT 1 FROM access_log a JOIN entries e ON e.id = a.entry_id
                    WHERE a.entry_id = p_entry AND a.action = 'read_reporter'
                      AND coalesce(a.actor, a.sealed_by) = current_app_user() AND is_coordinator_of(e.unit_code)
                      AND pg_xact_status(a.read_xact) = 'committed');
END
$function$
;
CREATE OR REPLACE FUNCTION public.session_is_superuser()
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
    SELECT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = current_app_user()), false)
$function$
;
CREATE OR REPLACE FUNCTION public.shift_log_prepare()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
DECLARE
    h shift_log;
BEGIN
    NEW.actor := current_app_user();
    NEW.at := fact_time(NEW.at);
    IF NEW.event = 'accept' THEN
        SELECT * INTO h FROM shift_log WHERE id = NEW.handover_id AND event = 'handover';
        IF NOT FOUND OR h.unit_code IS DISTINCT FROM NEW.unit_code
           OR NOT (h.unit_code IN (SELECT writable_units()) OR session_is_superuser()) THEN
            PERFORM refuse('unknown_handover', 'no such handover in this unit', 'no_data_found');
        END IF;
        IF h.actor = current_app_user() THEN
            PERFORM refuse('accept_own_handover', 'a handover is accepted by the incoming officer, not the outgoing');
        END IF;
        IF EXISTS (SELECT 1 FROM shift_log WHERE handover_id = NEW.handover_id) THEN
            PERFORM refuse('already_accepted', 'the handover has already been accepted');
        END IF;
    END IF;
    RETURN NEW;
END
$function$
;
CREATE OR REPLACE FUNCTION public.verify_chain(p_unit text)
 RETURNS TABLE(unit_code text, rows bigint, head bytea, ok boolean, broken_table text, broken_id bigint, broken_seq bigint, problem text)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
 SET "TimeZone" TO 'UTC'
AS $function$
DECLARE
    v_sql text;
    v_prev bytea := chain_genesis(p_unit);
    v_expected bigint := 1;
    r record;
    v_head chain_heads;
BEGIN
    IF NOT (p_unit IN (SELECT visible_units())
            OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_app_user())) THEN
        RAISE EXCEPTION 'unit % is not visible to you', p_unit USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:unit_not_visible';
    END IF;
    unit_code := p_unit;
    SELECT string_agg(format('SELECT %L AS t, x.id, x.chain_seq, x.prev_hash, x.row_hash, to_jsonb(x) AS body FROM %I x WHERE x.unit_code = $1', name, name), ' UNION ALL ' ORDER BY name)
      INTO v_sql FROM fact_tables;
    FOR r IN EXECUTE 'SELECT * FROM (' || v_sql || ') s ORDER BY chain_seq' USING p_unit LOOP
        problem := CASE WHEN r.chain_seq > v_expected THEN 'missing_row'
                        WHEN r.chain_seq < v_expected THEN 'duplicate_seq'
                        WHEN r.prev_hash IS DISTINCT FROM v_prev THEN 'broken_link'
                        WHEN r.row_hash IS DISTINCT FROM chain_hash(r.prev_hash, r.t, r.body)
                             OR NOT chain_seal_intact(r.body) THEN 'content_changed' END;
        IF problem IS NOT NULL THEN
            rows := v_expected - 1; ok := false;
            head := CASE WHEN chain_hash_visible(p_unit, rows) THEN v_prev END;
            broken_table := r.t; broken_id := r.id; broken_seq := r.chain_seq;
            RETURN NEXT; RETURN;
        END IF;
        v_prev := r.row_hash;
        v_expected := v_expected + 1;
    END LOOP;
    rows := v_expected - 1;
    head := CASE WHEN chain_hash_visible(p_unit, rows) THEN v_prev END;
    SELECT * INTO v_head FROM chain_heads h WHERE h.unit_code = p_unit;
    IF FOUND AND (v_head.seq <> rows OR v_head.head <> v_prev) THEN
        ok := false; broken_seq := rows + 1; problem := 'rows_missing_at_end';
        RETURN NEXT; RETURN;
    END IF;
    ok := true;
    RETURN NEXT;
END
$function$
;
CREATE OR REPLACE FUNCTION public.visible_units()
 RETURNS SETOF text
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
    RETURN QUERY
    SELECT u.code FROM units u
    WHERE EXISTS (SELECT 1 FROM app_users a
                  WHERE a.name = current_app_user() AND a.disabled_at IS NULL
                    AND (a.role IN ('auditor', 'admin')
                         OR EXISTS (SELECT 1 FROM user_units uu
                                    WHERE uu.user_name = a.name AND uu.unit_code = u.code)));
END
$function$
;
CREATE OR REPLACE FUNCTION public.writable_units()
 RETURNS SETOF text
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
    RETURN QUERY
    SELECT u.code FROM units u
    WHERE EXISTS (SELECT 1 FROM app_users a
                  WHERE a.name = current_app_user() AND a.disabled_at IS NULL
                    AND (a.role = 'admin'
                         OR (a.role IN ('duty_officer', 'security_coordinator', 'integration')
                             AND EXISTS (SELECT 1 FROM user_units uu
                                         WHERE uu.user_name = a.name AND uu.unit_code = u.code))));
END
$function$
;
