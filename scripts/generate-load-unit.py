#!/usr/bin/env python3
"""Adds to a generated benchmark repository one unit, `belastning`, with 100 activities
in one file under the root: the target of the load test's 100 simultaneous writes."""
import os
import re
import sys

plans = sys.argv[1]
root = None
for name in sorted(os.listdir(plans)):
    if name.endswith(".yaml") and name != "hoshin.yaml":
        text = open(os.path.join(plans, name), encoding="utf-8").read()
        if not re.search(r"^parent:", text, re.M):
            root = re.search(r"^unit:\s*(\S+)", text, re.M).group(1)
            goal = re.search(r"^  - id:\s*(\S+)", text, re.M).group(1)
            break
lines = ["unit: belastning", "name: Belastningsenheten", f"parent: {root}", "goals:",
         "  - id: belastningsmal", "    title: Mål för belastningsprovet", f"    supports: [{root}/{goal}]",
         "    success_factors:", "      - id: faktor", "        title: Framgångsfaktor", "        activities:"]
for index in range(100):
    lines += [f"          - id: aktivitet-{index:03d}", f"            title: Aktivitet nummer {index}",
              "            status: on-track", "            progress: 10", "            updated: 2026-10-01"]
with open(os.path.join(plans, "belastning.yaml"), "w", encoding="utf-8") as handle:
    handle.write("\n".join(lines) + "\n")
