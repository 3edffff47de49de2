// The Node half of scripts/compare-outputs: calls the built npm package the
// way a user would and writes every result (or thrown error) as a JSON file.
//
//   node scripts/compare-outputs.mjs PKG_DIR INPUTS_DIR OUT_DIR
//
// PKG_DIR is a built pkg/ (its CommonJS entry node/jointwatch.js is loaded);
// INPUTS_DIR holds manifest.txt, one document path a line, relative to it.
// Writes OUT_DIR/<document>/<call>.json for each document (and
// OUT_DIR/_embedded-seed/ for Dataset.seed()), OUT_DIR/_functions/ for the
// plain functions. Only the API of the base revision (be19c25) is called; a
// function missing on one side shows up as a thrown TypeError there.
//
// Each file is {"value": …}, {"undefined": true} or {"thrown": {…}}, pretty
// printed, so two dumps can be compared with `diff -r`.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

const [pkgDir, inputsDir, outDir] = process.argv.slice(2).map((p) => p && resolve(p));
if (!pkgDir || !inputsDir || !outDir) {
  console.error("usage: node scripts/compare-outputs.mjs PKG_DIR INPUTS_DIR OUT_DIR");
  process.exit(2);
}
const jw = createRequire(import.meta.url)(join(pkgDir, "node", "jointwatch.js"));
// The second module (CSV, STIX, GeoJSON), in builds that have it; before it,
// the GeoJSON export was the core's `ds.toGeoJSON()`.
const formatsJs = join(pkgDir, "formats", "node", "formats.js");
const formats = existsSync(formatsJs) ? createRequire(import.meta.url)(formatsJs) : null;
const { Dataset } = jw;

// ---------------------------------------------------------------------------
// Recording.
// ---------------------------------------------------------------------------

let written = 0;

/** What an exception looked like to a caller; never its stack (it holds paths). */
function describeError(e) {
  if (!(e instanceof Error)) return { notAnError: true, type: typeof e, value: String(e) };
  const out = {
    name: e.name,
    code: e.code,
    message: e.message,
    path: e.path,
    line: e.line,
    column: e.column,
    findings: e.findings,
    isJointwatchError: safe(() => jw.isJointwatchError(e)),
    isParseError: safe(() => jw.isParseError(e)),
    isValidationError: safe(() => jw.isValidationError(e)),
    constructor: e.constructor?.name,
  };
  return out;
}

function safe(fn) {
  try {
    return fn();
  } catch (e) {
    return `threw ${e?.name}: ${e?.message}`;
  }
}

/** The outcome of a call, as written to a file. */
function outcome(fn) {
  try {
    const value = fn();
    return value === undefined ? { undefined: true } : { value };
  } catch (e) {
    return { thrown: describeError(e) };
  }
}

function write(file, data) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
  written++;
}

/** A recorder for one directory: `put(name, fn)` writes `<dir>/<name>.json`. */
function recorder(dir) {
  const put = (name, fn) => write(join(dir, `${name}.json`), outcome(fn));
  /** One file for many calls: `{ label: outcome }`. */
  put.many = (name, entries) => {
    const all = {};
    for (const [label, fn] of entries) all[label] = outcome(fn);
    write(join(dir, `${name}.json`), all);
  };
  return put;
}

/** What a user sees of a freshly made dataset; frees it when asked. */
function describeDataset(ds, free = true) {
  const d = {
    title: ds.title,
    formatVersion: ds.formatVersion,
    recordCount: ds.recordCount,
    counts: ds.counts,
    latestDate: ds.latestDate,
  };
  if (free) ds.free();
  return d;
}

// ---------------------------------------------------------------------------
// Arguments used for every document.
// ---------------------------------------------------------------------------

const YEAR = { by: "period", granularity: { type: "year" } };
const QUERIES = {
  "exercises-year-reported": {
    filter: { kinds: ["exercise"], participantsAll: ["CHN", "RUS"], from: "2014", to: "2024" },
    groupBy: [YEAR],
    reported: "jointExercises",
  },
  "scrambles-fiscal-year-reported": {
    filter: { kinds: ["statistic"] },
    groupBy: [{ by: "period", granularity: { type: "fiscalYear", firstMonth: 4 } }],
    reported: "scrambles",
  },
  "all-year": { groupBy: [YEAR] },
  "all-fiscal-year-end-named": {
    groupBy: [{ by: "period", granularity: { type: "fiscalYear", firstMonth: 10, namedBy: "endYear" } }],
  },
  "all-quarter-2019-2024": {
    filter: { from: "2019", to: "2024" },
    groupBy: [{ by: "period", granularity: { type: "quarter" } }],
  },
  "patrols-month-reported": {
    filter: { kinds: ["patrol"], from: "2019", to: "2024-06" },
    groupBy: [{ by: "period", granularity: { type: "month" } }],
    reported: "jointAirPatrols",
  },
  "naval-patrols-year-reported": {
    filter: { kinds: ["patrol"], domains: ["naval"] },
    groupBy: [YEAR],
    reported: "jointNavalPatrols",
  },
  "exercises-any-reported": { filter: { kinds: ["exercise"] }, groupBy: [YEAR], reported: "exercises" },
  "no-grouping": {},
  "by-participant": { groupBy: [{ by: "participant" }] },
  "by-domain": { groupBy: [{ by: "domain" }] },
  "by-area": { groupBy: [{ by: "area" }] },
  "by-series": { filter: { kinds: ["exercise"] }, groupBy: [{ by: "series" }] },
  "by-platform": { filter: { kinds: ["patrol"] }, groupBy: [{ by: "platform" }] },
  "year-by-participant": { filter: { kinds: ["exercise"] }, groupBy: [YEAR, { by: "participant" }] },
  "domain-by-year": { filter: { from: "2015", to: "2024" }, groupBy: [{ by: "domain" }, YEAR] },
  "sum-ships-year": { filter: { kinds: ["exercise"] }, groupBy: [YEAR], aggregate: { op: "sum", field: "ships" } },
  "max-personnel-year": {
    filter: { kinds: ["exercise"] },
    groupBy: [YEAR],
    aggregate: { op: "max", field: "personnel" },
  },
  "sum-aircraft-participant": { groupBy: [{ by: "participant" }], aggregate: { op: "sum", field: "aircraft" } },
  "max-submarines-area": { groupBy: [{ by: "area" }], aggregate: { op: "max", field: "submarines" } },
  "sum-platforms-year": { filter: { kinds: ["patrol"] }, groupBy: [YEAR], aggregate: { op: "sum", field: "platforms" } },
  "reliable-sources-year": { filter: { minReliability: "B", minCredibility: 2 }, groupBy: [YEAR] },
  "error-three-keys": { groupBy: [YEAR, { by: "domain" }, { by: "area" }] },
  "error-granularity": { groupBy: [{ by: "period", granularity: { type: "fiscalYear", firstMonth: 13 } }] },
  "error-window-too-large": {
    filter: { from: "0001", to: "9999" },
    groupBy: [{ by: "period", granularity: { type: "month" } }],
  },
  "error-unknown-field": { groupBy: [{ by: "participant", granularity: { type: "year" } }] },
};

const FILTERS = {
  all: undefined,
  exercises: { kinds: ["exercise"] },
  "air-patrols": { kinds: ["patrol"], domains: ["air"] },
  "chn-rus-2019-2023": { participantsAll: ["CHN", "RUS"], from: "2019", to: "2023" },
  "any-ind-irn": { participantsAny: ["IND", "IRN"], minParticipants: 2 },
  "sea-of-japan": { areas: ["sea-of-japan"] },
  "reliable-a": { minReliability: "A" },
  "error-bad-kind": { kinds: ["parade"] },
};

const FIELDS = ["ships", "submarines", "aircraft", "personnel", "platforms"];

const TARGETS = {
  point: { type: "point", lon: 131, lat: 35 },
  line: { type: "line", points: [{ lon: 125, lat: 30 }, { lon: 135, lat: 40 }] },
  polygon: {
    type: "polygon",
    points: [{ lon: 127, lat: 26 }, { lon: 131, lat: 26 }, { lon: 131, lat: 33 }, { lon: 127, lat: 33 }],
  },
  antimeridian: { type: "line", points: [{ lon: 175, lat: 50 }, { lon: -175, lat: 52 }] },
};

// The built-in areas of the base revision's gazetteer.
const BUILTIN_AREAS = [
  "arabian-sea", "arctic-ocean", "asia-pacific", "bab-el-mandeb", "baltic-sea", "barents-sea",
  "bay-of-bengal", "bering-sea", "black-sea", "bohai-sea", "caribbean-sea", "central-asia",
  "chukchi-sea", "coral-sea", "east-asia", "east-china-sea", "east-siberian-sea", "gulf-of-aden",
  "gulf-of-mexico", "gulf-of-oman", "gulf-of-thailand", "indian-ocean", "kara-sea",
  "korean-peninsula", "laptev-sea", "luzon-strait", "mediterranean-sea", "miyako-strait",
  "north-sea", "northeast-asia", "northern-sea-route", "osumi-strait", "pacific-ocean",
  "persian-gulf", "philippine-sea", "red-sea", "sea-of-japan", "sea-of-okhotsk",
  "south-china-sea", "soya-strait", "strait-of-hormuz", "strait-of-malacca", "taiwan-strait",
  "tsugaru-strait", "tsushima-strait", "western-pacific", "yellow-sea",
];

// ---------------------------------------------------------------------------
// One document.
// ---------------------------------------------------------------------------

/** Every call on a dataset, read from `text` (or the embedded seed when `text` is null). */
function dumpDocument(dir, text) {
  const put = recorder(dir);
  let ds;
  if (text === null) {
    put("seed", () => {
      ds = Dataset.seed();
      return describeDataset(ds, false);
    });
  } else {
    put("validate", () => jw.validate(text));
    put("validate-strict", () => jw.validate(text, { strict: true }));
    put("validate-ignore", () => jw.validate(text, { ignore: ["undated-record", "no-source"] }));
    put("fromJSON", () => describeDataset(Dataset.fromJSON(text)));
    put("fromJSON-strict", () => describeDataset(Dataset.fromJSON(text, { strict: true })));
    let object;
    put("JSON.parse", () => {
      object = JSON.parse(text);
      return typeof object;
    });
    if (object !== undefined) {
      put("validate-object", () => jw.validate(object));
      put("fromObject", () => describeDataset(Dataset.fromObject(object)));
    }
    put("parse", () => {
      ds = Dataset.parse(text);
      return describeDataset(ds, false);
    });
  }
  if (!ds) return;
  const doc = ds.toJSON();

  put("ds.validate", () => ds.validate());
  put("ds.validate-strict", () => ds.validate({ strict: true }));
  put("ds.validate-ignore", () => ds.validate({ ignore: ["undated-record"] }));
  put("ds.toJSON", () => doc);
  put("ds.toJSONText", () => ds.toJSONText());
  put("ds.toGeoJSON", () => (formats ? formats.toGeoJSON(ds) : ds.toGeoJSON()));
  put("round-trip", () => {
    const again = Dataset.parse(ds.toJSONText());
    const same = again.toJSONText() === ds.toJSONText();
    again.free();
    return { sameText: same };
  });

  for (const [name, filter] of Object.entries(FILTERS)) {
    put(`select/${name}`, () => ds.select(filter));
  }
  for (const [name, query] of Object.entries(QUERIES)) {
    put(`series/${name}`, () => ds.series(query));
    put(`series-summary/${name}`, () => ds.seriesSummary(query));
    put(`series-trends/${name}`, () => ds.seriesTrends(query));
  }

  put("patrolCadence/all", () => ds.patrolCadence());
  put("patrolCadence/jointAirPatrol", () => ds.patrolCadence("jointAirPatrol"));
  put("patrolCadence/jointNavalPatrol", () => ds.patrolCadence("jointNavalPatrol"));
  put("patrolCadence/error-kind", () => ds.patrolCadence("parade"));

  put("compareWindows/exercises", () =>
    ds.compareWindows({ kinds: ["exercise"] }, { start: "2020", end: "2023" }, { start: "2024", end: "2024" }));
  put("compareWindows/patrols", () =>
    ds.compareWindows({ kinds: ["patrol"] }, { start: "2019", end: "2021" }, { start: "2022-01", end: "2024-12-31" }));
  put("compareWindows/all-months", () =>
    ds.compareWindows({}, { start: "2023-01", end: "2023-06" }, { start: "2023-07", end: "2023-12" }));

  const latestYear = Number((ds.latestDate ?? "2024").slice(0, 4));
  for (const field of FIELDS) {
    put(`largest/${field}-2024-30`, () => ds.largest(field, 2024, 30));
    put(`largest/${field}-latest-5`, () => ds.largest(field, latestYear, 5));
  }
  put("largest/error-field", () => ds.largest("tanks", 2024, 30));

  put.many("shares", [
    ...(doc.statistics ?? []).map((s) => [s.id, () => ds.shares(s.id)]),
    ["(unknown)", () => ds.shares("no-such-statistic")],
  ]);

  const areaIds = [...new Set([
    ...(doc.areas ?? []).map((a) => a.id),
    ...[...(doc.exercises ?? []), ...(doc.patrols ?? [])].flatMap((r) => r.areas ?? []),
  ])].sort();
  put.many("areaTarget", [
    ...areaIds.map((id) => [id, () => ds.areaTarget(id)]),
    ["sea-of-japan", () => ds.areaTarget("sea-of-japan")],
    ["(unknown)", () => ds.areaTarget("no-such-area")],
  ]);

  const patrolIds = (doc.patrols ?? []).map((p) => p.id);
  const seaOfJapan = safe(() => ds.areaTarget("sea-of-japan"));
  for (const [name, target] of Object.entries({ ...TARGETS, "sea-of-japan": seaOfJapan })) {
    put.many(`patrolClosestApproach/${name}`, [
      ...patrolIds.map((id, i) => [`${i}:${id}`, () => ds.patrolClosestApproach(id, target)]),
      ["(unknown)", () => ds.patrolClosestApproach("no-such-patrol", target)],
    ]);
  }
  put("patrolClosestApproach/error-target", () =>
    ds.patrolClosestApproach(patrolIds[0] ?? "x", { type: "circle", lon: 1, lat: 2 }));

  put.many("validateRecord", [
    ["exercise[0]", () => ds.validateRecord("exercise", doc.exercises?.[0] ?? {})],
    ["patrol[0]", () => ds.validateRecord("patrol", doc.patrols?.[0] ?? {})],
    ["statistic[0]", () => ds.validateRecord("statistic", doc.statistics?.[0] ?? {})],
    ["new-exercise", () => ds.validateRecord("exercise",
      { id: "zz-new", name: "New", participants: ["CHN", "RUS"], dates: "2025", sources: ["seed"] })],
    ["bad-kind", () => ds.validateRecord("parade", {})],
  ]);

  put("ds.assess", () => ds.assess());
  put("ds.brief", () => ds.brief());
  const full = ds.withCatalogue();
  put("withCatalogue", () => describeDataset(full, false));
  put("withCatalogue.assess", () => full.assess());
  put("withCatalogue.assess-2023-06", () => full.assess({ asOf: "2023-06" }));
  put("withCatalogue.assess-error", () => full.assess({ asOf: "June" }));
  put("withCatalogue.brief", () => full.brief());
  put("withCatalogue.brief-strict-2022", () => full.brief({ strict: true }, { asOf: "2022" }));
  put("withCatalogue.toJSON", () => full.toJSON());
  full.free();

  put.many("merge", [
    ["seed", () => mergeInto(text, Dataset.seed().toJSON())],
    ["catalogue", () => mergeInto(text, Dataset.catalogue().toJSONText())],
    ["itself", () => mergeInto(text, ds.toJSONText())],
    ["itself-strict", () => mergeInto(text, ds.toJSON(), { strict: true })],
    ["malformed", () => mergeInto(text, "{")],
  ]);
  ds.free();
}

/** Merges `other` into a fresh copy of the document; the summary and the counts after. */
function mergeInto(text, other, options) {
  const ds = text === null ? Dataset.seed() : Dataset.parse(text);
  try {
    const added = ds.merge(other, options);
    return { added, after: ds.counts };
  } catch (e) {
    return { thrown: describeError(e), after: ds.counts };
  } finally {
    ds.free();
  }
}

// ---------------------------------------------------------------------------
// The plain functions.
// ---------------------------------------------------------------------------

function dumpFunctions(dir) {
  const put = recorder(dir);
  put("exports", () => Object.keys(jw).sort());
  put("Dataset.prototype", () => Object.getOwnPropertyNames(Dataset.prototype).sort());
  put("Dataset.statics", () => Object.getOwnPropertyNames(Dataset).sort());
  put("version", () => jw.version());
  put("formatVersion", () => jw.formatVersion());
  put("findingCodes", () => jw.findingCodes());

  const probabilities = [-0.01, -0, 0, 1e-9, 0.049, 0.05, 0.0501, 0.2, 0.45, 0.55, 0.62, 0.8, 0.95, 0.99, 1, 1.01, NaN];
  for (let i = 0; i <= 200; i++) probabilities.push(i / 200);
  put.many("estimativeTerm", [
    ...probabilities.map((p, i) => [`${i}:${p}`, () => jw.estimativeTerm(p)]),
    ["string", () => jw.estimativeTerm("0.5")],
    ["undefined", () => jw.estimativeTerm()],
  ]);

  const quantities = [
    0, 7, 669, 2.5, { atLeast: 9 }, { over: 400 }, { atMost: 10 }, { under: 10 }, { min: 4, max: 10 },
    { low: 3, best: 5, high: 8 }, { min: 0, max: 0 }, { over: 0 }, { under: 1 }, { low: 0, best: 0, high: 1 },
  ];
  const badQuantities = [{ min: 10, max: 4 }, { foo: 1 }, -1, "x", null, { over: 1, under: 3 }, 1e400];
  const label = (q) => JSON.stringify(q);
  put.many("formatQuantity", [...quantities, ...badQuantities].map((q) => [label(q), () => jw.formatQuantity(q)]));
  put.many("quantityBounds", [...quantities, ...badQuantities].map((q) => [label(q), () => jw.quantityBounds(q)]));
  const pairs = quantities.flatMap((a) => quantities.map((b) => [a, b]));
  put.many("addQuantities", [
    ...pairs.map(([a, b]) => [`${label(a)} + ${label(b)}`, () => jw.addQuantities(a, b)]),
    ["bad", () => jw.addQuantities({ min: 10, max: 4 }, 1)],
  ]);
  put.many("maxQuantity", [
    ...pairs.map(([a, b]) => [`max(${label(a)}, ${label(b)})`, () => jw.maxQuantity(a, b)]),
    ["bad", () => jw.maxQuantity(1, "x")],
  ]);
  put.many("sumQuantities", [
    ["empty", () => jw.sumQuantities([])],
    ["all", () => jw.sumQuantities(quantities)],
    ["exact", () => jw.sumQuantities([1, 2, 3.5])],
    ["bounds", () => jw.sumQuantities([{ over: 400 }, 120, { atLeast: 9 }])],
    ["ranges", () => jw.sumQuantities([1, { min: 2, max: 3 }, { low: 1, best: 2, high: 4 }])],
    ["not-a-list", () => jw.sumQuantities(5)],
  ]);

  const periods = [
    { type: "calendarYear", year: 2024 },
    { type: "quarter", year: 2024, quarter: 3 },
    { type: "quarter", year: 2024, quarter: 1 },
    { type: "month", year: 2024, month: 2 },
    { type: "month", year: 2023, month: 2 },
    { type: "month", year: 1900, month: 2 },
    { type: "fiscalYear", year: 2023, firstMonth: 4 },
    { type: "fiscalYear", year: 2023, firstMonth: 1 },
    { type: "fiscalYear", year: 2024, firstMonth: 10, namedBy: "endYear" },
    { type: "years", start: 2014, end: 2023 },
    { type: "years", start: 2024, end: 2024 },
    { type: "quarter", year: 2024, quarter: 5 },
    { type: "month", year: 2024, month: 13 },
    { type: "years", start: 2023, end: 2014 },
    { type: "fiscalYear", year: 2023, firstMonth: 0 },
    { type: "decade", year: 2020 },
    "2024",
  ];
  put.many("formatPeriod", periods.map((p) => [label(p), () => jw.formatPeriod(p)]));
  put.many("periodDays", periods.map((p) => [label(p), () => jw.periodDays(p)]));
  const granularities = [
    { type: "year" }, { type: "quarter" }, { type: "month" }, { type: "fiscalYear", firstMonth: 4 },
    { type: "fiscalYear", firstMonth: 10, namedBy: "endYear" }, { type: "fiscalYear", firstMonth: 1 },
    { type: "fiscalYear", firstMonth: 13 }, { type: "week" },
  ];
  const days = ["2024-02-10", "2024-03-31", "2024-04-01", "2023-12-31", "2024-02-29", "2023-10-01", "2024", "2024-02", "bad"];
  put.many("periodOf", granularities.flatMap((g) => days.map((d) => [`${label(g)} ${d}`, () => jw.periodOf(g, d)])));

  const series = {
    mixed: [3, 1, 4, null, 1, 5, 9],
    short: [4, 5, 10],
    empty: [],
    one: [1],
    rising: [4, 5, 7, 6, 8, 10, 9, 12],
    flat: [1, 1, 1, 1],
    falling: [10, 9, 8, 7, 6],
    gaps: [2, NaN, 4, Infinity, 6, null, 9],
    typed: new Float64Array([1.5, 2.25, 3.125, 2, 5.5]),
    ties: [1, 2, 2, 2, 3, 3, 4, 4, 4, 4, 5],
    long: pseudoRandom(60),
  };
  for (const [name, ys] of Object.entries(series)) {
    const xs = Array.from(ys, (_, i) => 2014 + i);
    put(`summarize/${name}`, () => jw.summarize(ys));
    put(`yearOverYear/${name}`, () => jw.yearOverYear(ys));
    put(`mannKendall/${name}`, () => jw.mannKendall(ys));
    put(`mannKendall-0.1/${name}`, () => jw.mannKendall(ys, 0.1));
    put(`leastSquares/${name}`, () => jw.leastSquares(xs, ys));
    put(`sensSlope/${name}`, () => jw.sensSlope(xs, ys));
  }
  put("mannKendall/error-alpha", () => jw.mannKendall([1, 2, 3], 1.5));
  put("leastSquares/error-lengths", () => jw.leastSquares([1, 2, 3], [1, 2]));
  put("sensSlope/outlier", () => jw.sensSlope([0, 1, 2, 3, 4], [4, 6, 8, 10, 40]));
  put("summarize/error-type", () => jw.summarize("1,2,3"));
  put.many("rateComparison", [
    [[10, 100, 25, 120]], [[0, 10, 0, 10]], [[5, 10, 0, 10]], [[3, 4, 2, 1]], [[1200, 10, 1100, 10]],
    [[4000, 3, 5000, 4]], [[10, 0, 5, 10]], [[10, -1, 5, 10]], [[1.5, 10, 2, 10]], [[-1, 10, 2, 10]],
  ].map(([args]) => [args.join(","), () => jw.rateComparison(...args)]));

  const routes = {
    "meridian": [{ lon: 130, lat: 30 }, { lon: 130, lat: 40 }],
    "one-point": [{ lon: 131, lat: 35 }],
    "sea-of-japan-loop": [{ lon: 129, lat: 34 }, { lon: 132, lat: 37 }, { lon: 136, lat: 40 }, { lon: 140, lat: 44 }],
    "antimeridian": [{ lon: 170, lat: 50 }, { lon: -170, lat: 55 }, { lon: -160, lat: 58 }],
    "pole": [{ lon: 0, lat: 89 }, { lon: 180, lat: 89 }],
    "empty": [],
    "out-of-range": [{ lon: 200, lat: 10 }, { lon: 0, lat: 0 }],
  };
  const targets = {
    ...TARGETS,
    "empty-line": { type: "line", points: [] },
    "degenerate-polygon": { type: "polygon", points: [{ lon: 0, lat: 0 }, { lon: 1, lat: 1 }, { lon: 0, lat: 0 }] },
    "bad-point": { type: "point", lon: 0, lat: 95 },
  };
  put.many("routeLengthKm", [
    ...Object.entries(routes).map(([name, r]) => [name, () => jw.routeLengthKm(r)]),
    ["error", () => jw.routeLengthKm("x")],
  ]);
  put.many("closestApproach", Object.entries(routes).flatMap(([rn, r]) =>
    Object.entries(targets).map(([tn, t]) => [`${rn} -> ${tn}`, () => jw.closestApproach(r, t)])));

  // The built-in areas, through a dataset, and how close a fixed route came to each.
  const seed = Dataset.seed();
  const loop = routes["sea-of-japan-loop"];
  put.many("builtin-areaTarget", BUILTIN_AREAS.map((id) => [id, () => seed.areaTarget(id)]));
  put.many("builtin-closestApproach", BUILTIN_AREAS.map((id) => [id, () => {
    const t = seed.areaTarget(id);
    return t === undefined ? "no geometry" : jw.closestApproach(loop, t);
  }]));
  seed.free();

  const catalogue = Dataset.catalogue();
  put("Dataset.catalogue", () => describeDataset(catalogue, false));
  put("Dataset.catalogue.toJSON", () => catalogue.toJSON());
  catalogue.free();

  put.many("validateRecord", [
    ["exercise-single", () => jw.validateRecord("exercise", { id: "x", name: "X", participants: ["CHN"], sources: [] })],
    ["exercise-ok", () => jw.validateRecord("exercise",
      { id: "x", name: "X", participants: ["CHN", "RUS"], dates: "2024-07", sources: ["s"] })],
    ["patrol", () => jw.validateRecord("patrol", { id: "p", kind: "jointAirPatrol", participants: ["CHN", "RUS"], sources: [] })],
    ["statistic", () => jw.validateRecord("statistic", { id: "s", measure: "scrambles", sources: [] })],
    ["string", () => jw.validateRecord("exercise", "{}")],
    ["bad-kind", () => jw.validateRecord("parade", {})],
  ]);
  put.many("validate-arguments", [
    ["number", () => jw.validate(42)],
    ["bad-options", () => jw.validate("{}", { strict: "yes" })],
    ["unknown-ignore", () => jw.validate("{}", { ignore: ["no-such-code"] })],
    ["empty-text", () => jw.validate("")],
  ]);
}

/** A fixed series of 0–20 (a linear congruential generator), the same on every run. */
function pseudoRandom(n) {
  let x = 12345;
  return Array.from({ length: n }, (_, i) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return (x % 21) + Math.floor(i / 6);
  });
}

// ---------------------------------------------------------------------------
// Main.
// ---------------------------------------------------------------------------

rmSync(outDir, { recursive: true, force: true });
const started = Date.now();
dumpFunctions(join(outDir, "_functions"));
dumpDocument(join(outDir, "_embedded-seed"), null);
const manifest = readFileSync(join(inputsDir, "manifest.txt"), "utf8").split("\n").filter(Boolean);
for (const doc of manifest) {
  const text = readFileSync(join(inputsDir, doc), "utf8");
  dumpDocument(join(outDir, doc.replace(/\.json$/, "")), text);
}
console.error(`compare-outputs.mjs: ${written} files from ${manifest.length + 1} documents in ${Date.now() - started} ms`);
