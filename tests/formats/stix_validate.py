#!/usr/bin/env python3
"""Validates STIX 2.1 bundles with the OASIS stix2-validator.

Usage: stix_validate.py FILE...

Prints one JSON object: {FILE: {"valid": bool, "errors": [...], "warnings": [...]}}
and exits 0 when every file has no errors (warnings are reported, not judged;
the caller decides which it accepts). Exits 2 when the validator is missing.
"""
import json
import sys

try:
    from stix2validator import ValidationOptions, validate_file
except ImportError:  # pragma: no cover - reported to the Rust test
    print("stix2-validator is not installed; run scripts/setup", file=sys.stderr)
    sys.exit(2)


def main(paths):
    out = {}
    ok = True
    for path in paths:
        # Every check on, strict about nothing beyond the defaults: MUST
        # violations are errors, SHOULD violations warnings.
        result = validate_file(path, ValidationOptions(version="2.1"))
        errors, warnings = [], []
        for obj in result.object_results:
            errors += [str(e) for e in obj.errors]
            warnings += [str(w) for w in obj.warnings]
        if getattr(result, "fatal", None):
            errors.append(str(result.fatal))
        out[path] = {"valid": bool(result.is_valid), "errors": errors, "warnings": warnings}
        ok = ok and result.is_valid and not errors
    json.dump(out, sys.stdout, indent=2)
    print()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
