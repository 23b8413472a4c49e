-- Vaktlogg schema, part 30: measures followed up over time (domain.md §5 "what the strategy asks to
-- follow up over time", §6 "restrictive measure reviewed"; issue 14 part B).
--
-- A restrictive measure (restrictiveness 2–4) gets a review date when it is decided, by its
-- restrictiveness: 4 → 24 hours, 3 → 7 days, 2 → 30 days (product defaults; a rule set may name
-- other numbers as deadlines.measure_review_hours_r4 / measure_review_days_r3 / _r2 — ksf-2006.1
-- names none, so the defaults apply through COALESCE). A measure ends by a recorded lifting, with
-- a reason. A unit-wide (collective) measure carries a justification and an end time ("ikke et
-- unødvendig høyt sikkerhetsnivå for alle innsatte fordi noen få utgjør en trussel"); it is lifted
-- by the same mechanism, and the end time is the deadline for lifting it.
--
-- Reviews and liftings are facts like the others: append-only, chained, in the measure's unit.
-- They are made by a security coordinator (or admin), the role that decides measures (sql/004):
-- lifting a restriction is a decision of the same weight as imposing it, and domain.md §8 gives the
-- duty officer no say over measures.
--
-- Measures recorded before this migration have no review date (review_due is NULL, their rows keep
-- their hashes): they are listed as active until lifted, but nothing is overdue about them — there
-- was no way to review them until now.

-- ---------------------------------------------------------------------------------------------
-- The review period by restrictiveness, from the rule set the measure was judged by
-- ---------------------------------------------------------------------------------------------

CREATE FUNCTION measure_review_period(p_rules_version text, p_restrictiveness smallint) RETURNS interval
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT CASE p_restrictiveness
               WHEN 4 THEN make_interval(hours => coalesce((d ->> 'measure_review_hours_r4')::int, 24))
               WHEN 3 THEN make_interval(days => coalesce((d ->> 'measure_review_days_r3')::int, 7))
               WHEN 2 THEN make_interval(days => coalesce((d ->> 'measure_review_days_r2')::int, 30))
           END
      FROM (SELECT (SELECT r.deadlines FROM rule_sets r WHERE r.version = p_rules_version) AS d) s
$$;

-- Nullable and without a default: rows before this migration keep their hashes (the canonical form
-- strips nulls). Set by the database, never by the writer (no INSERT grant on the column).
ALTER TABLE measures ADD COLUMN review_due timestamptz;

-- BEFORE INSERT, after a_prepare (which has set decided_at and checked rules_version) and before
-- y_seal and zz_chain, so the chain covers the review date.
CREATE FUNCTION measures_set_review_due() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    NEW.review_due := NEW.decided_at + measure_review_period(NEW.rules_version, NEW.restrictiveness);
    RETURN NEW;
END
$$;
CREATE TRIGGER m_review_due BEFORE INSERT ON measures FOR EACH ROW EXECUTE FUNCTION measures_set_review_due();

-- ---------------------------------------------------------------------------------------------
-- Unit-wide (collective) measures
-- ---------------------------------------------------------------------------------------------

CREATE TABLE unit_measures (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_code text NOT NULL REFERENCES units (code),
    type text NOT NULL CHECK (type IN ('isolation', 'exclusion', 'search', 'transfer', 'restraint',
                                       'communication_restriction', 'visit_restriction', 'extra_control',
                                       'supportive', 'staff_protection', 'other')),
    purpose text NOT NULL REFERENCES interests (code),
    text text NOT NULL CHECK (btrim(text) <> '' AND length(text) <= 8000),
    -- why all inmates of the unit, not only the few who are a threat
    justification text NOT NULL CHECK (btrim(justification) <> '' AND length(justification) <= 8000),
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    decided_by text NOT NULL,
    decided_at timestamptz NOT NULL,
    chain_seq bigint NOT NULL,
    prev_hash bytea NOT NULL,
    row_hash bytea NOT NULL,
    CONSTRAINT unit_measures_ends_after_start CHECK (ends_at > starts_at)
);

CREATE FUNCTION unit_measures_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF app_role() NOT IN ('security_coordinator', 'admin') AND NOT session_is_superuser() THEN
        PERFORM refuse('coordinator_required', 'measures are decided by a security coordinator', 'insufficient_privilege');
    END IF;
    IF NOT (NEW.unit_code IN (SELECT writable_units()) OR session_is_superuser()) THEN
        PERFORM refuse('unit_not_permitted', 'you may not write for this unit', 'insufficient_privilege');
    END IF;
    NEW.decided_by := current_app_user();
    NEW.decided_at := fact_time(NEW.decided_at);
    NEW.starts_at := coalesce(NEW.starts_at, NEW.decided_at);
    -- A collective measure already over when it is recorded would be a measure nobody can lift in time.
    IF NEW.ends_at <= NEW.decided_at THEN
        PERFORM refuse('ends_in_past', 'a collective measure ends after it is decided');
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER a_prepare BEFORE INSERT ON unit_measures FOR EACH ROW EXECUTE FUNCTION unit_measures_prepare();
SELECT make_fact_table('unit_measures');
CREATE INDEX unit_measures_unit ON unit_measures (unit_code, decided_at);

-- ---------------------------------------------------------------------------------------------
-- Reviews and liftings
-- ---------------------------------------------------------------------------------------------

CREATE TABLE measure_reviews (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    measure_id bigint REFERENCES measures (id),
    unit_measure_id bigint REFERENCES unit_measures (id),
    -- the measure's entry (set by the database), so that a reporter's own review of a measure on
    -- their manipulation report is sealed like their other rows on it (sql/015)
    entry_id bigint REFERENCES entries (id),
    unit_code text NOT NULL REFERENCES units (code),
    action text NOT NULL CHECK (action IN ('review', 'lift')),
    -- the note of a review, the reason of a lifting
    reason text CHECK (reason IS NULL OR (btrim(reason) <> '' AND length(reason) <= 8000)),
    actor text,
    at timestamptz NOT NULL,
    -- when the next review is due after this one (a review of a restrictive measure); set by the database
    next_review_due timestamptz,
    chain_seq bigint NOT NULL,
    prev_hash bytea NOT NULL,
    row_hash bytea NOT NULL,
    CONSTRAINT measure_reviews_one_measure CHECK (num_nonnulls(measure_id, unit_measure_id) = 1),
    CONSTRAINT measure_reviews_lift_reason CHECK (action <> 'lift' OR reason IS NOT NULL)
);
CREATE INDEX measure_reviews_measure ON measure_reviews (measure_id, at);
CREATE INDEX measure_reviews_unit_measure ON measure_reviews (unit_measure_id, at);

CREATE FUNCTION measure_reviews_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    m measures;
    u unit_measures;
    v_decided timestamptz;
BEGIN
    IF num_nonnulls(NEW.measure_id, NEW.unit_measure_id) <> 1 THEN
        PERFORM refuse('one_measure', 'a review or lifting names exactly one measure');
    END IF;
    -- Scope first: a measure outside the caller's units is refused as if it did not exist.
    IF NEW.measure_id IS NOT NULL THEN
        SELECT * INTO m FROM measures x
         WHERE x.id = NEW.measure_id AND (x.unit_code IN (SELECT visible_units()) OR session_is_superuser());
        IF NOT FOUND THEN
            PERFORM refuse('unknown_measure', 'no such measure in your units', 'no_data_found');
        END IF;
        NEW.unit_code := m.unit_code;
        NEW.entry_id := m.entry_id;
        v_decided := m.decided_at;
    ELSE
        SELECT * INTO u FROM unit_measures x
         WHERE x.id = NEW.unit_measure_id AND (x.unit_code IN (SELECT visible_units()) OR session_is_superuser());
        IF NOT FOUND THEN
            PERFORM refuse('unknown_measure', 'no such measure in your units', 'no_data_found');
        END IF;
        NEW.unit_code := u.unit_code;
        NEW.entry_id := NULL;
        v_decided := u.decided_at;
    END IF;
    IF app_role() NOT IN ('security_coordinator', 'admin') AND NOT session_is_superuser() THEN
        PERFORM refuse('coordinator_required', 'measures are reviewed and lifted by a security coordinator',
                       'insufficient_privilege');
    END IF;
    IF NOT (NEW.unit_code IN (SELECT writable_units()) OR session_is_superuser()) THEN
        PERFORM refuse('unit_not_permitted', 'you may not write for this unit', 'insufficient_privilege');
    END IF;
    NEW.actor := current_app_user();
    NEW.at := fact_time(NEW.at);
    IF NEW.at < v_decided THEN
        PERFORM refuse('before_measure', 'a measure is reviewed or lifted after it was decided');
    END IF;
    -- One follow-up of a measure at a time: the second of two concurrent liftings waits here and then
    -- reads the first (READ COMMITTED takes a new snapshot per statement; under REPEATABLE READ the
    -- unit's chain head refuses the second writer anyway).
    IF NEW.measure_id IS NOT NULL THEN
        PERFORM pg_advisory_xact_lock(hashtext('vaktlogg:measure_follow_up'), (NEW.measure_id % 2147483647)::integer);
    ELSE
        PERFORM pg_advisory_xact_lock(hashtext('vaktlogg:unit_measure_follow_up'), (NEW.unit_measure_id % 2147483647)::integer);
    END IF;
    IF EXISTS (SELECT 1 FROM measure_reviews r
                WHERE r.action = 'lift'
                  AND (r.measure_id = NEW.measure_id OR r.unit_measure_id = NEW.unit_measure_id)) THEN
        PERFORM refuse('measure_lifted', 'the measure has been lifted; it is neither reviewed nor lifted again');
    END IF;
    NEW.next_review_due := CASE WHEN NEW.action = 'review' AND m.id IS NOT NULL
                                THEN NEW.at + measure_review_period(m.rules_version, m.restrictiveness) END;
    RETURN NEW;
END
$$;
CREATE TRIGGER a_prepare BEFORE INSERT ON measure_reviews FOR EACH ROW EXECUTE FUNCTION measure_reviews_prepare();

-- The reviewer's identity sealed where it is the reporter of the manipulation report the measure
-- belongs to, as for every other row on that report (sql/015).
ALTER TABLE measure_reviews ADD COLUMN sealed_by text, ADD COLUMN sealed_salt bytea, ADD COLUMN sealed_commitment bytea;
ALTER TABLE measure_reviews ADD CONSTRAINT measure_reviews_sealed_identity CHECK ((actor IS NULL) = (sealed_by IS NOT NULL));
INSERT INTO sealed_columns VALUES ('measure_reviews', 'actor');
CREATE TRIGGER y_seal BEFORE INSERT ON measure_reviews FOR EACH ROW EXECUTE FUNCTION seal_identity();
SELECT make_fact_table('measure_reviews');

CREATE TRIGGER b_notify AFTER INSERT ON unit_measures FOR EACH ROW EXECUTE FUNCTION facts_notify();
CREATE TRIGGER b_notify AFTER INSERT ON measure_reviews FOR EACH ROW EXECUTE FUNCTION facts_notify();

-- ---------------------------------------------------------------------------------------------
-- Each measure's state over time, with the flags of domain.md §4 (proportionality): a restrictive
-- measure whose person's latest assessment has lapsed, or was overtaken by a P1 incident involving
-- the person, is flagged for review.
-- ---------------------------------------------------------------------------------------------

-- Internal (no grant): every unit. The view runs with its owner's rights, so it reads the persons
-- of entries (never shown: only the flags leave it) and needs its own unit filter, below.
CREATE VIEW measure_status_all AS
SELECT 'person'::text AS scope, m.id, m.entry_id, e.ref, m.unit_code, m.type, m.purpose, m.restrictiveness,
       m.decided_at, m.decided_at AS starts_at, NULL::timestamptz AS ends_at,
       CASE WHEN l.at IS NULL THEN coalesce(rv.next_review_due, m.review_due) END AS review_due,
       rv.last_at AS last_reviewed_at, coalesce(rv.n, 0) AS review_count,
       l.at AS lifted_at, l.reason AS lift_reason, l.at IS NULL AS active,
       coalesce(l.at IS NULL AND coalesce(rv.next_review_due, m.review_due) < now(), false) AS overdue,
       (l.at IS NULL AND m.restrictiveness >= 2
            AND (a.id IS NULL OR a.valid_until < (now() AT TIME ZONE 'Europe/Oslo')::date)) AS assessment_lapsed,
       (l.at IS NULL AND m.restrictiveness >= 2 AND a.id IS NOT NULL AND EXISTS (
            SELECT 1 FROM entry_persons p JOIN entry_state s ON s.entry_id = p.entry_id
             WHERE p.person_ref = m.person_ref AND s.kind = 'incident' AND s.tier = 1
               AND s.occurred_at > a.assessed_at)) AS overtaken_by_p1
  FROM measures m
  LEFT JOIN entries e ON e.id = m.entry_id
  LEFT JOIN LATERAL (SELECT count(*) AS n, max(r.at) AS last_at,
                            (array_agg(r.next_review_due ORDER BY r.at DESC, r.id DESC))[1] AS next_review_due
                       FROM measure_reviews r WHERE r.measure_id = m.id AND r.action = 'review') rv ON true
  LEFT JOIN LATERAL (SELECT r.at, r.reason FROM measure_reviews r
                      WHERE r.measure_id = m.id AND r.action = 'lift') l ON true
  LEFT JOIN LATERAL (SELECT x.id, x.assessed_at, x.valid_until FROM risk_assessments x
                      WHERE x.person_ref = m.person_ref ORDER BY x.assessed_at DESC, x.id DESC LIMIT 1) a ON true
UNION ALL
SELECT 'unit', u.id, NULL, NULL, u.unit_code, u.type, u.purpose, NULL,
       u.decided_at, u.starts_at, u.ends_at,
       CASE WHEN l.at IS NULL THEN u.ends_at END,
       rv.last_at, coalesce(rv.n, 0),
       l.at, l.reason, l.at IS NULL,
       (l.at IS NULL AND u.ends_at < now()),
       false, false
  FROM unit_measures u
  LEFT JOIN LATERAL (SELECT count(*) AS n, max(r.at) AS last_at FROM measure_reviews r
                      WHERE r.unit_measure_id = u.id AND r.action = 'review') rv ON true
  LEFT JOIN LATERAL (SELECT r.at, r.reason FROM measure_reviews r
                      WHERE r.unit_measure_id = u.id AND r.action = 'lift') l ON true;

-- What a user may read: their units' measures. (For a unit-wide measure review_due is its end time,
-- the deadline for lifting it.)
CREATE VIEW measure_follow_up AS
SELECT * FROM measure_status_all WHERE unit_code IN (SELECT visible_units());

-- ---------------------------------------------------------------------------------------------
-- Row-level security and grants
-- ---------------------------------------------------------------------------------------------

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['unit_measures', 'measure_reviews'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY read_own_units ON %I FOR SELECT TO vaktlogg_user
                        USING (unit_code IN (SELECT visible_units()))', t);
        EXECUTE format('CREATE POLICY write_own_units ON %I FOR INSERT TO vaktlogg_user
                        WITH CHECK (unit_code IN (SELECT writable_units()))', t);
    END LOOP;
END
$$;

GRANT SELECT (review_due) ON measures TO vaktlogg_user;
GRANT SELECT (id, unit_code, type, purpose, text, justification, starts_at, ends_at, decided_by, decided_at, chain_seq)
    ON unit_measures TO vaktlogg_user;
GRANT INSERT (unit_code, type, purpose, text, justification, starts_at, ends_at, decided_at) ON unit_measures TO vaktlogg_user;
GRANT SELECT (id, measure_id, unit_measure_id, entry_id, unit_code, action, reason, actor, at, next_review_due, chain_seq)
    ON measure_reviews TO vaktlogg_user;
GRANT INSERT (measure_id, unit_measure_id, action, reason, at) ON measure_reviews TO vaktlogg_user;
GRANT SELECT ON measure_follow_up TO vaktlogg_user;

REVOKE ALL ON FUNCTION measure_review_period, measures_set_review_due, unit_measures_prepare, measure_reviews_prepare
    FROM PUBLIC;
REVOKE ALL ON measure_status_all FROM PUBLIC;
