#!/usr/bin/env bash
# One issue per late unit (spec §13), through the GitHub REST API with curl and jq; no `gh`.
#
# Usage: scripts/cycle-workflow.sh HOSHIN PLANS [--as-of YYYY-MM-DD]
#
# - Runs `HOSHIN cycle PLANS --format json` for the latest period that has ended.
# - On the day after the deadline (or any day with CYCLE_OPEN=always) it opens an issue
#   for every late unit that has no open one, listing what is missing and the unit's reporters.
# - Every run updates the list in the open issues of units still late, and closes (with a
#   comment) the issues of units that are complete, or that no longer exist, for their period.
#
# Environment: GITHUB_REPOSITORY (owner/name) and GITHUB_TOKEN, as Actions sets them;
# GITHUB_API_URL (default https://api.github.com); CYCLE_LABEL (default hoshin-cycle);
# CYCLE_OPEN=always to open issues on any day a unit is late.
# Issues are recognised by the marker `<!-- hoshin-cycle PERIOD UNIT -->` in their body.
set -euo pipefail

hoshin=${1:?usage: cycle-workflow.sh HOSHIN PLANS [--as-of D]}
plans=${2:?usage: cycle-workflow.sh HOSHIN PLANS [--as-of D]}
shift 2
as_of=()
if [ "${1:-}" = "--as-of" ]; then as_of=(--as-of "${2:?--as-of needs a date}"); fi

api=${GITHUB_API_URL:-https://api.github.com}
repo=${GITHUB_REPOSITORY:?GITHUB_REPOSITORY must be owner/name}
token=${GITHUB_TOKEN:?GITHUB_TOKEN must be set}
label=${CYCLE_LABEL:-hoshin-cycle}

# request METHOD PATH [JSON-BODY]: prints the response body; fails on an HTTP error.
request() {
  local args=(--silent --show-error --fail-with-body -X "$1"
              -H "Authorization: Bearer $token" -H "Accept: application/vnd.github+json"
              -H "X-GitHub-Api-Version: 2022-11-28")
  if [ $# -ge 3 ]; then args+=(-H "Content-Type: application/json" --data-binary "$3"); fi
  curl "${args[@]}" "$api$2"
}

# cycle [PERIOD]: the cycle as JSON (exit 0 whatever the states; 2 stops the script).
cycle() {
  local period=()
  if [ $# -ge 1 ]; then period=(--period "$1"); fi
  "$hoshin" cycle "$plans" --format json "${as_of[@]}" "${period[@]}"
}

# Every open issue with the label, as one JSON array (all pages).
open_issues() {
  local page=1 all='[]' batch
  while :; do
    batch=$(request GET "/repos/$repo/issues?state=open&labels=$label&per_page=100&page=$page")
    all=$(jq -c --argjson a "$all" '$a + .' <<<"$batch")
    [ "$(jq length <<<"$batch")" -lt 100 ] && break
    page=$((page + 1))
  done
  jq -c '[.[] | select(.pull_request == null)]' <<<"$all"
}

current=$(cycle)
period=$(jq -r .period <<<"$current")
deadline=$(jq -r .deadline <<<"$current")
today=$(jq -r .asOf <<<"$current")
day_after=$(date -u -d "$deadline + 1 day" +%F)
echo "period $period, deadline $deadline, as of $today"

issues=$(open_issues)

# Issue body of a unit (a JSON object of the cycle's units) for a period.
body() {
  jq -r --arg period "$1" --arg deadline "$2" '
    "<!-- hoshin-cycle \($period) \(.id) -->\n" +
    "**\(.name)** (`\(.id)`) has reported \(.reported) of \(.expected) for \($period); the deadline was \($deadline).\n\n" +
    "Missing:\n\n" + ([.missing[] | "- [ ] `\(.)`"] | join("\n")) + "\n\n" +
    (if (.reporters | length) > 0 then "Reporters: " + (.reporters | join(", ")) + "\n\n" else "" end) +
    "This issue closes by itself when everything is reported (`hoshin cycle --period \($period)`)."' <<<"$3"
}

# Open or update one issue per late unit of the current period.
while IFS= read -r unit; do
  [ -n "$unit" ] || continue
  id=$(jq -r .id <<<"$unit")
  marker="<!-- hoshin-cycle $period $id -->"
  text=$(body "$period" "$deadline" "$unit")
  number=$(jq -r --arg m "$marker" 'first(.[] | select((.body // "") | startswith($m)) | .number) // empty' <<<"$issues")
  if [ -n "$number" ]; then
    old=$(jq -r --argjson n "$number" '.[] | select(.number == $n) | .body' <<<"$issues")
    if [ "$old" != "$text" ]; then
      request PATCH "/repos/$repo/issues/$number" "$(jq -nc --arg b "$text" '{body: $b}')" >/dev/null
      echo "updated #$number ($id)"
    fi
  elif [ "$today" = "$day_after" ] || [ "${CYCLE_OPEN:-}" = "always" ]; then
    payload=$(jq -nc --arg t "Reports missing for $period: $(jq -r .name <<<"$unit") ($id)" --arg b "$text" \
      --arg l "$label" '{title: $t, body: $b, labels: [$l]}')
    number=$(request POST "/repos/$repo/issues" "$payload" | jq -r .number)
    echo "opened #$number ($id)"
  fi
done < <(jq -c '.units[] | select(.state == "late")' <<<"$current")

# Close the issues of units that are complete for their period (or gone from the plans).
declare -A cycles=()
while IFS= read -r issue; do
  [ -n "$issue" ] || continue
  read -r _ _ issue_period issue_unit _ < <(jq -r '(.body // "") | split("\n")[0]' <<<"$issue") || continue
  [ -n "${issue_unit:-}" ] || continue
  number=$(jq -r .number <<<"$issue")
  if [ -z "${cycles[$issue_period]+set}" ]; then
    cycles[$issue_period]=$(cycle "$issue_period") || cycles[$issue_period]=unreadable
  fi
  if [ "${cycles[$issue_period]}" = unreadable ]; then
    echo "left #$number open: no cycle for $issue_period" >&2
    continue
  fi
  state=$(jq -r --arg u "$issue_unit" 'first(.units[] | select(.id == $u) | .state) // "gone"' <<<"${cycles[$issue_period]}")
  if [ "$state" = "complete" ] || [ "$state" = "gone" ]; then
    note="Everything is reported for $issue_period as of $today."
    [ "$state" = "gone" ] && note="The unit $issue_unit is no longer in the plans."
    request POST "/repos/$repo/issues/$number/comments" "$(jq -nc --arg b "$note" '{body: $b}')" >/dev/null
    request PATCH "/repos/$repo/issues/$number" '{"state":"closed","state_reason":"completed"}' >/dev/null
    echo "closed #$number ($issue_unit)"
  fi
done < <(jq -c '.[] | select((.body // "") | startswith("<!-- hoshin-cycle "))' <<<"$issues")
