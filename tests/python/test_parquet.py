"""The Parquet tables (docs/parquet.md) read by other tools give jointwatch's answers.

- DuckDB and PySpark (local mode) run the SQL printed in docs/parquet.md on the tables of every
  fixture dataset and of the generated 1k dataset; the fiscal-year x participant counts equal
  `jointwatch series` exactly (the query is the benchmark's, read from the generator's workload).
- pyarrow reads the GeoParquet files with their `geo` metadata, and the WKB geometry holds the
  document's routes.
- Round trip: read back with pyarrow, the tables hold every record, figure, source and participant
  of each fixture document.
- `gen --parquet` (streamed in chunks) writes the same tables as `convert --to parquet` on the JSON
  document of the same size and seed.

Run by scripts/test (`python3 -m unittest discover -s tests/python`). Needs the `jointwatch` and
`gen` binaries: JOINTWATCH_BIN and JOINTWATCH_GEN, else target/debug/.
"""

import glob
import json
import math
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest

import duckdb
import pyarrow.parquet as pq

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
JOINTWATCH = os.environ.get("JOINTWATCH_BIN", os.path.join(TARGET, "debug", "jointwatch"))
GEN = os.environ.get("JOINTWATCH_GEN", os.path.join(TARGET, "debug", "gen"))

# The SQL docs/parquet.md prints, shared with the benchmark (bench/scale.py).
sys.path.insert(0, os.path.join(ROOT, "bench"))
from parquet_sql import doc_sql  # noqa: E402

FIXTURES = sorted(
    glob.glob(os.path.join(ROOT, "tests", "fixtures", "valid", "*.json"))
    + glob.glob(os.path.join(ROOT, "crates", "jointwatch", "tests", "data", "*.json"))
    + [os.path.join(ROOT, "data", "public-record.json"), os.path.join(ROOT, "data", "seed.json")]
)

TABLES = ["records", "participants", "figures", "sources", "record_sources", "incidents",
          "links", "statistics", "numbering", "routes", "legs", "route_points"]


def run(*args):
    out = subprocess.run(args, check=True, capture_output=True, text=True)
    return out.stdout


def expected_points(series):
    """{(fiscal year, country): count} of a `jointwatch series` result."""
    out = {}
    for p in series["points"]:
        fy, country = p["key"]
        assert fy.startswith("FY"), fy
        counted = p["counted"]
        assert isinstance(counted, (int, float)), f"a count is exact: {counted!r}"
        out[(int(fy[2:]), country)] = int(counted)
    return out


class Datasets:
    """Every dataset converted once, with its series."""

    dir = None
    items = []  # (name, json path, parquet dir, series)
    query = None

    @classmethod
    def prepare(cls):
        if cls.dir is not None:
            return
        os.makedirs(TARGET, exist_ok=True)
        cls.dir = tempfile.mkdtemp(prefix="parquet-tests-", dir=TARGET)
        workload = os.path.join(cls.dir, "workload.json")
        run(GEN, "0", os.path.join(cls.dir, "empty.json"), "--workload", workload)
        with open(workload, encoding="utf-8") as f:
            cls.query = json.load(f)["seriesQuery"]
        query_file = os.path.join(cls.dir, "query.json")
        with open(query_file, "w", encoding="utf-8") as f:
            json.dump(cls.query, f)
        generated = os.path.join(cls.dir, "generated-1k.json")
        run(GEN, "1k", generated)
        for path in FIXTURES + [generated]:
            name = os.path.relpath(path, ROOT)
            out = os.path.join(cls.dir, re.sub(r"[^A-Za-z0-9]+", "-", name))
            run(JOINTWATCH, "convert", path, "--to", "parquet", "-o", out, "--no-progress")
            series = json.loads(run(JOINTWATCH, "series", path, "--query", "@" + query_file))
            cls.items.append((name, path, out, series))


def setUpModule():
    Datasets.prepare()


def tearDownModule():
    if Datasets.dir and not os.environ.get("JOINTWATCH_KEEP_TEST_FILES"):
        shutil.rmtree(Datasets.dir, ignore_errors=True)


class TheQueryIsTheOneTheSqlWrites(unittest.TestCase):
    def test_the_benchmark_query_has_the_parameters_of_the_sql(self):
        q = Datasets.query
        self.assertEqual(q["filter"], {"participantsAny": ["CHN", "RUS"], "from": "2000", "to": "2024"})
        granularity = q["groupBy"][0]["granularity"]
        self.assertEqual((granularity["type"], granularity["firstMonth"]), ("fiscalYear", 4))
        self.assertEqual(granularity.get("namedBy", "startYear"), "startYear")
        self.assertEqual(q["groupBy"][1], {"by": "participant"})
        self.assertEqual(q["aggregate"], {"op": "count"})

    def test_the_fixtures_exercise_every_rule(self):
        # Some dataset has unplaced records, some a sameEvent group, some a point.
        self.assertTrue(any(s["unplaced"] for _, _, _, s in Datasets.items))
        self.assertTrue(any(s.get("sameEvent") for _, _, _, s in Datasets.items))
        self.assertTrue(any(expected_points(s) for _, _, _, s in Datasets.items))


class DuckDBReproducesSeries(unittest.TestCase):
    def test_fiscal_year_by_participant(self):
        sql = doc_sql("duckdb", "fiscal-year-participant")
        for name, _, out, series in Datasets.items:
            with self.subTest(dataset=name):
                con = duckdb.connect()
                for t in ["records", "participants"]:
                    con.execute(f"CREATE VIEW {t} AS SELECT * FROM read_parquet('{out}/{t}.parquet')")
                got = {(int(fy), c): int(n) for fy, c, n in con.execute(sql).fetchall()}
                self.assertEqual(got, expected_points(series))

    def test_closest_approach_candidates_run(self):
        sql = doc_sql("duckdb", "closest-approach-candidates")
        for name, _, out, _ in Datasets.items:
            con = duckdb.connect()
            con.execute(f"CREATE VIEW route_points AS SELECT * FROM read_parquet('{out}/route_points.parquet')")
            for record, km, longest in con.execute(sql).fetchall():
                self.assertLessEqual(km, 100 + longest / 2, name)


class SparkReproducesSeries(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        from pyspark.sql import SparkSession

        cls.spark = (SparkSession.builder.master("local[2]").appName("jointwatch-parquet-tests")
                     .config("spark.ui.enabled", "false")
                     .config("spark.ui.showConsoleProgress", "false")
                     .config("spark.sql.shuffle.partitions", "4")
                     .config("spark.sql.session.timeZone", "UTC")
                     .getOrCreate())
        cls.spark.sparkContext.setLogLevel("ERROR")

    @classmethod
    def tearDownClass(cls):
        cls.spark.stop()

    def views(self, out, tables):
        for t in tables:
            self.spark.read.parquet(f"{out}/{t}.parquet").createOrReplaceTempView(t)

    def test_fiscal_year_by_participant(self):
        sql = doc_sql("spark", "fiscal-year-participant")
        for name, _, out, series in Datasets.items:
            with self.subTest(dataset=name):
                self.views(out, ["records", "participants"])
                got = {(int(r[0]), r[1]): int(r[2]) for r in self.spark.sql(sql).collect()}
                self.assertEqual(got, expected_points(series))

    def test_closest_approach_candidates_agree_with_duckdb(self):
        spark_sql = doc_sql("spark", "closest-approach-candidates")
        duck_sql = doc_sql("duckdb", "closest-approach-candidates")
        for name, _, out, _ in Datasets.items:
            if pq.read_metadata(f"{out}/route_points.parquet").num_rows == 0:
                continue
            with self.subTest(dataset=name):
                self.views(out, ["route_points"])
                got = [r[0] for r in self.spark.sql(spark_sql).collect()]
                con = duckdb.connect()
                con.execute(f"CREATE VIEW route_points AS SELECT * FROM read_parquet('{out}/route_points.parquet')")
                self.assertEqual(got, [r[0] for r in con.execute(duck_sql).fetchall()])


def read_wkb(b):
    """(type, [(lon, lat), ...]) of a little-endian WKB Point or LineString."""
    order, kind = struct.unpack_from("<BI", b, 0)
    assert order == 1, "little-endian"
    if kind == 1:
        return "Point", [struct.unpack_from("<dd", b, 5)]
    assert kind == 2, kind
    (n,) = struct.unpack_from("<I", b, 5)
    assert len(b) == 9 + 16 * n
    return "LineString", [struct.unpack_from("<dd", b, 9 + 16 * i) for i in range(n)]


def document(path):
    """The document as jointwatch reads it (format 2.0, upgraded when older)."""
    return json.loads(run(JOINTWATCH, "convert", path, "--to", "json", "--no-progress"))


RECORD_KINDS = [("exercises", "exercise"), ("patrols", "patrol"), ("statistics", "statistic"),
                ("incidents", "incident"), ("activities", "activity")]


class GeoParquet(unittest.TestCase):
    def test_geo_metadata_and_wkb_hold_the_routes(self):
        seen = 0
        for name, path, out, _ in Datasets.items:
            doc = document(path)
            want_routes, want_legs = {}, {}
            for key, _ in [("patrols", 0), ("activities", 0)]:
                for r in doc.get(key, []):
                    if r.get("route"):
                        want_routes[r["id"]] = [(p["lon"], p["lat"]) if isinstance(p, dict) else tuple(p)
                                                for p in r["route"]]
                    for i, leg in enumerate(r.get("legs", [])):
                        want_legs[(r["id"], i)] = [(p["lon"], p["lat"]) if isinstance(p, dict) else tuple(p)
                                                   for p in leg.get("route", [])]
            for table, want in [("routes", want_routes), ("legs", want_legs)]:
                with self.subTest(dataset=name, table=table):
                    meta = pq.read_metadata(f"{out}/{table}.parquet").metadata
                    geo = json.loads(meta[b"geo"])
                    self.assertEqual(geo["version"], "1.1.0")
                    self.assertEqual(geo["primary_column"], "geometry")
                    column = geo["columns"]["geometry"]
                    self.assertEqual(column["encoding"], "WKB")
                    self.assertEqual(column["edges"], "spherical")
                    self.assertLessEqual(set(column["geometry_types"]), {"Point", "LineString"})
                    t = pq.read_table(f"{out}/{table}.parquet").to_pylist()
                    got = {}
                    for row in t:
                        key = row["record"] if table == "routes" else (row["record"], row["leg"])
                        if row["geometry"] is None:
                            got[key] = []
                            continue
                        kind, coords = read_wkb(row["geometry"])
                        self.assertIn(kind, column["geometry_types"])
                        self.assertEqual(row["points"], len(coords))
                        got[key] = coords
                        seen += 1
                    self.assertEqual(got, want)
        self.assertGreater(seen, 0, "some dataset has a route")


def quantity(q):
    """(form, low, high, best) of a quantity in its JSON form (null bounds as None)."""
    if isinstance(q, (int, float)):
        return ("exact", q, q, q)
    if "atLeast" in q:
        return ("atLeast", q["atLeast"], None, None)
    if "over" in q:
        return ("over", q["over"], None, None)
    if "atMost" in q:
        return ("atMost", 0, q["atMost"], None)
    if "under" in q:
        return ("under", 0, q["under"], None)
    if "min" in q:
        return ("range", q["min"], q["max"], None)
    return ("estimate", q["low"], q["high"], q["best"])


def figure_values(f):
    """The values of a figure in its JSON form: [(quantity, stance, by, sources)]."""
    if isinstance(f, dict) and "values" in f:
        return [(quantity(v["value"]), v.get("stance"), v.get("by"), v.get("sources", []))
                for v in f["values"]]
    return [(quantity(f), None, None, [])]


def expected_figures(doc):
    rows = []

    def add(record, field, state, item, index, f, keep_missing):
        if f is None:
            if keep_missing:
                rows.append((record, field, state, item, index, None, None, None, None, None, None, None, ()))
            return
        for i, (q, stance, by, sources) in enumerate(figure_values(f)):
            rows.append((record, field, state, item, index, i) + q + (stance, by, tuple(sources)))

    def forces(record, state, f):
        for field in ["ships", "submarines", "aircraft", "personnel"]:
            add(record, field, state, None, 0, f.get(field), False)
        for i, e in enumerate(f.get("equipment", [])):
            add(record, "equipment", state, e["name"], i, e.get("quantity"), True)
        for s in f.get("byState", []):
            forces(record, s["country"], s["forces"])

    def platforms(record, ps):
        for i, p in enumerate(ps):
            add(record, "platforms", p.get("country"), p["model"], i, p.get("count"), True)

    for e in doc.get("exercises", []):
        forces(e["id"], None, e.get("forces", {}))
    for p in doc.get("patrols", []):
        platforms(p["id"], p.get("platforms", []))
        for i, r in enumerate(p.get("responses", [])):
            add(p["id"], "responses", r["by"], r["action"], i, r.get("count"), True)
    for a in doc.get("activities", []):
        forces(a["id"], None, a.get("forces", {}))
        platforms(a["id"], a.get("platforms", []))
    for inc in doc.get("incidents", []):
        platforms(inc["id"], inc.get("platforms", []))
        add(inc["id"], "rounds", None, None, 0, inc.get("rounds"), False)
        add(inc["id"], "sorties", None, None, 0, inc.get("sorties"), False)
    for s in doc.get("statistics", []):
        for i, b in enumerate(s.get("breakdown", [])):
            add(s["id"], "breakdown", None, b["category"], i, b.get("quantity"), True)
    return sorted(rows, key=repr)


def country(p):
    return p if isinstance(p, str) else p["country"]


class RoundTrip(unittest.TestCase):
    """Every record, figure, source and participant of each fixture is in its tables."""

    def test_every_record_figure_and_source(self):
        for name, path, out, _ in Datasets.items:
            doc = document(path)
            tables = {t: pq.read_table(f"{out}/{t}.parquet").to_pylist() for t in TABLES}
            with self.subTest(dataset=name, what="records"):
                want = [(kind, r["id"]) for key, kind in RECORD_KINDS for r in doc.get(key, [])]
                got = [(r["kind"], r["id"]) for r in sorted(tables["records"], key=lambda r: r["ordinal"])]
                self.assertEqual(got, want)
            with self.subTest(dataset=name, what="sources"):
                want = [(s["id"], s["title"], s["reliability"], s["credibility"]) for s in doc.get("sources", [])]
                got = [(s["id"], s["title"], s["reliability"], s["credibility"]) for s in tables["sources"]]
                self.assertEqual(got, want)
            with self.subTest(dataset=name, what="record sources"):
                want = sorted((r["id"], i, s) for key, _ in RECORD_KINDS for r in doc.get(key, [])
                              for i, s in enumerate(r.get("sources", [])))
                got = sorted((r["record"], r["position"], r["source"]) for r in tables["record_sources"])
                self.assertEqual(got, want)
            with self.subTest(dataset=name, what="participants"):
                want = []
                for key, _ in RECORD_KINDS:
                    field = {"statistics": "subjects", "incidents": "by"}.get(key, "participants")
                    for r in doc.get(key, []):
                        want += [(r["id"], "participant", i, country(p)) for i, p in enumerate(r.get(field, []))]
                        want += [(r["id"], "observer", i, country(p)) for i, p in enumerate(r.get("observers", []))]
                got = [(p["record"], p["role"], p["position"], p["country"]) for p in tables["participants"]]
                self.assertEqual(sorted(got), sorted(want))
            with self.subTest(dataset=name, what="figures"):
                got = sorted(((f["record"], f["field"], f["state"], f["item"], f["item_index"], f["value_index"],
                               f["form"], f["low"], f["high"], f["best"], f["stance"], f["by"], tuple(f["sources"]))
                              for f in tables["figures"]), key=repr)
                want = expected_figures(doc)
                self.assertEqual(len(got), len(want))
                for g, w in zip(got, want):
                    self.assertEqual(g[:6] + g[10:], w[:6] + w[10:])
                    self.assertEqual(g[6], w[6])
                    for a, b in zip(g[7:10], w[7:10]):
                        self.assertTrue(a == b or (a is not None and b is not None and math.isclose(a, b)), (g, w))
            with self.subTest(dataset=name, what="statistics"):
                want = [(s["id"], quantity(s["quantity"])) for s in doc.get("statistics", [])]
                got = [(s["record"], (s["form"], s["low"], s["high"], s["best"])) for s in tables["statistics"]]
                self.assertEqual(got, want)
            with self.subTest(dataset=name, what="links"):
                want = sorted((r["id"], i, l["rel"], l["to"]) for key, _ in RECORD_KINDS for r in doc.get(key, [])
                              for i, l in enumerate(r.get("links", [])))
                got = sorted((l["record"], l["position"], l["rel"], l["to"]) for l in tables["links"])
                self.assertEqual(got, want)


class GeneratorWritesTheSameTables(unittest.TestCase):
    def test_gen_parquet_equals_convert(self):
        out = os.path.join(Datasets.dir, "gen-parquet-1k")
        run(GEN, "1k", out, "--parquet", "--chunk", "97")
        converted = next(o for n, _, o, _ in Datasets.items if n.endswith("generated-1k.json"))
        for t in TABLES:
            with self.subTest(table=t):
                self.assertTrue(pq.read_table(f"{out}/{t}.parquet").equals(pq.read_table(f"{converted}/{t}.parquet")))


if __name__ == "__main__":
    unittest.main()
