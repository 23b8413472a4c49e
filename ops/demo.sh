#!/usr/bin/env bash
# Installs what is missing, builds, and shows Vaktlogg's rules engine on demo judgements.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ops/setup.sh
bin=$(swift build --show-bin-path)/vaktlogg
"$bin" rules show
echo
echo "Demo judgements (vaktlogg rules evaluate):"
"$bin" rules evaluate <<'JSON'
{"check":"risk","probability":4,"consequence":5}
{"check":"organised_crime","criteria":[1,2,3,5,7,11]}
{"check":"triage","entries":[{"id":"avvik-1","kind":"deviation","category":"door_lock","probability":2,"consequence":2,"occurred_at":"2026-11-23T08:00:00Z"},{"id":"hendelse-7","kind":"incident","category":"self_harm","probability":1,"consequence":1,"occurred_at":"2026-11-23T09:00:00Z"},{"id":"hendelse-8","kind":"incident","category":"damage","probability":5,"consequence":5,"occurred_at":"2026-11-23T07:00:00Z"}]}
{"check":"measure","at":"2026-11-23T10:00:00Z","measure":{"type":"isolation","purpose":"order","burdens":["life_health"],"restrictiveness":4,"justification":"ro på avdelingen","rehabilitation_note":null},"assessment":null}
JSON
