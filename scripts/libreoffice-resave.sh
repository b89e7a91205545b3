#!/usr/bin/env bash
# Re-saves an exported reporting sheet through LibreOffice (headless) and imports it: an
# untouched sheet must import as no change (spec §9). Skipped when LibreOffice is not installed.
# Usage: scripts/libreoffice-resave.sh HOSHIN_BINARY
set -euo pipefail
hoshin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
office=$(command -v libreoffice || command -v soffice || true)
if [ -z "$office" ]; then
  echo "libreoffice-resave: LibreOffice is not installed; skipped"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$root/plans" "$work/plans"
for format in xlsx csv; do
  "$hoshin" sheet export kardiologi --plans "$work/plans" --as-of 2026-10-31 --output "$work/kardiologi.$format"
  mkdir -p "$work/resaved-$format"
  # CSV: read and written as Swedish Excel users have it: ';', '"', UTF-8 (76).
  if [ "$format" = xlsx ]; then
    HOME="$work" "$office" --headless --calc --convert-to "xlsx:Calc MS Excel 2007 XML" \
      --outdir "$work/resaved-$format" "$work/kardiologi.$format" >/dev/null 2>&1
  else
    HOME="$work" "$office" --headless --calc --infilter="CSV:59,34,76,1" \
      --convert-to "csv:Text - txt - csv (StarCalc):59,34,76,1" \
      --outdir "$work/resaved-$format" "$work/kardiologi.$format" >/dev/null 2>&1
  fi
  out=$("$hoshin" sheet import "$work/resaved-$format/kardiologi.$format" --plans "$work/plans" --date 2026-11-05)
  echo "$out"
  case "$out" in
    *"no changes"*|*"inga ändringar"*|*"ingen ændringer"*) ;;
    *) echo "libreoffice-resave: the $format sheet re-saved by LibreOffice changed the plan" >&2; exit 1 ;;
  esac
done
if ! diff -r -q "$root/plans" "$work/plans" >/dev/null; then
  echo "libreoffice-resave: a plan file changed" >&2
  exit 1
fi
echo "libreoffice-resave: untouched sheets re-saved by LibreOffice import as no change"
