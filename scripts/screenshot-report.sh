#!/usr/bin/env bash
# Renders `hoshin status --format html` of plans/ and photographs it in headless Chromium
# (Debian package `chromium`), so that docs/ shows what a leadership group sees.
#   scripts/screenshot-report.sh [AS_OF] [OUTPUT_PNG]
set -euo pipefail
cd "$(dirname "$0")/.."
as_of="${1:-2026-10-31}"
output="${2:-docs/status-report.png}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then
  echo "no Chromium found: apt-get install chromium" >&2
  exit 2
fi
html="$(mktemp --suffix=.html)"
trap 'rm -f "$html"' EXIT
${HOSHIN:-swift run -c release hoshin} status plans --as-of "$as_of" --format html --output "$html"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --window-size=1280,2000 --screenshot="$PWD/$output" "file://$html" 2>/dev/null
echo "wrote $output"
