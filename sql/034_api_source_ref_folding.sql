-- Vaktlogg schema, part 34: what the HTTP service needs of the database beyond 025 (issue #12).
--
-- 1. `/ready` asks the schema version as the service's own login, before any request context.
-- 2. An integration (an alarm system, a case system) names each event with its own reference,
--    `source_ref`. The same reference from the same reporter in the same unit within a window
--    (rule-set key `source_ref_fold_minutes`, default 60 for rule sets that predate it) is folded
--    into the first entry: counted on it, not stored again. The database decides, under a lock,
--    so concurrent deliveries through any path (API, psql) give one entry.

GRANT EXECUTE ON FUNCTION schema_version() TO vaktlogg_authenticator;

-- Nullable without a default: the chain's canonical form leaves nulls out, so old rows keep their hashes.
ALTER TABLE entries ADD COLUMN source_ref text
    CONSTRAINT entries_source_ref_form CHECK (source_ref IS NULL OR (length(source_ref) BETWEEN 1 AND 200
                                             AND source_ref !~ '[[:cntrl:]]'));
GRANT SELECT (source_ref), INSERT (source_ref) ON entries TO vaktlogg_user;
CREATE INDEX entries_source_ref ON entries (unit_code, reporter, source_ref, recorded_at) WHERE source_ref IS NOT NULL;

-- Each folded delivery: its own idempotency key (so its retry finds the entry it was folded
-- into) and when it came. Written only by the trigger below; read through the functions below.
CREATE TABLE source_ref_folds (
    idempotency_key uuid PRIMARY KEY,
    entry_id bigint NOT NULL REFERENCES entries (id),
    folded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX source_ref_folds_entry ON source_ref_folds (entry_id);
REVOKE ALL ON source_ref_folds FROM PUBLIC;

-- The fold window of a rule set, in minutes.
CREATE FUNCTION source_ref_fold_minutes(p_version text) RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT coalesce((content -> 'deadlines' ->> 'source_ref_fold_minutes')::int,
                    (content ->> 'source_ref_fold_minutes')::int, 60)
      FROM rule_sets WHERE version = p_version
$$;
REVOKE EXECUTE ON FUNCTION source_ref_fold_minutes(text) FROM PUBLIC;

-- Runs after a_prepare (scope checked, reporter set) and before the chain link: a repeated
-- source_ref inside the window is recorded as a fold and the row is not inserted.
CREATE FUNCTION entries_fold_source_ref() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_first bigint;
BEGIN
    IF NEW.source_ref IS NULL THEN
        RETURN NEW;
    END IF;
    -- The same lock a_prepare takes for the key, then one per reference: concurrent deliveries of
    -- the same reference wait for each other, and the later one sees the earlier's entry.
    PERFORM pg_advisory_xact_lock(hashtext('vaktlogg:idempotency_key'), hashtext(NEW.idempotency_key::text));
    IF EXISTS (SELECT 1 FROM source_ref_folds WHERE idempotency_key = NEW.idempotency_key) THEN
        RETURN NULL;  -- a retry of a delivery already folded
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('vaktlogg:source_ref'),
                                  hashtext(NEW.unit_code || '|' || NEW.reporter || '|' || NEW.source_ref));
    SELECT e.id INTO v_first FROM entries e
     WHERE e.unit_code = NEW.unit_code AND e.reporter = NEW.reporter AND e.source_ref = NEW.source_ref
       AND e.recorded_at > now() - make_interval(mins => source_ref_fold_minutes(NEW.rules_version))
     ORDER BY e.recorded_at, e.id LIMIT 1;
    IF v_first IS NULL THEN
        RETURN NEW;
    END IF;
    INSERT INTO source_ref_folds (idempotency_key, entry_id) VALUES (NEW.idempotency_key, v_first);
    RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION entries_fold_source_ref() FROM PUBLIC;
CREATE TRIGGER b_fold_source_ref BEFORE INSERT ON entries FOR EACH ROW EXECUTE FUNCTION entries_fold_source_ref();

-- The entry a delivery (idempotency key) was stored as or folded into, if the caller sees it.
CREATE FUNCTION entry_of_delivery(p_key uuid) RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT e.id FROM entries e
     WHERE e.id = coalesce((SELECT f.entry_id FROM source_ref_folds f WHERE f.idempotency_key = p_key),
                           (SELECT x.id FROM entries x WHERE x.idempotency_key = p_key))
       AND e.unit_code IN (SELECT visible_units())
       AND (app_role() IS DISTINCT FROM 'integration' OR e.reporter = current_app_user())
$$;
REVOKE EXECUTE ON FUNCTION entry_of_delivery(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION entry_of_delivery(uuid) TO vaktlogg_user;

-- How many deliveries an entry stands for (1 + its folds), for those who see the entry.
CREATE FUNCTION entry_delivery_count(p_entry bigint) RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT 1 + (SELECT count(*)::int FROM source_ref_folds f WHERE f.entry_id = e.id)
      FROM entries e
     WHERE e.id = p_entry AND e.unit_code IN (SELECT visible_units())
       AND (app_role() IS DISTINCT FROM 'integration' OR e.reporter = current_app_user())
$$;
REVOKE EXECUTE ON FUNCTION entry_delivery_count(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION entry_delivery_count(bigint) TO vaktlogg_user;

-- 3. "An integration reads back only its own entries" (025) held for `entries` alone: the
--    projection the list reads (entry_state) and the rows around an entry showed the unit's
--    other entries. The same restriction on each, keyed on the entries the integration sees.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['entry_state', 'entry_events', 'amendments', 'measures', 'decisions'] LOOP
        EXECUTE format('CREATE POLICY integration_reads_own ON %I AS RESTRICTIVE FOR SELECT TO vaktlogg_user
                        USING (app_role() IS DISTINCT FROM ''integration'' OR entry_id IN (SELECT id FROM entries))', t);
    END LOOP;
END
$$;
CREATE POLICY integration_reads_own ON risk_assessments AS RESTRICTIVE FOR SELECT TO vaktlogg_user
    USING (app_role() IS DISTINCT FROM 'integration');
CREATE POLICY integration_reads_own ON shift_log AS RESTRICTIVE FOR SELECT TO vaktlogg_user
    USING (app_role() IS DISTINCT FROM 'integration' OR actor = current_app_user());
