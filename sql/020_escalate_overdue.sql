-- Escalation of passed deadlines (domain.md §6). A passed deadline is escalated exactly once,
-- however many workers run at the same time: every escalation names the deadline it escalates,
-- and an advisory lock per entry serialises the workers so that the second reads the first's fact
-- after the lock and appends nothing. (No unique index: a raw INSERT ... ON CONFLICT DO NOTHING
-- against one would drop a row after chain_append() had advanced the head, see sql/013.)

-- Escalates, in the caller's writable units only, every deadline of an open entry that had passed
-- at `at` and has not been escalated; `at` is at most now(), as an escalation states that a deadline
-- has passed and must not be written ahead of time; returns how many escalations it appended. The facts are
-- written through the ordinary write path (entry_events' triggers, which judge session_user, the
-- caller), so the chain, the role check and the scope check stay those of every other fact.
CREATE FUNCTION escalate_overdue(at timestamptz DEFAULT now()) RETURNS integer
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
    RETURN v_count;
END
$$;
REVOKE EXECUTE ON FUNCTION escalate_overdue(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION escalate_overdue(timestamptz) TO vaktlogg_user;
