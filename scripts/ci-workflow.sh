#!/usr/bin/env bash
# Runs the shell steps of the GitHub Actions workflow in docs/ci.md locally, as written,
# on a copy of plans/ in a scratch git repository with a simulated pull request of two
# commits, against a stand-in for the GitHub API on localhost; then checks the outcome.
#
# Usage: scripts/ci-workflow.sh PATH/TO/hoshin
# Needs: bash, git, curl, jq, python3 with PyYAML (.ci/run installs what is missing).
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 PATH/TO/hoshin" >&2; exit 2; }
HOSHIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[ -x "$HOSHIN" ] || { echo "not an executable: $1" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hoshin-ci-workflow.XXXXXX")
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# The workflow: the yaml block after the marker in docs/ci.md.
python3 - "$ROOT/docs/ci.md" "$WORK/plans.yml" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
start = text.index("<!-- workflow:")
block = text[text.index("```yaml\n", start) + len("```yaml\n"):]
open(sys.argv[2], "w", encoding="utf-8").write(block[:block.index("\n```")] + "\n")
PY

# A scratch plan repository: plans/ on main, then a pull-request branch of two commits.
REPO="$WORK/repo"
mkdir -p "$REPO" "$WORK/home"
export HOME="$WORK/home" GIT_CONFIG_GLOBAL="$WORK/home/.gitconfig" GIT_CONFIG_NOSYSTEM=1
git -C "$REPO" init -q -b main
git -C "$REPO" config user.name "Kvalitetsavdelningen"
git -C "$REPO" config user.email "kvalitet@example.org"
cp -R "$ROOT/plans" "$REPO/plans"
git -C "$REPO" add -A && git -C "$REPO" commit -qm "Plans 2026" --date "2026-10-01T12:00:00"
BASE_SHA=$(git -C "$REPO" rev-parse HEAD)
git -C "$REPO" checkout -q -b kardiologi-oktober
(cd "$REPO" && "$HOSHIN" report kardiologi/fallrutin --status done --progress 100 \
   --note "Rutinen införd på alla avdelningar." --date 2026-10-20 > /dev/null)
git -C "$REPO" commit -qam "Kardiologi: fallrutinen klar" --date "2026-10-20T12:00:00"
(cd "$REPO" && "$HOSHIN" measure kardiologi/fallskador 2026-10 1 > /dev/null)
git -C "$REPO" commit -qam "Kardiologi: fall i oktober" --date "2026-10-21T12:00:00"
HEAD_SHA=$(git -C "$REPO" rev-parse HEAD)

# A stand-in for the GitHub REST API: records every request, keeps comments in memory.
PORT_FILE="$WORK/port"
python3 - "$WORK/api.jsonl" "$PORT_FILE" <<'PY' &
import http.server, json, sys
log, port_file = sys.argv[1], sys.argv[2]
comments = []
class API(http.server.BaseHTTPRequestHandler):
    def record(self, body):
        with open(log, "a", encoding="utf-8") as f:
            f.write(json.dumps({"method": self.command, "path": self.path,
                                "auth": self.headers.get("Authorization"), "body": body}) + "\n")
    def reply(self, status, value):
        data = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def do_GET(self):
        self.record(None)
        self.reply(200, comments)
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.record(body)
        comments.append({"id": len(comments) + 1, "body": body["body"]})
        self.reply(201, comments[-1])
    def do_PATCH(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.record(body)
        ident = int(self.path.rsplit("/", 1)[1])
        comments[ident - 1]["body"] = body["body"]
        self.reply(200, comments[ident - 1])
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), API)
open(port_file, "w").write(str(server.server_port))
server.serve_forever()
PY
SERVER_PID=$!
for _ in $(seq 50); do [ -s "$PORT_FILE" ] && break; sleep 0.1; done
[ -s "$PORT_FILE" ] || { echo "FAILED: the stand-in API did not start" >&2; exit 1; }
API_URL="http://127.0.0.1:$(cat "$PORT_FILE")"

# Runs the workflow's steps as GitHub would for a pull_request event; $1 names the run,
# further arguments are KEY=VALUE overrides of a step env value (COMMENT_LIMIT=2000).
run_workflow() {
  local name=$1; shift
  python3 - "$WORK/plans.yml" "$REPO" "$HOSHIN" "$API_URL" "$BASE_SHA" "$HEAD_SHA" "$WORK/$name" "$@" <<'PY'
import os, re, subprocess, sys, yaml
workflow_file, repo, hoshin, api, base, head, out = sys.argv[1:8]
overrides = dict(arg.split("=", 1) for arg in sys.argv[8:])
os.makedirs(out, exist_ok=True)
workflow = yaml.safe_load(open(workflow_file, encoding="utf-8"))
job = workflow["jobs"]["check"]
assert job["container"].startswith("swift:"), "the workflow names a swift container"
assert workflow["defaults"]["run"]["shell"] == "bash"
context = {
    "github.token": "ghs_stand-in-token", "github.event_name": "pull_request",
    "github.event.pull_request.number": "7", "github.event.pull_request.base.sha": base,
    "github.event.pull_request.head.sha": head, "github.server_url": "https://github.example",
    "github.repository": "region/plans", "github.run_id": "4242", "vars.HOSHIN_SARIF": "",
}
def expand(text):
    return re.sub(r"\$\{\{\s*([\w.]+)\s*\}\}", lambda m: context[m.group(1)], str(text))
def condition(expression, failed):
    if expression is None:
        return not failed
    expression = expand(expression) if "${{" in str(expression) else str(expression)
    expression = expression.replace("always()", "True").replace("&&", " and ").replace("||", " or ")
    expression = re.sub(r"\b(github\.[\w.]+|vars\.\w+)", lambda m: repr(context.get(m.group(1), "")), expression)
    return bool(eval(expression, {"__builtins__": {}}, {"True": True}))
path_file = os.path.join(out, "github_path")
open(path_file, "w").close()
extra_path = [os.path.dirname(hoshin)]
failed = False
for index, step in enumerate(job["steps"]):
    name = step.get("name") or step.get("uses")
    if not condition(step.get("if"), failed):
        print(f"  skip   {name}")
        continue
    if "uses" in step:
        action = step["uses"].split("@")[0]
        if action == "actions/upload-artifact":
            path = os.path.join(repo, step["with"]["path"])
            ok = os.path.isfile(path) and os.path.getsize(path) > 0
            print(f"  {'ok' if ok else 'FAILED'}     {name}: {step['with']['path']}")
            failed = failed or not ok
        else:
            print(f"  stand  {name}")
        continue
    if name == "Build hoshin":
        print(f"  stand  {name}: {hoshin}")
        continue
    env = dict(os.environ)
    env.update({"GITHUB_WORKSPACE": repo, "GITHUB_PATH": path_file, "GITHUB_API_URL": api,
                "GITHUB_REPOSITORY": "region/plans", "GITHUB_EVENT_NAME": "pull_request", "CI": "true"})
    env.update({key: expand(value) for key, value in (step.get("env") or {}).items()})
    env.update({key: value for key, value in overrides.items() if key in (step.get("env") or {})})
    env["PATH"] = ":".join(extra_path + [line.strip() for line in open(path_file) if line.strip()]) + ":" + env["PATH"]
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                            cwd=repo, env=env, capture_output=True, text=True)
    open(os.path.join(out, f"step{index}.out"), "w").write(result.stdout + result.stderr)
    print(f"  {'ok' if result.returncode == 0 else 'FAILED'}     {name} (exit {result.returncode})")
    if result.returncode != 0:
        failed = True
        sys.stdout.write("".join("    | " + line + "\n" for line in (result.stdout + result.stderr).splitlines()[-20:]))
sys.exit(1 if failed else 0)
PY
}

status=0
check() { if eval "$2"; then echo "ok      $1"; else echo "FAILED  $1"; status=1; fi; }

git -C "$REPO" checkout -q "$HEAD_SHA"
echo "run 1: the pull request"
run_workflow run1 || status=1
check "the status report artifact was written" "[ -s '$REPO/status.html' ] && grep -q 'Kardiologiska kliniken' '$REPO/status.html'"
check "one comment was posted, with the token" "[ \$(grep -c '\"method\": \"POST\"' '$WORK/api.jsonl') -eq 1 ] && grep -q 'Bearer ghs_stand-in-token' '$WORK/api.jsonl'"
jq -r 'select(.method == "POST") | .body.body' "$WORK/api.jsonl" > "$WORK/comment1.md"
chars=$(python3 -c 'import sys; print(len(open(sys.argv[1], encoding="utf-8").read()))' "$WORK/comment1.md")
check "the comment is under 65 536 characters ($chars)" "[ $chars -gt 0 ] && [ $chars -lt 65536 ]"
check "the comment holds the validation summary" "grep -q '^Validation: 0 errors' '$WORK/comment1.md'"
check "the comment holds the diff of the change" "grep -q 'fallrutin\\|Fallrutin\\|fall' '$WORK/comment1.md' && ! grep -q 'No status diff' '$WORK/comment1.md'"
check "the comment links the run" "grep -q 'https://github.example/region/plans/actions/runs/4242' '$WORK/comment1.md'"

echo "run 2: a later push updates the comment"
run_workflow run2 || status=1
check "the comment was updated in place, not posted again" "[ \$(grep -c '\"method\": \"POST\"' '$WORK/api.jsonl') -eq 1 ] && [ \$(grep -c '\"method\": \"PATCH\"' '$WORK/api.jsonl') -eq 1 ]"

echo "run 3: a comment over the limit is cut with a note"
run_workflow run3 COMMENT_LIMIT=300 || status=1
jq -r 'select(.method == "PATCH") | .body.body' "$WORK/api.jsonl" | tail -n 3 > "$WORK/comment3.md"
check "the cut comment ends with the note" "grep -q 'cut here' '$WORK/comment3.md'"
last=$(jq -r 'select(.method == "PATCH") | .body.body | length' "$WORK/api.jsonl" | tail -n 1)
check "the cut comment is within the limit plus the note ($last)" "[ $last -lt 400 ]"

echo "run 4: a pull request that breaks a file fails validation, still reports"
printf 'unit: kardiologi\nname: Kardiologiska kliniken: Ryhov\n' > "$REPO/plans/medicinsk-vard/kardiologi.yaml"
if run_workflow run4 > "$WORK/run4.log"; then status=1; echo "FAILED  run 4 should fail"; fi
check "validation failed with an annotation at the mistake" "grep -q '::error file=plans/medicinsk-vard/kardiologi.yaml,line=2,col=' '$WORK/run4/step1.out' 2>/dev/null || grep -rq '::error file=plans/medicinsk-vard/kardiologi.yaml,line=2' '$WORK/run4'"
check "the status report was still written, naming the broken file" "grep -q 'kardiologi.yaml' '$REPO/status.html'"

[ $status -eq 0 ] && echo "ci-workflow: all checks passed" || echo "ci-workflow: FAILED"
exit $status
