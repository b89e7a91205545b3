#!/usr/bin/env bash
# Runs `hoshin status` in a real terminal (a tmux pane, 100 columns, colour on), captures
# the screen with its colours, turns it into HTML (scripts/ansi-to-html.py) and
# photographs it in headless Chromium as docs/status-tree.png.
# Debian packages: tmux, chromium, fonts-dejavu-core.
#   scripts/screenshot-tree.sh [AS_OF] [UNIT]   (HOSHIN=path/to/hoshin to skip swift build)
set -euo pipefail
cd "$(dirname "$0")/.."
as_of="${1:-2026-10-31}"
unit="${2:-medicinsk-vard}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ] || ! command -v tmux >/dev/null; then
  echo "needs Chromium and tmux: apt-get install chromium tmux" >&2
  exit 2
fi
if [ -z "${HOSHIN:-}" ]; then swift build --product hoshin >/dev/null; HOSHIN="$PWD/.build/debug/hoshin"; fi
work="$(mktemp -d)"
socket="hoshin-shot-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
tmux -L "$socket" -f /dev/null new-session -d -x 100 -y 60 -s shot \
  "env -u NO_COLOR -u COLUMNS TERM=xterm-256color '$HOSHIN' status '$PWD/plans' --as-of '$as_of' --unit '$unit'; tmux -L '$socket' wait-for -S printed; sleep 600"
tmux -L "$socket" wait-for printed
tmux -L "$socket" capture-pane -e -p -t shot > "$work/screen.txt"
# Drop the blank rows under the output.
sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$work/screen.txt" > "$work/trimmed.txt"
python3 scripts/ansi-to-html.py < "$work/trimmed.txt" > "$work/screen.html"
rows="$(wc -l < "$work/trimmed.txt")"
height=$(( rows * 19 + 34 ))
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --window-size=880,"$height" --screenshot="$PWD/docs/status-tree.png" "file://$work/screen.html" 2>/dev/null
echo "wrote docs/status-tree.png ($rows rows)"
