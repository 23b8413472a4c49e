-- The SIK report, second part (issue 11): amendments and current assessments count, and group 6
-- lists its main-rule departures.
--
-- * sik_reporter_roles counted entries by their *original* time of occurrence (entries.occurred_at);
--   an amendment that moves an entry into or out of the period must move it here too, as it does in
--   sik_metrics and sik_breakdown, which read entry_state. It now reads the period and the unit
--   from entry_state as well.
-- * restrictive_measures_assessed asked only whether a measure names an assessment. Group 6 asks
--   for a *current* one: made no later than the decision and still valid on the decision's day
--   (Oslo date, as the rules judge it). An expired assessment no longer backs a measure.
-- * sik_metrics reads each entry's deadlines in one pass, and the report's period lookups have
--   indexes (bench/reports/README.md).
-- * sik_main_rule_departures lists each departure (measures.outcome = 'justified') with the rules
--   departed from and the justification given: a manager judges the justifications, not a count.
--   It runs as the caller: row-level security on measures decides what each reader sees. No person
--   (person_ref is read only through a logged read, migration 016) and no decider (sealed, 015).

CREATE OR REPLACE FUNCTION sik_reporter_roles(p_units text[], p_from timestamptz, p_to timestamptz)
    RETURNS TABLE (role text, count bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM sik_check_scope(p_units);
    RETURN QUERY SELECT coalesce(a.role, 'unknown'), count(*)
      FROM entry_state st JOIN entries e ON e.id = st.entry_id
      LEFT JOIN app_users a ON a.name = e.reporter
     WHERE st.unit_code = ANY (p_units) AND st.occurred_at >= p_from AND st.occurred_at < p_to
       AND st.kind <> 'manipulation'
     GROUP BY 1 ORDER BY 1;
END
$$;

CREATE OR REPLACE FUNCTION sik_metrics(p_units text[], p_from timestamptz, p_to timestamptz)
    RETURNS TABLE (metric text, numerator bigint, denominator bigint, value numeric)
    LANGUAGE plpgsql STABLE SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM sik_check_scope(p_units);
    RETURN QUERY
    -- Each entry's deadlines are read in one pass over its array (not one deadline_of() call per
    -- deadline: five scans of the array per row were most of the function's time), and only the
    -- columns the metrics use are carried.
    WITH s AS (
        SELECT st.kind, st.category, st.status, st.tier, st.occurred_at, st.reported_at, st.acknowledged_at,
               st.closed_at, st.close_due, st.supervision_held_at, st.assessed_at, st.police_decision_required,
               st.police_decided_at, dl.*
          FROM entry_state st JOIN entries e ON e.id = st.entry_id
         CROSS JOIN LATERAL (
               SELECT max((d ->> 'due')::timestamptz) FILTER (WHERE d ->> 'what' = 'deviation_acknowledge') AS dev_ack_due,
                      max((d ->> 'due')::timestamptz) FILTER (WHERE d ->> 'what' = 'deviation_close') AS dev_close_due,
                      max((d ->> 'due')::timestamptz) FILTER (WHERE d ->> 'what' = 'p1_acknowledge') AS p1_ack_due,
                      max((d ->> 'due')::timestamptz) FILTER (WHERE d ->> 'what' = 'manipulation_supervision') AS sup_due,
                      max((d ->> 'due')::timestamptz) FILTER (WHERE d ->> 'what' = 'threat_assessment') AS assess_due
                 FROM jsonb_array_elements(e.deadlines) d) dl
         WHERE st.unit_code = ANY (p_units) AND st.occurred_at >= p_from AND st.occurred_at < p_to
    ),
    dev AS (SELECT * FROM s WHERE kind = 'deviation'),
    inc AS (SELECT * FROM s WHERE kind = 'incident'),
    p1 AS (SELECT *, extract(epoch FROM acknowledged_at - reported_at) AS ack_secs FROM inc WHERE tier = 1),
    man AS (SELECT * FROM s WHERE kind = 'manipulation'),
    thr AS (SELECT * FROM s WHERE kind = 'threat'),
    dec AS (SELECT d.public_safety_significant, d.justification FROM decisions d WHERE d.unit_code = ANY (p_units) AND d.decided_at >= p_from AND d.decided_at < p_to),
    mea AS (SELECT m.restrictiveness, m.outcome,
                   (ra.id IS NOT NULL AND ra.assessed_at <= m.decided_at
                    AND ra.valid_until >= (m.decided_at AT TIME ZONE 'Europe/Oslo')::date) AS assessed_current
              FROM measures m LEFT JOIN risk_assessments ra ON ra.id = m.assessment_id
             WHERE m.unit_code = ANY (p_units) AND m.decided_at >= p_from AND m.decided_at < p_to)
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
        count(*) FILTER (WHERE restrictiveness >= 2 AND assessed_current),
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

-- Every report function selects a unit's rows of a period; without these, each call read every
-- row of the table (under row-level security) to find them.
CREATE INDEX entry_state_unit_occurred ON entry_state (unit_code, occurred_at);
CREATE INDEX measures_unit_decided ON measures (unit_code, decided_at);
CREATE INDEX decisions_unit_decided ON decisions (unit_code, decided_at);

-- Group 6's departures from a main rule, one row per measure decided in the period: the rules
-- departed from (the justified violations the rules module recorded) and the justification.
CREATE FUNCTION sik_main_rule_departures(p_units text[], p_from timestamptz, p_to timestamptz)
    RETURNS TABLE (unit_code text, measure_id bigint, type text, restrictiveness smallint,
                   decided_at timestamptz, rules text[], justification text)
    LANGUAGE plpgsql STABLE SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM sik_check_scope(p_units);
    RETURN QUERY SELECT m.unit_code, m.id, m.type, m.restrictiveness, m.decided_at,
           ARRAY(SELECT v ->> 'rule' FROM jsonb_array_elements(m.violations) v
                  WHERE (v ->> 'justified')::boolean ORDER BY 1),
           m.justification
      FROM measures m
     WHERE m.unit_code = ANY (p_units) AND m.decided_at >= p_from AND m.decided_at < p_to
       AND m.outcome = 'justified'
     ORDER BY m.unit_code, m.decided_at, m.id;
END
$$;

-- Default deny, then every login: row-level security and the scope check decide what each sees.
REVOKE ALL ON FUNCTION sik_main_rule_departures(text[], timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sik_main_rule_departures(text[], timestamptz, timestamptz) TO vaktlogg_user;
