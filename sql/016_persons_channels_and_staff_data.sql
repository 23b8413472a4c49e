-- Vaktlogg schema, part 16: persons linked to entries only through a logged read, notifications per
-- unit, and staff data and sessions only as needed (issue #8, holes 8, 11 and 12).

-- ---------------------------------------------------------------------------------------------
-- Hole 8: every way from an entry to a person goes through the logged read
-- ---------------------------------------------------------------------------------------------

-- Principle: a person is linked to an entry only by a read that is logged and committed first
-- (request_read / entry_persons_of, migration 015). persons.created_at equalled the entry's
-- recorded_at, and measures, decisions and risk assessments named the person beside ids that lead
-- to the entry; each was a join around the log. The registry of persons is read by no application
-- login (and written only by the triggers that add a person with an entry or an assessment, so it
-- cannot be probed with INSERT … ON CONFLICT either); the person columns of the other facts are not
-- readable.
REVOKE SELECT, INSERT ON persons FROM vaktlogg_user;
ALTER TABLE persons ENABLE ROW LEVEL SECURITY;  -- no policy: no row for any application login
REVOKE SELECT (person_ref) ON measures, decisions, risk_assessments FROM vaktlogg_user;

-- A measure or decision that names a case number not yet registered registers it rather than fail on
-- the foreign key: the refusal would otherwise tell whether the person is known in any unit.
CREATE FUNCTION register_person() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NEW.person_ref IS NOT NULL THEN
        INSERT INTO persons (ref) VALUES (NEW.person_ref) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER a0_person BEFORE INSERT ON measures FOR EACH ROW EXECUTE FUNCTION register_person();
CREATE TRIGGER a0_person BEFORE INSERT ON decisions FOR EACH ROW EXECUTE FUNCTION register_person();

-- What the measure check needs: the latest assessment (id, band, time) of a person the coordinator
-- names, in the units they may see. It names no entry, so it links nothing.
CREATE FUNCTION latest_assessment_of(p_person text)
    RETURNS TABLE (id bigint, band text, assessed_at timestamptz)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF app_role() IS DISTINCT FROM 'security_coordinator' AND app_role() IS DISTINCT FROM 'admin' THEN
        RETURN;
    END IF;
    RETURN QUERY
    SELECT r.id, r.band, r.assessed_at FROM risk_assessments r
     WHERE r.person_ref = p_person AND r.unit_code IN (SELECT visible_units())
     ORDER BY r.assessed_at DESC, r.id DESC LIMIT 1;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Hole 11: notifications
-- ---------------------------------------------------------------------------------------------

-- Principle: a notification is a hint. PostgreSQL has no privilege on LISTEN or NOTIFY: any login can
-- listen on, and send to, any channel it can name. So each unit gets a channel with a random
-- 128-bit name, readable only through my_channels() by the unit's active users; nothing is sent on
-- the old shared channel `vaktlogg` any more. Payloads stay ids only, and every client re-reads
-- through row-level security, so a forged hint (from someone who knows the name) can at most make a
-- client re-read. What remains: whoever once learned a unit's channel name can keep listening to
-- that unit's hints (ids and times of changes, nothing else) with any login to this database, until
-- an administrator renews the names with admin_renew_channels().
CREATE TABLE unit_channels (
    unit_code text PRIMARY KEY REFERENCES units (code),
    channel text NOT NULL UNIQUE
);

CREATE FUNCTION new_channel_name() RETURNS text
    LANGUAGE sql VOLATILE
AS $$
    SELECT 'vaktlogg_' || replace(gen_random_uuid()::text, '-', '')
$$;

INSERT INTO unit_channels (unit_code, channel) SELECT code, new_channel_name() FROM units;

CREATE FUNCTION units_channel() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    INSERT INTO unit_channels (unit_code, channel) VALUES (NEW.code, new_channel_name());
    RETURN NULL;
END
$$;
CREATE TRIGGER b_channel AFTER INSERT ON units FOR EACH ROW EXECUTE FUNCTION units_channel();

CREATE OR REPLACE FUNCTION notify_change(p_table text, p_id bigint, p_entry bigint, p_unit text) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    -- ids only: no personal data ever travels in a payload
    SELECT pg_notify(c.channel, json_build_object('table', p_table, 'id', p_id, 'entry', p_entry,
                                                  'unit', p_unit)::text)
      FROM unit_channels c WHERE c.unit_code = p_unit
$$;

-- Ran as the writer; it calls notify_change(), which the writer need not be able to call.
CREATE OR REPLACE FUNCTION facts_notify() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM notify_change(TG_TABLE_NAME, NEW.id, NULL, NEW.unit_code);
    RETURN NULL;
END
$$;

-- The channels of the caller's units, to LISTEN on.
CREATE FUNCTION my_channels() RETURNS TABLE (unit_code text, channel text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    RETURN QUERY SELECT c.unit_code, c.channel FROM unit_channels c
                  WHERE c.unit_code IN (SELECT visible_units()) ORDER BY c.unit_code;
END
$$;

-- New names for every unit's channel (after staff have left a unit, say); listeners re-read
-- my_channels().
CREATE FUNCTION admin_renew_channels() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT caller_is_admin() THEN
        RAISE EXCEPTION 'only an administrator may renew channels' USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:admin_required';
    END IF;
    UPDATE unit_channels SET channel = new_channel_name();
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Hole 12: staff data and sessions
-- ---------------------------------------------------------------------------------------------

-- Principle: staff see the staff they work with. Full names and unit memberships are visible to an
-- active user for their own units' colleagues (and themselves); administrators and auditors see all.
-- A disabled user's open session sees no staff, no units and no persons (visible_units() and
-- app_role() are empty for them).
ALTER TABLE app_users ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_as_needed ON app_users FOR SELECT TO vaktlogg_user
    USING (app_role() IS NOT NULL
           AND (name = session_user
                OR app_role() IN ('admin', 'auditor')
                OR EXISTS (SELECT 1 FROM user_units uu
                            WHERE uu.user_name = app_users.name AND uu.unit_code IN (SELECT visible_units()))));
ALTER TABLE user_units ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_own_units ON user_units FOR SELECT TO vaktlogg_user
    USING (unit_code IN (SELECT visible_units()));
ALTER TABLE units ENABLE ROW LEVEL SECURITY;
CREATE POLICY active_users ON units FOR SELECT TO vaktlogg_user USING (app_role() IS NOT NULL);
ALTER TABLE regions ENABLE ROW LEVEL SECURITY;
CREATE POLICY active_users ON regions FOR SELECT TO vaktlogg_user USING (app_role() IS NOT NULL);

-- Ends every session of a login on this database (other databases of the cluster are not ours).
-- Waits until they are gone, so that when `user disable` returns nothing of theirs is still open.
-- With a database owner that is not a superuser, the owner needs the pg_signal_backend role.
CREATE FUNCTION admin_end_sessions(p_name text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_ended integer;
BEGIN
    IF NOT caller_is_admin() THEN
        RAISE EXCEPTION 'only an administrator may end sessions' USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:admin_required';
    END IF;
    SELECT count(*) FILTER (WHERE pg_terminate_backend(a.pid, 10000)) INTO v_ended
      FROM pg_stat_activity a
     WHERE a.usename = p_name AND a.datname = current_database() AND a.pid <> pg_backend_pid();
    RETURN v_ended;
END
$$;

CREATE OR REPLACE FUNCTION admin_disable_user(p_name text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT caller_is_admin() THEN
        RAISE EXCEPTION 'only an administrator may disable users' USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:admin_required';
    END IF;
    IF p_name = session_user THEN
        RAISE EXCEPTION 'an administrator cannot disable their own account' USING ERRCODE = 'check_violation',
            HINT = 'vaktlogg:disable_self';
    END IF;
    UPDATE app_users SET disabled_at = now() WHERE name = p_name AND disabled_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no active user %', p_name USING ERRCODE = 'no_data_found',
            HINT = 'vaktlogg:unknown_user';
    END IF;
    -- The login role may serve other databases of the cluster; its access here ends with the row
    -- above (every policy requires an active user), it can no longer connect here, and the sessions
    -- it has open here are ended.
    EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM %I', current_database(), p_name);
    PERFORM admin_end_sessions(p_name);
END
$$;

-- Who is connected, since when and in which transaction, is timing a reader could set beside an
-- entry's recorded_at (the start of the writer's transaction) to tell who wrote a sealed report.
-- Application logins do not read other sessions' activity or locks in this database. (Without
-- superuser rights the owner cannot change catalogue grants; PostgreSQL then warns and nothing
-- changes: see docs/security.md.)
REVOKE SELECT ON pg_catalog.pg_stat_activity, pg_catalog.pg_locks FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION pg_catalog.pg_stat_get_activity(integer), pg_catalog.pg_lock_status(),
    pg_catalog.pg_blocking_pids(integer), pg_catalog.pg_stat_get_backend_userid(integer),
    pg_catalog.pg_stat_get_backend_pid(integer), pg_catalog.pg_stat_get_backend_activity_start(integer),
    pg_catalog.pg_stat_get_backend_xact_start(integer), pg_catalog.pg_stat_get_backend_start(integer),
    pg_catalog.pg_stat_get_backend_activity(integer), pg_catalog.pg_stat_get_backend_dbid(integer),
    pg_catalog.pg_stat_get_backend_client_addr(integer), pg_catalog.pg_stat_get_backend_wait_event(integer),
    pg_catalog.pg_stat_get_backend_wait_event_type(integer), pg_catalog.pg_stat_get_backend_idset()
    FROM PUBLIC;

REVOKE ALL ON FUNCTION register_person, latest_assessment_of, new_channel_name, units_channel, notify_change, facts_notify,
    my_channels, admin_renew_channels, admin_end_sessions, admin_disable_user FROM PUBLIC;
GRANT EXECUTE ON FUNCTION latest_assessment_of, my_channels, admin_renew_channels, admin_end_sessions,
    admin_disable_user TO vaktlogg_user;
