#!/usr/bin/env python3
"""Round trip of a reporting sheet through openpyxl, as a unit manager's spreadsheet leaves it.

Exports kardiologi's and region's sheets with the built binary, then edits them as people do
in Excel: 85 % typed in a percent cell (stored as 0.85) for progress and for a "%" indicator,
a date typed in `updated` (a date cell) and in `period`, a number stored as text, a row
appended below a blank row and free text, and the English key row deleted so that the label
row is the header. Imports each and checks that every cell imports as the person meant.

Usage: scripts/sheet-roundtrip.py HOSHIN_BINARY [--save-fixture PATH]
(run by .ci/run; needs openpyxl).
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(binary, *arguments):
    result = subprocess.run([binary, *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"hoshin {' '.join(arguments)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result.stdout


def column(ws, key):
    for cell in ws[1]:
        if cell.value == key:
            return cell.column
    sys.exit(f"no column {key}")


def row_of(ws, ref, period=None):
    ref_column, period_column = column(ws, "ref"), column(ws, "period")
    for row in range(3, ws.max_row + 1):
        if ws.cell(row, ref_column).value == ref and (period is None or ws.cell(row, period_column).value == period):
            return row
    sys.exit(f"no row for {ref} {period or ''}")


def expect(condition, message):
    if not condition:
        sys.exit("sheet round trip: " + message)


def main():
    binary = sys.argv[1]
    fixture = sys.argv[sys.argv.index("--save-fixture") + 1] if "--save-fixture" in sys.argv else None
    work = tempfile.mkdtemp(prefix="hoshin-roundtrip-")
    try:
        plans = os.path.join(work, "plans")
        shutil.copytree(os.path.join(ROOT, "plans"), plans)
        path = os.path.join(work, "kardiologi.xlsx")
        run(binary, "sheet", "export", "kardiologi", "--plans", plans, "--as-of", "2026-10-31", "--output", path)

        wb = openpyxl.load_workbook(path)
        ws = wb["Rapport"]
        fallrutin = row_of(ws, "kardiologi/fallrutin")
        progress = ws.cell(fallrutin, column(ws, "progress"))
        progress.value, progress.number_format = 0.85, "0%"                  # 85 % typed
        updated = ws.cell(fallrutin, column(ws, "updated"))
        updated.value, updated.number_format = datetime.date(2026, 11, 3), "yyyy-mm-dd"
        text_number = ws.cell(row_of(ws, "kardiologi/fallskador", "2026-02"), column(ws, "value"))
        text_number.value, text_number.data_type = "7", "s"                   # a number stored as text
        # A blank row, free text, then a row appended below with a date typed as its period.
        free = ws.max_row + 2
        ws.cell(free, 1).value = "Kommentar från enheten: se bilaga"
        appended = free + 2
        ws.cell(appended, column(ws, "type")).value = "measurement"
        ws.cell(appended, column(ws, "ref")).value = "kardiologi/eko-vantetid"
        period = ws.cell(appended, column(ws, "period"))
        period.value, period.number_format = datetime.date(2026, 11, 15), "yyyy-mm-dd"
        ws.cell(appended, column(ws, "value")).value = 18
        ws.delete_rows(1)                                                     # the label row is the header
        wb.save(path)
        if fixture:
            shutil.copyfile(path, fixture)
        print(run(binary, "sheet", "import", path, "--plans", plans, "--date", "2026-11-05"), end="")

        with open(os.path.join(plans, "medicinsk-vard", "kardiologi.yaml"), encoding="utf-8") as handle:
            plan = yaml.safe_load(handle)
        activities = {a["id"]: a for g in plan["goals"] for f in g.get("success_factors", []) for a in f.get("activities", [])}
        indicators = {i["id"]: i for g in plan["goals"] for i in g.get("indicators", [])}
        expect(activities["fallrutin"]["progress"] == 85, f"progress {activities['fallrutin'].get('progress')!r}, not 85")
        expect(str(activities["fallrutin"]["updated"]) == "2026-11-03", f"updated {activities['fallrutin'].get('updated')!r}")
        expect(indicators["fallskador"]["measurements"]["2026-02"] == 7, "the text number 7 was not imported")
        expect(indicators["eko-vantetid"]["measurements"].get("2026-11") == 18, "the appended row was not imported")

        # A percent cell for an indicator whose unit is "%".
        region = os.path.join(work, "region.xlsx")
        run(binary, "sheet", "export", "region", "--plans", plans, "--as-of", "2026-10-31", "--output", region)
        wb = openpyxl.load_workbook(region)
        ws = wb["Rapport"]
        cell = ws.cell(row_of(ws, "region/vantande-60", "2026-10"), column(ws, "value"))
        cell.value, cell.number_format = 0.85, "0%"
        wb.save(region)
        print(run(binary, "sheet", "import", region, "--plans", plans, "--date", "2026-11-05"), end="")
        with open(os.path.join(plans, "region.yaml"), encoding="utf-8") as handle:
            plan = yaml.safe_load(handle)
        indicators = {i["id"]: i for g in plan["goals"] for i in g.get("indicators", [])}
        expect(indicators["vantande-60"]["measurements"]["2026-10"] == 85, "85 % in a percent cell is not 85")

        # An untouched re-save by openpyxl imports as no change.
        untouched = os.path.join(work, "untouched.xlsx")
        run(binary, "sheet", "export", "kardiologi", "--plans", plans, "--as-of", "2026-10-31", "--output", untouched)
        openpyxl.load_workbook(untouched).save(untouched)
        out = run(binary, "sheet", "import", untouched, "--plans", plans, "--date", "2026-11-05")
        expect(out.startswith(("no changes", "inga ändringar", "ingen ændringer")), "an untouched re-saved sheet changed something:\n" + out)
        print("sheet round trip through openpyxl: every cell imported as meant")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
