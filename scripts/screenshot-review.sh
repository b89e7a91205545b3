#!/usr/bin/env bash
# Renders `hoshin review` of plans/ (unit region, two levels below) as HTML and PDF and
# photographs it in headless Chromium (Debian package `chromium`) for docs/review.md:
# the whole page, the PDF's first page, and one picture per section.
#   scripts/screenshot-review.sh [AS_OF] [HOSHIN]
set -euo pipefail
cd "$(dirname "$0")/.."
as_of="${1:-2026-10-31}"
hoshin="${2:-.build/debug/hoshin}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then echo "no Chromium found: apt-get install chromium" >&2; exit 2; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$hoshin" review plans --unit region --depth 2 --as-of "$as_of" --format html --output "$work/review.html"
"$hoshin" review plans --unit region --depth 2 --as-of "$as_of" --format pdf --output "$work/review.pdf"
shot() { # html, png, width, height
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$3,$4" --screenshot="$PWD/$2" "file://$1" 2>/dev/null
}
shot "$work/review.html" docs/review-html.png 1000 1400
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$work/review.pdf" docs/review-pdf-page1
# One picture per section: the page's head with that section alone.
python3 - "$work" <<'PY'
import re, sys
work = sys.argv[1]
page = open(f"{work}/review.html", encoding="utf-8").read()
head, body = page.split("<main>\n", 1)
parts = re.split(r'(?=<section class="pack-section" id="section-)', body)
for part in parts[1:]:
    number = re.match(r'<section class="pack-section" id="section-(\d)', part).group(1)
    section = part.split("</main>")[0]
    open(f"{work}/section-{number}.html", "w", encoding="utf-8").write(head + "<main>\n" + section + "</main></body></html>\n")
PY
heights=(0 300 1500 700 760 820 420)
for n in 1 2 3 4 5 6; do shot "$work/section-$n.html" "docs/review-section-$n.png" 1040 "${heights[$n]}"; done
echo "wrote docs/review-html.png, docs/review-pdf-page1.png and docs/review-section-{1..6}.png"
