-- 017: a fact's notification names the entry it belongs to; a decided measure's due date is not in
-- the past.

-- A listener refreshes the entry a fact belongs to; a payload that says `entry: null` for a measure
-- or decision on an entry makes every screen guess. The entry is read from the row itself (ids only,
-- as before: no personal data ever travels in a payload); tables without an entry say null.
CREATE OR REPLACE FUNCTION facts_notify() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM notify_change(TG_TABLE_NAME, NEW.id, (to_jsonb(NEW) ->> 'entry_id')::bigint, NEW.unit_code);
    RETURN NULL;
END
$$;

-- A measure decided with a due date already past is overdue the moment it is written: the client
-- refuses it, and so must the database, or anyone with psql could record a measure nobody can meet.
-- Measured on the Oslo calendar against the event's own time (a backdated event may name the day it
-- was decided). Runs after a_check, which has set the event's time and checked the scope.
CREATE FUNCTION entry_events_due_not_past() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_due date;
BEGIN
    IF NEW.event <> 'measure_decided' THEN
        RETURN NEW;
    END IF;
    IF jsonb_typeof(NEW.data -> 'due') IS DISTINCT FROM 'string'
       OR NEW.data ->> 'due' !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
        PERFORM refuse('due_invalid', 'a due date is a calendar date, YYYY-MM-DD');
    END IF;
    BEGIN
        v_due := (NEW.data ->> 'due')::date;
    EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN
        PERFORM refuse('due_invalid', 'a due date is a calendar date, YYYY-MM-DD');
    END;
    IF v_due < (NEW.at AT TIME ZONE 'Europe/Oslo')::date THEN
        PERFORM refuse('due_in_past', 'the due date of a decided measure lies in the past');
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER a_check_due BEFORE INSERT ON entry_events FOR EACH ROW EXECUTE FUNCTION entry_events_due_not_past();

REVOKE ALL ON FUNCTION facts_notify, entry_events_due_not_past FROM PUBLIC;
