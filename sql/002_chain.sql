-- Vaktlogg schema v1, part 2: the append-only guard and the per-unit SHA-256 hash chain.
--
-- Every fact row carries (unit_code, chain_seq, prev_hash, row_hash). row_hash =
--   sha256(prev_hash || utf8(table_name || E'\n' || canonical(row)))
-- where canonical(row) is the jsonb text of the row without prev_hash and row_hash, with null
-- members removed (so a column added later does not change the encoding of older rows), rendered
-- with TimeZone = UTC. jsonb's text form is deterministic: keys sorted, one spelling per value.
-- One chain_heads row per unit is locked by each insert, so units never wait for each other.

CREATE TABLE chain_heads (
    unit_code text PRIMARY KEY REFERENCES units (code),
    seq bigint NOT NULL DEFAULT 0,
    head bytea NOT NULL,
    entry_count bigint NOT NULL DEFAULT 0
);

-- The hash every unit's chain starts from.
CREATE FUNCTION chain_genesis(p_unit text) RETURNS bytea
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT sha256(convert_to('vaktlogg-genesis:' || p_unit, 'UTF8'))
$$;

CREATE FUNCTION chain_canonical(p_row jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT jsonb_strip_nulls(p_row - 'prev_hash' - 'row_hash')::text
$$;

CREATE FUNCTION chain_hash(p_prev bytea, p_table text, p_row jsonb) RETURNS bytea
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT sha256(p_prev || convert_to(p_table || E'\n' || chain_canonical(p_row), 'UTF8'))
$$;

-- Locks the unit's head (creating it on first use) and returns it.
CREATE FUNCTION chain_lock_head(p_unit text) RETURNS chain_heads
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v chain_heads;
BEGIN
    SELECT * INTO v FROM chain_heads WHERE unit_code = p_unit FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO chain_heads (unit_code, seq, head) VALUES (p_unit, 0, chain_genesis(p_unit))
        ON CONFLICT (unit_code) DO NOTHING;
        SELECT * INTO v FROM chain_heads WHERE unit_code = p_unit FOR UPDATE;
    END IF;
    RETURN v;
END
$$;

-- BEFORE INSERT on every fact table, fired last (trigger names sort it after the others), so that
-- the hash covers the row exactly as stored.
CREATE FUNCTION chain_append() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET timezone = 'UTC'
AS $$
DECLARE
    v chain_heads;
BEGIN
    IF NEW.unit_code IS NULL THEN
        RAISE EXCEPTION 'a fact row needs a unit' USING ERRCODE = 'not_null_violation';
    END IF;
    v := chain_lock_head(NEW.unit_code);
    NEW.chain_seq := v.seq + 1;
    NEW.prev_hash := v.head;
    NEW.row_hash := chain_hash(v.head, TG_TABLE_NAME, to_jsonb(NEW));
    UPDATE chain_heads SET seq = NEW.chain_seq, head = NEW.row_hash WHERE unit_code = NEW.unit_code;
    RETURN NEW;
END
$$;

-- Facts are never changed or removed: corrections are amendments. The application role has no
-- UPDATE/DELETE/TRUNCATE privilege either; this trigger also stops the owner by mistake.
CREATE FUNCTION refuse_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION '% on % is not allowed: the log is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege', HINT = 'vaktlogg:append_only';
END
$$;

-- The fact tables, in the order their rows are read when a chain is recomputed.
CREATE TABLE fact_tables (name text PRIMARY KEY);

-- Attaches the chain and the append-only guard to a fact table and registers it.
CREATE FUNCTION make_fact_table(p_table regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER zz_chain BEFORE INSERT ON %s FOR EACH ROW EXECUTE FUNCTION chain_append()', p_table);
    EXECUTE format('CREATE TRIGGER zz_append_only BEFORE UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION refuse_change()', p_table);
    EXECUTE format('CREATE TRIGGER zz_no_truncate BEFORE TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()', p_table);
    EXECUTE format('CREATE UNIQUE INDEX %s ON %s (unit_code, chain_seq)',
                   quote_ident(p_table::text || '_chain'), p_table);
    INSERT INTO fact_tables (name) VALUES (p_table::text);
END
$$;

-- Recomputes one unit's chain from the stored rows and reports the first break: a row whose
-- content no longer matches its hash, a link that does not point at the previous row, a gap in the
-- sequence (a removed row), or a head that is ahead of the rows (rows removed at the end).
CREATE FUNCTION verify_chain(p_unit text)
    RETURNS TABLE (unit_code text, rows bigint, head bytea, ok boolean,
                   broken_table text, broken_id bigint, broken_seq bigint, problem text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET timezone = 'UTC'
AS $$
DECLARE
    v_sql text;
    v_prev bytea := chain_genesis(p_unit);
    v_expected bigint := 1;
    r record;
    v_head chain_heads;
BEGIN
    IF NOT (p_unit IN (SELECT visible_units())
            OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)) THEN
        RAISE EXCEPTION 'unit % is not visible to you', p_unit USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:unit_not_visible';
    END IF;
    unit_code := p_unit;
    SELECT string_agg(format('SELECT %L AS t, x.id, x.chain_seq, x.prev_hash, x.row_hash, to_jsonb(x) AS body FROM %I x WHERE x.unit_code = $1', name, name), ' UNION ALL ' ORDER BY name)
      INTO v_sql FROM fact_tables;
    FOR r IN EXECUTE 'SELECT * FROM (' || v_sql || ') s ORDER BY chain_seq' USING p_unit LOOP
        IF r.chain_seq <> v_expected THEN
            rows := v_expected - 1; head := v_prev; ok := false;
            broken_table := r.t; broken_id := r.id; broken_seq := r.chain_seq;
            problem := CASE WHEN r.chain_seq > v_expected THEN 'missing_row' ELSE 'duplicate_seq' END;
            RETURN NEXT; RETURN;
        END IF;
        IF r.prev_hash IS DISTINCT FROM v_prev THEN
            rows := v_expected - 1; head := v_prev; ok := false;
            broken_table := r.t; broken_id := r.id; broken_seq := r.chain_seq; problem := 'broken_link';
            RETURN NEXT; RETURN;
        END IF;
        IF r.row_hash IS DISTINCT FROM chain_hash(r.prev_hash, r.t, r.body) THEN
            rows := v_expected - 1; head := v_prev; ok := false;
            broken_table := r.t; broken_id := r.id; broken_seq := r.chain_seq; problem := 'content_changed';
            RETURN NEXT; RETURN;
        END IF;
        v_prev := r.row_hash;
        v_expected := v_expected + 1;
    END LOOP;
    rows := v_expected - 1; head := v_prev;
    SELECT * INTO v_head FROM chain_heads h WHERE h.unit_code = p_unit;
    IF FOUND AND (v_head.seq <> rows OR v_head.head <> v_prev) THEN
        ok := false; broken_seq := rows + 1; problem := 'rows_missing_at_end';
        RETURN NEXT; RETURN;
    END IF;
    ok := true;
    RETURN NEXT;
END
$$;
GRANT EXECUTE ON FUNCTION verify_chain TO vaktlogg_user;
