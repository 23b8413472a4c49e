-- Vaktlogg schema v1, part 5: access log, shift log, row-level security and the grants of the
-- application role.

CREATE TABLE access_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_code text NOT NULL REFERENCES units (code),
    actor text NOT NULL,
    at timestamptz NOT NULL,
    action text NOT NULL CHECK (action IN ('read_persons', 'read_reporter', 'read_assessment', 'export')),
    entry_id bigint REFERENCES entries (id),
    person_ref text,
    chain_seq bigint NOT NULL,
    prev_hash bytea NOT NULL,
    row_hash bytea NOT NULL
);
CREATE INDEX access_log_entry ON access_log (entry_id);

CREATE FUNCTION access_log_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    NEW.actor := session_user;
    NEW.at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER a_prepare BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_prepare();
SELECT make_fact_table('access_log');

CREATE TABLE shift_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_code text NOT NULL REFERENCES units (code),
    event text NOT NULL CHECK (event IN ('start', 'note', 'handover', 'accept')),
    actor text NOT NULL,
    at timestamptz NOT NULL,
    text text CHECK (text IS NULL OR (btrim(text) <> '' AND length(text) <= 20000)),
    -- handover: the generated summary of open and overdue items
    summary jsonb,
    -- accept: the handover accepted
    handover_id bigint REFERENCES shift_log (id),
    chain_seq bigint NOT NULL,
    prev_hash bytea NOT NULL,
    row_hash bytea NOT NULL,
    CHECK (event <> 'note' OR text IS NOT NULL),
    CHECK (event <> 'handover' OR summary IS NOT NULL),
    CHECK ((event = 'accept') = (handover_id IS NOT NULL))
);
CREATE INDEX shift_log_unit_at ON shift_log (unit_code, at);

CREATE FUNCTION shift_log_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    h shift_log;
BEGIN
    NEW.actor := session_user;
    NEW.at := fact_time(NEW.at);
    IF NEW.event = 'accept' THEN
        SELECT * INTO h FROM shift_log WHERE id = NEW.handover_id AND event = 'handover';
        IF NOT FOUND OR h.unit_code <> NEW.unit_code THEN
            PERFORM refuse('unknown_handover', 'no such handover in this unit', 'no_data_found');
        END IF;
        IF h.actor = session_user THEN
            PERFORM refuse('accept_own_handover', 'a handover is accepted by the incoming officer, not the outgoing');
        END IF;
        IF EXISTS (SELECT 1 FROM shift_log WHERE handover_id = NEW.handover_id) THEN
            PERFORM refuse('already_accepted', 'the handover has already been accepted');
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER a_prepare BEFORE INSERT ON shift_log FOR EACH ROW EXECUTE FUNCTION shift_log_prepare();
SELECT make_fact_table('shift_log');
CREATE TRIGGER b_notify AFTER INSERT ON shift_log FOR EACH ROW EXECUTE FUNCTION facts_notify();

-- ---------------------------------------------------------------------------------------------
-- Row-level security: a user sees and writes only their units' rows. Policies call functions keyed
-- to session_user; `IN (SELECT …)` lets the planner evaluate the unit list once per query.
-- ---------------------------------------------------------------------------------------------

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['entries', 'entry_events', 'amendments', 'entry_state', 'measures',
                             'decisions', 'risk_assessments', 'shift_log'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY read_own_units ON %I FOR SELECT TO vaktlogg_user
                        USING (unit_code IN (SELECT visible_units()))', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['entries', 'entry_events', 'amendments', 'measures', 'decisions',
                             'risk_assessments', 'shift_log', 'entry_persons'] LOOP
        EXECUTE format('CREATE POLICY write_own_units ON %I FOR INSERT TO vaktlogg_user
                        WITH CHECK (unit_code IN (SELECT writable_units()))', t);
    END LOOP;
END
$$;
-- Persons of an entry are read only through entry_persons_of(), which logs the read.
ALTER TABLE entry_persons ENABLE ROW LEVEL SECURITY;
-- The access log is read by auditors (and administrators), never written directly.
ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY auditors_read ON access_log FOR SELECT TO vaktlogg_user
    USING (app_role() IN ('auditor', 'admin'));

-- Managers and auditors write nothing but comments and decisions; the INSERT policies above already
-- limit writers to writable_units(), which is empty for them. Managers decide in their own units:
CREATE POLICY managers_decide ON decisions FOR INSERT TO vaktlogg_user
    WITH CHECK (app_role() = 'manager' AND unit_code IN (SELECT visible_units()));
CREATE POLICY managers_comment ON entry_events FOR INSERT TO vaktlogg_user
    WITH CHECK (app_role() = 'manager' AND event = 'comment' AND unit_code IN (SELECT visible_units()));

-- Columns the application may write; the rest are filled by triggers.
GRANT SELECT (id, ref, kind, category, unit_code, occurred_at, reported_at, recorded_at, domain, text,
              interests, probability, consequence, risk_score, tier, priority, target, in_working_hours,
              threat_source, source_reliability, info_credibility, oc_criteria, infoflyt,
              police_decision_required, rules_version, rules_hash, trace, deadlines, idempotency_key,
              chain_seq, prev_hash, row_hash)
    ON entries TO vaktlogg_user;
GRANT INSERT (kind, category, unit_code, occurred_at, reported_at, domain, text, interests, probability,
              consequence, risk_score, tier, priority, target, in_working_hours, threat_source,
              source_reliability, info_credibility, oc_criteria, infoflyt, police_decision_required,
              rules_version, rules_hash, trace, deadlines, idempotency_key)
    ON entries TO vaktlogg_user;
GRANT INSERT (entry_id, person_ref, role) ON entry_persons TO vaktlogg_user;
GRANT SELECT ON entry_events, amendments, entry_state, measures, decisions, risk_assessments, shift_log,
                access_log TO vaktlogg_user;
GRANT INSERT (entry_id, event, at, assignee, text, data, rules_version, trace) ON entry_events TO vaktlogg_user;
GRANT INSERT (entry_id, at, reason, changes, tier, priority, risk_score, rules_version, trace)
    ON amendments TO vaktlogg_user;
GRANT INSERT (entry_id, unit_code, person_ref, type, description, purpose, burdens, restrictiveness, ground,
              justification, rehabilitation_note, assessment_id, outcome, violations, decided_at,
              rules_version, trace)
    ON measures TO vaktlogg_user;
GRANT INSERT (entry_id, unit_code, person_ref, text, public_safety_significant, justification,
              assessment_ids, decided_at, rules_version, trace)
    ON decisions TO vaktlogg_user;
GRANT INSERT (person_ref, unit_code, probability, consequence, score, band, summary, assessed_at,
              valid_until, rules_version, trace)
    ON risk_assessments TO vaktlogg_user;
GRANT INSERT (unit_code, event, at, text, summary, handover_id) ON shift_log TO vaktlogg_user;
GRANT SELECT ON event_types, event_roles, amendable_fields, fact_tables TO vaktlogg_user;
GRANT EXECUTE ON FUNCTION next_due(entry_state) TO vaktlogg_user;

-- ---------------------------------------------------------------------------------------------
-- Reads that must be logged or that reveal sealed data
-- ---------------------------------------------------------------------------------------------

-- The persons of an entry; each call that returns any is logged in the access log.
CREATE FUNCTION entry_persons_of(p_entry bigint)
    RETURNS TABLE (person_ref text, role text, added_by text, added_at timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_unit text;
BEGIN
    SELECT e.unit_code INTO v_unit FROM entries e WHERE e.id = p_entry;
    IF v_unit IS NULL OR v_unit NOT IN (SELECT visible_units()) THEN
        RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM entry_persons p WHERE p.entry_id = p_entry) THEN
        INSERT INTO access_log (unit_code, action, entry_id) VALUES (v_unit, 'read_persons', p_entry);
    END IF;
    RETURN QUERY SELECT p.person_ref, p.role, p.added_by, p.added_at FROM entry_persons p
                  WHERE p.entry_id = p_entry ORDER BY p.id;
END
$$;

-- The reporter of an entry. A manipulation report's reporter is sealed: only the unit's security
-- coordinators (and the reporter) see it, and every such read is logged.
CREATE FUNCTION entry_reporter(p_entry bigint) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    e entries;
BEGIN
    SELECT * INTO e FROM entries WHERE id = p_entry;
    IF NOT FOUND OR e.unit_code NOT IN (SELECT visible_units()) THEN
        RETURN NULL;
    END IF;
    IF e.kind <> 'manipulation' OR e.reporter = session_user THEN
        RETURN e.reporter;
    END IF;
    IF is_coordinator_of(e.unit_code) THEN
        INSERT INTO access_log (unit_code, action, entry_id) VALUES (e.unit_code, 'read_reporter', p_entry);
        RETURN e.reporter;
    END IF;
    RETURN NULL;
END
$$;

REVOKE ALL ON FUNCTION entry_persons_of, entry_reporter FROM PUBLIC;
GRANT EXECUTE ON FUNCTION entry_persons_of, entry_reporter TO vaktlogg_user;
