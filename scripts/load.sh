#!/usr/bin/env bash
# Load test of `hoshin serve` on the 500-unit benchmark repository (not run in .ci/run):
# 20 readers of a unit page and of /api/status?unit=, p99 must be <= 50 ms warm;
# then 100 simultaneous POST /api/report to different activities of one file, all kept
# (in the file, and as 100 commits of that one file).
# Usage: scripts/load.sh            (builds release binaries; needs python3)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product hoshin >/dev/null
swift build -c release --product hoshin-bench >/dev/null
bin="$(swift build -c release --show-bin-path)"
work="$(mktemp -d /tmp/hoshin-load-XXXXXX)"
trap 'if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
# The 500-unit benchmark repository (a git repository already); its timings are not needed.
"$bin/hoshin-bench" --units 500 --large-units 0 --iterations 1 --no-phases --keep "$work/bench" >/dev/null
mv "$work/bench/units-500" "$work/plans"
python3 scripts/generate-load-unit.py "$work/plans"
unit="$(python3 - "$work/plans" <<'PY'
import os, re, sys
# A unit in the middle of the tree: the first unit file two folders down.
for folder, dirs, names in sorted(os.walk(sys.argv[1])):
    dirs.sort()
    if folder.count(os.sep) - sys.argv[1].count(os.sep) == 2:
        for name in sorted(names):
            if name.endswith(".yaml"):
                text = open(os.path.join(folder, name), encoding="utf-8").read()
                print(re.search(r"^unit:\s*(\S+)", text, re.M).group(1)); sys.exit(0)
PY
)"
# Every write is also one commit (checked by load.py).
git -C "$work/plans" add -A
git -C "$work/plans" -c user.name=Last -c user.email=last@example.se commit -q -m "Belastningsenheten"
git -C "$work/plans" config user.name "Last Provare"
git -C "$work/plans" config user.email "last@example.se"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$bin/hoshin" serve "$work/plans" --bind "127.0.0.1:$port" --git commit 2>"$work/serve.log" &
server=$!
started=$(date +%s.%N)
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/api/validate" >/dev/null 2>&1 && break; sleep 0.3; done
echo "first answer (parse and validate) after $(python3 -c "import time; print(round(time.time() - $started, 1))") s"
echo "$(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; unit $unit; $(find "$work/plans" -name '*.yaml' | wc -l) files"
python3 scripts/load.py "$port" "$work/plans" "$unit" belastning
