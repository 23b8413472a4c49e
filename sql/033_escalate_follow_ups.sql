-- Vaktlogg schema, part 33: the follow-ups' deadlines escalate like an entry's (domain.md §6).
--
-- A restrictive measure's review, a collective measure's end (the deadline for lifting it) and a
-- debriefing's offer and holding are deadlines. escalate_overdue() escalates each passed one exactly
-- once, with the pattern of sql/020: every escalation names the deadline it escalates (what, which
-- measure or entry, the due time), and an advisory lock per follow-up serialises concurrent workers,
-- so that the second reads the first's row after the lock and appends nothing. The escalations are
-- their own facts (follow_up_escalations), not entry events: a measure outlives its entry's closing,
-- a collective measure has no entry, and a closed entry accepts no events.

CREATE TABLE follow_up_escalations (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_code text NOT NULL REFERENCES units (code),
    subject text NOT NULL CHECK (subject IN ('measure_review', 'unit_measure_end', 'debriefing_offer', 'debriefing_held')),
    -- the measure (measure_review), the collective measure (unit_measure_end) or the entry (debriefing_*)
    subject_id bigint NOT NULL,
    entry_id bigint REFERENCES entries (id),
    due timestamptz NOT NULL,
    actor text NOT NULL,
    at timestamptz NOT NULL,
    chain_seq bigint NOT NULL,
    prev_hash bytea NOT NULL,
    row_hash bytea NOT NULL
);
CREATE INDEX follow_up_escalations_subject ON follow_up_escalations (subject, subject_id, due);
SELECT make_fact_table('follow_up_escalations');
CREATE TRIGGER b_notify AFTER INSERT ON follow_up_escalations FOR EACH ROW EXECUTE FUNCTION facts_notify();

-- Every pending follow-up deadline (internal: every unit; the escalation filters by the caller).
CREATE VIEW follow_up_due_all AS
SELECT CASE m.scope WHEN 'person' THEN 'measure_review' ELSE 'unit_measure_end' END AS subject,
       m.id AS subject_id, m.entry_id, m.unit_code, m.review_due AS due
  FROM measure_status_all m
 WHERE m.active AND m.review_due IS NOT NULL
UNION ALL
SELECT 'debriefing_offer', d.entry_id, d.entry_id, d.unit_code, d.offer_due
  FROM debriefing_status_all d WHERE d.offered_at IS NULL
UNION ALL
SELECT 'debriefing_held', d.entry_id, d.entry_id, d.unit_code, d.held_due
  FROM debriefing_status_all d WHERE d.held_at IS NULL AND d.declined_at IS NULL;

-- What a user may read: their units' pending follow-up deadlines, and whether each was escalated.
CREATE VIEW follow_up_due AS
SELECT f.*, f.due < now() AS overdue,
       EXISTS (SELECT 1 FROM follow_up_escalations x
                WHERE x.subject = f.subject AND x.subject_id = f.subject_id AND x.due = f.due) AS escalated
  FROM follow_up_due_all f
 WHERE f.unit_code IN (SELECT visible_units());

ALTER TABLE follow_up_escalations ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_own_units ON follow_up_escalations FOR SELECT TO vaktlogg_user
    USING (unit_code IN (SELECT visible_units()));
-- No INSERT grant: only escalate_overdue() (owner's rights) writes escalations.
GRANT SELECT (id, unit_code, subject, subject_id, entry_id, due, actor, at, chain_seq) ON follow_up_escalations TO vaktlogg_user;
GRANT SELECT ON follow_up_due TO vaktlogg_user;
REVOKE ALL ON follow_up_due_all FROM PUBLIC;

-- Escalates, in the caller's writable units only, every deadline of an open entry (as sql/020) and
-- every follow-up deadline (above) that had passed at `at` and has not been escalated; `at` is at
-- most now(). Returns how many escalations it appended, of both kinds.
CREATE OR REPLACE FUNCTION escalate_overdue(at timestamptz DEFAULT now()) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    r record;
    v_due text;
    v_count integer := 0;
    v_at timestamptz := least(coalesce(escalate_overdue.at, now()), now());
BEGIN
    IF app_role() NOT IN ('security_coordinator', 'integration', 'admin') AND NOT session_is_superuser() THEN
        PERFORM refuse('role_not_permitted', 'your role may not run the escalation', 'insufficient_privilege');
    END IF;
    -- A snapshot older than the lock would not see the other worker's escalation.
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        PERFORM refuse('read_committed_required', 'the escalation runs in a read committed transaction',
                       'invalid_transaction_state');
    END IF;
    FOR r IN
        SELECT s.entry_id, d.what, d.due
          FROM entry_state s
         CROSS JOIN LATERAL (VALUES ('ack', s.ack_due), ('treatment', s.treatment_due), ('close', s.close_due),
                                    ('review', s.review_due), ('supervision', s.supervision_due),
                                    ('assessment', s.assessment_due), ('police', s.police_due)) AS d (what, due)
         WHERE s.status <> 'closed' AND d.due IS NOT NULL AND d.due < v_at
           AND (s.unit_code IN (SELECT writable_units()) OR session_is_superuser())
         ORDER BY s.entry_id, d.what
    LOOP
        -- The deadline named in UTC, whatever the session's time zone, so that the index sees one text.
        v_due := to_char(r.due AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
        PERFORM pg_advisory_xact_lock(hashtext('vaktlogg:escalate'), (r.entry_id % 2147483647)::integer);
        -- Read again after the lock: a concurrent worker may have escalated or the deadline cleared.
        CONTINUE WHEN NOT EXISTS (
            SELECT 1 FROM entry_state s
             CROSS JOIN LATERAL (VALUES ('ack', s.ack_due), ('treatment', s.treatment_due), ('close', s.close_due),
                                        ('review', s.review_due), ('supervision', s.supervision_due),
                                        ('assessment', s.assessment_due), ('police', s.police_due)) AS d (what, due)
             WHERE s.entry_id = r.entry_id AND s.status <> 'closed' AND d.what = r.what AND d.due = r.due);
        CONTINUE WHEN EXISTS (
            SELECT 1 FROM entry_events e
             WHERE e.entry_id = r.entry_id AND e.event = 'escalated'
               AND e.data ->> 'deadline' = r.what AND e.data ->> 'due' = v_due);
        INSERT INTO entry_events (entry_id, event, data)
        VALUES (r.entry_id, 'escalated', jsonb_build_object('deadline', r.what, 'due', v_due));
        v_count := v_count + 1;
    END LOOP;
    -- The follow-ups: one lock per follow-up (its kind and id), then read again, then append.
    FOR r IN
        SELECT f.subject, f.subject_id, f.entry_id, f.unit_code, f.due
          FROM follow_up_due_all f
         WHERE f.due < v_at AND (f.unit_code IN (SELECT writable_units()) OR session_is_superuser())
         ORDER BY f.subject, f.subject_id
    LOOP
        PERFORM pg_advisory_xact_lock(hashtext('vaktlogg:escalate:' || r.subject), (r.subject_id % 2147483647)::integer);
        CONTINUE WHEN NOT EXISTS (
            SELECT 1 FROM follow_up_due_all f
             WHERE f.subject = r.subject AND f.subject_id = r.subject_id AND f.due = r.due);
        CONTINUE WHEN EXISTS (
            SELECT 1 FROM follow_up_escalations x
             WHERE x.subject = r.subject AND x.subject_id = r.subject_id AND x.due = r.due);
        INSERT INTO follow_up_escalations (unit_code, subject, subject_id, entry_id, due, actor, at)
        VALUES (r.unit_code, r.subject, r.subject_id, r.entry_id, r.due, current_app_user(), now());
        v_count := v_count + 1;
    END LOOP;
    RETURN v_count;
END
$$;
REVOKE EXECUTE ON FUNCTION escalate_overdue(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION escalate_overdue(timestamptz) TO vaktlogg_user;
