#!/usr/bin/env bash
# Fuzzes a live `vaktlogg serve` with schemathesis (PyPI) against openapi.yaml: no response may be
# a 5xx, and every response must lie inside the schema. Run by ops/test.sh after the test suite;
# a few minutes at most (SCHEMATHESIS_MAX_EXAMPLES, SCHEMATHESIS_MAX_TIME seconds).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v schemathesis >/dev/null 2>&1; then
  python3 -m pip install --quiet --disable-pip-version-check 'schemathesis>=4,<5'
fi
bin="$(swift build --show-bin-path)/vaktlogg"
[ -x "$bin" ] || swift build
# An embedded cluster of its own, reachable by the postgres account when running as root.
work=$(mktemp -d /tmp/vaktlogg-schemathesis-XXXXXX)
chmod 755 "$work"
export VAKTLOGG_DATA_DIR="$work/db" VAKTLOGG_LANG=en
server=""
cleanup() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  "$bin" db stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" seed --demo --days 2 >/dev/null
# As a security coordinator, who may do the most (every operation reaches the database).
coordinator=$("$bin" token create --user kari.lund | tail -n 1)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --port "$port" --max-body 65536 2>"$work/serve.log" &
server=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/ready" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/ready" >/dev/null

status=0
# From the scratch directory: schemathesis keeps its cache of failures in the working directory.
spec="$PWD/openapi.yaml"
(cd "$work" && schemathesis run "$spec" --url "http://127.0.0.1:$port" \
  -H "Authorization: Bearer $coordinator" \
  --checks not_a_server_error,response_schema_conformance,content_type_conformance,status_code_conformance \
  --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-30}" --max-time "${SCHEMATHESIS_MAX_TIME:-120}" \
  --phases examples,fuzzing --seed 12 --workers 4 --warnings off) || status=$?
if [ "$status" -ne 0 ]; then
  echo "schemathesis failed ($status); server log:" >&2
  tail -n 50 "$work/serve.log" >&2
fi
exit "$status"
