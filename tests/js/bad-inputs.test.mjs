// Feeds 1,000 bad inputs through the public functions and methods (of both
// modules, the core and jointwatch/formats), then checks that the same
// module instances still answer valid calls correctly.
// Every bad input must produce a real Error with a string `code`.
import { test } from "node:test";
import assert from "node:assert/strict";

import * as jw from "jointwatch";
import * as fm from "jointwatch/formats";

const { Dataset } = jw;

/** A small deterministic generator (mulberry32), so failures reproduce. */
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cyclic = {};
cyclic.self = cyclic;
let deep = {};
for (let i = 0; i < 5000; i++) deep = { x: deep };
const { proxy: revoked, revoke } = Proxy.revocable({}, {});
revoke();
const detached = new Uint8Array(8);
structuredClone(detached.buffer, { transfer: [detached.buffer] });
const trappedArray = new Proxy([1, 2], { get() { throw new Error("trap"); } });
let deepText = "";
for (let i = 0; i < 5000; i++) deepText += "[";

/** Values of the wrong type or shape for almost any argument. */
const junk = [
  undefined, null, true, 0, -1, 1.5, NaN, Infinity, -Infinity, 2n ** 70n, "", "{", "]",
  "not json", "{}", "[]", "null", '{"formatVersion": 1}', '{"formatVersion": "9.0"}',
  "\u0000\uffff", "\ud800", "x".repeat(100000), [], [1, "2"], [null], [{}], {}, { a: 1 },
  { type: "nope" }, { formatVersion: "1.0", exercises: "x" }, { formatVersion: "1.0", extra: 1 },
  Symbol("s"), () => 1, new Map([["a", 1]]), new Set([1]), new Date(0), /re/, new Uint8Array(4),
  new BigInt64Array(2), new DataView(new ArrayBuffer(4)), new Error("e"), cyclic, deep, deepText,
  Object.create(null), new Proxy({}, { get() { throw new Error("trap"); } }),
  { toJSON() { throw new Error("toJSON"); } }, { toJSON() { return undefined; } },
  revoked, detached, trappedArray, { toJSON() { throw revoked; } },
];

/** Documents that are JSON but wrong in one way or another. */
const badDocs = [
  '{"formatVersion": "1.0", "exercises": [{"id": 5}]}',
  '{"formatVersion": "1.0", "exercises": [{"id": "e", "name": "X", "participants": ["CHN"], "dates": "2024-13", "sources": []}]}',
  '{"formatVersion": "1.0", "statistics": [{"id": "s", "label": "x", "measure": "scrambles", "quantity": {"min": 5, "max": 1}, "sources": []}]}',
  '{"formatVersion": "1.0", "patrols": [{"id": "p", "kind": "jointAirPatrol", "participants": ["CHN", "RUS"], "route": [{"lon": 500, "lat": 0}], "sources": []}]}',
  '{"formatVersion": "1.0", "formatVersion": "1.0"}',
  '{"formatVersion": "2.0"}',
  '{"formatVersion": "1.0", "scenarios": [{"id": "s", "name": "x", "description": "y", "prior": 7}]}',
  '{"formatVersion": "1.0", "exercises": [{"id": "e", "name": "X", "participants": ["CHN", "RUS"], "dates": {"start": "2024-05", "end": "2024-04"}, "sources": ["nowhere"]}]}',
];

/** The public calls, each taking one bad value in one argument position. */
function calls(ds, bad, pick) {
  const doc = pick(badDocs);
  return [
    () => Dataset.fromJSON(bad),
    () => Dataset.fromJSON(doc),
    () => Dataset.fromJSON("{}", bad),
    () => Dataset.fromObject(bad),
    () => Dataset.fromObject(JSON.parse(doc)),
    () => Dataset.parse(bad),
    () => ds.validate(bad),
    () => ds.validateRecord(bad, {}),
    () => ds.validateRecord("exercise", bad),
    () => jw.validate(bad),
    () => jw.validate("{}", bad),
    () => jw.validateRecord("patrol", bad),
    () => ds.select(bad),
    () => ds.series(bad),
    () => ds.series({ groupBy: [{ by: "period", granularity: { type: "fiscalYear", firstMonth: 13 } }] }),
    () => ds.seriesSummary(bad),
    () => ds.seriesTrends(bad),
    () => ds.patrolCadence(bad),
    () => ds.compareWindows(bad, "2020", "2021"),
    () => ds.compareWindows({}, bad, "2021"),
    () => ds.largest(bad, 2024, 30),
    () => ds.largest("ships", bad, 30),
    () => ds.shares(bad),
    () => ds.assess(bad),
    () => ds.brief(bad),
    () => ds.patrolClosestApproach(bad, { type: "point", lon: 0, lat: 0 }),
    () => ds.patrolClosestApproach("latest-joint-air-patrol", bad),
    () => ds.areaTarget(bad),
    () => jw.routeLengthKm(bad),
    () => jw.closestApproach(bad, { type: "point", lon: 0, lat: 0 }),
    () => jw.closestApproach([{ lon: 0, lat: 0 }], bad),
    () => jw.closestApproach([{ lon: 0, lat: 0 }], { type: "polygon", points: [{ lon: 0, lat: 0 }] }),
    () => jw.estimativeTerm(bad),
    () => jw.quantityBounds(bad),
    () => jw.formatQuantity(bad),
    () => jw.addQuantities(bad, 1),
    () => jw.sumQuantities(bad),
    () => jw.maxQuantity(1, bad),
    () => jw.formatPeriod(bad),
    () => jw.periodDays(bad),
    () => jw.periodOf(bad, "2024-01-01"),
    () => jw.periodOf({ type: "year" }, bad),
    () => jw.summarize(bad),
    () => jw.yearOverYear(bad),
    () => jw.leastSquares(bad, [1]),
    () => jw.mannKendall(bad),
    () => jw.mannKendall([1, 2, 3], bad),
    () => jw.sensSlope([1, 2], bad),
    () => jw.rateComparison(bad, 1, 1, 1),
    () => jw.rateComparison(1, bad, 1, 1),
    // The second module (jointwatch/formats).
    () => fm.toGeoJSON(bad),
    () => fm.toGeoJSON(doc),
    () => fm.toSTIX(bad),
    () => fm.toSTIX(ds, bad),
    () => fm.toSTIX(ds, { timestamp: bad }),
    () => fm.toCSV(bad),
    () => fm.toCSV(JSON.parse(doc)),
    () => fm.fromCSV(bad),
    () => fm.fromCSV({ "exercises.csv": bad }),
    () => fm.fromCSV({ [typeof bad === "string" ? bad : "x.csv"]: "id,name,participants\nx,X,CHN;RUS\n" }),
  ];
}

/** Whether a call with this value is legitimately fine (an optional argument left out, say). */
function isValidCall(fn) {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

test("1,000 bad inputs each throw an Error with a code, and the module keeps working", () => {
  const random = rng(20240901);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const ds = Dataset.seed();
  let bad = 0;
  let attempts = 0;
  const seen = new Map();
  while (bad < 1000) {
    attempts += 1;
    assert.ok(attempts < 20000, "too few bad calls among the generated ones");
    const value = pick(junk);
    const list = calls(ds, value, pick);
    const index = Math.floor(random() * list.length);
    let error;
    try {
      list[index]();
      continue; // this value happens to be acceptable here (e.g. undefined options)
    } catch (e) {
      error = e;
    }
    bad += 1;
    assert.ok(error instanceof Error, `call #${index} threw a non-Error: ${String(error)}`);
    assert.equal(typeof error.code, "string", `call #${index} threw without a code: ${error}`);
    assert.ok(jw.isJointwatchError(error), `call #${index}: ${error.name} ${error.message}`);
    seen.set(error.code, (seen.get(error.code) ?? 0) + 1);
  }
  assert.ok(seen.size >= 8, `a variety of codes: ${[...seen.keys()].join(", ")}`);

  // The same instance still answers correctly.
  const seed = Dataset.seed();
  assert.equal(seed.recordCount, 6);
  const rows = seed.series({
    filter: { kinds: ["exercise"], participantsAll: ["CHN", "RUS"], from: "2014", to: "2024" },
    groupBy: [{ by: "period", granularity: { type: "year" } }],
    reported: "jointExercises",
  }).points.map((p) => jw.formatQuantity(p.value));
  assert.equal(rows[0], "4–10");
  assert.equal(rows[10], "2");
  assert.equal(seed.withCatalogue().assess().scenarios.length, 9);
  assert.deepEqual(jw.validate(seed.toJSONText()).findings.map((f) => f.code), ["undated-record"]);
  assert.equal(ds.toJSONText(), seed.toJSONText(), "the dataset held across the errors is intact");
  assert.ok(isValidCall(() => Dataset.fromJSON(seed.toJSONText())));
  // And the second module too.
  assert.equal(fm.toGeoJSON(seed).type, "FeatureCollection");
  assert.equal(Dataset.fromObject(fm.fromCSV(fm.toCSV(seed))).recordCount, 6);
});
