#!/usr/bin/env bash
# Proves scripts/cycle-workflow.sh (the steps of docs/cycle.md's workflow) against a fake
# GitHub REST API on loopback that records every request, on a copy of the monthly
# cycle fixture (period 2026-05, deadline 2026-06-10).
#
# Usage: scripts/test-cycle-workflow.sh PATH/TO/hoshin
# Ends with a line 'N passed, M failed'; exits 1 when anything failed.
set -euo pipefail
hoshin=$(cd "$(dirname "${1:?usage: test-cycle-workflow.sh PATH/TO/hoshin}")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cp -R "$root/Tests/Fixtures/cycle/monthly/plans" "$work/plans"

# The fake API: open and closed issues in memory, every request appended to requests.jsonl.
cat > "$work/fake_api.py" <<'PY'
import json, sys, urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer

folder = sys.argv[1]
issues = [
    {"number": 1, "title": "Someone else's issue", "body": "not ours", "state": "open", "labels": [{"name": "hoshin-cycle"}]},
    {"number": 2, "title": "A pull request", "body": "<!-- hoshin-cycle 2026-05 sen -->", "state": "open",
     "labels": [{"name": "hoshin-cycle"}], "pull_request": {"url": "x"}},
]

class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def record(self, body):
        with open(f"{folder}/requests.jsonl", "a") as log:
            log.write(json.dumps({"method": self.command, "path": self.path, "body": body,
                                  "auth": self.headers.get("Authorization")}) + "\n")

    def reply(self, status, value):
        data = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(length) or b"null")

    def do_GET(self):
        self.record(None)
        url = urllib.parse.urlparse(self.path)
        query = urllib.parse.parse_qs(url.query)
        if url.path != "/repos/region/plans/issues":
            return self.reply(404, {"message": "Not Found"})
        label = query.get("labels", [""])[0]
        found = [i for i in issues if i["state"] == query.get("state", ["open"])[0]
                 and any(l["name"] == label for l in i["labels"])]
        page, size = int(query.get("page", ["1"])[0]), int(query.get("per_page", ["30"])[0])
        self.reply(200, found[(page - 1) * size: page * size])

    def do_POST(self):
        body = self.body()
        self.record(body)
        parts = urllib.parse.urlparse(self.path).path.split("/")
        if parts[1:5] == ["repos", "region", "plans", "issues"] and len(parts) == 5:
            issue = {"number": max(i["number"] for i in issues) + 1, "title": body["title"], "body": body["body"],
                     "state": "open", "labels": [{"name": n} for n in body.get("labels", [])]}
            issues.append(issue)
            return self.reply(201, issue)
        if len(parts) == 7 and parts[6] == "comments":
            return self.reply(201, {"id": 1, "body": body["body"]})
        self.reply(404, {"message": "Not Found"})

    def do_PATCH(self):
        body = self.body()
        self.record(body)
        number = int(urllib.parse.urlparse(self.path).path.split("/")[-1])
        for issue in issues:
            if issue["number"] == number:
                issue.update({k: v for k, v in body.items() if k in ("body", "state", "title")})
                return self.reply(200, issue)
        self.reply(404, {"message": "Not Found"})

server = HTTPServer(("127.0.0.1", 0), Handler)
with open(f"{folder}/port", "w") as out:
    out.write(str(server.server_port))
server.serve_forever()
PY
python3 "$work/fake_api.py" "$work" &
server_pid=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || { echo "the fake API did not start"; exit 1; }

export GITHUB_API_URL="http://127.0.0.1:$(cat "$work/port")" GITHUB_REPOSITORY=region/plans GITHUB_TOKEN=test-token
unset CYCLE_OPEN CYCLE_LABEL

passed=0
failed=0
check() {   # check NAME COMMAND...: passes when the command succeeds
  local name=$1; shift
  if "$@" > /dev/null; then passed=$((passed + 1)); echo "ok      $name"
  else failed=$((failed + 1)); echo "FAILED  $name"; fi
}
run() {     # run DATE: one workflow run at that date; requests of this run in $work/run.jsonl
  : > "$work/requests.jsonl"
  "$root/scripts/cycle-workflow.sh" "$hoshin" "$work/plans" --as-of "$1" > "$work/out.txt"
  cp "$work/requests.jsonl" "$work/run.jsonl"
}
writes() {  # writes METHOD PATH-SUFFIX: the number of such requests in the last run
  jq -s --arg m "$1" --arg p "$2" '[.[] | select(.method == $m and (.path | endswith($p)))] | length' "$work/run.jsonl"
}

# The deadline day itself: units are open, not late; nothing is opened.
run 2026-06-10
check "deadline day: only reads" test "$(jq -s '[.[] | select(.method != "GET")] | length' "$work/run.jsonl")" = 0
check "every request carries the token" test "$(jq -s '[.[] | select(.auth != "Bearer test-token")] | length' "$work/run.jsonl")" = 0

# The day after: one issue per late unit (region and sen), with what is missing.
run 2026-06-11
check "day after: two issues opened" test "$(writes POST /repos/region/plans/issues)" = 2
check "region's issue lists its missing refs" jq -se '
  [.[] | select(.method == "POST") | .body | select(.body | startswith("<!-- hoshin-cycle 2026-05 region -->"))]
  | length == 1 and (.[0].body | contains("- [ ] `region/ledtid`\n- [ ] `region/gammal`\n- [ ] `region/slutdag`"))
  and (.[0].labels == ["hoshin-cycle"]) and (.[0].body | contains("kvalitet@exempel.se"))' "$work/run.jsonl"
check "sen's issue names its reporters" jq -se '
  [.[] | select(.method == "POST") | .body.body | select(startswith("<!-- hoshin-cycle 2026-05 sen -->"))]
  | length == 1 and (.[0] | contains("chef@exempel.se")) and (.[0] | contains("`sen/besok`"))' "$work/run.jsonl"
check "complete units get no issue" test "$(grep -c 'hoshin-cycle 2026-05 tom\|utan-indikatorer' "$work/run.jsonl" || true)" = 0

# The next day, nothing changed: no new issue, no edit.
run 2026-06-12
check "a second run changes nothing" test "$(jq -s '[.[] | select(.method != "GET")] | length' "$work/run.jsonl")" = 0

# sen reports everything, region one of its three: sen's issue closes, region's is updated.
"$hoshin" measure sen/besok 2026-05 75 --plans "$work/plans" > /dev/null
"$hoshin" report sen/tidbok --plans "$work/plans" --status on-track --date 2026-06-12 > /dev/null
"$hoshin" measure region/ledtid 2026-05 4 --plans "$work/plans" > /dev/null
run 2026-06-13
check "sen's issue gets a comment" test "$(writes POST /issues/4/comments)" = 1
check "sen's issue is closed" jq -se '[.[] | select(.method == "PATCH" and (.path | endswith("/issues/4")))] | .[0].body.state == "closed"' "$work/run.jsonl"
check "region's issue is updated, not reopened" jq -se '
  [.[] | select(.method == "PATCH" and (.path | endswith("/issues/3")))] | length == 1
  and (.[0].body.body | contains("`region/gammal`")) and (.[0].body.body | contains("region/ledtid") | not)' "$work/run.jsonl"
check "no issue opened after the day after" test "$(writes POST /repos/region/plans/issues)" = 0
check "someone else's issue and the pull request are untouched" test \
  "$(jq -s '[.[] | select(.method != "GET" and (.path | test("/issues/[12]($|/)")))] | length' "$work/run.jsonl")" = 0

# A month later the default period is 2026-06; the 2026-05 issue is still judged for 2026-05.
"$hoshin" report region/gammal --plans "$work/plans" --status at-risk --date 2026-06-20 > /dev/null
"$hoshin" report region/slutdag --plans "$work/plans" --status on-track --date 2026-06-20 > /dev/null
run 2026-07-05
check "region closes when 2026-05 is complete" jq -se '[.[] | select(.method == "PATCH" and (.path | endswith("/issues/3")))] | .[0].body.state == "closed"' "$work/run.jsonl"

# CYCLE_OPEN=always opens issues on any late day (here: 2026-06's late units on 2026-07-11).
: > "$work/requests.jsonl"
CYCLE_OPEN=always "$root/scripts/cycle-workflow.sh" "$hoshin" "$work/plans" --as-of 2026-07-11 > "$work/out.txt"
cp "$work/requests.jsonl" "$work/run.jsonl"
check "CYCLE_OPEN=always opens for the late units of 2026-06" jq -se '
  [.[] | select(.method == "POST" and (.path | endswith("/issues"))) | .body.body | split("\n")[0]] | length > 0
  and all(startswith("<!-- hoshin-cycle 2026-06 "))' "$work/run.jsonl"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
