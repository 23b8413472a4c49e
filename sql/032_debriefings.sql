-- Vaktlogg schema, part 32: staff-safety debriefings (domain.md §5: after violence or threats
-- against staff or their family, a hostage taking, or a death with staff involved, emotional
-- debriefing — "emosjonelt etterarbeide" — is offered and held, each a recorded step with a
-- deadline; §6: offered within 24 hours, held within 7 days, product defaults).
--
-- The steps are facts (append-only, chained): `offered`, then `held` — or `declined` when the staff
-- member says no (the offer is the employer's duty; attending is not), which ends the follow-up as
-- `held` does. The deadlines run from the entry's reported time, by the entry's rule set
-- (deadlines.debriefing_offer_hours / debriefing_held_days; 24 and 7 when it names none, as
-- ksf-2006.1 does). A closed entry still owes its debriefing, so the steps do not go through the
-- entry's lifecycle (entry_events refuses events on a closed entry).
--
-- Recorded by whoever works in the unit and follows up staff (duty officer, security coordinator,
-- admin): the debriefing is often arranged by the shift leader on duty.
--
-- Only entries recorded after this migration owe a debriefing: a database with years of history
-- would otherwise wake up with every old violence case overdue.

-- Whether an entry owes a debriefing. Owner's rights: it reads whether a member of staff is among
-- the entry's persons (never who), for an entry the caller can see.
CREATE FUNCTION debriefing_required(p_entry bigint) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT EXISTS (
        SELECT 1 FROM entry_state s JOIN entries e ON e.id = s.entry_id
         WHERE s.entry_id = p_entry
           AND e.recorded_at >= coalesce((SELECT applied_at FROM schema_migrations WHERE version = 32), '-infinity')
           AND ((s.kind = 'incident' AND s.category IN ('violence_staff', 'threat_staff', 'threat_staff_family', 'hostage'))
                OR (s.kind = 'threat' AND s.category IN ('threat_staff', 'threat_staff_family'))
                OR (s.kind = 'incident' AND s.category = 'death'
                    AND EXISTS (SELECT 1 FROM entry_persons p WHERE p.entry_id = p_entry AND p.role = 'staff'))))
$$;

CREATE TABLE debriefings (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id bigint NOT NULL REFERENCES entries (id),
    unit_code text NOT NULL REFERENCES units (code),
    step text NOT NULL CHECK (step IN ('offered', 'held', 'declined')),
    at timestamptz NOT NULL,
    actor text NOT NULL,
    note text CHECK (note IS NULL OR (btrim(note) <> '' AND length(note) <= 8000)),
    chain_seq bigint NOT NULL,
    prev_hash bytea NOT NULL,
    row_hash bytea NOT NULL
);
CREATE INDEX debriefings_entry ON debriefings (entry_id, at);

CREATE FUNCTION debriefings_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_reported timestamptz;
BEGIN
    -- Scope first (unknown_entry for an entry the caller cannot see).
    NEW.unit_code := visible_entry_unit(NEW.entry_id);
    IF app_role() NOT IN ('duty_officer', 'security_coordinator', 'admin') AND NOT session_is_superuser() THEN
        PERFORM refuse('role_not_permitted', 'your role may not record debriefings', 'insufficient_privilege');
    END IF;
    IF NOT (NEW.unit_code IN (SELECT writable_units()) OR session_is_superuser()) THEN
        PERFORM refuse('unit_not_permitted', 'you may not write for this unit', 'insufficient_privilege');
    END IF;
    IF NOT debriefing_required(NEW.entry_id) THEN
        PERFORM refuse('debriefing_not_required',
                       'debriefings follow violence or threats against staff, hostage takings and deaths with staff involved');
    END IF;
    NEW.actor := current_app_user();
    NEW.at := fact_time(NEW.at);
    SELECT reported_at INTO v_reported FROM entries WHERE id = NEW.entry_id;
    IF NEW.at < v_reported THEN
        PERFORM refuse('before_entry', 'a debriefing step comes after the entry was reported');
    END IF;
    -- One step of an entry's debriefing at a time: a concurrent second offer waits and then reads the first.
    PERFORM pg_advisory_xact_lock(hashtext('vaktlogg:debriefing'), (NEW.entry_id % 2147483647)::integer);
    IF EXISTS (SELECT 1 FROM debriefings d WHERE d.entry_id = NEW.entry_id AND d.step = NEW.step) THEN
        PERFORM refuse('already_recorded', format('the debriefing has already been %s', NEW.step));
    END IF;
    IF NEW.step IN ('held', 'declined') THEN
        IF NOT EXISTS (SELECT 1 FROM debriefings d WHERE d.entry_id = NEW.entry_id AND d.step = 'offered') THEN
            PERFORM refuse('debriefing_not_offered', 'a debriefing is offered before it is held or declined');
        END IF;
        IF EXISTS (SELECT 1 FROM debriefings d WHERE d.entry_id = NEW.entry_id AND d.step IN ('held', 'declined')) THEN
            PERFORM refuse('debriefing_concluded', 'the debriefing has already been held or declined');
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER a_prepare BEFORE INSERT ON debriefings FOR EACH ROW EXECUTE FUNCTION debriefings_prepare();
SELECT make_fact_table('debriefings');
CREATE TRIGGER b_notify AFTER INSERT ON debriefings FOR EACH ROW EXECUTE FUNCTION facts_notify();

-- Every entry that owes a debriefing, with its deadlines and steps (internal: every unit).
CREATE VIEW debriefing_status_all AS
SELECT s.entry_id, s.ref, s.unit_code, s.kind, s.category, e.reported_at,
       date_trunc('second', e.reported_at)
           + make_interval(hours => coalesce((r.deadlines ->> 'debriefing_offer_hours')::int, 24)) AS offer_due,
       o.at AS offered_at,
       date_trunc('second', e.reported_at)
           + make_interval(days => coalesce((r.deadlines ->> 'debriefing_held_days')::int, 7)) AS held_due,
       h.at AS held_at, dc.at AS declined_at
  FROM entry_state s
  JOIN entries e ON e.id = s.entry_id
  LEFT JOIN rule_sets r ON r.version = e.rules_version
  LEFT JOIN debriefings o ON o.entry_id = s.entry_id AND o.step = 'offered'
  LEFT JOIN debriefings h ON h.entry_id = s.entry_id AND h.step = 'held'
  LEFT JOIN debriefings dc ON dc.entry_id = s.entry_id AND dc.step = 'declined'
 WHERE e.recorded_at >= coalesce((SELECT applied_at FROM schema_migrations WHERE version = 32), '-infinity')
   AND ((s.kind = 'incident' AND s.category IN ('violence_staff', 'threat_staff', 'threat_staff_family', 'hostage'))
        OR (s.kind = 'threat' AND s.category IN ('threat_staff', 'threat_staff_family'))
        OR (s.kind = 'incident' AND s.category = 'death'
            AND EXISTS (SELECT 1 FROM entry_persons p WHERE p.entry_id = s.entry_id AND p.role = 'staff')));

-- What a user may read: their units' debriefings, with what is overdue now.
CREATE VIEW debriefing_follow_up AS
SELECT d.*,
       (d.offered_at IS NULL AND d.offer_due < now()) AS offer_overdue,
       (d.held_at IS NULL AND d.declined_at IS NULL AND d.held_due < now()) AS held_overdue
  FROM debriefing_status_all d
 WHERE d.unit_code IN (SELECT visible_units());

ALTER TABLE debriefings ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_own_units ON debriefings FOR SELECT TO vaktlogg_user
    USING (unit_code IN (SELECT visible_units()));
CREATE POLICY write_own_units ON debriefings FOR INSERT TO vaktlogg_user
    WITH CHECK (unit_code IN (SELECT writable_units()));

GRANT SELECT (id, entry_id, unit_code, step, at, actor, note, chain_seq) ON debriefings TO vaktlogg_user;
GRANT INSERT (entry_id, step, at, note) ON debriefings TO vaktlogg_user;
GRANT SELECT ON debriefing_follow_up TO vaktlogg_user;

REVOKE ALL ON FUNCTION debriefing_required, debriefings_prepare FROM PUBLIC;
REVOKE ALL ON debriefing_status_all FROM PUBLIC;
