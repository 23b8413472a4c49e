-- Vaktlogg schema v1, part 3: entries of the four kinds, their persons, lifecycle events and
-- amendments, and the current-state projection kept in the same transaction.

CREATE TABLE entries (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ref text NOT NULL UNIQUE,
    kind text NOT NULL REFERENCES entry_kinds (code),
    category text NOT NULL,
    unit_code text NOT NULL REFERENCES units (code),
    occurred_at timestamptz NOT NULL,
    -- When the officer reported it (kept from the spool when delivered later) and when the database
    -- stored it.
    reported_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL,
    reporter text NOT NULL,
    domain text NOT NULL CHECK (domain IN ('correctional_security', 'hse', 'infosec')),
    text text NOT NULL CHECK (btrim(text) <> '' AND length(text) <= 20000),
    interests text[] NOT NULL CHECK (cardinality(interests) > 0),
    probability smallint NOT NULL CHECK (probability BETWEEN 1 AND 5),
    consequence smallint NOT NULL CHECK (consequence BETWEEN 1 AND 5),
    risk_score smallint NOT NULL CHECK (risk_score = probability * consequence),
    tier smallint NOT NULL CHECK (tier BETWEEN 1 AND 4),
    priority text NOT NULL CHECK (priority = 'P' || tier),
    -- manipulation reports
    target text CHECK (target IN ('self', 'colleague', 'family')),
    in_working_hours boolean,
    -- threat events
    threat_source text CHECK (threat_source IN ('own_observation', 'inmate', 'staff', 'police_infoflyt',
                                                'other_agency', 'technical')),
    source_reliability text CHECK (source_reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    info_credibility smallint CHECK (info_credibility BETWEEN 1 AND 6),
    oc_criteria smallint[] CHECK (oc_criteria <@ '{1,2,3,4,5,6,7,8,9,10,11}'::smallint[]),
    infoflyt boolean,
    police_decision_required boolean NOT NULL DEFAULT false,
    -- the judgement the rules module made, under which rule-set version
    rules_version text NOT NULL CHECK (btrim(rules_version) <> ''),
    rules_hash text NOT NULL,
    trace jsonb NOT NULL CHECK (jsonb_typeof(trace) = 'array'),
    deadlines jsonb NOT NULL CHECK (jsonb_typeof(deadlines) = 'array'),
    idempotency_key uuid NOT NULL UNIQUE,
    chain_seq bigint NOT NULL,
    prev_hash bytea NOT NULL,
    row_hash bytea NOT NULL,
    FOREIGN KEY (kind, category) REFERENCES categories (kind, code),
    CHECK ((kind = 'manipulation') = (target IS NOT NULL AND in_working_hours IS NOT NULL)),
    CHECK ((kind = 'threat') = (threat_source IS NOT NULL)),
    CHECK (kind = 'threat' OR (source_reliability IS NULL AND info_credibility IS NULL
                               AND oc_criteria IS NULL AND infoflyt IS NULL)),
    CHECK (occurred_at <= reported_at + interval '5 minutes')
);
CREATE INDEX entries_unit_occurred ON entries (unit_code, occurred_at);

-- Fills what the writer may not choose (reference, reporter, recorded time) and checks what a
-- CHECK constraint cannot see: the category's default interests present, the tier matching them,
-- times not in the future.
CREATE FUNCTION entries_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_defaults text[];
    v_tier smallint;
    v_count bigint;
BEGIN
    NEW.reporter := session_user;
    NEW.recorded_at := now();
    SELECT default_interests INTO v_defaults FROM categories WHERE kind = NEW.kind AND code = NEW.category;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown category % for %', NEW.category, NEW.kind
            USING ERRCODE = 'foreign_key_violation', HINT = 'vaktlogg:unknown_category';
    END IF;
    IF NOT NEW.interests @> v_defaults THEN
        RAISE EXCEPTION 'the interests of category % cannot be removed', NEW.category
            USING ERRCODE = 'check_violation', HINT = 'vaktlogg:default_interests_removed';
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(NEW.interests) i WHERE i NOT IN (SELECT code FROM interests)) THEN
        RAISE EXCEPTION 'unknown interest' USING ERRCODE = 'check_violation', HINT = 'vaktlogg:unknown_interest';
    END IF;
    SELECT min(tier) INTO v_tier FROM interests WHERE code = ANY (NEW.interests);
    IF NEW.tier IS DISTINCT FROM v_tier THEN
        RAISE EXCEPTION 'tier % does not match the interests (tier %)', NEW.tier, v_tier
            USING ERRCODE = 'check_violation', HINT = 'vaktlogg:tier_mismatch';
    END IF;
    IF NEW.occurred_at > now() + interval '5 minutes' OR NEW.reported_at > now() + interval '5 minutes' THEN
        RAISE EXCEPTION 'time lies in the future' USING ERRCODE = 'check_violation',
            HINT = 'vaktlogg:time_in_future';
    END IF;
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
CREATE TRIGGER a_prepare BEFORE INSERT ON entries FOR EACH ROW EXECUTE FUNCTION entries_prepare();
SELECT make_fact_table('entries');

-- Persons involved in an entry, by pseudonymous reference and role.
CREATE TABLE entry_persons (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id bigint NOT NULL REFERENCES entries (id),
    unit_code text NOT NULL,
    person_ref text NOT NULL REFERENCES persons (ref),
    role text NOT NULL CHECK (role IN ('inmate', 'convict', 'remand', 'staff', 'relative', 'visitor', 'external')),
    added_by text NOT NULL,
    added_at timestamptz NOT NULL,
    chain_seq bigint NOT NULL,
    prev_hash bytea NOT NULL,
    row_hash bytea NOT NULL,
    UNIQUE (entry_id, person_ref, role)
);
CREATE INDEX entry_persons_person ON entry_persons (person_ref);

-- ---------------------------------------------------------------------------------------------
-- Lifecycle events
-- ---------------------------------------------------------------------------------------------

CREATE TABLE event_types (
    code text PRIMARY KEY
);
INSERT INTO event_types VALUES
    ('acknowledge'), ('assign'), ('comment'), ('treatment_started'), ('measure_decided'), ('close'),
    ('reopen'), ('supervision_offered'), ('supervision_held'), ('threat_assessed'), ('police_decision'),
    ('escalated');

-- Which role may record which event (unit scope is checked separately).
CREATE TABLE event_roles (
    event text NOT NULL REFERENCES event_types (code),
    role text NOT NULL,
    PRIMARY KEY (event, role)
);
INSERT INTO event_roles (event, role)
SELECT e, r FROM (VALUES
    ('acknowledge', '{duty_officer,security_coordinator,admin}'),
    ('assign', '{security_coordinator,admin}'),
    ('comment', '{duty_officer,security_coordinator,manager,admin}'),
    ('treatment_started', '{duty_officer,security_coordinator,admin}'),
    ('measure_decided', '{duty_officer,security_coordinator,admin}'),
    ('close', '{duty_officer,security_coordinator,admin}'),
    ('reopen', '{security_coordinator,admin}'),
    ('supervision_offered', '{security_coordinator,admin}'),
    ('supervision_held', '{security_coordinator,admin}'),
    ('threat_assessed', '{security_coordinator,admin}'),
    ('police_decision', '{security_coordinator,admin}'),
    ('escalated', '{security_coordinator,integration,admin}')
) AS t (e, roles), unnest(roles::text[]) AS r;

CREATE TABLE entry_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id bigint NOT NULL REFERENCES entries (id),
    unit_code text NOT NULL,
    event text NOT NULL REFERENCES event_types (code),
    actor text NOT NULL,
    at timestamptz NOT NULL,
    -- assign: the assignee; measure_decided: the responsible person
    assignee text REFERENCES app_users (name),
    -- comment, cause, verification, reopen reason, justification
    text text CHECK (text IS NULL OR (btrim(text) <> '' AND length(text) <= 20000)),
    -- threat_assessed: source, credibility, probability, consequence; police_decision: decision;
    -- measure_decided: measure, due
    data jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(data) = 'object'),
    rules_version text,
    trace jsonb,
    chain_seq bigint NOT NULL,
    prev_hash bytea NOT NULL,
    row_hash bytea NOT NULL
);
CREATE INDEX entry_events_entry ON entry_events (entry_id, id);

-- Corrections: what changed, why, by whom. The original row is never touched.
CREATE TABLE amendments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id bigint NOT NULL REFERENCES entries (id),
    unit_code text NOT NULL,
    actor text NOT NULL,
    at timestamptz NOT NULL,
    reason text NOT NULL CHECK (btrim(reason) <> '' AND length(reason) <= 4000),
    -- field -> new value, only the fields of `amendable_fields`
    changes jsonb NOT NULL CHECK (jsonb_typeof(changes) = 'object' AND changes <> '{}'),
    -- the judgement after the change
    tier smallint CHECK (tier BETWEEN 1 AND 4),
    priority text CHECK (priority = 'P' || tier),
    risk_score smallint CHECK (risk_score BETWEEN 1 AND 25),
    rules_version text NOT NULL,
    trace jsonb NOT NULL,
    chain_seq bigint NOT NULL,
    prev_hash bytea NOT NULL,
    row_hash bytea NOT NULL,
    CHECK (NOT (changes ?| ARRAY['kind', 'unit_code', 'reporter', 'ref', 'reported_at', 'recorded_at', 'id']))
);
CREATE INDEX amendments_entry ON amendments (entry_id, id);

-- ---------------------------------------------------------------------------------------------
-- Current state: one row per entry, maintained by triggers on the facts, never written by users.
-- ---------------------------------------------------------------------------------------------

CREATE TABLE entry_state (
    entry_id bigint PRIMARY KEY REFERENCES entries (id),
    ref text NOT NULL UNIQUE,
    unit_code text NOT NULL,
    kind text NOT NULL,
    category text NOT NULL,
    domain text NOT NULL,
    text text NOT NULL,
    interests text[] NOT NULL,
    probability smallint NOT NULL,
    consequence smallint NOT NULL,
    risk_score smallint NOT NULL,
    tier smallint NOT NULL,
    priority text NOT NULL,
    status text NOT NULL CHECK (status IN ('registered', 'acknowledged', 'under_treatment',
                                           'measure_decided', 'assessed', 'closed')),
    assignee text,
    occurred_at timestamptz NOT NULL,
    reported_at timestamptz NOT NULL,
    acknowledged_at timestamptz,
    acknowledged_by text,
    closed_at timestamptz,
    -- pending deadlines; a deadline is cleared (NULL) when what it asks for has happened
    ack_due timestamptz,
    treatment_due timestamptz,
    close_due timestamptz,
    review_due timestamptz,
    supervision_due timestamptz,
    assessment_due timestamptz,
    police_due timestamptz,
    supervision_offered_at timestamptz,
    supervision_held_at timestamptz,
    assessed_at timestamptz,
    police_decided_at timestamptz,
    police_decision_required boolean NOT NULL,
    escalated_at timestamptz,
    amendment_count integer NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL
);
CREATE INDEX entry_state_triage ON entry_state (unit_code, tier, risk_score DESC, occurred_at)
    WHERE status <> 'closed';
CREATE INDEX entry_state_unit_status ON entry_state (unit_code, status);

-- The earliest pending deadline of an entry, or NULL.
CREATE FUNCTION next_due(s entry_state) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT CASE WHEN s.status = 'closed' THEN NULL
                ELSE least(s.ack_due, s.treatment_due, s.close_due, s.review_due, s.supervision_due,
                           s.assessment_due, s.police_due) END
$$;

CREATE FUNCTION deadline_of(p_deadlines jsonb, p_what text) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT (d ->> 'due')::timestamptz FROM jsonb_array_elements(p_deadlines) d WHERE d ->> 'what' = p_what
    LIMIT 1
$$;

CREATE FUNCTION notify_change(p_table text, p_id bigint, p_entry bigint, p_unit text) RETURNS void
    LANGUAGE sql
AS $$
    -- ids only: no personal data ever travels in a payload
    SELECT pg_notify('vaktlogg', json_build_object('table', p_table, 'id', p_id, 'entry', p_entry,
                                                   'unit', p_unit)::text)
$$;

CREATE FUNCTION entries_project() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    INSERT INTO entry_state (entry_id, ref, unit_code, kind, category, domain, text, interests, probability,
                             consequence, risk_score, tier, priority, status, occurred_at, reported_at,
                             ack_due, treatment_due, close_due, review_due, supervision_due,
                             assessment_due, police_due, police_decision_required, updated_at)
    VALUES (NEW.id, NEW.ref, NEW.unit_code, NEW.kind, NEW.category, NEW.domain, NEW.text, NEW.interests,
            NEW.probability, NEW.consequence, NEW.risk_score, NEW.tier, NEW.priority, 'registered',
            NEW.occurred_at, NEW.reported_at,
            coalesce(deadline_of(NEW.deadlines, 'p1_acknowledge'), deadline_of(NEW.deadlines, 'deviation_acknowledge')),
            deadline_of(NEW.deadlines, 'deviation_treatment'),
            deadline_of(NEW.deadlines, 'deviation_close'),
            deadline_of(NEW.deadlines, 'manipulation_review'),
            deadline_of(NEW.deadlines, 'manipulation_supervision'),
            deadline_of(NEW.deadlines, 'threat_assessment'),
            deadline_of(NEW.deadlines, 'police_decision'),
            NEW.police_decision_required, NEW.recorded_at);
    PERFORM notify_change('entries', NEW.id, NEW.id, NEW.unit_code);
    RETURN NULL;
END
$$;
CREATE TRIGGER b_project AFTER INSERT ON entries FOR EACH ROW EXECUTE FUNCTION entries_project();

CREATE FUNCTION entry_persons_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    SELECT unit_code INTO NEW.unit_code FROM entries WHERE id = NEW.entry_id;
    NEW.added_by := session_user;
    NEW.added_at := fact_time(NEW.added_at);
    INSERT INTO persons (ref) VALUES (NEW.person_ref) ON CONFLICT DO NOTHING;
    RETURN NEW;
END
$$;
CREATE TRIGGER a_prepare BEFORE INSERT ON entry_persons FOR EACH ROW EXECUTE FUNCTION entry_persons_prepare();
SELECT make_fact_table('entry_persons');

-- Raises a refusal with a stable code in HINT (the CLI maps it to a message in the user's language).
CREATE FUNCTION refuse(p_code text, p_message text, p_errcode text DEFAULT 'check_violation') RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION '%', p_message USING ERRCODE = p_errcode, HINT = 'vaktlogg:' || p_code;
END
$$;

-- The lifecycle rules of domain.md §5, checked in the database so that no client can skip them.
CREATE FUNCTION entry_events_check() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    s entry_state;
    v_role text := app_role();
    v_reporter text;
    v_super boolean := (SELECT rolsuper FROM pg_roles WHERE rolname = session_user);
BEGIN
    SELECT * INTO s FROM entry_state WHERE entry_id = NEW.entry_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM refuse('unknown_entry', 'no such entry', 'no_data_found');
    END IF;
    NEW.unit_code := s.unit_code;
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
        IF s.tier = 1 AND NOT v_super THEN
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
                AND (NEW.data ->> 'info_credibility')::int BETWEEN 1 AND 6
                AND (NEW.data ->> 'probability')::int BETWEEN 1 AND 5
                AND (NEW.data ->> 'consequence')::int BETWEEN 1 AND 5) THEN
            PERFORM refuse('assessment_incomplete', 'an assessment needs source A-F, credibility 1-6, probability and consequence 1-5');
        END IF;
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
CREATE TRIGGER a_check BEFORE INSERT ON entry_events FOR EACH ROW EXECUTE FUNCTION entry_events_check();
SELECT make_fact_table('entry_events');

-- Moves the projection along with each event.
CREATE FUNCTION entry_events_project() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    CASE NEW.event
    WHEN 'acknowledge' THEN
        UPDATE entry_state SET status = 'acknowledged', acknowledged_at = NEW.at, acknowledged_by = NEW.actor,
               ack_due = NULL, review_due = NULL
         WHERE entry_id = NEW.entry_id;
    WHEN 'assign' THEN
        UPDATE entry_state SET assignee = NEW.assignee WHERE entry_id = NEW.entry_id;
    WHEN 'treatment_started' THEN
        UPDATE entry_state SET status = 'under_treatment', treatment_due = NULL WHERE entry_id = NEW.entry_id;
    WHEN 'measure_decided' THEN
        UPDATE entry_state SET status = 'measure_decided', assignee = NEW.assignee WHERE entry_id = NEW.entry_id;
    WHEN 'close' THEN
        UPDATE entry_state SET status = 'closed', closed_at = NEW.at, close_due = NULL, ack_due = NULL,
               review_due = NULL, treatment_due = NULL
         WHERE entry_id = NEW.entry_id;
    WHEN 'reopen' THEN
        UPDATE entry_state SET closed_at = NULL,
               status = CASE WHEN kind = 'deviation' THEN 'under_treatment'
                             WHEN kind = 'threat' AND assessed_at IS NOT NULL THEN 'assessed'
                             ELSE 'acknowledged' END
         WHERE entry_id = NEW.entry_id;
    WHEN 'supervision_offered' THEN
        UPDATE entry_state SET supervision_offered_at = NEW.at WHERE entry_id = NEW.entry_id;
    WHEN 'supervision_held' THEN
        UPDATE entry_state SET supervision_held_at = NEW.at, supervision_due = NULL,
               supervision_offered_at = coalesce(supervision_offered_at, NEW.at)
         WHERE entry_id = NEW.entry_id;
    WHEN 'threat_assessed' THEN
        UPDATE entry_state SET status = 'assessed', assessed_at = NEW.at, assessment_due = NULL,
               acknowledged_at = coalesce(acknowledged_at, NEW.at), ack_due = NULL,
               probability = (NEW.data ->> 'probability')::smallint,
               consequence = (NEW.data ->> 'consequence')::smallint,
               risk_score = (NEW.data ->> 'probability')::smallint * (NEW.data ->> 'consequence')::smallint
         WHERE entry_id = NEW.entry_id;
    WHEN 'police_decision' THEN
        UPDATE entry_state SET police_decided_at = NEW.at, police_due = NULL WHERE entry_id = NEW.entry_id;
    WHEN 'escalated' THEN
        UPDATE entry_state SET escalated_at = NEW.at WHERE entry_id = NEW.entry_id;
    ELSE
        NULL;
    END CASE;
    UPDATE entry_state SET updated_at = NEW.at WHERE entry_id = NEW.entry_id;
    PERFORM notify_change('entry_events', NEW.id, NEW.entry_id, NEW.unit_code);
    RETURN NULL;
END
$$;
CREATE TRIGGER b_project AFTER INSERT ON entry_events FOR EACH ROW EXECUTE FUNCTION entry_events_project();

-- Fields an amendment may change. Kind, unit, reporter and times of reporting never change.
CREATE TABLE amendable_fields (name text PRIMARY KEY);
INSERT INTO amendable_fields VALUES
    ('category'), ('text'), ('occurred_at'), ('domain'), ('interests'), ('probability'), ('consequence'),
    ('target'), ('in_working_hours'), ('threat_source'), ('oc_criteria'), ('infoflyt');

CREATE FUNCTION amendments_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    s entry_state;
    k text;
    v_defaults text[];
BEGIN
    SELECT * INTO s FROM entry_state WHERE entry_id = NEW.entry_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM refuse('unknown_entry', 'no such entry', 'no_data_found');
    END IF;
    IF app_role() NOT IN ('duty_officer', 'security_coordinator', 'admin')
       AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
        PERFORM refuse('role_not_permitted', 'your role may not amend entries', 'insufficient_privilege');
    END IF;
    NEW.unit_code := s.unit_code;
    NEW.actor := session_user;
    NEW.at := fact_time(NEW.at);
    FOR k IN SELECT jsonb_object_keys(NEW.changes) LOOP
        IF k NOT IN (SELECT name FROM amendable_fields) THEN
            PERFORM refuse('field_not_amendable', format('field %s cannot be amended', k));
        END IF;
    END LOOP;
    IF NEW.changes ? 'category' AND NOT EXISTS (
            SELECT 1 FROM categories WHERE kind = s.kind AND code = NEW.changes ->> 'category') THEN
        PERFORM refuse('unknown_category', 'unknown category', 'foreign_key_violation');
    END IF;
    IF NEW.changes ? 'text' AND btrim(coalesce(NEW.changes ->> 'text', '')) = '' THEN
        PERFORM refuse('text_required', 'the text cannot be emptied');
    END IF;
    IF (NEW.changes ? 'probability' AND NOT ((NEW.changes ->> 'probability')::int BETWEEN 1 AND 5))
       OR (NEW.changes ? 'consequence' AND NOT ((NEW.changes ->> 'consequence')::int BETWEEN 1 AND 5)) THEN
        PERFORM refuse('out_of_range', 'probability and consequence are 1-5');
    END IF;
    IF NEW.changes ? 'interests' THEN
        SELECT default_interests INTO v_defaults FROM categories
         WHERE kind = s.kind AND code = coalesce(NEW.changes ->> 'category', s.category);
        IF NOT ARRAY(SELECT jsonb_array_elements_text(NEW.changes -> 'interests')) @> v_defaults THEN
            PERFORM refuse('default_interests_removed', 'the interests of the category cannot be removed');
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER a_prepare BEFORE INSERT ON amendments FOR EACH ROW EXECUTE FUNCTION amendments_prepare();
SELECT make_fact_table('amendments');

CREATE FUNCTION amendments_project() RETURNS trigger
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
        risk_score = coalesce(NEW.risk_score, risk_score),
        tier = coalesce(NEW.tier, tier),
        priority = coalesce(NEW.priority, priority),
        amendment_count = amendment_count + 1,
        updated_at = NEW.at
     WHERE entry_id = NEW.entry_id;
    PERFORM notify_change('amendments', NEW.id, NEW.entry_id, NEW.unit_code);
    RETURN NULL;
END
$$;
CREATE TRIGGER b_project AFTER INSERT ON amendments FOR EACH ROW EXECUTE FUNCTION amendments_project();
