#!/usr/bin/env bash
# SIK report benchmark (issue 11): how long `vaktlogg report sik` takes for one unit-month and one
# region-year with ~100k entries in the database, end to end as the manager who asks for it, and
# the query plans of sik_metrics. Method and results: README.md beside this file.
#
#   bash bench/reports/run.sh              # 155 copies of the demo set (~100k entries), 30 with events
#   COPIES=15 RUNS=3 bash bench/reports/run.sh   # a quick check
#
# Uses the built binary (VAKTLOGG_BIN, default the debug build) and its embedded cluster in a
# throwaway data directory, removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
copies=${COPIES:-155}
event_copies=${EVENT_COPIES:-30}
runs=${RUNS:-5}
bin=${VAKTLOGG_BIN:-$(swift build --show-bin-path)/vaktlogg}
data=$(mktemp -d /tmp/vaktlogg-bench-reports-XXXXXX)
out=${OUT:-/tmp/vaktlogg-bench-reports-out}
mkdir -p "$out"
export VAKTLOGG_DATA_DIR=$data
# KEEP=1 leaves the database running in $data for a look with psql afterwards.
cleanup() { if [ -z "${KEEP:-}" ]; then "$bin" db stop >/dev/null 2>&1 || true; rm -rf "$data"; else echo "kept: VAKTLOGG_DATA_DIR=$data"; fi; }
trap cleanup EXIT

"$bin" db start >/dev/null
# The demo set ends today and reaches a year back, so `--period` names below are relative to now.
"$bin" seed --demo --days 365 >/dev/null
psql() { command psql -X -q -h "$data/socket" -U vaktlogg -d vaktlogg "$@"; }
start=$(date +%s)
psql -v copies="$copies" -v event_copies="$event_copies" -f bench/reports/amplify.sql
echo "amplified in $(( $(date +%s) - start )) s"

year=$(date -u +%Y)
# A year of one region, and last month of one unit, as Mona Solberg (manager of Bjørkvik and
# Fjellheim, region OST).
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_cmd() {
  local label=$1; shift
  local t=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N)
    "$bin" --user mona.solberg "$@" >"$out/last" 2>/dev/null
    e=$(date +%s%N)
    t+=($(( (e - s) / 1000000 )))
  done
  printf '%s: median %s ms of %s runs (%s)\n' "$label" "$(printf '%s\n' "${t[@]}" | median)" "$runs" "${t[*]}"
}
time_cmd "unit-month BJORKVIK last-month, text" report sik --unit BJORKVIK --period last-month
time_cmd "unit-year BJORKVIK $year, text" report sik --unit BJORKVIK --period "$year"
time_cmd "region-year OST $year, text" report sik --region OST --period "$year"
time_cmd "region-year OST $year, json" report sik --region OST --period "$year" --format json

# Entries in each scope, so the times can be read per row.
psql -At -c "SELECT 'entries in BJORKVIK, $year: ' || count(*) FROM entry_state WHERE unit_code = 'BJORKVIK' AND occurred_at >= make_timestamptz($year, 1, 1, 0, 0, 0, 'Europe/Oslo') AND occurred_at < make_timestamptz($year + 1, 1, 1, 0, 0, 0, 'Europe/Oslo')"
psql -At -c "SELECT 'entries in region OST, $year: ' || count(*) FROM entry_state st JOIN units u ON u.code = st.unit_code WHERE u.region_code = 'OST' AND occurred_at >= make_timestamptz($year, 1, 1, 0, 0, 0, 'Europe/Oslo') AND occurred_at < make_timestamptz($year + 1, 1, 1, 0, 0, 0, 'Europe/Oslo')"
psql -At -c "SELECT 'entries in all: ' || count(*) FROM entries"

# Where the time goes: each SQL call the report makes for one unit-year, timed by psql as the manager.
y0="make_timestamptz($year, 1, 1, 0, 0, 0, 'Europe/Oslo')"; y1="make_timestamptz($year + 1, 1, 1, 0, 0, 0, 'Europe/Oslo')"
psql -c '\timing on' -c 'SET SESSION AUTHORIZATION "mona.solberg"' \
     -c "SELECT count(*) FROM sik_metrics(ARRAY['BJORKVIK'], $y0, $y1)" \
     -c "SELECT count(*) FROM sik_breakdown(ARRAY['BJORKVIK'], $y0, $y1)" \
     -c "SELECT count(*) FROM sik_reporter_roles(ARRAY['BJORKVIK'], $y0, $y1)" \
     -c "SELECT count(*) FROM sik_overdue_deviations(ARRAY['BJORKVIK'], now())" \
     -c "SELECT count(*) FROM sik_main_rule_departures(ARRAY['BJORKVIK'], $y0, $y1)" \
     -c "SELECT ok FROM verify_chain('BJORKVIK')" | grep -E '^Time|^ *[0-9t]' | paste - - | sed 's/^/  /'

# The plans: auto_explain prints the plan of every statement inside sik_metrics.
psql -c "LOAD 'auto_explain'" -c "SET auto_explain.log_min_duration = 5" -c "SET auto_explain.log_analyze = on" \
     -c "SET auto_explain.log_nested_statements = on" -c "SET auto_explain.log_level = notice" \
     -c "SET auto_explain.log_timing = on" -c "SET client_min_messages = notice" \
     -c "SET SESSION AUTHORIZATION \"mona.solberg\"" \
     -c "SELECT count(*) FROM sik_metrics(ARRAY['BJORKVIK','FJELLHEIM'], make_timestamptz($year, 1, 1, 0, 0, 0, 'Europe/Oslo'), make_timestamptz($year + 1, 1, 1, 0, 0, 0, 'Europe/Oslo'))" \
     >"$out/plan-region-year.txt" 2>&1
echo "plan: $out/plan-region-year.txt"

