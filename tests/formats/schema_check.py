#!/usr/bin/env python3
"""Checks JSON documents against the published JSON Schema with the Python
`jsonschema` package (Draft 2020-12), an implementation independent of the
Rust code that generated the schema.

Usage: schema_check.py SCHEMA FILE...

Prints one JSON object: {FILE: {"accepted": bool, "reason": str}}. A file
that is not JSON at all counts as not accepted. Exits 2 when jsonschema is
missing or the schema itself is not a valid Draft 2020-12 schema.
"""
import json
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:  # pragma: no cover - reported to the Rust test
    print("jsonschema is not installed; run scripts/setup", file=sys.stderr)
    sys.exit(2)


def main(schema_path, paths):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    try:
        Draft202012Validator.check_schema(schema)
    except Exception as e:  # the schema itself is broken
        print(f"invalid schema: {e}", file=sys.stderr)
        return 2
    validator = Draft202012Validator(schema)
    out = {}
    for path in paths:
        try:
            # utf-8-sig: a byte-order mark is allowed, as the library allows it.
            with open(path, encoding="utf-8-sig") as f:
                doc = json.load(f)
        except (ValueError, UnicodeDecodeError) as e:
            out[path] = {"accepted": False, "reason": f"not JSON: {e}"}
            continue
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        if errors:
            first = errors[0]
            where = "/".join(str(p) for p in first.absolute_path)
            out[path] = {"accepted": False, "reason": f"{where}: {first.message}"[:300]}
        else:
            out[path] = {"accepted": True, "reason": ""}
    json.dump(out, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
