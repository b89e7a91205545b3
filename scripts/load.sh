#!/usr/bin/env bash
# Load test of `hoshin serve` on the 500-unit benchmark repository (not run in .ci/run):
# 20 readers of a unit page and of /api/status?unit=, p99 must be <= 50 ms warm;
# then 100 simultaneous POST /api/report to different activities of one file, all kept.
# Usage: scripts/load.sh            (builds release binaries; needs python3)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product hoshin >/dev/null
swift build -c release --product hoshin-bench >/dev/null
bin="$(swift build -c release --show-bin-path)"
work="$(mktemp -d /tmp/hoshin-load-XXXXXX)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin/hoshin-bench" --units 500 --iterations 1 --generate-into "$work/plans" >/dev/null
python3 scripts/generate-load-unit.py "$work/plans"
unit="$(python3 - "$work/plans" <<'PY'
import os, sys
# A unit in the middle of the tree: the third level's first unit file.
names = sorted(p for p in os.listdir(sys.argv[1]) if p.endswith(".yaml") and p != "hoshin.yaml")
for name in names:
    text = open(os.path.join(sys.argv[1], name), encoding="utf-8").read()
    if "parent:" in text and "belastning" not in name:
        print(text.split("unit:", 1)[1].split("\n", 1)[0].strip()); break
PY
)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$bin/hoshin" serve "$work/plans" --bind "127.0.0.1:$port" --git off 2>"$work/serve.log" &
server=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/api/validate" >/dev/null 2>&1 && break; sleep 0.3; done
echo "$(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; unit $unit; $(ls "$work/plans" | wc -l) files"
python3 scripts/load.py "$port" "$work/plans" "$unit" belastning
