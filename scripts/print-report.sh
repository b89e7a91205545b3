#!/usr/bin/env bash
# Prints `hoshin status --format html` of plans/ to PDF in headless Chromium, as a
# leadership group prints it for the wall (A4 and page numbers come from the page's own
# CSS; Chromium's header and footer are turned off), and turns the first two pages into
# docs/report-page-1.png and docs/report-page-2.png with pdftoppm.
# Debian packages: chromium, poppler-utils.
#   scripts/print-report.sh [AS_OF] [PDF]      (HOSHIN=path/to/hoshin to skip swift run)
set -euo pipefail
cd "$(dirname "$0")/.."
as_of="${1:-2026-10-31}"
pdf_out="${2:-}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ] || ! command -v pdftoppm >/dev/null; then
  echo "needs Chromium and pdftoppm: apt-get install chromium poppler-utils" >&2
  exit 2
fi
hoshin="${HOSHIN:-swift run hoshin}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
$hoshin status plans --as-of "$as_of" --format html --output "$work/report.html"
"$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$work/report.pdf" "file://$work/report.html" 2>/dev/null
pdftoppm -png -r 90 -f 1 -l 2 "$work/report.pdf" "$work/page"
pages=("$work"/page-*.png)
cp "${pages[0]}" docs/report-page-1.png
cp "${pages[1]}" docs/report-page-2.png
if [ -n "$pdf_out" ]; then cp "$work/report.pdf" "$pdf_out"; fi
echo "wrote docs/report-page-1.png, docs/report-page-2.png ($(pdfinfo "$work/report.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}') pages)"
