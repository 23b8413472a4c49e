-- An administrator can give a disabled user access back (a mistaken disable, a returning employee).
-- The history recorded by the user was never touched; the login may connect here again.
CREATE FUNCTION admin_enable_user(p_name text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT caller_is_admin() THEN
        RAISE EXCEPTION 'only an administrator may enable users' USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:admin_required';
    END IF;
    UPDATE app_users SET disabled_at = NULL WHERE name = p_name AND disabled_at IS NOT NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no disabled user %', p_name USING ERRCODE = 'no_data_found',
            HINT = 'vaktlogg:not_disabled';
    END IF;
    EXECUTE format('ALTER ROLE %I LOGIN', p_name);
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), p_name);
END
$$;
REVOKE ALL ON FUNCTION admin_enable_user FROM PUBLIC;
GRANT EXECUTE ON FUNCTION admin_enable_user TO vaktlogg_user;
