-- The SIK compliance report (domain.md §7) is computed here, not in the client, so that an analyst
-- reproduces every number with psql and their own login: the functions run as the caller
-- (SECURITY INVOKER), so row-level security decides what each number is made of — a manager's
-- report is built only from the units they may see, like every other read. Current state comes
-- from entry_state, which amendments update: an amended entry counts as amended. Shares return
-- numerator and denominator, never a ratio over zero: a denominator of 0 is "no data".

-- Scope first: a report about a unit you cannot see must not say whether it has data.
-- A roll-up passes several units: every one must be visible.
CREATE FUNCTION sik_check_scope(p_units text[]) RETURNS void
    LANGUAGE plpgsql STABLE SET search_path = public, pg_temp
AS $$
BEGIN
    IF cardinality(p_units) IS NULL OR EXISTS (SELECT 1 FROM unnest(p_units) u
                                               WHERE u NOT IN (SELECT visible_units())) THEN
        RAISE EXCEPTION 'a unit is not visible to you' USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:unit_not_visible';
    END IF;
END
$$;

-- One row per metric of groups 1–6, 8 and 12 for a unit (or the roll-up of several units) and the half-open period [p_from, p_to).
-- `numerator`/`denominator` for shares (denominator NULL for counts and durations), `value` for
-- counts and durations in seconds (NULL when there is nothing to take a median of). An entry
-- belongs to the period of its occurred_at; a decision or measure to that of its decided_at.
CREATE FUNCTION sik_metrics(p_units text[], p_from timestamptz, p_to timestamptz)
    RETURNS TABLE (metric text, numerator bigint, denominator bigint, value numeric)
    LANGUAGE plpgsql STABLE SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM sik_check_scope(p_units);
    RETURN QUERY
    WITH s AS (
        SELECT st.*, e.deadlines,
               deadline_of(e.deadlines, 'deviation_acknowledge') AS dev_ack_due,
               deadline_of(e.deadlines, 'deviation_close') AS dev_close_due,
               deadline_of(e.deadlines, 'p1_acknowledge') AS p1_ack_due,
               deadline_of(e.deadlines, 'manipulation_supervision') AS sup_due,
               deadline_of(e.deadlines, 'threat_assessment') AS assess_due
          FROM entry_state st JOIN entries e ON e.id = st.entry_id
         WHERE st.unit_code = ANY (p_units) AND st.occurred_at >= p_from AND st.occurred_at < p_to
    ),
    dev AS (SELECT * FROM s WHERE kind = 'deviation'),
    inc AS (SELECT * FROM s WHERE kind = 'incident'),
    p1 AS (SELECT *, extract(epoch FROM acknowledged_at - reported_at) AS ack_secs FROM inc WHERE tier = 1),
    man AS (SELECT * FROM s WHERE kind = 'manipulation'),
    thr AS (SELECT * FROM s WHERE kind = 'threat'),
    dec AS (SELECT d.public_safety_significant, d.justification FROM decisions d WHERE d.unit_code = ANY (p_units) AND d.decided_at >= p_from AND d.decided_at < p_to),
    mea AS (SELECT m.restrictiveness, m.assessment_id, m.outcome FROM measures m WHERE m.unit_code = ANY (p_units) AND m.decided_at >= p_from AND m.decided_at < p_to)
    SELECT 'deviations_registered', NULL::bigint, NULL::bigint, count(*)::numeric FROM dev
    UNION ALL SELECT 'deviations_acknowledged_in_time',
        count(*) FILTER (WHERE acknowledged_at IS NOT NULL AND acknowledged_at <= dev_ack_due), count(*), NULL FROM dev
    UNION ALL SELECT 'deviations_closed_in_time',
        count(*) FILTER (WHERE status = 'closed' AND closed_at <= dev_close_due), count(*), NULL FROM dev
    UNION ALL SELECT 'deviation_median_days_to_close', NULL, NULL,
        (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - reported_at))
            FILTER (WHERE status = 'closed'))::numeric FROM dev
    UNION ALL SELECT 'deviations_open_overdue', NULL, NULL,
        count(*) FILTER (WHERE status <> 'closed' AND close_due IS NOT NULL AND close_due < p_to)::numeric FROM dev
    UNION ALL SELECT 'incidents_registered', NULL, NULL, count(*)::numeric FROM inc
    UNION ALL SELECT 'p1_ack_median_seconds', NULL, NULL,
        (percentile_cont(0.5) WITHIN GROUP (ORDER BY ack_secs) FILTER (WHERE ack_secs IS NOT NULL))::numeric FROM p1
    UNION ALL SELECT 'p1_ack_p90_seconds', NULL, NULL,
        (percentile_cont(0.9) WITHIN GROUP (ORDER BY ack_secs) FILTER (WHERE ack_secs IS NOT NULL))::numeric FROM p1
    UNION ALL SELECT 'p1_acknowledged_in_time',
        count(*) FILTER (WHERE acknowledged_at IS NOT NULL AND acknowledged_at <= p1_ack_due), count(*), NULL FROM p1
    UNION ALL SELECT 'manipulation_reports', NULL, NULL, count(*)::numeric FROM man
    UNION ALL SELECT 'manipulation_supervision_in_time',
        count(*) FILTER (WHERE supervision_held_at IS NOT NULL AND supervision_held_at <= sup_due), count(*), NULL FROM man
    UNION ALL SELECT 'threat_events', NULL, NULL, count(*)::numeric FROM thr
    UNION ALL SELECT 'threats_assessed_in_time',
        count(*) FILTER (WHERE assessed_at IS NOT NULL AND assessed_at <= assess_due), count(*), NULL FROM thr
    UNION ALL SELECT 'threats_police_decided',
        count(*) FILTER (WHERE police_decision_required AND police_decided_at IS NOT NULL),
        count(*) FILTER (WHERE police_decision_required), NULL FROM thr
    UNION ALL SELECT 'significant_decisions_justified',
        count(*) FILTER (WHERE public_safety_significant AND justification IS NOT NULL),
        count(*) FILTER (WHERE public_safety_significant), NULL FROM dec
    UNION ALL SELECT 'restrictive_measures_assessed',
        count(*) FILTER (WHERE restrictiveness >= 2 AND assessment_id IS NOT NULL),
        count(*) FILTER (WHERE restrictiveness >= 2), NULL FROM mea
    UNION ALL SELECT 'main_rule_departures', NULL, NULL, count(*) FILTER (WHERE outcome = 'justified')::numeric FROM mea
    UNION ALL SELECT 'failures', NULL, NULL,
        count(*) FILTER (WHERE category IN ('escape', 'abscond', 'leave_breach'))::numeric FROM inc
    UNION ALL SELECT 'median_report_delay_seconds', NULL, NULL,
        (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM reported_at - occurred_at)))::numeric FROM s
    UNION ALL SELECT 'deviations_per_incident',
        (SELECT count(*) FROM dev), (SELECT count(*) FROM inc), NULL;
END
$$;

-- Counts behind the breakdowns: deviations by domain and by category, incidents by category and
-- by tier, recurring deviation categories (≥ 3 in the period) and the P1 time-to-acknowledge
-- distribution in buckets of the deadline.
CREATE FUNCTION sik_breakdown(p_units text[], p_from timestamptz, p_to timestamptz)
    RETURNS TABLE (dimension text, key text, count bigint)
    LANGUAGE plpgsql STABLE SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM sik_check_scope(p_units);
    RETURN QUERY
    WITH s AS (SELECT * FROM entry_state st
                WHERE st.unit_code = ANY (p_units) AND st.occurred_at >= p_from AND st.occurred_at < p_to)
    SELECT 'deviation_domain', s.domain, count(*) FROM s WHERE s.kind = 'deviation' GROUP BY s.domain
    UNION ALL SELECT 'deviation_category', s.category, count(*) FROM s WHERE s.kind = 'deviation' GROUP BY s.category
    UNION ALL SELECT 'recurring_category', s.category, count(*) FROM s WHERE s.kind = 'deviation'
        GROUP BY s.category HAVING count(*) >= 3
    UNION ALL SELECT 'incident_category', s.category, count(*) FROM s WHERE s.kind = 'incident' GROUP BY s.category
    UNION ALL SELECT 'incident_tier', 'P' || s.tier, count(*) FROM s WHERE s.kind = 'incident' GROUP BY s.tier
    UNION ALL SELECT 'p1_ack_bucket',
        CASE WHEN s.acknowledged_at IS NULL THEN 'not_acknowledged'
             WHEN s.acknowledged_at - s.reported_at <= interval '1 minute' THEN 'le_1m'
             WHEN s.acknowledged_at - s.reported_at <= interval '5 minutes' THEN 'le_5m'
             WHEN s.acknowledged_at - s.reported_at <= interval '15 minutes' THEN 'le_15m'
             ELSE 'gt_15m' END, count(*)
      FROM s WHERE s.kind = 'incident' AND s.tier = 1 GROUP BY 2;
END
$$;

-- Open deviations past their close deadline at p_at: reference, category, deadline. No persons,
-- no reporter.
CREATE FUNCTION sik_overdue_deviations(p_units text[], p_at timestamptz)
    RETURNS TABLE (unit_code text, ref text, category text, close_due timestamptz)
    LANGUAGE plpgsql STABLE SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM sik_check_scope(p_units);
    RETURN QUERY SELECT st.unit_code, st.ref, st.category, st.close_due FROM entry_state st
     WHERE st.unit_code = ANY (p_units) AND st.kind = 'deviation' AND st.status <> 'closed'
       AND st.close_due IS NOT NULL AND st.close_due < p_at
     ORDER BY st.unit_code, st.close_due, st.ref;
END
$$;

-- Entries by reporter role (security culture, §7.12). The reporter column is sealed from every
-- reader, so this runs as the owner — after the scope check — and returns roles only, never a
-- name; manipulation reports are left out, since even a role narrows down who reported.
CREATE FUNCTION sik_reporter_roles(p_units text[], p_from timestamptz, p_to timestamptz)
    RETURNS TABLE (role text, count bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM sik_check_scope(p_units);
    RETURN QUERY SELECT coalesce(a.role, 'unknown'), count(*)
      FROM entries e LEFT JOIN app_users a ON a.name = e.reporter
     WHERE e.unit_code = ANY (p_units) AND e.occurred_at >= p_from AND e.occurred_at < p_to
       AND e.kind <> 'manipulation'
     GROUP BY 1 ORDER BY 1;
END
$$;

-- Default deny, then the report readers: every login may call them; row-level security and the
-- scope check decide what each sees.
REVOKE ALL ON FUNCTION sik_check_scope(text[]), sik_metrics(text[], timestamptz, timestamptz),
    sik_breakdown(text[], timestamptz, timestamptz), sik_overdue_deviations(text[], timestamptz),
    sik_reporter_roles(text[], timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sik_check_scope(text[]), sik_metrics(text[], timestamptz, timestamptz),
    sik_breakdown(text[], timestamptz, timestamptz), sik_overdue_deviations(text[], timestamptz),
    sik_reporter_roles(text[], timestamptz, timestamptz) TO vaktlogg_user;
-- The report functions run as the caller and read each entry's deadlines with deadline_of(), a
-- pure function of the caller's own visible row: an analyst reproducing a number needs it too.
GRANT EXECUTE ON FUNCTION deadline_of(jsonb, text) TO vaktlogg_user;
