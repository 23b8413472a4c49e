-- Vaktlogg schema, part 15: sealed reporters kept out of every readable value, and logged reads
-- that survive ROLLBACK (issue #8, holes 1, 2, 3 and 9).
--
-- Principle 1: nothing a reader can see may be a function of what they may not see. A manipulation
-- report's reporter was hashed into row_hash, which every unit member reads; trying each of the few
-- user names recovered it. The same held for the reporter's own later rows on the report (actor of
-- a comment or amendment, added_by of a person, actor of an access-log row): readable outright, and
-- hashed. From this migration on, such an identity is *sealed*: it moves to `sealed_by`, a column no
-- application login may read; the readable column is NULL; and the chained row carries
-- `sealed_commitment = sha256(sealed_salt || sealed_by)` instead, with a random 256-bit salt that no
-- application login may read either. The chain hash covers the commitment, never the identity or the
-- salt, so trying names against any readable hash finds nothing; verify_chain() checks each
-- commitment against its sealed identity, so the sealed part is still verified for auditors and a
-- changed identity is `content_changed`. (entries.reporter keeps the identity too — it was never
-- readable by the application, and the lifecycle rules compare against it.)
--
-- Rows written before this migration keep their hash (applied data is never rewritten): their hash,
-- and every later hash of their unit's chain, remains a function of the sealed identity. So those
-- hashes are shown only to auditors and administrators (who need them to anchor the chain), and rows
-- whose readable column names a sealed reporter are hidden from everyone but the reporter and a
-- coordinator who has made the logged reporter read. Both rules cost nothing where no such row
-- exists (every database created at or after this migration).
--
-- Principle 2: a logged read must survive ROLLBACK. entry_persons_of() and entry_reporter() logged
-- the read in the reader's own transaction, which the reader could roll back after seeing the data.
-- A logged read is now two steps: request_read() writes the access-log row (with the id of the
-- transaction that wrote it) and must be committed on its own; entry_persons_of(entry, read) and
-- entry_reporter(entry, read) return data only when that row belongs to the caller, is for that
-- entry and kind of read, is recent, and its transaction has committed.

-- ---------------------------------------------------------------------------------------------
-- Where a sealed identity lives
-- ---------------------------------------------------------------------------------------------

-- The column of each fact table that names a person of staff who may be a sealed reporter.
CREATE TABLE sealed_columns (table_name text PRIMARY KEY, column_name text NOT NULL);
INSERT INTO sealed_columns VALUES
    ('entries', 'reporter'), ('entry_events', 'actor'), ('amendments', 'actor'),
    ('entry_persons', 'added_by'), ('access_log', 'actor'), ('measures', 'decided_by'),
    ('decisions', 'decided_by');

DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT table_name, column_name FROM sealed_columns LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN sealed_by text, ADD COLUMN sealed_salt bytea,
                        ADD COLUMN sealed_commitment bytea', r.table_name);
        IF r.table_name <> 'entries' THEN
            -- The readable column is empty exactly when the identity is sealed.
            EXECUTE format('ALTER TABLE %I ALTER COLUMN %I DROP NOT NULL', r.table_name, r.column_name);
            EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK ((%I IS NULL) = (sealed_by IS NOT NULL))',
                           r.table_name, r.table_name || '_sealed_identity', r.column_name);
        ELSE
            EXECUTE 'ALTER TABLE entries ADD CONSTRAINT entries_sealed_identity
                     CHECK (sealed_by IS NULL OR sealed_by = reporter)';
        END IF;
    END LOOP;
END
$$;

CREATE FUNCTION sealed_commitment_of(p_salt bytea, p_identity text) RETURNS bytea
    LANGUAGE sql IMMUTABLE SET search_path = public, pg_temp
AS $$
    SELECT sha256(p_salt || convert_to(p_identity, 'UTF8'))
$$;

-- BEFORE INSERT, after the prepare/check triggers have set the identity and before the chain
-- (trigger name y_seal sorts between a_* and zz_chain). Seals the identity when it is the reporter
-- of the manipulation report the row belongs to; whatever the writer sent in the sealed columns is
-- replaced.
CREATE FUNCTION seal_identity() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_row jsonb := to_jsonb(NEW);
    v_column text;
    v_who text;
    v_sealed boolean;
    v_salt bytea;
    v_set jsonb;
BEGIN
    SELECT column_name INTO v_column FROM sealed_columns WHERE table_name = TG_TABLE_NAME;
    v_who := v_row ->> v_column;
    IF TG_TABLE_NAME = 'entries' THEN
        v_sealed := v_row ->> 'kind' = 'manipulation';
    ELSE
        v_sealed := v_who IS NOT NULL AND EXISTS (
            SELECT 1 FROM entries e
             WHERE e.id = (v_row ->> 'entry_id')::bigint AND e.kind = 'manipulation' AND e.reporter = v_who);
    END IF;
    IF NOT v_sealed THEN
        v_set := jsonb_build_object('sealed_by', NULL, 'sealed_salt', NULL, 'sealed_commitment', NULL);
    ELSE
        v_salt := decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex');
        v_set := jsonb_build_object('sealed_by', v_who, 'sealed_salt', '\x' || encode(v_salt, 'hex'),
                                    'sealed_commitment', '\x' || encode(sealed_commitment_of(v_salt, v_who), 'hex'));
        IF TG_TABLE_NAME <> 'entries' THEN
            v_set := v_set || jsonb_build_object(v_column, NULL);
        END IF;
    END IF;
    NEW := jsonb_populate_record(NEW, v_set);
    RETURN NEW;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT table_name FROM sealed_columns LOOP
        EXECUTE format('CREATE TRIGGER y_seal BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION seal_identity()', t);
    END LOOP;
END
$$;

-- The canonical encoding of a sealed row leaves out the identity and its salt (and, for entries, the
-- reporter column that also holds it); the commitment stands for them. A row without a commitment
-- (every row before this migration, and every unsealed row) encodes exactly as before.
CREATE OR REPLACE FUNCTION chain_canonical(p_row jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT jsonb_strip_nulls(CASE WHEN p_row ->> 'sealed_commitment' IS NULL THEN p_row - 'prev_hash' - 'row_hash'
                                  ELSE p_row - 'prev_hash' - 'row_hash' - 'sealed_by' - 'sealed_salt' - 'reporter'
                             END)::text
$$;

-- Whether a row's sealed identity still matches its commitment (true for an unsealed row).
CREATE FUNCTION chain_seal_intact(p_row jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT p_row ->> 'sealed_commitment' IS NULL
        OR coalesce((p_row ->> 'sealed_commitment')::bytea
                        = sealed_commitment_of((p_row ->> 'sealed_salt')::bytea, p_row ->> 'sealed_by')
                    AND (NOT p_row ? 'reporter' OR p_row ->> 'reporter' = p_row ->> 'sealed_by'), false)
$$;

-- ---------------------------------------------------------------------------------------------
-- Rows written before this migration whose hash covers a sealed identity
-- ---------------------------------------------------------------------------------------------

CREATE TABLE legacy_sealed_rows (
    table_name text NOT NULL,
    row_id bigint NOT NULL,
    unit_code text NOT NULL,
    chain_seq bigint NOT NULL,
    entry_id bigint NOT NULL,
    PRIMARY KEY (table_name, row_id)
);
CREATE INDEX legacy_sealed_rows_unit ON legacy_sealed_rows (unit_code, chain_seq);

INSERT INTO legacy_sealed_rows
SELECT 'entries', e.id, e.unit_code, e.chain_seq, e.id FROM entries e WHERE e.kind = 'manipulation';
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT table_name, column_name FROM sealed_columns WHERE table_name <> 'entries' LOOP
        EXECUTE format('INSERT INTO legacy_sealed_rows
                        SELECT %L, x.id, x.unit_code, x.chain_seq, x.entry_id FROM %I x
                          JOIN entries e ON e.id = x.entry_id
                         WHERE e.kind = ''manipulation'' AND x.%I = e.reporter',
                       r.table_name, r.table_name, r.column_name);
    END LOOP;
END
$$;

-- Auditors, administrators and superusers see every chain hash: they anchor the chain outside the
-- database. Anyone else sees a hash only when it is not a function of a sealed identity, i.e. when no
-- row before this migration sealed at or before that position of the unit's chain.
CREATE FUNCTION chain_hash_visible(p_unit text, p_seq bigint) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    RETURN app_role() IN ('auditor', 'admin')
        OR coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
        OR NOT EXISTS (SELECT 1 FROM legacy_sealed_rows l WHERE l.unit_code = p_unit AND l.chain_seq <= p_seq);
END
$$;

-- Whether the caller may see the sealed identity of entry p_entry's rows: the reporter, or a
-- coordinator of the unit whose logged reporter read of it has committed.
CREATE FUNCTION sealed_visible_to_caller(p_entry bigint) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM entries e WHERE e.id = p_entry AND e.reporter = session_user
                                             AND app_role() IS NOT NULL)
        OR EXISTS (SELECT 1 FROM access_log a JOIN entries e ON e.id = a.entry_id
                    WHERE a.entry_id = p_entry AND a.action = 'read_reporter'
                      AND coalesce(a.actor, a.sealed_by) = session_user AND is_coordinator_of(e.unit_code)
                      AND pg_xact_status(a.read_xact) = 'committed');
END
$$;

-- Hides a row written before this migration whose readable column names the sealed reporter.
CREATE FUNCTION legacy_sealed_hidden(p_table text, p_id bigint) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_entry bigint;
BEGIN
    -- Rows of units the caller cannot see are hidden by the unit policies already; saying anything
    -- about them here would tell that they exist.
    SELECT entry_id INTO v_entry FROM legacy_sealed_rows
     WHERE table_name = p_table AND row_id = p_id AND unit_code IN (SELECT visible_units());
    RETURN FOUND AND NOT sealed_visible_to_caller(v_entry);
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Two-step logged reads
-- ---------------------------------------------------------------------------------------------

-- The transaction that wrote a read's log row; the read is honoured only once it has committed.
ALTER TABLE access_log ADD COLUMN read_xact xid8;

-- Step 1: logs a read of an entry's persons ('persons') or of a sealed reporter ('reporter') and
-- returns the access-log id to pass to step 2. Run it on its own (autocommit): step 2 refuses while
-- its transaction is open or after it rolled back. Returns NULL when there is nothing that needs a
-- logged read: an entry without persons, or a reporter that is not sealed from the caller (they see
-- it through entry_reporter(entry)) or that they may never see.
CREATE FUNCTION request_read(p_entry bigint, p_what text) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    e record;
    v_action text;
    v_id bigint;
BEGIN
    -- Scope first: an entry outside the caller's units is refused as if it did not exist.
    SELECT x.id, x.unit_code, x.kind, x.reporter INTO e FROM entries x
     WHERE x.id = p_entry AND x.unit_code IN (SELECT visible_units());
    IF NOT FOUND THEN
        PERFORM refuse('unknown_entry', 'no such entry in your units', 'no_data_found');
    END IF;
    CASE p_what
    WHEN 'persons' THEN
        IF NOT EXISTS (SELECT 1 FROM entry_persons p WHERE p.entry_id = p_entry)
           AND NOT EXISTS (SELECT 1 FROM measures m WHERE m.entry_id = p_entry AND m.person_ref IS NOT NULL) THEN
            RETURN NULL;
        END IF;
        v_action := 'read_persons';
    WHEN 'reporter' THEN
        IF e.kind <> 'manipulation' OR e.reporter = session_user OR NOT is_coordinator_of(e.unit_code) THEN
            RETURN NULL;
        END IF;
        v_action := 'read_reporter';
    ELSE
        PERFORM refuse('unknown_read', 'a logged read is of persons or reporter');
    END CASE;
    INSERT INTO access_log (unit_code, action, entry_id, read_xact)
    VALUES (e.unit_code, v_action, p_entry, pg_current_xact_id())
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;

-- Step 2's check: the read was logged by the caller, for this entry and action, in a transaction that
-- has committed, within the last ten minutes (a read is not a standing permission).
CREATE FUNCTION logged_read_committed(p_read bigint, p_entry bigint, p_action text) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    RETURN p_read IS NOT NULL AND EXISTS (
        SELECT 1 FROM access_log a
         WHERE a.id = p_read AND a.entry_id = p_entry AND a.action = p_action
           AND coalesce(a.actor, a.sealed_by) = session_user
           AND a.at > now() - interval '10 minutes'
           AND pg_xact_status(a.read_xact) = 'committed');
END
$$;

CREATE FUNCTION refuse_unlogged_read() RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'this read is logged first: run request_read(entry, ''persons'' or ''reporter'') in its own transaction, then pass its id'
        USING ERRCODE = 'insufficient_privilege', HINT = 'vaktlogg:read_not_logged';
END
$$;

-- The one-step read is gone: it logged inside the reader's transaction.
CREATE OR REPLACE FUNCTION entry_persons_of(p_entry bigint)
    RETURNS TABLE (person_ref text, role text, added_by text, added_at timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM refuse_unlogged_read();
END
$$;

-- Step 2 for persons. added_by names the staff member who added the person, except a sealed
-- reporter (NULL) — also on rows from before migration 015 — unless the caller may see the reporter.
CREATE FUNCTION entry_persons_of(p_entry bigint, p_read bigint)
    RETURNS TABLE (person_ref text, role text, added_by text, added_at timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    e record;
BEGIN
    SELECT x.id, x.unit_code, x.kind, x.reporter INTO e FROM entries x
     WHERE x.id = p_entry AND x.unit_code IN (SELECT visible_units());
    IF NOT FOUND THEN
        RETURN;
    END IF;
    IF NOT logged_read_committed(p_read, p_entry, 'read_persons') THEN
        PERFORM refuse_unlogged_read();
    END IF;
    RETURN QUERY
    SELECT p.person_ref, p.role,
           CASE WHEN e.kind = 'manipulation' AND p.added_by = e.reporter AND NOT sealed_visible_to_caller(p_entry)
                THEN NULL ELSE p.added_by END,
           p.added_at
      FROM entry_persons p WHERE p.entry_id = p_entry ORDER BY p.id;
END
$$;

-- The persons named by the measures of an entry, under the same logged read.
CREATE FUNCTION entry_measure_persons(p_entry bigint, p_read bigint)
    RETURNS TABLE (measure_id bigint, person_ref text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM entries x WHERE x.id = p_entry AND x.unit_code IN (SELECT visible_units())) THEN
        RETURN;
    END IF;
    IF NOT logged_read_committed(p_read, p_entry, 'read_persons') THEN
        PERFORM refuse_unlogged_read();
    END IF;
    RETURN QUERY SELECT m.id, m.person_ref FROM measures m
                  WHERE m.entry_id = p_entry AND m.person_ref IS NOT NULL ORDER BY m.id;
END
$$;

-- The reporter without a logged read: anyone in the unit for an ordinary entry, the reporter for
-- their own manipulation report, NULL otherwise (a coordinator reads a sealed one in two steps).
CREATE OR REPLACE FUNCTION entry_reporter(p_entry bigint) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    e record;
BEGIN
    SELECT x.unit_code, x.kind, x.reporter INTO e FROM entries x
     WHERE x.id = p_entry AND x.unit_code IN (SELECT visible_units());
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF e.kind <> 'manipulation' OR e.reporter = session_user THEN
        RETURN e.reporter;
    END IF;
    RETURN NULL;
END
$$;

-- Step 2 for a sealed reporter: the unit's coordinator, after request_read(entry, 'reporter').
CREATE FUNCTION entry_reporter(p_entry bigint, p_read bigint) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    e record;
BEGIN
    SELECT x.unit_code, x.kind, x.reporter INTO e FROM entries x
     WHERE x.id = p_entry AND x.unit_code IN (SELECT visible_units());
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF e.kind <> 'manipulation' OR e.reporter = session_user THEN
        RETURN e.reporter;
    END IF;
    IF is_coordinator_of(e.unit_code) AND logged_read_committed(p_read, p_entry, 'read_reporter') THEN
        RETURN e.reporter;
    END IF;
    IF is_coordinator_of(e.unit_code) THEN
        PERFORM refuse_unlogged_read();
    END IF;
    RETURN NULL;
END
$$;

-- The chain hash of an entry's row, where chain_hash_visible() allows it (else NULL).
CREATE FUNCTION entry_row_hash(p_entry bigint) RETURNS bytea
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    e record;
BEGIN
    SELECT x.unit_code, x.chain_seq, x.row_hash INTO e FROM entries x
     WHERE x.id = p_entry AND x.unit_code IN (SELECT visible_units());
    IF NOT FOUND OR NOT chain_hash_visible(e.unit_code, e.chain_seq) THEN
        RETURN NULL;
    END IF;
    RETURN e.row_hash;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Verification includes the sealed part; hashes go only where chain_hash_visible() allows
-- ---------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION verify_chain(p_unit text)
    RETURNS TABLE (unit_code text, rows bigint, head bytea, ok boolean,
                   broken_table text, broken_id bigint, broken_seq bigint, problem text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET timezone = 'UTC'
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
        problem := CASE WHEN r.chain_seq > v_expected THEN 'missing_row'
                        WHEN r.chain_seq < v_expected THEN 'duplicate_seq'
                        WHEN r.prev_hash IS DISTINCT FROM v_prev THEN 'broken_link'
                        WHEN r.row_hash IS DISTINCT FROM chain_hash(r.prev_hash, r.t, r.body)
                             OR NOT chain_seal_intact(r.body) THEN 'content_changed' END;
        IF problem IS NOT NULL THEN
            rows := v_expected - 1; ok := false;
            head := CASE WHEN chain_hash_visible(p_unit, rows) THEN v_prev END;
            broken_table := r.t; broken_id := r.id; broken_seq := r.chain_seq;
            RETURN NEXT; RETURN;
        END IF;
        v_prev := r.row_hash;
        v_expected := v_expected + 1;
    END LOOP;
    rows := v_expected - 1;
    head := CASE WHEN chain_hash_visible(p_unit, rows) THEN v_prev END;
    SELECT * INTO v_head FROM chain_heads h WHERE h.unit_code = p_unit;
    IF FOUND AND (v_head.seq <> rows OR v_head.head <> v_prev) THEN
        ok := false; broken_seq := rows + 1; problem := 'rows_missing_at_end';
        RETURN NEXT; RETURN;
    END IF;
    ok := true;
    RETURN NEXT;
END
$$;

CREATE OR REPLACE FUNCTION chain_hash_at(p_unit text, p_seq bigint) RETURNS bytea
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_sql text;
    v_hash bytea;
BEGIN
    IF NOT (p_unit IN (SELECT visible_units())
            OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)) THEN
        RAISE EXCEPTION 'unit % is not visible to you', p_unit USING ERRCODE = 'insufficient_privilege',
            HINT = 'vaktlogg:unit_not_visible';
    END IF;
    IF NOT chain_hash_visible(p_unit, p_seq) THEN
        RAISE EXCEPTION 'this hash covers a sealed reporter; it is shown to auditors and administrators'
            USING ERRCODE = 'insufficient_privilege', HINT = 'vaktlogg:hash_sealed';
    END IF;
    IF p_seq = 0 THEN
        RETURN chain_genesis(p_unit);
    END IF;
    SELECT string_agg(format('SELECT x.row_hash FROM %I x WHERE x.unit_code = $1 AND x.chain_seq = $2', name),
                      ' UNION ALL ' ORDER BY name)
      INTO v_sql FROM fact_tables;
    EXECUTE 'SELECT row_hash FROM (' || v_sql || ') s LIMIT 1' INTO v_hash USING p_unit, p_seq;
    RETURN v_hash;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- What the application may read: never a hash column directly, never a sealed column
-- ---------------------------------------------------------------------------------------------

-- Table-wide SELECT grants become column lists (built from the catalogue, so columns added by
-- earlier migrations keep their access): hashes are read through the functions above, sealed
-- identities and salts not at all.
DO $$
DECLARE
    t text;
    v_columns text;
BEGIN
    FOREACH t IN ARRAY ARRAY['entries', 'entry_events', 'amendments', 'measures', 'decisions',
                             'risk_assessments', 'shift_log', 'access_log'] LOOP
        SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO v_columns
          FROM pg_attribute a
         WHERE a.attrelid = t::regclass AND a.attnum > 0 AND NOT a.attisdropped
           AND a.attname NOT IN ('prev_hash', 'row_hash', 'sealed_by', 'sealed_salt', 'sealed_commitment')
           AND NOT (t = 'entries' AND a.attname = 'reporter');
        EXECUTE format('REVOKE SELECT ON %I FROM vaktlogg_user', t);
        EXECUTE format('GRANT SELECT (%s) ON %I TO vaktlogg_user', v_columns, t);
    END LOOP;
END
$$;

-- Rows from before this migration whose readable column names the sealed reporter are hidden, only
-- where such rows exist (a restrictive policy: it narrows the unit policies, never widens them).
DO $$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT DISTINCT table_name FROM legacy_sealed_rows WHERE table_name <> 'entries' LOOP
        IF t = 'entry_persons' THEN
            CONTINUE;  -- never readable directly; entry_persons_of() masks added_by
        END IF;
        EXECUTE format('CREATE POLICY legacy_sealed ON %I AS RESTRICTIVE FOR SELECT TO vaktlogg_user
                        USING (NOT legacy_sealed_hidden(%L, id))', t, t);
    END LOOP;
END
$$;

REVOKE ALL ON FUNCTION sealed_commitment_of, seal_identity, chain_seal_intact, chain_hash_visible,
    sealed_visible_to_caller, legacy_sealed_hidden, request_read, logged_read_committed, refuse_unlogged_read,
    entry_persons_of(bigint), entry_persons_of(bigint, bigint), entry_measure_persons, entry_reporter(bigint),
    entry_reporter(bigint, bigint), entry_row_hash FROM PUBLIC;
-- legacy_sealed_hidden() is called by a row-level-security policy, i.e. as the reader.
GRANT EXECUTE ON FUNCTION legacy_sealed_hidden, request_read, entry_persons_of(bigint), entry_persons_of(bigint, bigint),
    entry_measure_persons, entry_reporter(bigint), entry_reporter(bigint, bigint), entry_row_hash
    TO vaktlogg_user;
