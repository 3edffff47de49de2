// The second module, `jointwatch/formats` (CSV, STIX 2.1, GeoJSON): loaded
// through `import` and `require`, taking a document as text, as an object or
// as a core Dataset, and throwing the core's errors with codes and paths.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

import { Dataset, isJointwatchError } from "jointwatch";
import initFormats, * as fm from "jointwatch/formats";

import { root } from "./support.mjs";

const require = createRequire(import.meta.url);
const realWorld = readFileSync(join(root, "crates", "jointwatch", "tests", "data", "real-world-2.json"), "utf8");
const publicRecord = readFileSync(join(root, "pkg", "public-record.json"), "utf8");
const LISTS = ["exercises", "patrols", "statistics", "incidents", "activities", "sources"];

/** The error `fn` throws, checked to be one of the package's with `name` and `code`. */
function thrown(fn, name, code) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof Error, `a real Error is thrown, got ${caught}`);
  assert.ok(isJointwatchError(caught), `a jointwatch error, got ${caught}`);
  assert.equal(caught.name, name, caught.message);
  assert.equal(caught.code, code, caught.message);
  assert.equal(typeof caught.path, "string");
  assert.ok(Array.isArray(caught.findings));
  return caught;
}

test("import and require share one instance, and init() is a no-op in Node", async () => {
  const cjs = require("jointwatch/formats");
  assert.equal(fm.toGeoJSON, cjs.toGeoJSON);
  await initFormats();
  fm.initSync();
  for (const name of ["toGeoJSON", "toSTIX", "toCSV", "fromCSV"]) assert.equal(typeof fm[name], "function", name);
  // The core module no longer carries the GeoJSON export.
  assert.equal(Dataset.prototype.toGeoJSON, undefined);
});

test("toCSV then fromCSV gives the document back (real-world fixture and public record)", () => {
  for (const text of [realWorld, publicRecord]) {
    const ds = Dataset.fromJSON(text);
    const tables = fm.toCSV(ds);
    for (const [name, csv] of Object.entries(tables)) {
      assert.match(name, /^[a-z-]+\.csv$/);
      assert.equal(typeof csv, "string");
    }
    // CSV holds the records and sources; the document's own areas and metadata
    // (title, coverage, scenarios, …) are no table of docs/csv.md, so they are added back.
    const a = ds.toJSON();
    const back = Dataset.fromObject({ ...fm.fromCSV(tables), areas: a.areas ?? [] });
    const b = back.toJSON();
    for (const list of LISTS) assert.deepEqual(b[list] ?? [], a[list] ?? [], list);
    back.free();
    ds.free();
  }
});

test("the three document forms give the same result", () => {
  const ds = Dataset.fromJSON(realWorld);
  const a = fm.toGeoJSON(ds);
  assert.deepEqual(fm.toGeoJSON(realWorld), a);
  assert.deepEqual(fm.toGeoJSON(JSON.parse(realWorld)), a);
  assert.equal(a.type, "FeatureCollection");
  const doc = JSON.parse(realWorld);
  // Every exercise and patrol is a feature; every leg with a route a LineString of its own.
  for (const r of doc.exercises) assert.ok(a.features.some((f) => f.id === `exercise:${r.id}`), r.id);
  for (const r of doc.patrols) assert.ok(a.features.some((f) => f.id === `patrol:${r.id}`), r.id);
  const legs = doc.patrols.flatMap((p) => (p.legs ?? []).map((l, i) => ({ p, l, i }))).filter(({ l }) => (l.route?.length ?? 0) >= 2);
  for (const { p, i } of legs) {
    const f = a.features.find((x) => x.id === `leg:${p.id}:${i}`);
    assert.ok(f, `leg ${p.id} ${i}`);
    assert.equal(f.geometry.type, "LineString");
  }
  ds.free();
});

test("toSTIX: deterministic ids, one grouping per exercise, patrol and activity, the assessment unless asked not to", () => {
  const ds = Dataset.fromJSON(realWorld);
  const doc = JSON.parse(realWorld);
  const options = { timestamp: "2024-12-31T00:00:00Z" };
  const a = fm.toSTIX(ds, options);
  const b = fm.toSTIX(realWorld, options);
  assert.deepEqual(a, b);
  assert.equal(a.type, "bundle");
  const of = (bundle, type) => bundle.objects.filter((o) => o.type === type);
  // docs/stix.md: records are neutral groupings, not campaigns.
  assert.equal(of(a, "grouping").length, doc.exercises.length + doc.patrols.length + (doc.activities ?? []).length);
  assert.equal(of(a, "incident").length, (doc.incidents ?? []).length);
  // STIX timestamps carry milliseconds.
  assert.ok(a.objects.every((o) => !("created" in o) || o.created === "2024-12-31T00:00:00.000Z"));
  // The seed's scenarios: an opinion per assessed scenario, unless asked not to.
  const seed = Dataset.seed();
  const assessed = seed.withCatalogue().assess({}).scenarios.length;
  assert.ok(assessed > 0);
  assert.equal(of(fm.toSTIX(seed, options), "opinion").length, assessed);
  assert.equal(of(fm.toSTIX(seed, { ...options, assessment: false }), "opinion").length, 0);
  seed.free();
  // Without a timestamp the time is now.
  const now = fm.toSTIX(ds, { assessment: false });
  const created = Date.parse(now.objects.find((o) => o.created).created);
  assert.ok(Math.abs(created - Date.now()) < 60_000, "created is now");
  ds.free();
});

test("a held Dataset converts as it is held; text and objects are validated first", () => {
  // A dangling source reference: an error for validation, still readable.
  const flawed = JSON.stringify({
    formatVersion: "2.0",
    exercises: [{ id: "e", name: "E", participants: ["CHN", "RUS"], dates: "2024-05", sources: ["nowhere"] }],
  });
  const held = Dataset.parse(flawed);
  assert.equal(fm.toGeoJSON(held).features.filter((f) => f.id === "exercise:e").length, 1);
  const e = thrown(() => fm.toGeoJSON(flawed), "ValidationError", "missing-source");
  assert.ok(e.findings.some((f) => f.path.startsWith("exercises[0].sources")));
  thrown(() => fm.toCSV(JSON.parse(flawed)), "ValidationError", "missing-source");
  held.free();
});

test("a bad CSV cell: nothing is imported, and every finding names its file, row and column", () => {
  const e = thrown(
    () =>
      fm.fromCSV({
        "exercises.csv": "id,name,participants\nx,X,CHN;Russia\ny,Y,CHN;RUS\nz,Z,Moscow\n",
        "sources.csv": "id,title,reliability,credibility\ns1,A source,B,2\n",
      }),
    "ParseError",
    "invalid-country-code",
  );
  assert.equal(e.findings.length, 2);
  assert.deepEqual(e.findings.map((f) => f.line), [2, 4]);
  assert.match(e.findings[0].message, /^exercises\.csv: row 2, column "participants"/);
  assert.equal(e.line, 2);
  // A header the reader cannot place: the finding says what it can do.
  const h = thrown(() => fm.fromCSV({ "things.csv": "colour,size\nred,4\n" }), "ParseError", "missing-field");
  assert.match(h.message, /things\.csv: row 1: cannot tell which table/);
});

test("bad arguments: a JointwatchError with code and path, and the module stays usable", () => {
  const seed = Dataset.seed();
  let e = thrown(() => fm.toGeoJSON(42), "JointwatchError", "invalid-argument");
  assert.equal(e.path, "document");
  e = thrown(() => fm.toGeoJSON("[1, 2]"), "ParseError", "wrong-type");
  e = thrown(() => fm.toSTIX(seed, { timestamp: "yesterday" }), "JointwatchError", "invalid-argument");
  assert.equal(e.path, "options.timestamp");
  e = thrown(() => fm.toSTIX(seed, { timestmap: "2024-12-31T00:00:00Z" }), "JointwatchError", "invalid-argument");
  assert.match(e.path, /^options/);
  e = thrown(() => fm.fromCSV({}), "JointwatchError", "invalid-argument");
  assert.equal(e.path, "files");
  e = thrown(() => fm.fromCSV({ "exercises.csv": 5 }), "JointwatchError", "invalid-argument");
  assert.match(e.path, /^files/);
  e = thrown(() => fm.fromCSV("id,name\n"), "JointwatchError", "invalid-argument");
  assert.equal(e.path, "files");
  // A freed Dataset: the core's own error, passed on.
  const gone = Dataset.seed();
  gone.free();
  thrown(() => fm.toCSV(gone), "JointwatchError", "freed");
  // Something with a toJSONText that lies.
  e = thrown(() => fm.toGeoJSON({ toJSONText: () => 7 }), "JointwatchError", "invalid-argument");
  assert.equal(e.path, "document");
  // Still usable.
  assert.equal(fm.toGeoJSON(seed).type, "FeatureCollection");
  seed.free();
});
