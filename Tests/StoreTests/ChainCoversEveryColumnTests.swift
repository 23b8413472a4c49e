import Foundation
import Postgres
import Testing
import VaktloggTestSupport

/// The chain's hash covers every column of every fact table, not only `entries.text`: a superuser
/// who changes any one stored value behind the triggers' back is caught by `verify_chain`.
@Suite("Chain covers every column")
struct ChainCoversEveryColumnTests {
    /// For each fact table and column: change the value in the first OSLO row (as a superuser with
    /// triggers off), ask `verify_chain('OSLO')`, undo. Outcomes: `detected`, `missed`,
    /// `unsupported:TYPE` (the probe cannot perturb the type), `refused:SQLSTATE:message`.
    static let probe = #"""
        SET session_replication_role = replica;
        CREATE FUNCTION pg_temp.tamper_probe() RETURNS TABLE (tbl text, col text, outcome text)
            LANGUAGE plpgsql AS $$
        DECLARE
            c record;
            k record;
            v_new text;
            v_ok boolean;
        BEGIN
            FOR c IN SELECT a.attrelid::regclass::text AS t, a.attname::text AS n, a.attidentity::text AS ident,
                            format_type(a.atttypid, a.atttypmod) AS ty
                       FROM pg_attribute a JOIN fact_tables f ON a.attrelid = f.name::regclass
                      WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attname NOT IN ('prev_hash', 'row_hash')
                      ORDER BY 1, a.attnum LOOP
                tbl := c.t; col := c.n;
                -- A different value, or a value where there was none (a null member is left out of the
                -- canonical text, so filling it in must change the hash too).
                v_new := CASE
                    WHEN c.ty = 'text' OR c.ty LIKE 'character varying%' THEN format('coalesce(%I || ''x'', ''x'')', c.n)
                    WHEN c.ty = 'bigint' THEN format('coalesce(%I + 1000000, 1000000)', c.n)
                    WHEN c.ty IN ('smallint', 'integer') OR c.ty LIKE 'numeric%' THEN format('coalesce(%I + 1, 1)', c.n)
                    WHEN c.ty = 'boolean' THEN format('coalesce(NOT %I, true)', c.n)
                    WHEN c.ty LIKE 'timestamp%' THEN format('coalesce(%I + interval ''1 second'', now())', c.n)
                    WHEN c.ty = 'date' THEN format('coalesce(%I + 1, current_date)', c.n)
                    WHEN c.ty = 'jsonb' THEN format('coalesce(jsonb_build_array(%I), ''[]'')', c.n)
                    WHEN c.ty = 'text[]' THEN format('array_append(%I, ''x'')', c.n)
                    WHEN c.ty IN ('integer[]', 'smallint[]', 'bigint[]') THEN format('array_append(%I, 7)', c.n)
                    WHEN c.ty = 'bytea' THEN format('coalesce(%I || ''\x00''::bytea, ''\x00''::bytea)', c.n)
                    WHEN c.ty = 'uuid' THEN 'gen_random_uuid()'
                    ELSE NULL END;
                IF v_new IS NULL THEN outcome := 'unsupported:' || c.ty; RETURN NEXT; CONTINUE; END IF;
                BEGIN
                    -- The tamperer is a superuser: CHECKs and identity do not stop them, so they do not
                    -- stop the probe either (all undone with the subtransaction below).
                    FOR k IN SELECT conname FROM pg_constraint WHERE conrelid = c.t::regclass AND contype = 'c' LOOP
                        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', c.t, k.conname);
                    END LOOP;
                    IF c.ident <> '' THEN
                        EXECUTE format('ALTER TABLE %I ALTER COLUMN %I DROP IDENTITY', c.t, c.n);
                    END IF;
                    EXECUTE format('UPDATE %I SET %I = %s WHERE ctid = (SELECT ctid FROM %I WHERE unit_code = ''OSLO'' ORDER BY chain_seq LIMIT 1)',
                                   c.t, c.n, v_new, c.t);
                    SELECT ok INTO v_ok FROM verify_chain('OSLO');
                    outcome := CASE WHEN v_ok THEN 'missed' ELSE 'detected' END;
                    RAISE EXCEPTION USING ERRCODE = 'P0099', MESSAGE = 'undo';
                EXCEPTION
                    WHEN SQLSTATE 'P0099' THEN NULL;
                    WHEN OTHERS THEN outcome := 'refused:' || SQLSTATE || ':' || SQLERRM;
                END;
                RETURN NEXT;
            END LOOP;
        END
        $$;
        SELECT tbl || '|' || col || '|' || outcome FROM pg_temp.tamper_probe();
        """#

    @Test func changingAnyColumnOfAnyFactTableBreaksTheChain() throws {
        let f = try ChainFixture.make()
        try f.fillEveryTable()
        #expect(try f.db.sql("SELECT ok FROM verify_chain('OSLO')") == "t", "positive control: intact before tampering")
        let lines = try f.db.sql(Self.probe).split(separator: "\n").map { $0.split(separator: "|").map(String.init) }
        let tables = Set(lines.map { $0[0] })
        #expect(tables == Set(try f.factTables()), "every fact table was probed")
        var detected: [String: Int] = [:]
        for line in lines {
            let (table, column, outcome) = (line[0], line[1], line[2])
            #expect(outcome == "detected", "changing \(table).\(column): \(outcome)")
            if outcome == "detected" { detected[table, default: 0] += 1 }
        }
        #expect(detected.values.reduce(0, +) == lines.count)
        #expect(lines.count > 100, "every column of the eleven fact tables: \(lines.count)")
        #expect(try f.db.sql("SELECT ok FROM verify_chain('OSLO')") == "t", "the probe undid every change")
    }
}
