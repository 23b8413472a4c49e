#!/usr/bin/env bash
# Backup and restore (issue 13): a base backup with pg_basebackup plus WAL archiving, a restore
# of both into a new cluster (archive recovery to the end of the WAL), and `vaktlogg verify
# --against` the chain heads exported before the backup on the restored copy. Entries written
# after the base backup come back from the archived WAL.
#
#   bash ops/backup/backup-restore.sh        # VAKTLOGG_BIN (default .build/debug/vaktlogg), ENTRIES=5000
#
# The same commands against a production server: `archive_mode = on` with an archive_command
# that copies to storage off the machine, `pg_basebackup -D DIR -X stream -c fast` nightly, heads
# exported with `vaktlogg verify --export-head` and kept outside the database; to restore, the
# base backup's directory, `restore_command` reading the archive, `recovery.signal`, start.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${VAKTLOGG_BIN:-$PWD/.build/debug/vaktlogg}
entries=${ENTRIES:-5000}
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
dir=$(mktemp -d /tmp/vaktlogg-backup-XXXXXX)
chmod 755 "$dir"
data="$dir/cluster"
as_server() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  "$bin" db stop --data-dir "$data" >/dev/null 2>&1 || true
  [ -f "$dir/restored/postmaster.pid" ] && as_server "$pgbin/pg_ctl" -D "$dir/restored" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  true
}
trap cleanup EXIT
VAKTLOGG_DATABASE_URL='' "$bin" list --data-dir "$data" >/dev/null
sock="$data/socket"
url="postgresql://vaktlogg@/vaktlogg?host=${sock//\//%2F}"
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$1" -U vaktlogg -d vaktlogg -c "$2"; }

# WAL archiving: every completed segment is copied to the archive (here a local directory).
mkdir -p "$dir/archive" "$dir/base" "$dir/rsock"
[ "$(id -u)" -eq 0 ] && chown postgres "$dir/archive" "$dir/base" "$dir/rsock"
q "$sock" "ALTER SYSTEM SET archive_mode = 'on'" >/dev/null
q "$sock" "ALTER SYSTEM SET archive_command = 'test ! -f $dir/archive/%f && cp %p $dir/archive/%f'" >/dev/null
VAKTLOGG_DATABASE_URL='' "$bin" db stop --data-dir "$data" >/dev/null
VAKTLOGG_DATABASE_URL='' "$bin" db start --data-dir "$data" >/dev/null

"$bin" seed --synthetic --entries "$entries" --units 12 --years 1 --database-url "$url" >/dev/null
"$bin" verify --database-url "$url" --export-head "$dir/heads.jsonl" >/dev/null 2>&1
before=$(q "$sock" "SELECT count(*) FROM entries")

# The base backup (WAL needed for consistency streamed alongside), taken while the server runs.
as_server "$pgbin/pg_basebackup" -h "$sock" -U vaktlogg -D "$dir/base" -X stream -c fast
# Written after the base backup: must come back from the archive.
q "$sock" "SELECT admin_add_user('backup.ola', 'duty_officer', ARRAY['SYN01'])" >/dev/null
for i in 1 2 3 4 5; do
  VAKTLOGG_DATABASE_URL="postgresql://backup.ola@/vaktlogg?host=${sock//\//%2F}" VAKTLOGG_SPOOL_DIR="$dir/spool" \
    "$bin" log incident --category damage --text "etter basebackup $i" --probability 2 --consequence 2 >/dev/null
done
after=$(q "$sock" "SELECT count(*) FROM entries")
q "$sock" "SELECT pg_switch_wal()" >/dev/null
for _ in $(seq 30); do
  [ "$(q "$sock" "SELECT last_archived_wal >= pg_walfile_name(pg_current_wal_lsn() - 1) FROM pg_stat_archiver")" = "t" ] && break
  sleep 1
done

# Restore into a new cluster: the base backup, then archive recovery to the end of the WAL.
mkdir -p "$dir/restored"
[ "$(id -u)" -eq 0 ] && chown postgres "$dir/restored"
as_server cp -a "$dir/base/." "$dir/restored/"
as_server bash -c "echo \"restore_command = 'cp $dir/archive/%f %p'\" >> '$dir/restored/postgresql.auto.conf'; echo \"archive_mode = 'off'\" >> '$dir/restored/postgresql.auto.conf'; touch '$dir/restored/recovery.signal'"
chmod 700 "$dir/restored"
as_server "$pgbin/pg_ctl" -D "$dir/restored" -w -l "$dir/rsock/restored.log" -o "-c listen_addresses='' -k $dir/rsock" start >/dev/null
for _ in $(seq 60); do
  [ "$(q "$dir/rsock" "SELECT pg_is_in_recovery()" 2>/dev/null)" = "f" ] && break
  sleep 1
done
restored=$(q "$dir/rsock" "SELECT count(*) FROM entries")
set +e
"$bin" verify --database-url "postgresql://vaktlogg@/vaktlogg?host=${dir//\//%2F}%2Frsock" --against "$dir/heads.jsonl" > "$dir/verify.txt" 2>&1
rc=$?
set -e
echo "entries: $before at the head export and base backup, $after at the end of the archived WAL; restored copy: $restored"
echo "verify --against the exported heads on the restored copy: exit $rc ($(grep -c . "$dir/verify.txt") units)"
if [ "$rc" -eq 0 ] && [ "$restored" = "$after" ]; then echo "RESULT: pass"; else cat "$dir/verify.txt"; echo "RESULT: FAIL"; exit 1; fi
