
/// What a superuser can do behind the triggers' back (`session_replication_role = replica`
/// disables user triggers), run through psql so that none of the code under test is involved.
public enum Tamper {
    /// Changes one character of an entry's text in place ("korridor B" → "korridor C").
    public static func changeEntryText(_ db: VaktloggTestDatabase, id: Int64) throws {
        try db.sql("""
            SET session_replication_role = replica;
            UPDATE entries SET text = replace(text, 'korridor B', 'korridor C') WHERE id = \(id);
            """)
    }

    /// Points a row's prev_hash elsewhere (its content untouched).
    public static func relink(_ db: VaktloggTestDatabase, table: String, id: Int64) throws {
        try db.sql("""
            SET session_replication_role = replica;
            UPDATE \(table) SET prev_hash = sha256('elsewhere'::bytea) WHERE id = \(id);
            """)
    }

    /// Removes a row.
    public static func delete(_ db: VaktloggTestDatabase, table: String, id: Int64) throws {
        try db.sql("""
            SET session_replication_role = replica;
            DELETE FROM \(table) WHERE id = \(id);
            """)
    }

    /// Recomputes every link and the head of the unit's chain from the rows as they now are: what
    /// a superuser would do after changing a row so that verify_chain() passes again.
    public static func rewriteChain(_ db: VaktloggTestDatabase, unit: String) throws {
        try db.sql("""
            SET session_replication_role = replica;
            SET timezone = 'UTC';
            DO $$
            DECLARE
                v_sql text;
                v_prev bytea := chain_genesis('\(unit)');
                v_new bytea;
                r record;
            BEGIN
                SELECT string_agg(format('SELECT %L AS t, x.id, x.chain_seq, to_jsonb(x) AS body FROM %I x WHERE x.unit_code = %L',
                                         name, name, '\(unit)'), ' UNION ALL ')
                  INTO v_sql FROM fact_tables;
                FOR r IN EXECUTE 'SELECT * FROM (' || v_sql || ') s ORDER BY chain_seq' LOOP
                    v_new := chain_hash(v_prev, r.t, r.body);
                    EXECUTE format('UPDATE %I SET prev_hash = $1, row_hash = $2 WHERE id = $3', r.t)
                        USING v_prev, v_new, r.id;
                    v_prev := v_new;
                END LOOP;
                UPDATE chain_heads SET head = v_prev WHERE unit_code = '\(unit)';
            END
            $$;
            """)
    }

    /// Removes the unit's rows after seq `keep` and rewinds its head to match, so that
    /// verify_chain() passes on the shortened chain.
    public static func truncateChain(_ db: VaktloggTestDatabase, unit: String, keep: Int64) throws {
        try db.sql("""
            SET session_replication_role = replica;
            DO $$
            DECLARE
                t text;
            BEGIN
                FOR t IN SELECT name FROM fact_tables LOOP
                    EXECUTE format('DELETE FROM %I WHERE unit_code = %L AND chain_seq > %s', t, '\(unit)', \(keep));
                END LOOP;
                UPDATE chain_heads SET seq = \(keep), head = chain_hash_at('\(unit)', \(keep)) WHERE unit_code = '\(unit)';
            END
            $$;
            """)
    }
}
