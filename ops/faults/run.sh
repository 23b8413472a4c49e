#!/usr/bin/env bash
# Fault suite (issue 13) under a 4-client CLI write load (`vaktlogg log`, one process per entry,
# each client its own login and spool), on a throwaway embedded cluster the clients reach by URL
# (so they never start it themselves):
#   (a) kill -9 of the postmaster, then start it again;
#   (b) PostgreSQL stopped for STOP_SECONDS (default 30) while the clients keep logging into
#       their spools, then started, and every client runs `vaktlogg sync`;
#   (c) a spool on a full file system (a 64 KiB tmpfs; root only, skipped otherwise) with the
#       database down: `log` says so and exits non-zero, and no half-written file is left.
# Afterwards every acknowledged entry (exit 0 = stored, exit 69 = spooled) exists exactly once,
# no unacknowledged attempt exists more than once, and every chain verifies. Prints the counts;
# exit 0 when all of that holds.
#
#   bash ops/faults/run.sh                   # VAKTLOGG_BIN, PHASE_SECONDS (default 8), STOP_SECONDS
#   bash ops/faults/run.sh --short           # CI: PHASE_SECONDS=3, STOP_SECONDS=5
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${VAKTLOGG_BIN:-$PWD/.build/debug/vaktlogg}
phase=${PHASE_SECONDS:-8}
stop=${STOP_SECONDS:-30}
if [ "${1:-}" = "--short" ]; then phase=3; stop=5; fi
dir=$(mktemp -d /tmp/vaktlogg-faults-XXXXXX)
chmod 755 "$dir"
data="$dir/cluster"
cleanup() {
  touch "$dir/stop"; wait 2>/dev/null || true
  mountpoint -q "$dir/full" 2>/dev/null && umount "$dir/full"
  "$bin" db stop --data-dir "$data" >/dev/null 2>&1 || true
  rm -rf "$dir"
  true
}
trap cleanup EXIT
VAKTLOGG_DATABASE_URL='' "$bin" list --data-dir "$data" >/dev/null
sock="$data/socket"
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$sock" -U vaktlogg -d vaktlogg "$@"; }
q -c "SELECT admin_add_region('FAULT', 'Feilregion')" >/dev/null
for u in 1 2; do q -c "SELECT admin_add_unit('FAULT$u', 'Feilenhet $u', 'prison_high', 'FAULT')" >/dev/null; done
for c in 1 2 3 4; do q -c "SELECT admin_add_user('fault.b$c', 'duty_officer', ARRAY['FAULT$(( (c + 1) / 2 ))'])" >/dev/null; done
url() { echo "postgresql://fault.b$1@/vaktlogg?host=${sock//\//%2F}"; }
db_start() { VAKTLOGG_DATABASE_URL='' "$bin" db start --data-dir "$data" >/dev/null; }
db_stop() { VAKTLOGG_DATABASE_URL='' "$bin" db stop --data-dir "$data" >/dev/null; }

# One client: log entries with unique texts until told to stop; one line "text<TAB>exit" each.
client() {
  local c=$1 i=0 rc
  while [ ! -e "$dir/stop" ]; do
    i=$((i + 1))
    set +e
    VAKTLOGG_DATABASE_URL=$(url "$c") VAKTLOGG_SPOOL_DIR="$dir/spool$c" VAKTLOGG_LANG=en \
      "$bin" log incident --category damage --text "fault c$c n$i" --probability 2 --consequence 2 >/dev/null 2>>"$dir/client$c.err"
    rc=$?
    set -e
    printf 'fault c%s n%s\t%s\n' "$c" "$i" "$rc" >> "$dir/client$c.log"
  done
}
for c in 1 2 3 4; do client "$c" & done

sleep "$phase"
# (a) kill -9 of the postmaster (its backends die with it), then a normal start (crash recovery).
kill -9 "$(head -1 "$data/data/postmaster.pid")"
echo "(a) postmaster killed with SIGKILL" >&2
sleep 2
for _ in $(seq 30); do db_start 2>/dev/null && break; sleep 1; done
echo "(a) started again" >&2
sleep "$phase"
# (b) stopped for $stop seconds while the clients spool.
db_stop
echo "(b) stopped for $stop s" >&2
sleep "$stop"
db_start
echo "(b) started again" >&2
sleep "$phase"
touch "$dir/stop"
wait
for c in 1 2 3 4; do
  VAKTLOGG_DATABASE_URL=$(url "$c") VAKTLOGG_SPOOL_DIR="$dir/spool$c" "$bin" sync >/dev/null 2>>"$dir/client$c.err" || true
done

# (c) a full spool file system while the database is down.
full_note="skipped (needs root for the tmpfs)"
if [ "$(id -u)" -eq 0 ]; then
  mkdir -p "$dir/full"
  mount -t tmpfs -o size=64k tmpfs "$dir/full"
  db_stop
  full_rc=0; n=0
  while [ "$n" -lt 200 ]; do
    n=$((n + 1))
    set +e
    VAKTLOGG_DATABASE_URL=$(url 1) VAKTLOGG_SPOOL_DIR="$dir/full/spool" VAKTLOGG_LANG=en \
      "$bin" log incident --category damage --text "fault full n$n $(head -c 2000 /dev/zero | tr '\0' x)" --probability 2 --consequence 2 \
      >/dev/null 2>"$dir/full.err"
    rc=$?
    set -e
    printf 'fault full n%s\t%s\n' "$n" "$rc" >> "$dir/client1.log"
    if [ "$rc" -ne 69 ]; then full_rc=$rc; break; fi
  done
  half=$(find "$dir/full/spool" -name '.*.tmp' | wc -l)
  bad=0
  for f in "$dir"/full/spool/*.json; do python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$f" 2>/dev/null || bad=$((bad + 1)); done
  db_start
  VAKTLOGG_DATABASE_URL=$(url 1) VAKTLOGG_SPOOL_DIR="$dir/full/spool" "$bin" sync >/dev/null 2>>"$dir/client1.err" || true
  full_note="spooled $((n - 1)) entries, then exit $full_rc: \"$(head -c 160 "$dir/full.err" | tr '\n' ' ')\"; temporary files left: $half; unreadable spool files: $bad"
  [ "$full_rc" -ne 0 ] && [ "$half" -eq 0 ] && [ "$bad" -eq 0 ] || full_fail=1
fi

q -c "\\copy (SELECT text, count(*) FROM entries WHERE text LIKE 'fault %' GROUP BY text) TO '$dir/stored.tsv'"
set +e
"$bin" verify --database-url "postgresql://vaktlogg@/vaktlogg?host=${sock//\//%2F}" --json > "$dir/verify.jsonl"
verify_rc=$?
set -e
cat "$dir"/client*.log > "$dir/attempts.tsv"
python3 - "$dir/attempts.tsv" "$dir/stored.tsv" "$dir/verify.jsonl" "$verify_rc" "$full_note" "${full_fail:-0}" <<'PY'
import collections, json, sys
attempts = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
sys.argv.pop(1)
stored = {}
for line in open(sys.argv[1]):
    text, n = line.rstrip("\n").split("\t")
    stored[text.split(" xxxx")[0] if " xxxx" in text else text] = int(n)
def key(t): return t.split(" xxxx")[0] if " xxxx" in t else t
by_rc = collections.Counter(rc for _, rc in attempts)
acked = [t for t, rc in attempts if rc in ("0", "69")]
other = [t for t, rc in attempts if rc not in ("0", "69")]
missing = [t for t in acked if stored.get(key(t), 0) == 0]
twice = [t for t in acked + other if stored.get(key(t), 0) > 1]
other_stored = [t for t in other if stored.get(key(t), 0) == 1]
chains = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
print(f"attempts: {len(attempts)} ({', '.join(f'exit {k}: {v}' for k, v in sorted(by_rc.items()))})")
print(f"acknowledged (stored or spooled): {len(acked)}; stored exactly once: {len(acked) - len(missing)}; missing: {len(missing)}")
print(f"stored more than once: {len(twice)}; unacknowledged attempts stored once anyway (commit raced the kill): {len(other_stored)}")
print(f"chains: {sum(c['ok'] for c in chains)} of {len(chains)} verify (exit {sys.argv[3]})")
print(f"(c) full spool: {sys.argv[4]}")
ok = not missing and not twice and all(c["ok"] for c in chains) and sys.argv[3] == "0" and sys.argv[5] == "0"
for t in (missing + twice)[:10]: print("  problem:", t[:60])
print("RESULT:", "pass" if ok else "FAIL")
sys.exit(0 if ok else 1)
PY
