#!/usr/bin/env bash
# Installs what is missing, builds, starts the embedded database, fills it with demonstration data
# (first time only) and opens the product on it: on a terminal the dashboard, otherwise the
# triage list a security coordinator sees.
#
# The data lives in $VAKTLOGG_DATA_DIR (default /var/lib/vaktlogg as root, else
# ~/.local/share/vaktlogg). Stop the database with `vaktlogg db stop`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ops/setup.sh
bin=$(swift build --show-bin-path)/vaktlogg
"$bin" db start
"$bin" seed --demo --if-empty
if [ -t 0 ] && [ -t 1 ]; then
  # On a terminal the product opens where a coordinator works: the dashboard (bare `vaktlogg`).
  exec "$bin" --user kari.lund
fi
echo
echo "== vaktlogg list --user kari.lund   (security coordinator at Bjørkvik and Fjellheim, triage order)"
"$bin" list --user kari.lund --limit 25
echo
first=$("$bin" list --user kari.lund --limit 1 --json | sed -n 's/.*"ref":"\([^"]*\)".*/\1/p')
if [ -n "$first" ]; then
  echo "== vaktlogg show $first --user kari.lund"
  "$bin" show "$first" --user kari.lund
fi
echo
echo "Binary: $bin   (try: $bin --help, $bin log incident --help)"
