-- Vaktlogg schema v1, part 10: fixes found by the end-to-end tests, and a cheaper write path.
--
-- * visible_units() and writable_units() are called by the row-level-security policies on every
--   insert. As SQL functions that are SECURITY DEFINER they are never inlined and were planned anew
--   on every call; as PL/pgSQL their plans are cached per session.
-- * entries_project() read the deadlines array seven times; it now reads it once.
-- * A reopened deviation gets a new closing deadline (passed by the writer in the event's data).
-- * A decision may rest only on risk assessments of units the decider can see.

CREATE OR REPLACE FUNCTION visible_units() RETURNS SETOF text
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    RETURN QUERY
    SELECT u.code FROM units u
    WHERE EXISTS (SELECT 1 FROM app_users a
                  WHERE a.name = session_user AND a.disabled_at IS NULL
                    AND (a.role IN ('auditor', 'admin')
                         OR EXISTS (SELECT 1 FROM user_units uu
                                    WHERE uu.user_name = a.name AND uu.unit_code = u.code)));
END
$$;

CREATE OR REPLACE FUNCTION writable_units() RETURNS SETOF text
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    RETURN QUERY
    SELECT u.code FROM units u
    WHERE EXISTS (SELECT 1 FROM app_users a
                  WHERE a.name = session_user AND a.disabled_at IS NULL
                    AND (a.role = 'admin'
                         OR (a.role IN ('duty_officer', 'security_coordinator', 'integration')
                             AND EXISTS (SELECT 1 FROM user_units uu
                                         WHERE uu.user_name = a.name AND uu.unit_code = u.code))));
END
$$;

CREATE OR REPLACE FUNCTION entries_project() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    d record;
BEGIN
    SELECT max(due) FILTER (WHERE what IN ('p1_acknowledge', 'deviation_acknowledge')) AS ack,
           max(due) FILTER (WHERE what = 'deviation_treatment') AS treatment,
           max(due) FILTER (WHERE what = 'deviation_close') AS close,
           max(due) FILTER (WHERE what = 'manipulation_review') AS review,
           max(due) FILTER (WHERE what = 'manipulation_supervision') AS supervision,
           max(due) FILTER (WHERE what = 'threat_assessment') AS assessment,
           max(due) FILTER (WHERE what = 'police_decision') AS police
      INTO d
      FROM jsonb_to_recordset(NEW.deadlines) AS x (what text, due timestamptz);
    INSERT INTO entry_state (entry_id, ref, unit_code, kind, category, domain, text, interests, probability,
                             consequence, risk_score, tier, priority, status, occurred_at, reported_at,
                             ack_due, treatment_due, close_due, review_due, supervision_due,
                             assessment_due, police_due, police_decision_required, updated_at)
    VALUES (NEW.id, NEW.ref, NEW.unit_code, NEW.kind, NEW.category, NEW.domain, NEW.text, NEW.interests,
            NEW.probability, NEW.consequence, NEW.risk_score, NEW.tier, NEW.priority, 'registered',
            NEW.occurred_at, NEW.reported_at, d.ack, d.treatment, d.close, d.review, d.supervision,
            d.assessment, d.police, NEW.police_decision_required, NEW.recorded_at);
    PERFORM notify_change('entries', NEW.id, NEW.id, NEW.unit_code);
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION entry_events_project() RETURNS trigger
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
        -- A reopened deviation must be closed again in time: the writer passes the new deadline.
        UPDATE entry_state SET closed_at = NULL,
               close_due = CASE WHEN kind = 'deviation' THEN (NEW.data ->> 'close_due')::timestamptz END,
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

CREATE OR REPLACE FUNCTION decisions_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF app_role() NOT IN ('security_coordinator', 'manager', 'admin')
       AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
        PERFORM refuse('coordinator_required', 'decisions are made by a security coordinator or a manager', 'insufficient_privilege');
    END IF;
    IF NEW.entry_id IS NOT NULL THEN
        SELECT unit_code INTO NEW.unit_code FROM entries WHERE id = NEW.entry_id;
    END IF;
    NEW.decided_by := session_user;
    NEW.decided_at := fact_time(NEW.decided_at);
    -- Only assessments of the caller's own units count (and only those reveal that they exist).
    IF EXISTS (SELECT 1 FROM unnest(NEW.assessment_ids) x
               WHERE x NOT IN (SELECT id FROM risk_assessments WHERE unit_code IN (SELECT visible_units())))
       AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
        PERFORM refuse('unknown_assessment', 'a referenced risk assessment does not exist', 'foreign_key_violation');
    END IF;
    RETURN NEW;
END
$$;
