#!/usr/bin/env python3
"""Beyond one process: the benchmark's fiscal-year x participant re-aggregation at scale.

For each size: jointwatch native on the JSON document (load + validate + query, one process; up to
--json-max), and on the dataset generated in memory (the query alone; up to --held-max); the
conversion to Parquet (`jointwatch convert --to parquet` from JSON, and `gen --parquet`, which
streams the generated records in chunks); DuckDB and Spark (local mode) on the Parquet tables,
with the SQL of docs/parquet.md. Every step runs in a child process, timed on the wall clock, with
its peak resident memory (the JVM's own for Spark). Writes JSON for bench/scale-report.mjs.

Usage: bench/scale.py --data DIR --bin-dir DIR --sizes 1M,10M --out FILE [--quick]
       [--json-max 1M] [--held-max 10M] [--no-spark]
Called by scripts/bench (which builds the release binaries); see docs/parquet.md.
"""

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

import parquet_sql  # bench/parquet_sql.py, beside this script: the SQL of docs/parquet.md

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def size_of(text):
    m = re.fullmatch(r"(\d+)([kKmM]?)", text.strip())
    if not m:
        raise SystemExit(f"scale: {text!r} is not a size (try 1k, 1M or 10M)")
    return int(m.group(1)) * {"": 1, "k": 1_000, "K": 1_000, "m": 1_000_000, "M": 1_000_000}[m.group(2)]


def doc_sql(engine, query):
    try:
        return parquet_sql.doc_sql(engine, query)
    except LookupError as e:
        raise SystemExit(f"scale: {e}")


def run_measured(args):
    """Runs a child; returns (wall seconds, the child's peak resident MB from wait4, stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} exited with {proc.returncode}")
    return seconds, usage.ru_maxrss / 1024.0, out


def dir_mb(path):
    total = 0
    for name in os.listdir(path):
        total += os.path.getsize(os.path.join(path, name))
    return total / 1e6


# ------------------------------------------------------------------- children


def child_duckdb(parquet_dir, repeats):
    import duckdb

    sql = doc_sql("duckdb", "fiscal-year-participant")
    start = time.perf_counter()
    con = duckdb.connect()
    for t in ["records", "participants"]:
        con.execute(f"CREATE VIEW {t} AS SELECT * FROM read_parquet('{parquet_dir}/{t}.parquet')")
    setup = time.perf_counter() - start
    runs, points = [], 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        points = len(con.execute(sql).fetchall())
        runs.append(time.perf_counter() - t0)
    print(json.dumps({"setup": setup, "runs": runs, "points": points, "version": duckdb.__version__}))


def child_spark(parquet_dir, repeats):
    from pyspark.sql import SparkSession
    import pyspark

    sql = doc_sql("spark", "fiscal-year-participant")
    start = time.perf_counter()
    spark = (SparkSession.builder.master("local[*]").appName("jointwatch-scale")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.memory", os.environ.get("JW_SPARK_DRIVER_MEMORY", "4g"))
             .config("spark.sql.session.timeZone", "UTC").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    startup = time.perf_counter() - start
    t0 = time.perf_counter()
    for t in ["records", "participants"]:
        spark.read.parquet(f"{parquet_dir}/{t}.parquet").createOrReplaceTempView(t)
    setup = time.perf_counter() - t0
    runs, points = [], 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        points = len(spark.sql(sql).collect())
        runs.append(time.perf_counter() - t0)
    jvm_peak = None
    try:
        pid = spark.sparkContext._jvm.java.lang.ProcessHandle.current().pid()
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    jvm_peak = int(line.split()[1]) / 1024.0
    except Exception:  # noqa: BLE001 - the JVM's memory is extra information
        pass
    spark.stop()
    print(json.dumps({"startup": startup, "setup": setup, "runs": runs, "points": points,
                      "jvm_peak_mb": jvm_peak, "version": pyspark.__version__}))


# ---------------------------------------------------------------------- main


def median(xs):
    return statistics.median(xs) if xs else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True)
    ap.add_argument("--bin-dir", required=True)
    ap.add_argument("--sizes", default="1M,10M")
    ap.add_argument("--out", required=True)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--json-max", default="1M", help="largest size measured on a JSON document")
    ap.add_argument("--held-max", default="10M", help="largest size generated in memory for the native query")
    ap.add_argument("--no-spark", action="store_true")
    ap.add_argument("--child", choices=["duckdb", "spark"], help=argparse.SUPPRESS)
    ap.add_argument("--dir", help=argparse.SUPPRESS)
    ap.add_argument("--repeats", type=int, default=3, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child == "duckdb":
        return child_duckdb(a.dir, a.repeats)
    if a.child == "spark":
        return child_spark(a.dir, a.repeats)

    jw = os.path.join(a.bin_dir, "jointwatch")
    gen = os.path.join(a.bin_dir, "gen")
    os.makedirs(a.data, exist_ok=True)
    workload = os.path.join(a.data, "workload.json")
    if not os.path.exists(workload):
        subprocess.run([gen, "0", os.path.join(a.data, "empty.json"), "--workload", workload], check=True,
                       stderr=subprocess.DEVNULL)
    with open(workload, encoding="utf-8") as f:
        query = json.load(f)["seriesQuery"]
    query_file = os.path.join(a.data, "scale-query.json")
    with open(query_file, "w", encoding="utf-8") as f:
        json.dump(query, f)
    repeats = 1 if a.quick else 3
    json_max, held_max = size_of(a.json_max), size_of(a.held_max)
    results = {"command": " ".join(sys.argv), "quick": a.quick, "python": platform.python_version(),
               "cpus": os.cpu_count(), "repeats": repeats, "sizes": []}

    for label in [s for s in re.split(r"[,\s]+", a.sizes) if s]:
        n = size_of(label)
        rows = []
        entry = {"label": label, "records": n, "rows": rows}
        results["sizes"].append(entry)
        log = lambda msg: print(f"scale: {label}: {msg}", file=sys.stderr, flush=True)  # noqa: E731

        def row(tool, what, seconds=None, peak_mb=None, note=None, **extra):
            r = {"tool": tool, "what": what, "seconds": seconds, "peak_mb": peak_mb, "note": note}
            r.update(extra)
            rows.append(r)
            log(f"{tool}: {what}: " + (f"{seconds:.2f} s" if seconds is not None else "-")
                + (f", peak {peak_mb:.0f} MB" if peak_mb else "") + (f" ({note})" if note else ""))

        parquet_dir = os.path.join(a.data, f"parquet-{label}")
        # Parquet straight from the generator, streamed in chunks.
        try:
            s, peak, _ = run_measured([gen, label, parquet_dir, "--parquet"])
            row("gen --parquet", "generate and write the Parquet tables, streamed in chunks of 100,000 records",
                s, peak, parquet_mb=dir_mb(parquet_dir))
        except RuntimeError as e:
            row("gen --parquet", "generate and write the Parquet tables", note=f"failed: {e}")
            continue

        if n <= json_max:
            doc = os.path.join(a.data, f"dataset-{label}.json")
            if not os.path.exists(doc) or os.path.getmtime(gen) > os.path.getmtime(doc):
                log("generating the JSON document")
                subprocess.run([gen, label, doc], check=True, stderr=subprocess.DEVNULL)
            limits = ["--max-bytes", str(os.path.getsize(doc) + 1), "--max-records", str(2 * n + 100_000)]
            native = []
            for _ in range(repeats):
                s, peak, out = run_measured([jw, "series", doc, "--query", "@" + query_file] + limits)
                native.append((s, peak))
            points = len(json.loads(out)["points"])
            row("jointwatch", "series on the JSON document: load, validate and query in one process",
                median([x[0] for x in native]), max(x[1] for x in native), runs=[x[0] for x in native],
                points=points, json_mb=os.path.getsize(doc) / 1e6)
            conv_dir = os.path.join(a.data, f"parquet-{label}-converted")
            s, peak, _ = run_measured([jw, "convert", doc, "--to", "parquet", "-o", conv_dir, "--no-progress"]
                                      + limits)
            row("jointwatch convert", "JSON document to Parquet tables (load, validate, write)", s, peak)
        else:
            row("jointwatch", "series on the JSON document",
                note=f"not measured above {a.json_max} records: a JSON document of this size runs to "
                     "gigabytes, more than one process should parse (the held row measures the query)")
        if n <= held_max:
            try:
                s, peak, out = run_measured([gen, label, "-", "--query-only"])
                r = json.loads(out)
                row("jointwatch (held)", "series on the dataset generated in memory: the query alone, "
                    "no JSON", r["query_seconds"], peak, runs=r["runs"], points=r["points"],
                    note=f"generating the dataset in memory took {r['generate_seconds']:.0f} s; "
                         "the peak is the whole dataset held")
            except RuntimeError as e:
                row("jointwatch (held)", "series on the dataset generated in memory", note=f"failed: {e}")

        s, peak, out = run_measured([sys.executable, __file__, "--data", a.data, "--bin-dir", a.bin_dir,
                                     "--out", a.out, "--child", "duckdb", "--dir", parquet_dir,
                                     "--repeats", str(repeats)])
        r = json.loads(out)
        row("DuckDB", "the SQL of docs/parquet.md on the Parquet tables", median(r["runs"]), peak, runs=r["runs"],
            points=r["points"], process_seconds=s, version=r["version"])
        if not a.no_spark:
            try:
                s, peak, out = run_measured([sys.executable, __file__, "--data", a.data, "--bin-dir", a.bin_dir,
                                             "--out", a.out, "--child", "spark", "--dir", parquet_dir,
                                             "--repeats", str(repeats)])
                r = json.loads(out)
                jvm = r.get("jvm_peak_mb")
                row("Spark (local)", "the Spark SQL of docs/parquet.md on the Parquet tables", median(r["runs"]),
                    (jvm or 0) + peak if jvm else None, runs=r["runs"], points=r["points"], process_seconds=s,
                    startup_seconds=r["startup"], version=r["version"])
            except RuntimeError as e:
                row("Spark (local)", "the Spark SQL of docs/parquet.md", note=f"failed: {e}")

    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=2)
    print(f"scale: wrote {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
