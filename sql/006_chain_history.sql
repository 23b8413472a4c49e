-- Vaktlogg schema, part 6: reading a unit's chain at an earlier point, so that a head exported
-- earlier (anchored outside the database, domain.md §9) can be compared with the chain as it is now.
--
-- A superuser can switch the triggers off, change a row and recompute every later hash and the
-- chain head, after which verify_chain() passes again. What they cannot change is a head that was
-- exported before: if the chain up to that seq still verifies *and* the row at that seq still has
-- the exported hash, the history up to the export is the history that was exported.

-- The stored row_hash of the row at `p_seq` in the unit's chain (the genesis hash for seq 0), or
-- NULL when no row has that seq. Stored, not recomputed: verify_chain() is what checks that the
-- stored hashes follow from the rows; the two together prove the prefix unchanged.
CREATE FUNCTION chain_hash_at(p_unit text, p_seq bigint) RETURNS bytea
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_sql text;
    v_hash bytea;
BEGIN
    -- The same visibility rule as verify_chain(): the hashes reveal no content, but which units
    -- have how many facts is itself information a user of another unit should not have.
    IF NOT (p_unit IN (SELECT visible_units())
            OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)) THEN
        RAISE EXCEPTION 'unit % is not visible to you', p_unit USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:unit_not_visible';
    END IF;
    IF p_seq = 0 THEN
        RETURN chain_genesis(p_unit);
    END IF;
    -- One probe per fact table on its (unit_code, chain_seq) unique index.
    SELECT string_agg(format('SELECT x.row_hash FROM %I x WHERE x.unit_code = $1 AND x.chain_seq = $2', name),
                      ' UNION ALL ' ORDER BY name)
      INTO v_sql FROM fact_tables;
    EXECUTE 'SELECT row_hash FROM (' || v_sql || ') s LIMIT 1' INTO v_hash USING p_unit, p_seq;
    RETURN v_hash;
END
$$;
REVOKE ALL ON FUNCTION chain_hash_at FROM PUBLIC;
GRANT EXECUTE ON FUNCTION chain_hash_at TO vaktlogg_user;
