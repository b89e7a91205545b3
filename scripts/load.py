#!/usr/bin/env python3
"""Load on a running `hoshin serve`: readers' latency and simultaneous writes.

Usage: scripts/load.py PORT PLANS_DIR UNIT_ID WRITE_UNIT
  20 readers for a while on /units/UNIT_ID and /api/status?unit=UNIT_ID (after a warm-up),
  then 100 simultaneous POST /api/report to 100 activities of WRITE_UNIT's one file.
"""
import http.client
import json
import os
import subprocess
import sys
import threading
import time

PORT = int(sys.argv[1])
PLANS = sys.argv[2]
UNIT = sys.argv[3]
WRITE_UNIT = sys.argv[4]
READERS = 20
REQUESTS_PER_READER = int(os.environ.get("LOAD_REQUESTS", "100"))


def get(connection, path):
    start = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return response.status, (time.perf_counter() - start) * 1000


def percentile(values, p):
    values = sorted(values)
    index = min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))
    return values[index]


def readers(path):
    warm = http.client.HTTPConnection("127.0.0.1", PORT)
    for _ in range(20):
        get(warm, path)
    latencies = []
    errors = []
    lock = threading.Lock()
    barrier = threading.Barrier(READERS)

    def run():
        connection = http.client.HTTPConnection("127.0.0.1", PORT)
        barrier.wait()
        mine = []
        for _ in range(REQUESTS_PER_READER):
            status, ms = get(connection, path)
            if status != 200:
                errors.append(status)
            mine.append(ms)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=run) for _ in range(READERS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    print(f"{path}: {len(latencies)} requests by {READERS} readers in {elapsed:.1f} s "
          f"({len(latencies) / elapsed:.0f}/s); p50 {percentile(latencies, 50):.1f} ms, "
          f"p99 {percentile(latencies, 99):.1f} ms, max {max(latencies):.1f} ms; errors {len(errors)}")
    return percentile(latencies, 99), errors


def writers():
    status_body = json.loads(http_get(f"/api/status?unit={WRITE_UNIT}"))
    refs = []

    def walk(goals):
        for goal in goals:
            for factor in goal.get("successFactors", []):
                refs.extend(a["ref"] for a in factor["activities"])
            refs.extend(a["ref"] for a in goal.get("activities", []))
    walk(status_body["root"]["goals"])
    refs = refs[:100]
    assert len(refs) == 100, f"{WRITE_UNIT} has {len(refs)} activities, not 100"
    results = {}
    barrier = threading.Barrier(len(refs))

    def run(index, ref):
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=600)
        body = json.dumps({"ref": ref, "status": "at-risk", "progress": 50, "note": f"Belastningsprov {index} åäö"})
        barrier.wait()
        connection.request("POST", "/api/report", body=body.encode(), headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        results[ref] = response.status

    threads = [threading.Thread(target=run, args=(i, ref)) for i, ref in enumerate(refs)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    ok = sum(1 for status in results.values() if status == 200)
    text = ""
    for folder, _, names in os.walk(PLANS):
        for name in names:
            if name.endswith(".yaml"):
                content = open(os.path.join(folder, name), encoding="utf-8").read()
                if f"unit: {WRITE_UNIT}\n" in content:
                    text = content
    kept = sum(1 for i in range(len(refs)) if f"note: Belastningsprov {i} åäö\n" in text)
    print(f"100 simultaneous POST /api/report to one file: {ok} answered 200, {kept} kept in the file, in {elapsed:.1f} s")
    return ok == 100 and kept == 100 and commits_kept(refs)


def commits_kept(refs):
    """With git on: one commit a write, each holding only the one file and its own activity."""
    if not os.path.isdir(os.path.join(PLANS, ".git")):
        return True
    log = subprocess.run(["git", "-C", PLANS, "log", f"--grep=^{WRITE_UNIT}: report", "--format=@@%s", "-p",
                          "--unified=0"], capture_output=True, text=True, check=True).stdout
    commits = [c for c in log.split("@@" + WRITE_UNIT + ": report")[1:]]
    files = set()
    activities = set()
    for commit in commits:
        for line in commit.splitlines():
            if line.startswith("+++ b/"):
                files.add(line[6:])
            if line.startswith("+") and "note: Belastningsprov" in line:
                activities.add(line)
    one_each = all(commit.count("note: Belastningsprov") == 1 for commit in commits)
    print(f"git: {len(commits)} commits by the writes, touching {sorted(files)}; "
          f"{len(activities)} distinct notes, one a commit: {one_each}")
    return len(commits) == len(refs) and len(files) == 1 and len(activities) == len(refs) and one_each


def http_get(path):
    connection = http.client.HTTPConnection("127.0.0.1", PORT)
    connection.request("GET", path)
    return connection.getresponse().read()


def main():
    p99_page, errors_page = readers(f"/units/{UNIT}")
    p99_api, errors_api = readers(f"/api/status?unit={UNIT}")
    kept = writers() if os.environ.get("LOAD_SKIP_WRITES") != "1" else True
    good = p99_page <= 50 and p99_api <= 50 and not errors_page and not errors_api and kept
    print("PASS" if good else "FAIL")
    sys.exit(0 if good else 1)


if __name__ == "__main__":
    main()
