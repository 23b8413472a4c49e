-- Row-level security that asks who the caller is once per query, not once per row.
--
-- A policy expression `app_role() = …` is evaluated for every row the query reads: app_role() and
-- current_app_user() are functions (they read the request context of 025 and app_users), so
-- PostgreSQL cannot fold them into a constant. On entries that cost ~0.3 ms per row — a unit-year
-- SIK report spent 18.9 s of its 19 s there (bench/reports). Written as a sub-select, `(SELECT
-- app_role())`, the same expression becomes an InitPlan: computed once when the query starts and
-- reused for every row. The caller cannot change within one statement, so the meaning is the same.
-- The role test stays the left arm of each OR, so for everyone but integrations the right arm
-- (the `entry_id IN (SELECT id FROM entries)` sub-plan) is never run.
--
-- PolicyRoleOnceTests fails when a policy calls either function outside such a sub-select.

ALTER POLICY auditors_read ON access_log
    USING ((SELECT app_role()) IN ('auditor', 'admin'));
ALTER POLICY managers_decide ON decisions
    WITH CHECK ((SELECT app_role()) = 'manager' AND unit_code IN (SELECT visible_units()));
ALTER POLICY managers_comment ON entry_events
    WITH CHECK ((SELECT app_role()) = 'manager' AND event = 'comment' AND unit_code IN (SELECT visible_units()));
ALTER POLICY active_users ON units USING ((SELECT app_role()) IS NOT NULL);
ALTER POLICY active_users ON regions USING ((SELECT app_role()) IS NOT NULL);
ALTER POLICY integration_reads_own ON entries
    USING ((SELECT app_role()) IS DISTINCT FROM 'integration' OR reporter = (SELECT current_app_user()));
ALTER POLICY integration_no_measures ON measures
    WITH CHECK ((SELECT app_role()) IS DISTINCT FROM 'integration');
ALTER POLICY integration_no_decisions ON decisions
    WITH CHECK ((SELECT app_role()) IS DISTINCT FROM 'integration');
ALTER POLICY read_as_needed ON app_users
    USING ((SELECT app_role()) IS NOT NULL
           AND (name = (SELECT current_app_user())
                OR (SELECT app_role()) IN ('admin', 'auditor')
                OR EXISTS (SELECT 1 FROM user_units uu
                            WHERE uu.user_name = app_users.name AND uu.unit_code IN (SELECT visible_units()))));
ALTER POLICY managers_assess ON unit_assessments
    WITH CHECK ((SELECT app_role()) = 'manager' AND unit_code IN (SELECT visible_units()));
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['entry_state', 'entry_events', 'amendments', 'measures', 'decisions'] LOOP
        EXECUTE format('ALTER POLICY integration_reads_own ON %I
                        USING ((SELECT app_role()) IS DISTINCT FROM ''integration'' OR entry_id IN (SELECT id FROM entries))', t);
    END LOOP;
END
$$;
ALTER POLICY integration_reads_own ON risk_assessments
    USING ((SELECT app_role()) IS DISTINCT FROM 'integration');
ALTER POLICY integration_reads_own ON shift_log
    USING ((SELECT app_role()) IS DISTINCT FROM 'integration' OR actor = (SELECT current_app_user()));
