-- The newest migration applied, readable by every application login, so that the embedded mode can
-- notice a binary newer than its database and migrate before going on.
CREATE FUNCTION schema_version() RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT coalesce(max(version), 0) FROM schema_migrations
$$;
REVOKE ALL ON FUNCTION schema_version FROM PUBLIC;
GRANT EXECUTE ON FUNCTION schema_version TO vaktlogg_user;
