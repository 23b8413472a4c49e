#!/usr/bin/env bash
# CLI log latency (issue #4): wall time of one `vaktlogg log incident …` process, start to commit,
# against `psql -c "INSERT …"` of the same row as the same user, in the same run, on a throwaway
# cluster; then (unless --latency-only) LogBench's write-path throughput against pgbench.
#
#   bash bench/log-latency.sh [--latency-only]      # RUNS=40 by default; SCRATCH=.build-cli
#
# Needs hyperfine (apt-get install -y hyperfine) and python3 (for the medians). Method and numbers:
# bench/README.md, "CLI: log latency and write-path throughput".
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH:-.build-cli}
runs=${RUNS:-40}
command -v hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install -y hyperfine" >&2; exit 1; }

swift build -c release --scratch-path "$scratch" --product vaktlogg >&2
[ "${1:-}" = "--latency-only" ] || swift build -c release --scratch-path "$scratch" --product LogBench >&2
bin="$PWD/$scratch/release/vaktlogg"

dir=$(mktemp -d /tmp/vaktlogg-latency-XXXXXX)
chmod 755 "$dir"  # when root, the server runs as `postgres`, which must reach the cluster below
cleanup() {
  "$bin" db stop --data-dir "$dir/cluster" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

# Embedded mode creates, starts and migrates the cluster and its administrator on first use.
VAKTLOGG_DATABASE_URL='' "$bin" list --data-dir "$dir/cluster" >/dev/null
sock="$dir/cluster/socket"
su_sql() { psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$sock" -U vaktlogg -d vaktlogg -c "$1"; }
su_sql "SELECT admin_add_region('OST', 'Øst'); SELECT admin_add_unit('OSLO', 'Oslo fengsel', 'prison_high', 'OST');
        SELECT admin_add_user('ola', 'duty_officer', ARRAY['OSLO'])" >/dev/null

export VAKTLOGG_DATABASE_URL="postgresql://ola@/vaktlogg?host=${sock//\//%2F}"
export VAKTLOGG_SPOOL_DIR="$dir/spool"
log_cmd="$bin log incident --category fire --text 'Røyk fra celle 12, slukket med apparat.' --probability 3 --consequence 4"

# One entry through the product gives the exact judgement, trace and deadlines the INSERT repeats;
# the INSERT runs as the same user, so the same triggers (reference, chain, projection, notify) and
# row-level security apply. Only the client differs: vaktlogg validates, judges and resolves the
# unit itself; psql sends a finished row.
eval "$log_cmd" >/dev/null
values=$(su_sql "SELECT format('%L, %L, %L, now(), now(), %L, %L, %L, %s, %s, %s, %s, %L, %L, %L, %L, %L::jsonb, %L::jsonb',
                  kind, category, unit_code, domain, text, interests, probability, consequence, risk_score, tier, priority,
                  police_decision_required, rules_version, rules_hash, trace, deadlines) FROM entries ORDER BY id LIMIT 1")
insert="INSERT INTO entries (kind, category, unit_code, occurred_at, reported_at, domain, text, interests, probability, consequence, risk_score, tier, priority, police_decision_required, rules_version, rules_hash, trace, deadlines, idempotency_key) VALUES ($values, gen_random_uuid())"
psql_cmd="psql -X -q -h $sock -U ola -d vaktlogg -c $(printf '%q' "$insert")"

# The last two are references that split the totals: starting each program without any database
# work, and psql's start plus connection.
hyperfine -S bash --warmup 3 --runs "$runs" --export-json "$dir/latency.json" \
  -n "vaktlogg log incident" "$log_cmd" \
  -n "psql -c INSERT (same row, same user)" "$psql_cmd" \
  -n "reference: vaktlogg --help (process start only)" "$bin --help >/dev/null" \
  -n "reference: psql -c 'SELECT 1' (start + connect)" "psql -X -q -h $sock -U ola -d vaktlogg -c 'SELECT 1' >/dev/null" >&2

python3 - "$dir/latency.json" <<'EOF'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
med = {r["command"]: statistics.median(r["times"]) * 1000 for r in results}
print("| command | runs | median | mean ± σ | min | max |")
print("|---|---|---|---|---|---|")
for r in results:
    t = [x * 1000 for x in r["times"]]
    print(f"| {r['command']} | {len(t)} | {statistics.median(t):.1f} ms | {statistics.mean(t):.1f} ± {statistics.stdev(t):.1f} ms | {min(t):.1f} ms | {max(t):.1f} ms |")
a, b = med["vaktlogg log incident"], med["psql -c INSERT (same row, same user)"]
print(f"\nvaktlogg log / psql INSERT (medians): {a / b:.2f}×, difference {a - b:+.1f} ms")
EOF
echo "chain intact: $(su_sql "SELECT ok FROM verify_chain('OSLO')"), entries: $(su_sql 'SELECT count(*) FROM entries')"

if [ "${1:-}" != "--latency-only" ]; then
  "$PWD/$scratch/release/LogBench"
fi
