-- Vaktlogg schema, part 13: functions are denied by default, and the chain cannot be advanced for a
-- row that is not stored (issue #8, holes 4 and 5).
--
-- Principle 1 — default deny for functions. PostgreSQL lets PUBLIC execute every new function.
-- A SECURITY DEFINER function runs with the owner's rights, so each one reachable by a login is a
-- door through row-level security: chain_lock_head() returned every unit's head and entry count,
-- and a transaction holding it froze another unit's log. Internal and trigger functions are
-- therefore executable by nobody but the owner (triggers do not need EXECUTE to fire; definer
-- functions call each other as the owner), and a login may call only the functions granted to
-- vaktlogg_user below: what the Store and CLI call, and what the row-level-security policies call
-- as the querying user. Functions created later by the migrating owner start with no EXECUTE for
-- PUBLIC (ALTER DEFAULT PRIVILEGES); each migration grants what it means to. A catalogue test
-- (FunctionGrantCatalogueTests) lists every function and table privilege, so widening fails a test.
--
-- Principle 2 — a chain link exists only for a stored row. BEFORE INSERT triggers run before
-- ON CONFLICT decides whether the row is stored, and a unique index only sees rows committed (or
-- in flight) when the row reaches it. Session A inserts a row and keeps its transaction open;
-- session B checks "already there?" (not yet: A has not committed), then waits for the unit's
-- head; A commits; B advances the head and ON CONFLICT DO NOTHING drops B's row — the head now
-- points past the last row and verify reports tampering. The fix: every "is this row already
-- there?" question that decides whether a row is chained is asked again after the head lock is
-- held. Whoever held the head before has then committed or rolled back, and a new statement in
-- READ COMMITTED sees it (in REPEATABLE READ the head row lock fails with a serialization error
-- instead — an error, never a gap). The head lock is therefore taken before the probe, and a row
-- that turns out to be a repetition is skipped (entries by idempotency key, entry persons) or
-- refused (a second accept of a handover) before the head moves. A fact table that gets a new
-- unique index must be added to the probe; the catalogue test lists those indexes to force that.

-- ---------------------------------------------------------------------------------------------
-- Default deny
-- ---------------------------------------------------------------------------------------------

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM vaktlogg_user;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- True when the session's login is a superuser (who bypasses row-level security anyway).
CREATE FUNCTION session_is_superuser() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
$$;

-- facts_notify() ran as the inserting user and needed notify_change(); as a definer function it
-- calls it as the owner, so notify_change() need not be granted to anyone.
ALTER FUNCTION facts_notify() SECURITY DEFINER SET search_path = public, pg_temp;

-- What a login calls. The access context (row-level-security policies run these as the querying
-- user); administration (each checks caller_is_admin() itself); integrity (each checks unit
-- visibility itself); the logged reads; the triage helper; the schema version for embedded mode.
GRANT EXECUTE ON FUNCTION app_role(), visible_units(), writable_units(), caller_is_admin() TO vaktlogg_user;
GRANT EXECUTE ON FUNCTION admin_add_region(text, text), admin_add_unit(text, text, text, text, smallint),
    admin_add_user(text, text, text[], text), admin_disable_user(text), admin_enable_user(text) TO vaktlogg_user;
GRANT EXECUTE ON FUNCTION verify_chain(text), chain_hash_at(text, bigint) TO vaktlogg_user;
GRANT EXECUTE ON FUNCTION entry_persons_of(bigint), entry_reporter(bigint) TO vaktlogg_user;
GRANT EXECUTE ON FUNCTION next_due(entry_state), schema_version() TO vaktlogg_user;

-- ---------------------------------------------------------------------------------------------
-- Chain races
-- ---------------------------------------------------------------------------------------------

-- The head lock is taken first; every probe after it runs on a snapshot that includes whatever the
-- previous holder committed. The unit must be visible to the caller before its head is touched:
-- row-level security is checked only after the BEFORE triggers, and a refused insert left inside
-- an open (aborted) transaction would otherwise keep another unit's head locked.
CREATE OR REPLACE FUNCTION chain_append() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET timezone = 'UTC'
AS $$
DECLARE
    v chain_heads;
BEGIN
    IF NEW.unit_code IS NULL THEN
        RAISE EXCEPTION 'a fact row needs a unit' USING ERRCODE = 'not_null_violation';
    END IF;
    IF NOT (NEW.unit_code IN (SELECT visible_units()) OR session_is_superuser()) THEN
        PERFORM refuse('unit_not_visible', 'the unit is not visible to you', 'insufficient_privilege');
    END IF;
    v := chain_lock_head(NEW.unit_code);
    -- Repetitions decided after the lock (see the file comment). One IF per table: a branch's
    -- column references are resolved only when that branch runs.
    IF TG_TABLE_NAME = 'entry_persons' THEN
        IF EXISTS (SELECT 1 FROM entry_persons p WHERE p.entry_id = NEW.entry_id
                   AND p.person_ref = NEW.person_ref AND p.role = NEW.role) THEN
            RETURN NULL;
        END IF;
    ELSIF TG_TABLE_NAME = 'shift_log' THEN
        IF NEW.event = 'accept' AND EXISTS (SELECT 1 FROM shift_log s WHERE s.handover_id = NEW.handover_id
                                                                        AND s.event = 'accept') THEN
            PERFORM refuse('already_accepted', 'the handover has already been accepted');
        END IF;
    ELSIF TG_TABLE_NAME = 'entries' THEN
        -- entries_prepare() has already serialised deliveries of one key with an advisory lock and
        -- counted the reference under this head; a row here would mean a gap in the references, so
        -- it is refused rather than skipped.
        IF EXISTS (SELECT 1 FROM entries e WHERE e.idempotency_key = NEW.idempotency_key) THEN
            RAISE EXCEPTION 'an entry with this idempotency key was stored concurrently'
                USING ERRCODE = 'unique_violation', HINT = 'vaktlogg:duplicate_key';
        END IF;
    END IF;
    NEW.chain_seq := v.seq + 1;
    NEW.prev_hash := v.head;
    NEW.row_hash := chain_hash(v.head, TG_TABLE_NAME, to_jsonb(NEW));
    UPDATE chain_heads SET seq = NEW.chain_seq, head = NEW.row_hash WHERE unit_code = NEW.unit_code;
    RETURN NEW;
END
$$;

-- The unit of an entry the caller can see, or one refusal for "no such entry" and "not yours"
-- alike, so that no later check (kind, status, persons) runs on a row the caller cannot see.
CREATE FUNCTION visible_entry_unit(p_entry bigint) RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_unit text;
BEGIN
    SELECT e.unit_code INTO v_unit FROM entries e WHERE e.id = p_entry;
    IF v_unit IS NULL OR NOT (v_unit IN (SELECT visible_units()) OR session_is_superuser()) THEN
        PERFORM refuse('unknown_entry', 'no such entry', 'no_data_found');
    END IF;
    RETURN v_unit;
END
$$;

-- Scope first, then the repetition pre-check (cheap; the race-safe one is in chain_append()).
CREATE OR REPLACE FUNCTION entry_persons_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    NEW.unit_code := visible_entry_unit(NEW.entry_id);
    IF EXISTS (SELECT 1 FROM entry_persons
               WHERE entry_id = NEW.entry_id AND person_ref = NEW.person_ref AND role = NEW.role) THEN
        RETURN NULL;
    END IF;
    NEW.added_by := session_user;
    NEW.added_at := fact_time(NEW.added_at);
    INSERT INTO persons (ref) VALUES (NEW.person_ref) ON CONFLICT DO NOTHING;
    RETURN NEW;
END
$$;

-- Scope first: a handover of a unit the caller cannot write to is "no such handover", whatever
-- its state, before any other answer (own handover, already accepted) can describe it.
CREATE OR REPLACE FUNCTION shift_log_prepare() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    h shift_log;
BEGIN
    NEW.actor := session_user;
    NEW.at := fact_time(NEW.at);
    IF NEW.event = 'accept' THEN
        SELECT * INTO h FROM shift_log WHERE id = NEW.handover_id AND event = 'handover';
        IF NOT FOUND OR h.unit_code IS DISTINCT FROM NEW.unit_code
           OR NOT (h.unit_code IN (SELECT writable_units()) OR session_is_superuser()) THEN
            PERFORM refuse('unknown_handover', 'no such handover in this unit', 'no_data_found');
        END IF;
        IF h.actor = session_user THEN
            PERFORM refuse('accept_own_handover', 'a handover is accepted by the incoming officer, not the outgoing');
        END IF;
        IF EXISTS (SELECT 1 FROM shift_log WHERE handover_id = NEW.handover_id) THEN
            PERFORM refuse('already_accepted', 'the handover has already been accepted');
        END IF;
    END IF;
    RETURN NEW;
END
$$;

REVOKE EXECUTE ON FUNCTION session_is_superuser(), visible_entry_unit(bigint) FROM PUBLIC;
