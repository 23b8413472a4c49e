#!/usr/bin/env bash
# High availability (issue 13): a local three-member Patroni cluster of PostgreSQL on one etcd
# (Debian's `patroni` and `etcd-server`, installed with apt-get when missing), synchronous
# replication (`synchronous_mode: true`: a commit returns only once a standby has it). Vaktlogg
# connects with one multi-host URL and `target_session_attrs=read-write`, so libpq finds whichever
# member is the primary. Under a 4-client CLI write load the primary is killed (SIGKILL of its
# Patroni and its postmaster, as when the machine dies); Patroni promotes a standby, the clients
# spool what they could not write meanwhile and `vaktlogg sync` delivers it. Afterwards every
# acknowledged entry (exit 0 stored, 69 spooled) exists exactly once and every chain verifies.
#
#   bash ops/ha/run.sh              # VAKTLOGG_BIN (default .build/debug/vaktlogg), LOAD_SECONDS=15
#   bash ops/ha/run.sh --keep       # leave the cluster running (prints the URL) for manual tries
#
# Local only: every member listens on 127.0.0.1 with trust authentication. A real deployment puts
# each member on its own machine, with scram-sha-256 and TLS (see README, "Running at scale").
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${VAKTLOGG_BIN:-$PWD/.build/debug/vaktlogg}
load=${LOAD_SECONDS:-15}
[ "$(id -u)" -eq 0 ] || { echo "run as root (apt-get, and Patroni runs PostgreSQL as postgres)" >&2; exit 1; }
command -v patroni >/dev/null && command -v etcd >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q patroni etcd-server >&2
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$(mktemp -d /tmp/vaktlogg-ha-XXXXXX)
chmod 755 "$dir"
pids=()
cleanup() {
  touch "$dir/stop"
  [ -n "${keep:-}" ] && return
  # Patroni runs under runuser: signal the Patroni processes themselves, then etcd.
  pkill -u postgres -f "patroni $dir/" 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 3
  pkill -9 -u postgres -f "patroni $dir/" 2>/dev/null || true
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  for m in 1 2 3; do [ -f "$dir/pg$m/postmaster.pid" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$dir/pg$m" -m immediate stop >/dev/null 2>&1; done
  rm -rf "$dir"
  true
}
[ "${1:-}" = "--keep" ] && keep=1
trap cleanup EXIT

etcd --name ha1 --data-dir "$dir/etcd" --enable-v2=true \
  --listen-client-urls http://127.0.0.1:23790 --advertise-client-urls http://127.0.0.1:23790 \
  --listen-peer-urls http://127.0.0.1:23800 --initial-advertise-peer-urls http://127.0.0.1:23800 \
  --initial-cluster ha1=http://127.0.0.1:23800 > "$dir/etcd.log" 2>&1 &
pids+=($!)

for m in 1 2 3; do
  mkdir -p "$dir/pg$m" "$dir/s$m"
  chown postgres "$dir/pg$m" "$dir/s$m"
  chmod 700 "$dir/pg$m"
  cat > "$dir/pg$m.yml" <<YML
scope: vaktlogg-ha
name: pg$m
restapi:
  listen: 127.0.0.1:$((8008 + m))
  connect_address: 127.0.0.1:$((8008 + m))
etcd:
  host: 127.0.0.1:23790
bootstrap:
  dcs:
    ttl: 10
    loop_wait: 2
    retry_timeout: 5
    maximum_lag_on_failover: 1048576
    synchronous_mode: true
    postgresql:
      use_pg_rewind: true
      parameters:
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        max_wal_senders: 10
        max_replication_slots: 10
  initdb:
    - encoding: UTF8
  pg_hba:
    - local all all trust
    - host replication replicator 127.0.0.1/32 trust
    - host all all 127.0.0.1/32 trust
postgresql:
  listen: 127.0.0.1:$((5440 + m))
  connect_address: 127.0.0.1:$((5440 + m))
  data_dir: $dir/pg$m
  bin_dir: $pgbin
  pgpass: $dir/s$m/pgpass
  authentication:
    replication: {username: replicator, password: replicator}
    superuser: {username: postgres, password: postgres}
  parameters:
    unix_socket_directories: $dir/s$m
YML
  chown postgres "$dir/pg$m.yml"
  runuser -u postgres -- patroni "$dir/pg$m.yml" > "$dir/patroni$m.log" 2>&1 &
  pids+=($!)
  sleep 2
done

leader() {
  for m in 1 2 3; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((8008 + m))/primary")" = 200 ] && { echo "$m"; return; }
  done
  return 1
}
for _ in $(seq 90); do leader >/dev/null && [ "$(curl -s http://127.0.0.1:8009/cluster | python3 -c 'import json,sys; print(sum(1 for m in json.load(sys.stdin)["members"] if m["state"] in ("running","streaming")))' 2>/dev/null)" = 3 ] && break; sleep 2; done
first=$(leader)
echo "cluster up; primary pg$first" >&2

hosts="127.0.0.1:5441,127.0.0.1:5442,127.0.0.1:5443"
owner_url="postgresql://postgres@$hosts/vaktlogg?target_session_attrs=read-write&connect_timeout=3"
psql -X -q -d "postgresql://postgres@$hosts/postgres?target_session_attrs=read-write" -c "CREATE DATABASE vaktlogg" >/dev/null
"$bin" db migrate --database-url "$owner_url" >/dev/null
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$owner_url" -c "$1"; }
q "SELECT admin_add_region('HA', 'HA-region')" >/dev/null
for u in 1 2; do q "SELECT admin_add_unit('HA$u', 'HA-enhet $u', 'prison_high', 'HA')" >/dev/null; done
for c in 1 2 3 4; do q "SELECT admin_add_user('ha.b$c', 'duty_officer', ARRAY['HA$(( (c + 1) / 2 ))'])" >/dev/null; done
url() { echo "postgresql://ha.b$1@$hosts/vaktlogg?target_session_attrs=read-write&connect_timeout=3"; }
if [ -n "${keep:-}" ]; then echo "kept running: $owner_url"; exit 0; fi

client() {
  local c=$1 i=0 rc
  while [ ! -e "$dir/stop" ]; do
    i=$((i + 1))
    set +e
    VAKTLOGG_DATABASE_URL=$(url "$c") VAKTLOGG_SPOOL_DIR="$dir/spool$c" VAKTLOGG_LANG=en \
      "$bin" log incident --category damage --text "ha c$c n$i" --probability 2 --consequence 2 >/dev/null 2>>"$dir/client$c.err"
    rc=$?
    set -e
    printf 'ha c%s n%s\t%s\n' "$c" "$i" "$rc" >> "$dir/client$c.log"
  done
}
clients=()
for c in 1 2 3 4; do client "$c" & clients+=($!); done
sleep "$load"
# Kill the primary: its Patroni first (so nothing restarts it), then its postmaster.
ppid=$(pgrep -u postgres -f "patroni $dir/pg$first.yml" | head -1)
kill -9 "$ppid"
kill -9 "$(head -1 "$dir/pg$first/postmaster.pid")"
echo "killed primary pg$first (Patroni $ppid and its postmaster)" >&2
t0=$(date +%s)
for _ in $(seq 60); do l=$(leader || true); [ -n "$l" ] && [ "$l" != "$first" ] && break; sleep 1; done
echo "new primary pg$l after $(( $(date +%s) - t0 )) s" >&2
sleep "$load"
touch "$dir/stop"
wait "${clients[@]}"
for c in 1 2 3 4; do VAKTLOGG_DATABASE_URL=$(url "$c") VAKTLOGG_SPOOL_DIR="$dir/spool$c" "$bin" sync >/dev/null 2>>"$dir/client$c.err" || true; done

psql -X -q -A -t -d "$owner_url" -c "\\copy (SELECT text, count(*) FROM entries WHERE text LIKE 'ha %' GROUP BY text) TO '$dir/stored.tsv'"
set +e
"$bin" verify --database-url "$owner_url" --json > "$dir/verify.jsonl"; verify_rc=$?
set -e
cat "$dir"/client*.log > "$dir/attempts.tsv"
python3 - "$dir/attempts.tsv" "$dir/stored.tsv" "$dir/verify.jsonl" "$verify_rc" "$first" "$l" <<'PY'
import collections, json, sys
attempts = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
stored = dict((t, int(n)) for t, n in (l.rstrip("\n").split("\t") for l in open(sys.argv[2])))
by_rc = collections.Counter(rc for _, rc in attempts)
acked = [t for t, rc in attempts if rc in ("0", "69")]
missing = [t for t in acked if stored.get(t, 0) == 0]
twice = [t for t, _ in attempts if stored.get(t, 0) > 1]
chains = [json.loads(l) for l in open(sys.argv[3]) if l.strip()]
print(f"failover: primary pg{sys.argv[5]} killed, pg{sys.argv[6]} promoted")
print(f"attempts: {len(attempts)} ({', '.join(f'exit {k}: {v}' for k, v in sorted(by_rc.items()))})")
print(f"acknowledged (stored or spooled): {len(acked)}; stored exactly once: {len(acked) - len(missing)}; missing: {len(missing)}; stored twice: {len(twice)}")
print(f"chains: {sum(c['ok'] for c in chains)} of {len(chains)} verify (exit {sys.argv[4]})")
ok = not missing and not twice and chains and all(c["ok"] for c in chains) and sys.argv[4] == "0" and sys.argv[5] != sys.argv[6]
print("RESULT:", "pass" if ok else "FAIL")
sys.exit(0 if ok else 1)
PY
