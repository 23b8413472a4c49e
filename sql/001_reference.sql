-- Vaktlogg schema v1, part 1: roles, reference data, users and the access context.
--
-- Applied by `vaktlogg db migrate` as the database owner (a superuser in embedded mode), in one
-- transaction. Everything that must not be bypassed is enforced here, so that a psql session with a
-- user's own credentials cannot get round it.

-- One group role for every application login. Roles are cluster-wide while this schema is per
-- database, so creation tolerates a concurrent migration of another database in the same cluster.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vaktlogg_user') THEN
        CREATE ROLE vaktlogg_user NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;

-- Which role a user has in *this* database is data (app_users), not role membership: membership is
-- cluster-wide and would leak one database's grants into another.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
DO $$ BEGIN
    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END $$;
GRANT USAGE ON SCHEMA public TO vaktlogg_user;

-- ---------------------------------------------------------------------------------------------
-- Code tables: the canonical codes of domain.md §5. Foreign keys to them refuse unknown codes.
-- ---------------------------------------------------------------------------------------------

CREATE TABLE interests (
    code text PRIMARY KEY,
    tier smallint NOT NULL CHECK (tier BETWEEN 1 AND 4)
);
INSERT INTO interests (code, tier) VALUES
    ('life_health', 1), ('public_safety', 1), ('security', 2), ('rehabilitation', 3), ('order', 4);

CREATE TABLE entry_kinds (code text PRIMARY KEY);
INSERT INTO entry_kinds VALUES ('incident'), ('deviation'), ('manipulation'), ('threat');

-- Category per kind with the interests it threatens by default (for manipulation the category is
-- the method, for threats the threat type). Mirrors the rule set `ksf-2006.1`; a test keeps the two
-- equal.
CREATE TABLE categories (
    kind text NOT NULL REFERENCES entry_kinds (code),
    code text NOT NULL,
    default_interests text[] NOT NULL,
    PRIMARY KEY (kind, code)
);
INSERT INTO categories (kind, code, default_interests) VALUES
    ('incident', 'violence_staff', '{life_health,security}'),
    ('incident', 'violence_inmate', '{life_health,security}'),
    ('incident', 'threat_staff', '{security}'),
    ('incident', 'self_harm', '{life_health}'),
    ('incident', 'death', '{life_health}'),
    ('incident', 'overdose', '{life_health}'),
    ('incident', 'escape', '{public_safety,security}'),
    ('incident', 'abscond', '{public_safety}'),
    ('incident', 'leave_breach', '{public_safety}'),
    ('incident', 'transport', '{public_safety,security}'),
    ('incident', 'contraband_drugs', '{security,life_health}'),
    ('incident', 'contraband_phone', '{security}'),
    ('incident', 'contraband_weapon', '{life_health,security}'),
    ('incident', 'fire', '{life_health}'),
    ('incident', 'hostage', '{life_health}'),
    ('incident', 'unrest', '{order,security}'),
    ('incident', 'damage', '{order}'),
    ('incident', 'infection', '{life_health}'),
    ('incident', 'drone_throwover', '{security}'),
    ('incident', 'infosec_breach', '{security}'),
    ('incident', 'other', '{}'),
    ('deviation', 'count_mismatch', '{security}'),
    ('deviation', 'door_lock', '{security}'),
    ('deviation', 'key_control', '{security}'),
    ('deviation', 'search_missed', '{security}'),
    ('deviation', 'staffing_below_minimum', '{security}'),
    ('deviation', 'equipment_failure', '{security}'),
    ('deviation', 'maintenance', '{security}'),
    ('deviation', 'routine_breach', '{security}'),
    ('deviation', 'personal_data', '{security}'),
    ('deviation', 'hse', '{life_health}'),
    ('deviation', 'other', '{}'),
    ('manipulation', 'gifts_favours', '{security}'),
    ('manipulation', 'private_probing', '{security}'),
    ('manipulation', 'boundary_testing', '{security}'),
    ('manipulation', 'relationship_building', '{security}'),
    ('manipulation', 'pressure_threats', '{security}'),
    ('manipulation', 'family_contact', '{security}'),
    ('manipulation', 'smuggling_request', '{security}'),
    ('manipulation', 'information_request', '{security}'),
    ('manipulation', 'other', '{security}'),
    ('threat', 'escape_plan', '{public_safety,security}'),
    ('threat', 'violence_plan', '{life_health}'),
    ('threat', 'threat_staff', '{life_health}'),
    ('threat', 'threat_staff_family', '{life_health}'),
    ('threat', 'threat_inmate', '{life_health}'),
    ('threat', 'hostage_plan', '{life_health}'),
    ('threat', 'organised_crime', '{public_safety}'),
    ('threat', 'radicalisation', '{public_safety}'),
    ('threat', 'external_attack', '{public_safety,life_health}'),
    ('threat', 'contraband_route', '{security}'),
    ('threat', 'cyber', '{security}'),
    ('threat', 'other', '{}');

-- ---------------------------------------------------------------------------------------------
-- Regions, units, users
-- ---------------------------------------------------------------------------------------------

CREATE TABLE regions (
    code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,15}$'),
    name text NOT NULL CHECK (btrim(name) <> '')
);

CREATE TABLE units (
    code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9]{1,11}$'),
    name text NOT NULL CHECK (btrim(name) <> ''),
    type text NOT NULL CHECK (type IN ('prison_high', 'prison_lower', 'transitional', 'probation')),
    region_code text NOT NULL REFERENCES regions (code),
    -- Security classification of the unit itself (high-security units are level 1).
    security_level smallint NOT NULL DEFAULT 2 CHECK (security_level BETWEEN 1 AND 3),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_users (
    name text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9._-]{1,62}$'),
    role text NOT NULL CHECK (role IN ('duty_officer', 'security_coordinator', 'manager', 'auditor',
                                        'admin', 'integration')),
    home_unit text REFERENCES units (code),
    full_name text CHECK (full_name IS NULL OR btrim(full_name) <> ''),
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT session_user,
    disabled_at timestamptz
);

CREATE TABLE user_units (
    user_name text NOT NULL REFERENCES app_users (name),
    unit_code text NOT NULL REFERENCES units (code),
    PRIMARY KEY (user_name, unit_code)
);
CREATE INDEX user_units_unit ON user_units (unit_code);

-- Pseudonymous person references (a case number), never a name or national ID: the pattern refuses
-- anything with spaces or lower-case letters, which is what names and free text look like.
CREATE TABLE persons (
    ref text PRIMARY KEY CHECK (ref ~ '^[A-Z0-9][A-Z0-9-]{2,31}$' AND ref !~ '^[0-9]{11}$'),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------------------------
-- The access context: who is asking, and which units they may see or write. Keyed to
-- session_user, which a client cannot choose after logging in.
-- ---------------------------------------------------------------------------------------------

CREATE FUNCTION app_role() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT role FROM app_users WHERE name = session_user AND disabled_at IS NULL
$$;

-- Units whose entries the caller may read: auditors and administrators read every unit, everyone
-- else the units they are attached to.
CREATE FUNCTION visible_units() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT u.code FROM units u
    WHERE EXISTS (SELECT 1 FROM app_users a
                  WHERE a.name = session_user AND a.disabled_at IS NULL
                    AND (a.role IN ('auditor', 'admin')
                         OR EXISTS (SELECT 1 FROM user_units uu
                                    WHERE uu.user_name = a.name AND uu.unit_code = u.code)))
$$;

-- Units the caller may write to: their own units; administrators every unit; auditors and managers
-- none (they read).
CREATE FUNCTION writable_units() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT u.code FROM units u
    WHERE EXISTS (SELECT 1 FROM app_users a
                  WHERE a.name = session_user AND a.disabled_at IS NULL
                    AND (a.role = 'admin'
                         OR (a.role IN ('duty_officer', 'security_coordinator', 'integration')
                             AND EXISTS (SELECT 1 FROM user_units uu
                                         WHERE uu.user_name = a.name AND uu.unit_code = u.code))))
$$;

-- True when the caller is a security coordinator of the unit (sealed manipulation reporters are
-- visible to them only).
CREATE FUNCTION is_coordinator_of(p_unit text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM app_users a JOIN user_units uu ON uu.user_name = a.name
                   WHERE a.name = session_user AND a.disabled_at IS NULL
                     AND a.role = 'security_coordinator' AND uu.unit_code = p_unit)
$$;

-- Backdating of fact times (demo history) is allowed only inside a transaction in which the database
-- owner has switched this flag on; other sessions never see the uncommitted value.
CREATE TABLE maintenance (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    backdating boolean NOT NULL DEFAULT false
);
INSERT INTO maintenance DEFAULT VALUES;

-- The time a fact is recorded at: now, unless backdating is on (see `maintenance`).
CREATE FUNCTION fact_time(p_given timestamptz) RETURNS timestamptz
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT CASE WHEN p_given IS NOT NULL AND (SELECT backdating FROM maintenance) THEN p_given
                ELSE now() END
$$;

-- ---------------------------------------------------------------------------------------------
-- Administration, through functions so that creating a login role needs no privilege in the caller
-- beyond being an administrator here.
-- ---------------------------------------------------------------------------------------------

CREATE FUNCTION caller_is_admin() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT app_role() = 'admin'
        OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
$$;

CREATE FUNCTION admin_add_region(p_code text, p_name text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT caller_is_admin() THEN
        RAISE EXCEPTION 'only an administrator may add regions' USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:admin_required';
    END IF;
    INSERT INTO regions (code, name) VALUES (p_code, p_name);
END
$$;

CREATE FUNCTION admin_add_unit(p_code text, p_name text, p_type text, p_region text,
                               p_security_level smallint DEFAULT 2) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT caller_is_admin() THEN
        RAISE EXCEPTION 'only an administrator may add units' USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:admin_required';
    END IF;
    INSERT INTO units (code, name, type, region_code, security_level)
    VALUES (p_code, p_name, p_type, p_region, p_security_level);
END
$$;

-- Creates (or re-attaches, when another database of the cluster made it first) the login role and
-- records the user's role and units here.
CREATE FUNCTION admin_add_user(p_name text, p_role text, p_units text[], p_full_name text DEFAULT NULL)
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_unit text;
BEGIN
    IF NOT caller_is_admin() THEN
        RAISE EXCEPTION 'only an administrator may add users' USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:admin_required';
    END IF;
    INSERT INTO app_users (name, role, home_unit, full_name)
    VALUES (p_name, p_role, p_units[1], p_full_name);
    FOREACH v_unit IN ARRAY coalesce(p_units, '{}') LOOP
        INSERT INTO user_units (user_name, unit_code) VALUES (p_name, v_unit);
    END LOOP;
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_name) THEN
            EXECUTE format('CREATE ROLE %I LOGIN', p_name);
        END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
    END;
    EXECUTE format('ALTER ROLE %I LOGIN', p_name);
    EXECUTE format('GRANT vaktlogg_user TO %I', p_name);
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), p_name);
END
$$;

CREATE FUNCTION admin_disable_user(p_name text) RETURNS void
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
    -- above (every policy requires disabled_at IS NULL), and it can no longer connect here.
    EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM %I', current_database(), p_name);
END
$$;

REVOKE ALL ON FUNCTION admin_add_region, admin_add_unit, admin_add_user, admin_disable_user FROM PUBLIC;
GRANT EXECUTE ON FUNCTION admin_add_region, admin_add_unit, admin_add_user, admin_disable_user
    TO vaktlogg_user;
GRANT EXECUTE ON FUNCTION app_role, visible_units, writable_units, is_coordinator_of, fact_time
    TO vaktlogg_user;

GRANT SELECT ON interests, entry_kinds, categories, regions, units, persons TO vaktlogg_user;
GRANT INSERT ON persons TO vaktlogg_user;
GRANT SELECT (name, role, home_unit, full_name, created_at, disabled_at) ON app_users TO vaktlogg_user;
GRANT SELECT ON user_units TO vaktlogg_user;
