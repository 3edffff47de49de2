// The API suite, run once through `require` (api.test.cjs) and once through
// `import` (api.test.mjs) against the built package in pkg/.
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");

const QUERY_EXERCISES = {
  filter: { kinds: ["exercise"], participantsAll: ["CHN", "RUS"], from: "2014", to: "2024" },
  groupBy: [{ by: "period", granularity: { type: "year" } }],
  reported: "jointExercises",
};
const QUERY_SCRAMBLES = {
  filter: { kinds: ["statistic"] },
  groupBy: [{ by: "period", granularity: { type: "fiscalYear", firstMonth: 4 } }],
  reported: "scrambles",
};
const REVERSED = `{"formatVersion": "1.0", "exercises": [
  {"id": "e", "name": "X", "participants": ["CHN", "RUS"], "dates": {"start": "2024-05", "end": "2024-04"}, "sources": []}
]}`;

/** Asserts that `fn` throws one of this package's errors with `name` and `code`. */
function throwsCoded(jw, fn, name, code) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof Error, "a real Error is thrown");
  assert.ok(jw.isJointwatchError(caught), `a jointwatch error, got ${caught}`);
  assert.equal(caught.name, name);
  assert.equal(caught.code, code);
  assert.ok(Array.isArray(caught.findings));
  assert.equal(typeof caught.path, "string");
  return caught;
}

/** Whether a value is made only of plain objects, arrays and primitives. */
function isPlain(value) {
  if (value === null || typeof value !== "object") return true;
  if (Array.isArray(value)) return value.every(isPlain);
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isPlain);
}

/** Registers the suite for one way of loading the package. */
function apiSuite(jw, how) {
  const { Dataset } = jw;

  test(`${how}: the seed holds the facts of the source document`, () => {
    const seed = Dataset.seed();
    assert.deepEqual(seed.counts, {
      sources: 1, areas: 0, exercises: 2, patrols: 1, statistics: 3, incidents: 0, activities: 0, scenarios: 9,
      indicators: 0,
    });
    assert.equal(seed.recordCount, 6);
    assert.equal(seed.formatVersion, "2.0");
    assert.match(seed.title, /China–Russia/);
    assert.equal(seed.latestDate, "2024-12-31");
    const doc = seed.toJSON();
    assert.ok(isPlain(doc), "toJSON gives plain objects, never Map");
    const ocean = doc.exercises.find((e) => e.name === "Ocean-2024");
    assert.deepEqual(ocean.forces, { ships: { over: 400 }, aircraft: 120, personnel: 90000 });
    assert.deepEqual(JSON.parse(JSON.stringify(seed)), doc, "JSON.stringify uses toJSON");
    assert.deepEqual(JSON.parse(seed.toJSONText()), doc);
    // The document gives no date for the latest joint air patrol.
    assert.deepEqual(seed.validate().findings.map((f) => [f.code, f.path]), [["undated-record", "patrols[0].dates"]]);
    seed.free();
  });

  test(`${how}: fromJSON and fromObject round-trip and keep warnings out of the way`, () => {
    const text = Dataset.seed().toJSONText();
    const a = Dataset.fromJSON(text);
    const b = Dataset.fromObject(JSON.parse(text));
    assert.deepEqual(a.toJSON(), b.toJSON());
    const warned = Dataset.fromJSON('{"formatVersion": "1.0", "exercises": [{"id": "x", "name": "X", "participants": ["CHN", "RUS"], "sources": []}]}');
    assert.deepEqual(
      warned.validate().findings.map((f) => f.code),
      ["undated-record", "no-source"],
    );
    throwsCoded(jw, () => Dataset.fromJSON(warned.toJSONText(), { strict: true }), "ValidationError", "undated-record");
    const ignored = Dataset.fromJSON(warned.toJSONText(), { strict: true, ignore: ["no-source", "undated-record"] });
    assert.equal(ignored.counts.exercises, 1);
  });

  test(`${how}: an unreadable document throws a ParseError with line and column`, () => {
    const e = throwsCoded(jw, () => Dataset.fromJSON('{\n  "formatVersion": "1.0",\n  "exercises": [{"id": 5}]\n}'), "ParseError", "wrong-type");
    assert.ok(jw.isParseError(e));
    assert.ok(!jw.isValidationError(e));
    assert.equal(e.line, 3);
    assert.equal(typeof e.column, "number");
    assert.equal(e.path, "exercises[0].id");
    assert.equal(e.findings.length, 1);
    assert.equal(e.findings[0].code, "wrong-type");
    const m = throwsCoded(jw, () => Dataset.fromJSON('{"formatVersion": "1.0",}'), "ParseError", "malformed-json");
    assert.equal(m.line, 1);
    const o = throwsCoded(jw, () => Dataset.fromObject({ formatVersion: "1.0", exercises: [{ id: 5 }] }), "ParseError", "wrong-type");
    assert.equal(o.line, undefined, "no line for an object");
    assert.equal(o.path, "exercises[0].id");
  });

  test(`${how}: a rejected document throws a ValidationError with every finding`, () => {
    const e = throwsCoded(jw, () => Dataset.fromJSON(REVERSED), "ValidationError", "end-before-start");
    assert.ok(jw.isValidationError(e));
    assert.equal(e.path, "exercises[0].dates");
    assert.deepEqual(e.findings.map((f) => [f.code, f.severity, f.path]), [
      ["end-before-start", "error", "exercises[0].dates"],
      ["no-source", "warning", "exercises[0].sources"],
    ]);
    assert.match(e.message, /end-before-start/);
    // Dataset.parse keeps a flawed document for display.
    const flawed = Dataset.parse(REVERSED);
    assert.equal(flawed.validate().findings[0].code, "end-before-start");
  });

  test(`${how}: merge adds a batch whole or leaves the dataset exactly as it was`, () => {
    const ds = Dataset.seed();
    const before = ds.toJSONText();
    const exercise = (id, source) =>
      ({ id, name: `Exercise ${id}`, participants: ["CHN", "RUS"], dates: "2025", sources: [source] });
    const batch = (...exercises) => ({ formatVersion: "1.0", exercises });
    const unchanged = () => {
      assert.equal(ds.toJSONText(), before);
      assert.equal(ds.recordCount, 6);
    };
    // One good record beside one that repeats a seed id: nothing is added.
    let e = throwsCoded(jw, () => ds.merge(batch(exercise("fine", "seed"), exercise("ocean-2024", "seed"))),
      "ValidationError", "duplicate-id");
    assert.deepEqual(e.findings.map((f) => f.code), ["duplicate-id"]);
    unchanged();
    // A source that does not resolve, as text.
    throwsCoded(jw, () => ds.merge(JSON.stringify(batch(exercise("fine", "nowhere")))), "ValidationError", "missing-source");
    unchanged();
    // Unreadable text, a document of the wrong shape, and a wrong argument.
    e = throwsCoded(jw, () => ds.merge('{"formatVersion": "1.0", "exercises": [{'), "ParseError", "malformed-json");
    assert.equal(e.line, 1);
    unchanged();
    throwsCoded(jw, () => ds.merge({ formatVersion: "1.0", exercises: {} }), "ParseError", "wrong-type");
    unchanged();
    throwsCoded(jw, () => ds.merge(42), "JointwatchError", "invalid-argument");
    unchanged();
    // Strict mode refuses a warning the dataset did not have (a record with no source).
    throwsCoded(jw, () => ds.merge(batch({ ...exercise("unsourced", "seed"), sources: [] }), { strict: true }),
      "ValidationError", "no-source");
    unchanged();
    // A good batch is added whole; the seed's own source, identical, is not added twice.
    const other = Dataset.fromObject({ ...batch(exercise("fine", "seed"), exercise("also-fine", "seed")),
      sources: ds.toJSON().sources });
    const added = ds.merge(other.toJSON());
    assert.ok(isPlain(added));
    assert.deepEqual(added, {
      sources: 0, areas: 0, exercises: 2, patrols: 0, statistics: 0, incidents: 0, activities: 0, scenarios: 0,
      indicators: 0,
    });
    assert.equal(ds.recordCount, 8);
    assert.deepEqual(ds.toJSON().exercises.slice(-2).map((x) => x.id), ["fine", "also-fine"]);
    assert.equal(ds.validate().findings.filter((f) => f.severity === "error").length, 0);
  });

  test(`${how}: validate and validateRecord report, never throw, for document problems`, () => {
    assert.deepEqual(jw.validate(REVERSED).findings.map((f) => f.code), ["end-before-start", "no-source"]);
    assert.deepEqual(jw.validate(JSON.parse(REVERSED), { ignore: ["no-source"] }).findings.map((f) => f.code), ["end-before-start"]);
    const unreadable = jw.validate('{"formatVersion": ');
    assert.equal(unreadable.findings[0].code, "malformed-json");
    assert.equal(unreadable.findings[0].line, 1);
    const rec = { id: "x", name: "X", participants: ["CHN", "RUS"], dates: "2025", sources: ["elsewhere"] };
    assert.deepEqual(jw.validateRecord("exercise", rec).findings, []);
    const inSeed = Dataset.seed().validateRecord("exercise", rec).findings;
    assert.deepEqual(inSeed.map((f) => [f.code, f.path]), [["missing-source", "sources[0]"]]);
    const codes = jw.findingCodes();
    assert.ok(codes.some((c) => c.code === "end-before-start" && c.severity === "error"));
    assert.ok(codes.some((c) => c.code === "no-source" && c.severity === "warning"));
  });

  test(`${how}: exercises per year, reported range beside counted records`, () => {
    const seed = Dataset.seed();
    const s = seed.series(QUERY_EXERCISES);
    assert.ok(isPlain(s));
    const rows = s.points.map((p) => [p.key[0], jw.formatQuantity(p.value), p.basis]);
    assert.equal(rows.length, 11);
    assert.deepEqual(rows[0], ["2014", "4–10", "reported"]);
    assert.deepEqual(rows[9], ["2023", "4–10", "reported"]);
    assert.deepEqual(rows[10], ["2024", "2", "counted"]);
    // The seed declares no coverage: 2024's count is uncovered, and left out.
    assert.equal(s.points[10].status, "uncovered");
    const summary = seed.seriesSummary(QUERY_EXERCISES);
    assert.equal(summary.n, 10);
    assert.deepEqual(summary.leftOut, [{ key: ["2024"], status: "uncovered" }]);
    assert.equal(summary.medianOf, "midpoints");
    assert.equal(summary.allExact, false);
    const e = throwsCoded(jw, () => seed.seriesTrends(QUERY_EXERCISES), "JointwatchError", "not-applicable");
    assert.match(e.message, /exact/);
    throwsCoded(jw, () => seed.series({ groupBy: [{ by: "domain" }, { by: "area" }, { by: "series" }] }), "JointwatchError", "bad-grouping");
  });

  test(`${how}: scrambles by Japanese fiscal year`, () => {
    const s = Dataset.seed().series(QUERY_SCRAMBLES);
    const fy2023 = s.points.find((p) => p.key[0] === "FY2023");
    assert.ok(fy2023, JSON.stringify(s));
    assert.equal(jw.formatQuantity(fy2023.value), "669");
    assert.deepEqual(fy2023.period, { type: "fiscalYear", year: 2023, firstMonth: 4 });
    assert.deepEqual(Dataset.seed().shares("japan-scrambles-fy2023").shares.map((x) => x.category), ["CHN", "RUS"]);
    throwsCoded(jw, () => Dataset.seed().shares("nope"), "JointwatchError", "not-found");
  });

  test(`${how}: patrols, cadence, windows and record-setters`, () => {
    const seed = Dataset.seed();
    const { patrols, exercises, statistics } = seed.select({ kinds: ["patrol"] });
    assert.deepEqual([patrols.length, exercises.length, statistics.length], [1, 0, 0]);
    assert.equal(patrols[0].platforms[0].model, "H-6N");
    assert.equal(seed.select().exercises.length, 2);
    const cadence = seed.patrolCadence();
    assert.deepEqual(cadence.undated, ["latest-joint-air-patrol"]);
    assert.ok(isPlain(cadence));
    const w = seed.compareWindows({ kinds: ["exercise"] }, { start: "2020", end: "2023" }, { start: "2024", end: "2024" });
    assert.deepEqual([w.countA, w.countB], [0, 2]);
    const r = seed.largest("personnel", 2024, 30);
    assert.equal(r.leader, "ocean-2024");
    assert.deepEqual(r.withoutFigure, ["northern-interaction-2024"]);
  });

  test(`${how}: scenarios assessed in ICD 203 terms`, () => {
    const seed = Dataset.seed();
    const bare = seed.assess();
    assert.equal(bare.scenarios.length, 0, "the seed gives no priors");
    // The nine scenarios and the seed's set of end states, none with a prior.
    assert.equal(bare.skipped.length, 10);
    const full = seed.withCatalogue();
    const a = full.assess();
    assert.equal(a.asOf, "2024-12-31");
    assert.equal(a.scenarios.length, 9);
    const terms = ["almostNoChance", "veryUnlikely", "unlikely", "roughlyEvenChance", "likely", "veryLikely", "almostCertain"];
    for (const s of a.scenarios) {
      assert.ok(terms.includes(s.term), s.term);
      assert.equal(jw.estimativeTerm(s.probability).term, s.term);
      assert.ok(["low", "moderate", "high"].includes(s.confidence));
    }
    assert.deepEqual(jw.estimativeTerm(0.62), { term: "likely", words: "likely", low: 55, high: 80 });
    assert.equal(jw.estimativeTerm(1.5), undefined);
    assert.equal(Dataset.catalogue().counts.scenarios, 9);
    const brief = full.brief();
    assert.equal(brief.assessment.scenarios.length, 9);
    // Issue 13: the end states form one exclusive set; with its remainder it sums to 1.
    const [set] = a.sets;
    assert.equal(set.id, "end-states");
    const total = set.probabilities.reduce((x, y) => x + y, 0) + set.remainder;
    assert.ok(Math.abs(total - 1) < 1e-12, String(total));
    // Every posterior here rests on the catalogue's illustrative numbers, and says so.
    assert.ok(a.scenarios.every((s) => s.illustrative && typeof s.horizonPhrase === "string"));
    // Without the catalogue: the seed's own scenarios, which carry no prior.
    assert.equal(seed.brief(undefined, { noCatalogue: true }).assessment.scenarios.length, 0);
    // The plain-text renderings are the command line's, not the package's.
    assert.equal(full.briefText, undefined);
    assert.equal(full.summary, undefined);
  });

  test(`${how}: geography (the GeoJSON export is in jointwatch/formats, tests/js/formats.test.mjs)`, () => {
    const seed = Dataset.seed();
    const sea = seed.areaTarget("sea-of-japan");
    assert.equal(sea.type, "polygon");
    const route = [{ lon: 130, lat: 30 }, { lon: 130, lat: 40 }];
    assert.ok(Math.abs(jw.routeLengthKm(route) - 1109) < 5);
    const a = jw.closestApproach(route, { type: "point", lon: 131, lat: 35 });
    assert.ok(Math.abs(a.distanceKm - 91.084) < 0.001);
    assert.ok(jw.closestApproach([{ lon: 135, lat: 40 }], sea).inside);
    throwsCoded(jw, () => jw.closestApproach([], sea), "JointwatchError", "empty-route");
    throwsCoded(jw, () => seed.patrolClosestApproach("latest-joint-air-patrol", sea), "JointwatchError", "empty-route");
    throwsCoded(jw, () => seed.areaTarget("atlantis"), "JointwatchError", "not-found");
    // Areas are looked up by id, as records name them: not by name or alias.
    throwsCoded(jw, () => seed.areaTarget("East Sea"), "JointwatchError", "not-found");
    throwsCoded(jw, () => seed.areaTarget("Sea of Japan"), "JointwatchError", "not-found");
  });

  test(`${how}: patrols are found by id, before and after a merge`, () => {
    const patrol = (id, lon) => ({
      id, kind: "jointAirPatrol", participants: ["CHN", "RUS"], dates: "2025",
      route: [{ lon, lat: 35 }, { lon, lat: 36 }], sources: ["seed"],
    });
    const point = { type: "point", lon: 131, lat: 35 };
    // Read without checks, a repeated id is held as it came: the first one answers.
    const doc = { formatVersion: "1.0", sources: [{ id: "seed", title: "t", reliability: "F", credibility: 6 }], patrols: [patrol("b", 132), patrol("a", 140), patrol("b", 150)] };
    const raw = Dataset.parse(JSON.stringify(doc));
    assert.equal(raw.patrolClosestApproach("b", point).distanceKm, jw.closestApproach(doc.patrols[0].route, point).distanceKm);
    assert.equal(raw.patrolClosestApproach("a", point).distanceKm, jw.closestApproach(doc.patrols[1].route, point).distanceKm);
    throwsCoded(jw, () => raw.patrolClosestApproach("c", point), "JointwatchError", "not-found");
    // A patrol merged in after a look-up is found too.
    const ds = Dataset.seed();
    throwsCoded(jw, () => ds.patrolClosestApproach("new-patrol", point), "JointwatchError", "not-found");
    ds.merge({ formatVersion: "1.0", patrols: [patrol("new-patrol", 132)] });
    assert.equal(ds.patrolClosestApproach("new-patrol", point).distanceKm, raw.patrolClosestApproach("b", point).distanceKm);
  });

  test(`${how}: quantities and periods`, () => {
    assert.deepEqual(jw.quantityBounds({ over: 400 }), {
      low: 400, lowExclusive: true, high: null, highExclusive: false, best: null, point: 400,
    });
    assert.equal(jw.quantityBounds({ min: 4, max: 10 }).point, 7);
    assert.equal(jw.formatQuantity({ atLeast: 9 }), "at least 9");
    assert.deepEqual(jw.addQuantities({ over: 400 }, 120), { over: 520 });
    assert.deepEqual(jw.sumQuantities([1, { min: 2, max: 3 }]), { min: 3, max: 4 });
    assert.equal(jw.sumQuantities([]), 0);
    assert.deepEqual(jw.maxQuantity(4, { min: 2, max: 10 }), { min: 4, max: 10 });
    const fy = { type: "fiscalYear", year: 2023, firstMonth: 4 };
    assert.equal(jw.formatPeriod(fy), "FY2023");
    assert.deepEqual(jw.periodDays(fy), { firstDay: "2023-04-01", lastDay: "2024-03-31" });
    assert.deepEqual(jw.periodOf({ type: "fiscalYear", firstMonth: 4 }, "2024-02-10"), fy);
    throwsCoded(jw, () => jw.periodDays({ type: "quarter", year: 2024, quarter: 5 }), "JointwatchError", "invalid-argument");
    throwsCoded(jw, () => jw.periodOf({ type: "year" }, "2024"), "JointwatchError", "invalid-argument");
  });

  test(`${how}: trend statistics over plain values`, () => {
    const s = jw.summarize([3, 1, 4, null, 1, 5, 9]);
    assert.deepEqual([s.n, s.skipped, s.min, s.max, s.median, s.sum], [6, 1, 1, 9, 3.5, 23]);
    assert.equal(jw.summarize([]), undefined);
    assert.deepEqual(jw.yearOverYear(new Float64Array([4, 5, 10])), [
      null, { absolute: 1, relative: 0.25 }, { absolute: 5, relative: 1 },
    ]);
    const fit = jw.leastSquares([2014, 2015, 2016], [4, 6, 8]);
    assert.deepEqual([fit.n, fit.slope, fit.rSquared], [3, 2, 1]);
    const mk = jw.mannKendall([1.2, 2.5, 1.9, 3.1, 4.0, 3.6, 5.2, 4.8, 6.1, 5.9]);
    assert.deepEqual([mk.s, mk.varS, mk.trend], [37, 125, "increasing"]);
    assert.ok(Math.abs(mk.pValue - 0.0012821837418053317) < 1e-12);
    assert.equal(jw.mannKendall([1, 2, 3, 4, 5], 0.001).trend, "noTrend");
    assert.equal(jw.sensSlope([0, 1, 2, 3, 4], [4, 6, 8, 10, 40]).slope, 2);
    const r = jw.rateComparison(10, 100, 25, 120);
    assert.ok(Math.abs(r.pValue - 0.06039892674739894) < 1e-9);
    assert.equal(r.method, "exact");
    assert.equal(jw.rateComparison(1, 0, 1, 1), undefined);
    throwsCoded(jw, () => jw.leastSquares([1, 2], [1]), "JointwatchError", "invalid-argument");
    throwsCoded(jw, () => jw.rateComparison(-1, 1, 1, 1), "JointwatchError", "invalid-argument");
  });

  test(`${how}: a freed Dataset throws a JointwatchError with code "freed", never a plain Error`, () => {
    const calls = {
      recordCount: (d) => d.recordCount,
      counts: (d) => d.counts,
      validate: (d) => d.validate(),
      series: (d) => d.series(QUERY_EXERCISES),
      withCatalogue: (d) => d.withCatalogue(),
      toJSONText: (d) => d.toJSONText(),
    };
    for (const [name, call] of Object.entries(calls)) {
      const ds = jw.Dataset.seed();
      ds.free();
      const e = throwsCoded(jw, () => call(ds), "JointwatchError", "freed");
      assert.match(e.message, new RegExp(`^Dataset\\.${name}: this dataset was freed`));
    }
    // Disposed by `using` (Symbol.dispose) as by free(); freeing again does nothing.
    const ds = jw.Dataset.seed();
    ds[Symbol.dispose]();
    throwsCoded(jw, () => ds.brief(), "JointwatchError", "freed");
    ds.free();
    ds[Symbol.dispose]();
    // The module stays usable, and a live dataset is unaffected.
    assert.equal(jw.Dataset.seed().recordCount, 6);
  });

  test(`${how}: init() and initSync() exist and do nothing in Node`, async () => {
    assert.equal(typeof jw.init, "function");
    assert.equal(typeof jw.initSync, "function");
    assert.equal(await jw.init(), undefined);
    assert.equal(jw.initSync(), undefined);
    assert.equal(jw.Dataset.seed().recordCount, 6);
  });

  test(`${how}: version information`, () => {
    assert.equal(jw.formatVersion(), "2.0");
    assert.match(jw.version(), /^\d+\.\d+\.\d+/);
  });

  test(`${how}: the guards reject look-alikes`, () => {
    for (const v of [undefined, null, "ParseError", { name: "ParseError", code: "x" }, new Error("x")]) {
      assert.equal(jw.isJointwatchError(v), false);
      assert.equal(jw.isParseError(v), false);
      assert.equal(jw.isValidationError(v), false);
    }
  });

  // Format 2.0's records, figures, links, numbering and times (format2.cjs).
  require("./format2.cjs").format2Suite(jw, how, { throwsCoded, isPlain });
}

module.exports = { apiSuite, throwsCoded, isPlain, QUERY_EXERCISES, QUERY_SCRAMBLES, REVERSED };
