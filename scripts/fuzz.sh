#!/usr/bin/env bash
# Builds the three libFuzzer harnesses in Fuzz/ (coverage + AddressSanitizer) and runs
# each for MINUTES (default 5; fractions allowed, e.g. 0.2) on a seed corpus made from
# plans/, Tests/Fixtures and sheets exported by `hoshin sheet export`.
# Fails when a harness crashes, times out or runs out of memory, or when its coverage
# stays flat (the final `cov:` no greater than the `cov:` after loading the seeds),
# which is what a build without coverage instrumentation looks like.
#
#   bash scripts/fuzz.sh [MINUTES]        one harness after the other
#   FUZZ_PARALLEL=1 bash scripts/fuzz.sh 30   all three at once
#   FUZZ_NICE=19  run them at that nice level (default 10)
#   FUZZ_CONFIG=release  an optimised build (about ten times the executions a second)
#
# Logs, corpora and crash files go to Fuzz/.build/fuzz-run/<harness>/ (not committed).
set -euo pipefail
minutes="${1:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="$(awk -v m="$minutes" 'BEGIN { s = int(m * 60 + 0.5); print (s < 1 ? 1 : s) }')"
nice_level="${FUZZ_NICE:-10}"
# Coverage and ASan in ONE -sanitize flag: `--sanitize=fuzzer --sanitize=address` would
# pass two flags to swiftc, and the second drops the coverage instrumentation.
build=(swift build -c "${FUZZ_CONFIG:-debug}" --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address)
# A failed precondition is the finding: libFuzzer's report is enough, and Swift's own
# backtracer trips AddressSanitizer. Foundation's own leaks are suppressed (see the file).
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$root/Fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

cd "$root"
nice -n "$nice_level" swift build --product hoshin
hoshin="$(swift build --show-bin-path)/hoshin"
cd "$root/Fuzz"
nice -n "$nice_level" "${build[@]}"
bin="$("${build[@]}" --show-bin-path)"
work="$root/Fuzz/.build/fuzz-run"
rm -rf "$work"
mkdir -p "$work/seeds-yaml" "$work/seeds-sheets"

# Seeds: every YAML file of the sample plans and the fixtures (named by content, so
# files with the same name do not overwrite each other).
seed() { cp "$1" "$2/$(sha1sum "$1" | cut -c1-16)"; }
while IFS= read -r -d '' file; do seed "$file" "$work/seeds-yaml"; done \
  < <(find "$root/plans" "$root/Tests/Fixtures" -name '*.yaml' -print0)
# Sheets: real exports (XLSX and CSV) of every unit, the fixtures' workbooks and CSV.
units=$(sed -n 's/^unit: *//p' "$root"/plans/*.yaml "$root"/plans/*/*.yaml)
for unit in $units; do
  "$hoshin" sheet export "$unit" --plans "$root/plans" --as-of 2026-10-31 --format xlsx -o "$work/seeds-sheets/$unit.xlsx" >/dev/null
  "$hoshin" sheet export "$unit" --plans "$root/plans" --as-of 2026-10-31 --format csv -o "$work/seeds-sheets/$unit.csv" >/dev/null
done
while IFS= read -r -d '' file; do seed "$file" "$work/seeds-sheets"; done \
  < <(find "$root/Tests/Fixtures" \( -name '*.xlsx' -o -name '*.csv' \) -print0)

# name, seed folder, -max_len (a plan file of the sample size; the largest exported
# workbook), other flags. The loader checks files on Dispatch's worker threads, whose
# caches outlive a run: libFuzzer then scans for leaks after every run (15 times
# slower), so leaks are checked by the editor harness, which drives the same parser.
harnesses=("loader seeds-yaml 8192 -detect_leaks=0" "editor seeds-yaml 8192" "sheets seeds-sheets 32768")

run() {
  local name=$1 seeds=$2 max_len=$3
  shift 3
  local dir="$work/$name"
  mkdir -p "$dir/corpus"
  # New inputs go to corpus/ (empty at the start); the seeds are read, never written.
  nice -n "$nice_level" "$bin/hoshin-fuzz-$name" -max_total_time="$seconds" -max_len="$max_len" \
    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -print_funcs=0 -artifact_prefix="$dir/" "$@" \
    "$dir/corpus" "$work/$seeds" >"$dir/log" 2>&1
}

check() {
  local name=$1 status=$2
  local log="$work/$name/log"
  local inited final
  inited=$(grep -m1 'INITED cov:' "$log" | sed 's/.*cov: \([0-9]*\).*/\1/' || true)
  final=$(grep 'cov: ' "$log" | tail -1 | sed 's/.*cov: \([0-9]*\).*/\1/' || true)
  local summary
  summary=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
  echo "$name: exit $status, INITED cov ${inited:-?}, final cov ${final:-?}; ${summary:-no DONE line}"
  if [ "$status" -ne 0 ] || ls "$work/$name"/crash-* "$work/$name"/timeout-* "$work/$name"/oom-* "$work/$name"/leak-* >/dev/null 2>&1; then
    echo "$name: FAILED: a crash, timeout, leak or out-of-memory; see $log and $work/$name/" >&2
    grep -E 'ERROR|Fatal error|failed:|Test unit written' "$log" | head -5 >&2 || true
    return 1
  fi
  if [ -z "$inited" ] || [ -z "$final" ] || [ "$final" -le "$inited" ]; then
    echo "$name: FAILED: coverage stayed flat (is the code instrumented?); see $log" >&2
    return 1
  fi
}

failed=0
if [ "${FUZZ_PARALLEL:-0}" = 1 ]; then
  pids=()
  for entry in "${harnesses[@]}"; do run $entry & pids+=($!); done
  for i in "${!harnesses[@]}"; do
    status=0; wait "${pids[$i]}" || status=$?
    read -r name _ <<<"${harnesses[$i]}"
    check "$name" "$status" || failed=1
  done
else
  for entry in "${harnesses[@]}"; do
    status=0; run $entry || status=$?
    read -r name _ <<<"$entry"
    check "$name" "$status" || failed=1
  done
fi
exit "$failed"
