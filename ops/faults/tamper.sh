#!/usr/bin/env bash
# Tampering as the superuser (issue 13): on a synthetic data set, alter TAMPER_ROWS (default 1000)
# random fact rows behind the application's back — content changed, rows deleted with triggers
# off, neighbours reordered — and recompute one unit's chain from an altered row to its head. Then
# `vaktlogg verify` must name every affected unit and, for each, the first altered position; the
# recomputed unit verifies on its own and only `verify --against` the heads exported before the
# tampering catches it. Prints the counts; exit 0 when every expectation holds.
#
#   bash ops/faults/tamper.sh            # VAKTLOGG_BIN (default .build/debug/vaktlogg), ENTRIES=20000
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${VAKTLOGG_BIN:-$PWD/.build/debug/vaktlogg}
entries=${ENTRIES:-20000}
rows=${TAMPER_ROWS:-1000}
dir=$(mktemp -d /tmp/vaktlogg-tamper-XXXXXX)
chmod 755 "$dir"
cleanup() { "$bin" db stop --data-dir "$dir/cluster" >/dev/null 2>&1 || true; rm -rf "$dir"; true; }
trap cleanup EXIT
VAKTLOGG_DATABASE_URL='' "$bin" list --data-dir "$dir/cluster" >/dev/null
sock="$dir/cluster/socket"
export VAKTLOGG_DATABASE_URL="postgresql://vaktlogg@/vaktlogg?host=${sock//\//%2F}"
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$sock" -U vaktlogg -d vaktlogg "$@"; }

"$bin" seed --synthetic --entries "$entries" --units 60 --years 2 --until 2026-11-30 >/dev/null
"$bin" verify --export-head "$dir/heads.jsonl" >/dev/null

# The plan: $rows distinct (table, id) picks over every fact table, split into the three kinds of
# change; the recomputed unit is kept apart so that its own chain verifies again afterwards.
q <<SQL
CREATE TABLE tamper_plan AS
WITH facts AS (
    SELECT 'entries' AS t, id, unit_code, chain_seq FROM entries
    UNION ALL SELECT 'entry_events', id, unit_code, chain_seq FROM entry_events
    UNION ALL SELECT 'entry_persons', id, unit_code, chain_seq FROM entry_persons
    UNION ALL SELECT 'amendments', id, unit_code, chain_seq FROM amendments
    UNION ALL SELECT 'measures', id, unit_code, chain_seq FROM measures
    UNION ALL SELECT 'decisions', id, unit_code, chain_seq FROM decisions
    UNION ALL SELECT 'risk_assessments', id, unit_code, chain_seq FROM risk_assessments)
SELECT t, id, unit_code, chain_seq, (ARRAY['content', 'delete', 'reorder'])[1 + (row_number() OVER () % 3)::int] AS how
  FROM (SELECT * FROM facts WHERE unit_code <> 'SYN07' AND chain_seq > 1 ORDER BY random() LIMIT $rows + $rows / 5) x;
-- Reordering swaps a row with its successor: drop picks whose successor is also picked.
DELETE FROM tamper_plan p WHERE how = 'reorder' AND EXISTS (
    SELECT 1 FROM tamper_plan o WHERE o.unit_code = p.unit_code AND o.chain_seq = p.chain_seq + 1);
DELETE FROM tamper_plan WHERE ctid NOT IN (SELECT ctid FROM tamper_plan LIMIT $rows);
SQL

q <<'SQL'
SET session_replication_role = replica;
SET timezone = 'UTC';
DO $$
DECLARE
    r record;
    v_next record;
BEGIN
    FOR r IN SELECT * FROM tamper_plan ORDER BY unit_code, chain_seq LOOP
        IF r.how = 'content' THEN
            IF r.t = 'entries' THEN UPDATE entries SET text = text || ' (endret)' WHERE id = r.id;
            ELSIF r.t = 'entry_events' THEN UPDATE entry_events SET at = at + interval '1 minute' WHERE id = r.id;
            ELSIF r.t = 'entry_persons' THEN UPDATE entry_persons SET role = CASE role WHEN 'inmate' THEN 'visitor' ELSE 'inmate' END WHERE id = r.id;
            ELSIF r.t = 'amendments' THEN UPDATE amendments SET reason = reason || ' (endret)' WHERE id = r.id;
            ELSIF r.t = 'measures' THEN UPDATE measures SET restrictiveness = 0 WHERE id = r.id;
            ELSIF r.t = 'decisions' THEN UPDATE decisions SET text = text || ' (endret)' WHERE id = r.id;
            ELSE UPDATE risk_assessments SET probability = 1, consequence = 1, score = 1, band = 'low' WHERE id = r.id;
            END IF;
        ELSIF r.how = 'delete' THEN
            IF r.t = 'entries' THEN
                -- An entry has dependants; deleting it means deleting them (as a tamperer would).
                DELETE FROM entry_state WHERE entry_id = r.id;
            END IF;
            EXECUTE format('DELETE FROM %I WHERE id = $1', r.t) USING r.id;
        ELSE
            -- Swap positions with the successor in the chain (whatever table it is in).
            SELECT * INTO v_next FROM (
                SELECT 'entries' AS t, id FROM entries WHERE unit_code = r.unit_code AND chain_seq = r.chain_seq + 1
                UNION ALL SELECT 'entry_events', id FROM entry_events WHERE unit_code = r.unit_code AND chain_seq = r.chain_seq + 1
                UNION ALL SELECT 'entry_persons', id FROM entry_persons WHERE unit_code = r.unit_code AND chain_seq = r.chain_seq + 1
                UNION ALL SELECT 'amendments', id FROM amendments WHERE unit_code = r.unit_code AND chain_seq = r.chain_seq + 1
                UNION ALL SELECT 'measures', id FROM measures WHERE unit_code = r.unit_code AND chain_seq = r.chain_seq + 1
                UNION ALL SELECT 'decisions', id FROM decisions WHERE unit_code = r.unit_code AND chain_seq = r.chain_seq + 1
                UNION ALL SELECT 'risk_assessments', id FROM risk_assessments WHERE unit_code = r.unit_code AND chain_seq = r.chain_seq + 1) n;
            CONTINUE WHEN NOT FOUND;
            EXECUTE format('UPDATE %I SET chain_seq = -1 WHERE id = $1', r.t) USING r.id;
            EXECUTE format('UPDATE %I SET chain_seq = $2 WHERE id = $1', v_next.t) USING v_next.id, r.chain_seq;
            EXECUTE format('UPDATE %I SET chain_seq = $2 WHERE id = $1', r.t) USING r.id, r.chain_seq + 1;
        END IF;
    END LOOP;
END
$$;
-- The recomputed chain: change an entry of SYN07 in the middle, then rehash every later row of
-- the unit and its head, as someone who knows the chain's construction would.
DO $$
DECLARE
    v_seq bigint := (SELECT seq / 2 FROM chain_heads WHERE unit_code = 'SYN07');
    v_prev bytea;
    r record;
    v_hash bytea;
BEGIN
    UPDATE entries SET text = 'Omskrevet i ettertid.' WHERE unit_code = 'SYN07'
       AND chain_seq = (SELECT min(chain_seq) FROM entries WHERE unit_code = 'SYN07' AND chain_seq >= v_seq);
    SELECT min(chain_seq) INTO v_seq FROM entries WHERE unit_code = 'SYN07' AND chain_seq >= v_seq;
    SELECT row_hash INTO v_prev FROM (
        SELECT row_hash, chain_seq FROM entries WHERE unit_code = 'SYN07' UNION ALL SELECT row_hash, chain_seq FROM entry_events WHERE unit_code = 'SYN07'
        UNION ALL SELECT row_hash, chain_seq FROM entry_persons WHERE unit_code = 'SYN07' UNION ALL SELECT row_hash, chain_seq FROM amendments WHERE unit_code = 'SYN07'
        UNION ALL SELECT row_hash, chain_seq FROM measures WHERE unit_code = 'SYN07' UNION ALL SELECT row_hash, chain_seq FROM decisions WHERE unit_code = 'SYN07'
        UNION ALL SELECT row_hash, chain_seq FROM risk_assessments WHERE unit_code = 'SYN07') x WHERE chain_seq = v_seq - 1;
    FOR r IN SELECT * FROM (
        SELECT 'entries' AS t, id, chain_seq, to_jsonb(x) AS body FROM entries x WHERE unit_code = 'SYN07'
        UNION ALL SELECT 'entry_events', id, chain_seq, to_jsonb(x) FROM entry_events x WHERE unit_code = 'SYN07'
        UNION ALL SELECT 'entry_persons', id, chain_seq, to_jsonb(x) FROM entry_persons x WHERE unit_code = 'SYN07'
        UNION ALL SELECT 'amendments', id, chain_seq, to_jsonb(x) FROM amendments x WHERE unit_code = 'SYN07'
        UNION ALL SELECT 'measures', id, chain_seq, to_jsonb(x) FROM measures x WHERE unit_code = 'SYN07'
        UNION ALL SELECT 'decisions', id, chain_seq, to_jsonb(x) FROM decisions x WHERE unit_code = 'SYN07'
        UNION ALL SELECT 'risk_assessments', id, chain_seq, to_jsonb(x) FROM risk_assessments x WHERE unit_code = 'SYN07') s
        WHERE chain_seq >= v_seq ORDER BY chain_seq LOOP
        v_hash := chain_hash(v_prev, r.t, r.body);
        EXECUTE format('UPDATE %I SET prev_hash = $2, row_hash = $3 WHERE id = $1', r.t) USING r.id, v_prev, v_hash;
        v_prev := v_hash;
    END LOOP;
    UPDATE chain_heads SET head = v_prev WHERE unit_code = 'SYN07';
END
$$;
SQL

set +e
"$bin" verify --json > "$dir/verify.jsonl"; verify_rc=$?
"$bin" verify --json --against "$dir/heads.jsonl" > "$dir/against.jsonl"; against_rc=$?
set -e
q -c "\\copy (SELECT t, id, unit_code, chain_seq, how FROM tamper_plan) TO '$dir/plan.tsv'"
python3 - "$dir/plan.tsv" "$dir/verify.jsonl" "$dir/against.jsonl" "$verify_rc" "$against_rc" <<'PY'
import json, sys
plan = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
verify = {r["unit"]: r for r in map(json.loads, filter(str.strip, open(sys.argv[2])))}
against = {r["unit"]: r for r in map(json.loads, filter(str.strip, open(sys.argv[3])))}
first = {}
for t, i, unit, seq, how in plan:
    first[unit] = min(first.get(unit, 1 << 62), int(seq))
by_how = {}
for row in plan: by_how[row[4]] = by_how.get(row[4], 0) + 1
named = sum(1 for u in first if not verify[u]["ok"])
# The first broken row: the first altered position, or (when rows were deleted there) the next
# row that still exists, which verify reports as `missing_row`.
exact = sum(1 for u, s in first.items() if not verify[u]["ok"] and
            (verify[u]["broken_seq"] == s or (verify[u]["problem"] == "missing_row" and verify[u]["broken_seq"] > s)))
false_alarms = [u for u, r in verify.items() if not r["ok"] and u not in first and u != "SYN07"]
print(f"tampered rows: {len(plan)} ({', '.join(f'{k} {v}' for k, v in sorted(by_how.items()))}) in {len(first)} units")
print(f"verify: {named} of {len(first)} affected units named broken; {exact} at their first altered row; "
      f"{len(false_alarms)} intact units reported broken; exit {sys.argv[4]}")
rec = against.get("SYN07", {})
print(f"recomputed unit SYN07: verify alone ok={verify['SYN07']['ok']}; --against ok={rec.get('ok')} problem={rec.get('problem')}; exit {sys.argv[5]}")
ok = named == len(first) == exact and not false_alarms and verify["SYN07"]["ok"] and rec.get("ok") is False \
     and sys.argv[4] == "65" and sys.argv[5] == "65"
print("RESULT:", "pass" if ok else "FAIL")
sys.exit(0 if ok else 1)
PY
