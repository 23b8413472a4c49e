-- The SIK report, groups 9, 10, 11 and 13 of domain.md §7 (issue 11), on the facts migrations
-- 026–033 record: debriefings after violence and threats against staff, measure reviews and
-- liftings, unit-wide measures, unit risk assessments and decision types.
--
-- One more function of the shape of sik_metrics (metric, numerator, denominator, value), run as
-- the caller like it: row-level security decides what each number is made of, and an analyst
-- reproduces every number with psql and their own login. Shares count only what has fallen due:
-- a deadline after the period's end (or after now, for the running period) is not yet owed, so an
-- entry reported on the last evening of a month does not count against it. A share over nothing
-- is "no data" in the report, never 0 %.
--
-- Group 9, staff safety: violence and threats against staff and their relatives (incidents
--   violence_staff, threat_staff, threat_staff_family; threats threat_staff, threat_staff_family),
--   and of the entries that owe a debriefing (debriefing_follow_up, migration 032) those offered in
--   time and held in time — a recorded refusal by the staff member ends the duty as holding it does.
-- Group 10, measures over time: restrictive (2–4) and unit-wide measures active at the period's
--   end, the median age of those, the share of review dates falling in the period that were met by
--   a review or a lifting, and the share of unit-wide measures lifted by their end time.
-- Group 11, system level: the share of the units with a unit risk assessment current at the
--   period's end (made before it, valid on its last day).
-- Group 13, significant decisions: of the decisions of the types the decision's own rule set
--   names significant (ksf-2006.1 names none, so the agreed default list applies), the share
--   recorded as significant and justified.
CREATE FUNCTION sik_follow_up_metrics(p_units text[], p_from timestamptz, p_to timestamptz)
    RETURNS TABLE (metric text, numerator bigint, denominator bigint, value numeric)
    LANGUAGE plpgsql STABLE SET search_path = public, pg_temp
AS $$
DECLARE
    -- What is owed by the end of the report: the period's end, or now for a running period.
    v_until timestamptz := least(p_to, now());
    -- The last day of the period (Oslo), for validity dates.
    v_last_day date := ((p_to - interval '1 microsecond') AT TIME ZONE 'Europe/Oslo')::date;
BEGIN
    PERFORM sik_check_scope(p_units);
    RETURN QUERY
    WITH staff AS (
        SELECT st.entry_id FROM entry_state st
         WHERE st.unit_code = ANY (p_units) AND st.occurred_at >= p_from AND st.occurred_at < p_to
           AND ((st.kind = 'incident' AND st.category IN ('violence_staff', 'threat_staff', 'threat_staff_family'))
                OR (st.kind = 'threat' AND st.category IN ('threat_staff', 'threat_staff_family')))
    ),
    deb AS (
        SELECT d.* FROM debriefing_follow_up d JOIN entry_state st ON st.entry_id = d.entry_id
         WHERE d.unit_code = ANY (p_units) AND st.occurred_at >= p_from AND st.occurred_at < p_to
    ),
    -- Measures as they stood at the period's end.
    mea AS (
        SELECT m.id, m.decided_at, m.restrictiveness,
               (SELECT min(r.at) FROM measure_reviews r WHERE r.measure_id = m.id AND r.action = 'lift') AS lifted_at
          FROM measures m
         WHERE m.unit_code = ANY (p_units) AND m.decided_at < p_to AND m.restrictiveness >= 2
    ),
    um AS (
        SELECT u.id, u.decided_at, u.ends_at,
               (SELECT min(r.at) FROM measure_reviews r WHERE r.unit_measure_id = u.id AND r.action = 'lift') AS lifted_at
          FROM unit_measures u
         WHERE u.unit_code = ANY (p_units) AND u.decided_at < p_to
    ),
    active AS (
        SELECT 'person' AS scope, decided_at FROM mea WHERE lifted_at IS NULL OR lifted_at >= p_to
        UNION ALL
        SELECT 'unit', decided_at FROM um WHERE lifted_at IS NULL OR lifted_at >= p_to
    ),
    -- Each review date of a person measure: the first from the decision, the next from each review.
    -- It is met when the measure's next review or lifting after the date's origin came by the date.
    dues AS (
        SELECT m.id AS measure_id, m.decided_at AS origin, m.review_due AS due
          FROM measures m WHERE m.unit_code = ANY (p_units) AND m.review_due IS NOT NULL
        UNION ALL
        SELECT r.measure_id, r.at, r.next_review_due
          FROM measure_reviews r
         WHERE r.unit_code = ANY (p_units) AND r.measure_id IS NOT NULL AND r.next_review_due IS NOT NULL
    ),
    due_in AS (
        SELECT d.due, (SELECT min(r.at) FROM measure_reviews r WHERE r.measure_id = d.measure_id AND r.at > d.origin) AS next_at
          FROM dues d WHERE d.due >= p_from AND d.due < v_until
    ),
    ua AS (
        SELECT u AS unit_code, EXISTS (
                   SELECT 1 FROM unit_assessments a
                    WHERE a.unit_code = u AND a.assessed_at < p_to AND a.valid_until >= v_last_day) AS current
          FROM unnest(p_units) u
    ),
    dec AS (
        SELECT d.public_safety_significant, d.justification
          FROM decisions d LEFT JOIN rule_sets rs ON rs.version = d.rules_version
         WHERE d.unit_code = ANY (p_units) AND d.decided_at >= p_from AND d.decided_at < p_to
           AND coalesce(rs.content -> 'significant_decision_types', '["leave", "transfer_lower", "release_progression"]'::jsonb)
               ? d.decision_type
    )
    SELECT 'staff_safety_events', NULL::bigint, NULL::bigint, count(*)::numeric FROM staff
    UNION ALL SELECT 'debriefings_offered_in_time',
        count(*) FILTER (WHERE offered_at IS NOT NULL AND offered_at <= offer_due),
        count(*) FILTER (WHERE offer_due < v_until OR offered_at IS NOT NULL), NULL FROM deb
    UNION ALL SELECT 'debriefings_held_in_time',
        count(*) FILTER (WHERE coalesce(held_at, declined_at) <= held_due),
        count(*) FILTER (WHERE held_due < v_until OR held_at IS NOT NULL OR declined_at IS NOT NULL), NULL FROM deb
    UNION ALL SELECT 'active_restrictive_measures', NULL, NULL, count(*) FILTER (WHERE scope = 'person')::numeric FROM active
    UNION ALL SELECT 'active_unit_measures', NULL, NULL, count(*) FILTER (WHERE scope = 'unit')::numeric FROM active
    UNION ALL SELECT 'active_measures_median_age_seconds', NULL, NULL,
        (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p_to - decided_at)))::numeric FROM active
    UNION ALL SELECT 'measure_reviews_in_time',
        count(*) FILTER (WHERE next_at IS NOT NULL AND next_at <= due), count(*), NULL FROM due_in
    UNION ALL SELECT 'unit_measures_lifted_by_end',
        count(*) FILTER (WHERE lifted_at IS NOT NULL AND lifted_at <= ends_at),
        count(*) FILTER (WHERE ends_at >= p_from AND ends_at < v_until), NULL
      FROM um WHERE ends_at >= p_from AND ends_at < v_until
    UNION ALL SELECT 'unit_assessment_current', count(*) FILTER (WHERE current), count(*), NULL FROM ua
    UNION ALL SELECT 'significant_type_decisions_recorded',
        count(*) FILTER (WHERE public_safety_significant AND justification IS NOT NULL), count(*), NULL FROM dec;
END
$$;

CREATE INDEX measure_reviews_unit_at ON measure_reviews (unit_code, at);

-- Default deny, then every login: row-level security and the scope check decide what each sees.
REVOKE ALL ON FUNCTION sik_follow_up_metrics(text[], timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sik_follow_up_metrics(text[], timestamptz, timestamptz) TO vaktlogg_user;
