#!/usr/bin/env bash
# Installs the Debian packages Vaktlogg needs (only those missing) and builds it. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

needed=(libpq-dev libncursesw5-dev postgresql postgresql-contrib tmux strace)
# --reports: headless Chromium for `vaktlogg report sik --format pdf`; poppler-utils (pdftotext,
# pdfinfo) and python3-jsonschema for the report's format tests, which read the PDF back and
# validate the JSON against docs/report-sik.schema.json (ops/test.sh asks for them).
if [ "${1:-}" = "--reports" ]; then needed+=(chromium poppler-utils python3-jsonschema); fi
missing=()
for pkg in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# Debian's postgresql package starts a system cluster; Vaktlogg uses its own private one instead.
swift build -c "${VAKTLOGG_BUILD_CONFIG:-debug}"
