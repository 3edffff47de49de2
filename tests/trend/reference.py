#!/usr/bin/env python3
"""Recomputes a series trend with established implementations.

Usage: reference.py FILE, where FILE holds {"x": [...], "y": [...]}: the
points a jointwatch series trend used, in time order, with their real x.

Prints one JSON object with pymannkendall.original_test(y)'s S, Var(S), Z, p
and Tau, and scipy.stats.theilslopes(y, x)'s slope and intercept. Exits 2
when pymannkendall or scipy is missing (scripts/setup installs both).
"""
import json
import sys

try:
    import pymannkendall
    import scipy
    from scipy.stats import theilslopes
except ImportError:  # pragma: no cover - reported to the Rust test
    print("pymannkendall or scipy is not installed; run scripts/setup", file=sys.stderr)
    sys.exit(2)


def main(path):
    with open(path) as f:
        data = json.load(f)
    x, y = data["x"], data["y"]
    mk = pymannkendall.original_test(y)
    ts = theilslopes(y, x)
    print(json.dumps({
        "pymannkendall": pymannkendall.__version__,
        "scipy": scipy.__version__,
        "s": float(mk.s),
        "varS": float(mk.var_s),
        "z": float(mk.z),
        "p": float(mk.p),
        "tau": float(mk.Tau),
        "trend": mk.trend,
        "senSlope": float(ts.slope),
        "senIntercept": float(ts.intercept),
    }))


if __name__ == "__main__":
    main(sys.argv[1])
