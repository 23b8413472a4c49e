#!/usr/bin/env bash
# Runs the whole test suite against a throwaway PostgreSQL cluster, removed afterwards even when
# tests fail.
set -euo pipefail
cd "$(dirname "$0")/.."
# --reports: the SIK report's format tests render PDFs with headless Chromium and read them back
# (SIKReportFormatTests); CI runs this script, so it installs them too.
bash ops/setup.sh --reports

cluster=$(mktemp -d /tmp/vaktlogg-ci-XXXXXX)
cleanup() {
  local ctl
  ctl=$(ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1)
  if [ -f "$cluster/data/postmaster.pid" ] && [ -n "$ctl" ]; then
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true
    else "$ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true; fi
  fi
  rm -rf "$cluster"
}
trap cleanup EXIT
export VAKTLOGG_TEST_CLUSTER_DIR="$cluster"
# Swift Testing runs tests in parallel; each gets its own database on the one cluster.
swift test "$@"
# The HTTP API against its contract (openapi.yaml), on a live server: only on a full run.
if [ $# -eq 0 ] && [ "${VAKTLOGG_SKIP_SCHEMATHESIS:-0}" != "1" ]; then
  bash ops/schemathesis.sh
fi
