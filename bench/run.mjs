// Node benchmark: the npm package jointwatch (WebAssembly) against what a web
// developer would otherwise use, on the same generated documents, in one process.
//
//   node --expose-gc --max-old-space-size=16384 bench/run.mjs \
//     --data target/bench/data --sizes 1k,100k,1M --out target/bench/node-results.json
//
// The data directory holds dataset-<size>.json and workload.json, written by the
// Rust `gen` binary (crates/jointwatch-bench). scripts/bench does all of this.
//
// Every measurement: warm-up runs, then several timed runs (each timing enough
// repetitions to last at least a few milliseconds), reported as the median time
// of one operation with its spread (25th–75th percentile, min, max). Before
// timing, each comparison checks that both sides computed the same answer.

import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";

import Ajv2020 from "ajv/dist/2020.js";
import * as aq from "arquero";
import * as turf from "@turf/turf";
import { spread } from "./stats.mjs";

// The package keeps its WebAssembly instance to itself; to report the memory
// it uses, the instance it creates while it is imported is noted here.
const instances = [];
const Instance = WebAssembly.Instance;
WebAssembly.Instance = function (module, imports) {
  const instance = new Instance(module, imports);
  instances.push(instance);
  return instance;
};
const { Dataset, closestApproach, validate: jwValidate, version: jwVersion } = await import("jointwatch");
WebAssembly.Instance = Instance;

const require = createRequire(import.meta.url);
const here = new URL(".", import.meta.url).pathname;

const { values: args } = parseArgs({
  options: {
    data: { type: "string", default: `${here}../target/bench/data` },
    sizes: { type: "string", default: process.env.JW_BENCH_SIZES || "1k,100k,1M" },
    out: { type: "string", default: `${here}../target/bench/node-results.json` },
    schema: { type: "string", default: `${here}../schema/dataset.schema.json` },
    quick: { type: "boolean", default: false },
    // Only these sections (comma-separated: load, query, interactive, validate, geography),
    // for iterating on one; the report needs a run of all.
    only: { type: "string", default: "" },
  },
});
const only = new Set(args.only.split(",").filter(Boolean));
const runs = (section) => only.size === 0 || only.has(section);

// ---------------------------------------------------------------- timing

const gc = globalThis.gc ?? (() => {});
let sink = 0; // keeps results alive so that no work is optimised away
const keep = (r) => {
  sink ^= r == null ? 0 : typeof r === "number" ? r | 0 : 1;
};

/** Times `fn` (one operation) and returns milliseconds per operation. */
function measure(fn, { records }) {
  const big = records >= 500_000;
  const warmup = args.quick ? 1 : big ? 1 : 3;
  let runs = args.quick ? 3 : big ? 5 : records >= 50_000 ? 7 : 15;
  const minSampleMs = args.quick ? 2 : 20;
  let inner = 1;
  let lastWarmupMs = 0;
  for (let i = 0; i < warmup; i++) {
    const t0 = performance.now();
    keep(fn());
    const ms = performance.now() - t0;
    lastWarmupMs = ms;
    if (ms > 10_000) break; // one warm-up is plenty for an operation this long
    // Repeat fast operations inside one timed sample so the timer's resolution does not matter.
    inner = Math.max(inner, Math.min(10_000, Math.ceil(minSampleMs / Math.max(ms, 1e-3))));
  }
  const samples = [];
  // Operations that take many seconds get fewer runs, so that the full run stays within the hour.
  if (!args.quick && lastWarmupMs > 10_000) runs = 3;
  for (let r = 0; r < runs; r++) {
    gc();
    const t0 = performance.now();
    for (let k = 0; k < inner; k++) keep(fn());
    samples.push((performance.now() - t0) / inner);
  }
  return { ...spread(samples), runs, inner };
}

// ---------------------------------------------------------- plain JavaScript

// Fuzzy dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD"; ranges are a string or {start, end}.
const daysIn = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const firstDay = (s) => (s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s);
const lastDay = (s) =>
  s.length === 4
    ? `${s}-12-31`
    : s.length === 7
      ? `${s}-${String(daysIn(+s.slice(0, 4), +s.slice(5, 7))).padStart(2, "0")}`
      : s;
const rangeStart = (d) => (typeof d === "string" ? d : d.start);
const rangeEnd = (d) => (typeof d === "string" ? d : d.end);
const country = (p) => (typeof p === "string" ? p : p.country);
// The fiscal year (named for the year it starts in) holding an ISO day.
const fiscalYear = (iso, firstMonth) => {
  const y = +iso.slice(0, 4);
  return +iso.slice(5, 7) >= firstMonth ? y : y - 1;
};

/**
 * The dashboard's query written the way a front-end developer would: one pass
 * over the parsed document, a Map of groups, then zero-filling. Same rules as
 * jointwatch's series: window overlap, any of the participants, a record placed
 * in the fiscal year holding its start, unless an imprecise start straddles two.
 */
function plainAggregate(doc, query, { ids = true } = {}) {
  const { filter, groupBy } = query;
  const firstMonth = groupBy[0].granularity.firstMonth;
  const from = firstDay(filter.from);
  const to = lastDay(filter.to);
  const any = new Set(filter.participantsAny);
  const groups = new Map();
  const keys = new Set();
  const unplaced = [];
  for (const list of [doc.exercises ?? [], doc.patrols ?? []]) {
    for (const r of list) {
      if (!r.dates) continue;
      const start = rangeStart(r.dates);
      if (lastDay(rangeEnd(r.dates)) < from || firstDay(start) > to) continue;
      const states = [...new Set(r.participants.map(country))].sort();
      if (!states.some((s) => any.has(s))) continue;
      const fy = fiscalYear(firstDay(start), firstMonth);
      if (fy !== fiscalYear(lastDay(start), firstMonth)) {
        unplaced.push(r.id);
        continue;
      }
      for (const s of states) {
        keys.add(s);
        const k = `${fy}|${s}`;
        let g = groups.get(k);
        if (!g) groups.set(k, (g = { count: 0, ids: [] }));
        g.count++;
        if (ids) g.ids.push(r.id);
      }
    }
  }
  const points = [];
  const sortedKeys = [...keys].sort();
  for (let fy = fiscalYear(from, firstMonth); fy <= fiscalYear(to, firstMonth); fy++) {
    for (const s of sortedKeys) {
      const g = groups.get(`${fy}|${s}`);
      points.push({ key: [`FY${fy}`, s], count: g ? g.count : 0, ids: g ? g.ids : [] });
    }
  }
  return { points, unplaced };
}

// ------------------------------------------------------------------ arquero

/** The records as an arquero table, one row per record, with its dates as ISO days. */
function arqueroTable(doc) {
  const rows = [];
  for (const list of [doc.exercises ?? [], doc.patrols ?? []]) {
    for (const r of list) {
      if (!r.dates) continue;
      const start = rangeStart(r.dates);
      rows.push({
        id: r.id,
        startFirst: firstDay(start),
        startLast: lastDay(start),
        spanLast: lastDay(rangeEnd(r.dates)),
        states: [...new Set(r.participants.map(country))],
      });
    }
  }
  return aq.from(rows);
}

/** The same query in arquero: filter, derive, unroll, group, roll up, zero-fill. */
function arqueroAggregate(table, query, { ids = true } = {}) {
  const { filter, groupBy } = query;
  const firstMonth = groupBy[0].granularity.firstMonth;
  const from = firstDay(filter.from);
  const to = lastDay(filter.to);
  const any = new Set(filter.participantsAny);
  const fy = (iso) => fiscalYear(iso, firstMonth);
  const windowed = table
    .filter(aq.escape((d) => d.spanLast >= from && d.startFirst <= to && d.states.some((s) => any.has(s))))
    .derive({ fy: aq.escape((d) => fy(d.startFirst)), fyEnd: aq.escape((d) => fy(d.startLast)) });
  const placed = windowed.filter((d) => d.fy === d.fyEnd);
  const counts = placed
    .unroll("states")
    .groupby("fy", "states")
    .rollup(ids ? { count: aq.op.count(), ids: aq.op.array_agg("id") } : { count: aq.op.count() });
  const years = [];
  for (let y = fy(from); y <= fy(to); y++) years.push(y);
  const frame = aq
    .table({ fy: years })
    .cross(aq.table({ states: counts.array("states").filter((v, i, a) => a.indexOf(v) === i) }));
  return {
    points: frame
      .join_left(counts, [["fy", "states"], ["fy", "states"]], [aq.all(), aq.not("fy", "states")])
      .impute(ids ? { count: () => 0, ids: () => [] } : { count: () => 0 })
      .orderby("fy", "states"),
    unplaced: windowed.filter((d) => d.fy !== d.fyEnd).numRows(),
  };
}

// ---------------------------------------------------------------- geography

/** Closest distance of each route's points to the polygon with turf (0 inside). */
function turfClosest(routes, polygon) {
  let min = Infinity;
  let total = 0;
  for (const route of routes) {
    let best = Infinity;
    for (const p of route) {
      const d = turf.pointToPolygonDistance(turf.point([p.lon, p.lat]), polygon, { units: "kilometers" });
      best = Math.min(best, Math.max(d, 0));
    }
    min = Math.min(min, best);
    total += best;
  }
  return { min, total };
}

function jwClosest(routes, target) {
  let min = Infinity;
  let total = 0;
  for (const route of routes) {
    const a = closestApproach(route, target);
    min = Math.min(min, a.distanceKm);
    total += a.distanceKm;
  }
  return { min, total };
}

function jwClosestHeld(ds, ids, target) {
  let min = Infinity;
  let total = 0;
  for (const id of ids) {
    const a = ds.patrolClosestApproach(id, target);
    min = Math.min(min, a.distanceKm);
    total += a.distanceKm;
  }
  return { min, total };
}

// ------------------------------------------------------------------ checks

function check(cond, message) {
  if (!cond) throw new Error(`benchmark check failed: ${message}`);
}

function countsOf(points, keyOf, countOf) {
  const m = new Map();
  for (const p of points) m.set(keyOf(p), countOf(p));
  return m;
}

function sameCounts(a, b, what) {
  check(a.size === b.size, `${what}: ${a.size} groups vs ${b.size}`);
  for (const [k, v] of a) check(b.get(k) === v, `${what}: group ${k} has ${v} vs ${b.get(k)}`);
}

// -------------------------------------------------------------------- main

const parseSize = (s) => {
  const m = /^(\d+)([kKmM]?)$/.exec(s.trim());
  if (!m) throw new Error(`not a size: ${s}`);
  return +m[1] * (m[2] === "" ? 1 : m[2].toLowerCase() === "k" ? 1_000 : 1_000_000);
};
const label = (n) => (n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n % 1_000 === 0 ? `${n / 1_000}k` : `${n}`);

const workload = JSON.parse(readFileSync(`${args.data}/workload.json`, "utf8"));
const schema = JSON.parse(readFileSync(args.schema, "utf8"));
// Every finding, like ours; the schema's numeric formats (int16, uint8, double, …)
// are accepted as annotations, so ajv checks types, ranges, enums and shapes.
const ajv = new Ajv2020({ allErrors: true, strict: false });
for (const format of new Set([...JSON.stringify(schema).matchAll(/"format":"([^"]+)"/g)].map((m) => m[1]))) {
  ajv.addFormat(format, true);
}
const ajvValidate = ajv.compile(schema);
const { seriesQuery, target } = workload;
const ring = target.points.map((p) => [p.lon, p.lat]);
const turfPolygon = turf.polygon([[...ring, ring[0]]]);

const packageVersion = (name) => require(`${name}/package.json`).version;
const results = {
  node: process.version,
  v8: process.versions.v8,
  packages: {
    jointwatch: jwVersion(),
    ajv: packageVersion("ajv"),
    arquero: packageVersion("arquero"),
    "@turf/turf": packageVersion("@turf/turf"),
  },
  quick: args.quick,
  sizes: [],
};

/** Every (section, tools) pair timed below, in the order of the report. */
const TOOLS = [
  ["load", ["jointwatch", "jointwatch (no check)", "JSON.parse", "arquero"]],
  ["query", ["jointwatch", "plain JavaScript", "arquero", "jointwatch (ids)", "plain JavaScript (ids)", "arquero (ids)"]],
  ["interactive", ["jointwatch", "plain JavaScript"]],
  ["validate", ["jointwatch", "ajv", "jointwatch (held)", "ajv (held)"]],
  ["geography", ["jointwatch", "jointwatch (held)", "turf"]],
];

/** The interactive workload: a page moving a five-year window one year at a time, 20 times. */
const windows = (query) =>
  Array.from({ length: 20 }, (_, i) => ({
    ...query,
    filter: { ...query.filter, from: String(2000 + i), to: String(2004 + i) },
  }));

/** The WebAssembly memory of the package, in bytes (it grows, and never shrinks). */
const wasmMemory = () => (instances.length === 1 ? (instances[0].exports.memory?.buffer?.byteLength ?? null) : null);

/** Checks that jointwatch's series and the plain-JavaScript aggregation agree on a query. */
function sameAnswers(ours, plain, what) {
  const plainCounts = countsOf(plain.points, (p) => p.key.join("|"), (p) => p.count);
  sameCounts(countsOf(ours.points, (p) => p.key.join("|"), (p) => p.value), plainCounts, `${what}: jointwatch vs plain JavaScript`);
  check(ours.unplaced.length === plain.unplaced.length, `${what}: unplaced records differ (jointwatch vs plain JavaScript)`);
  return plainCounts;
}

for (const n of args.sizes.split(",").map(parseSize)) {
  const file = `${args.data}/dataset-${label(n)}.json`;
  const text = readFileSync(file, "utf8");
  const rows = [];
  const row = (section, tool, operation, fn) => {
    if (!runs(section)) return;
    let m;
    try {
      m = measure(fn, { records: n });
    } catch (e) {
      // Reported, not hidden: a tool that cannot do the work at this size (out of memory, say).
      rows.push({ section, tool, operation, error: String(e?.message ?? e).slice(0, 200) });
      process.stderr.write(`  ${label(n).padEnd(5)} ${section.padEnd(11)} ${tool.padEnd(22)} failed: ${e?.message ?? e}\n`);
      return;
    }
    rows.push({ section, tool, operation, ...m });
    process.stderr.write(
      `  ${label(n).padEnd(5)} ${section.padEnd(11)} ${tool.padEnd(22)} ${m.medianMs.toFixed(3).padStart(12)} ms  (${operation})\n`,
    );
  };
  /** A row that cannot be measured at this size, and why. */
  const notMeasured = (section, tool, operation, why) => {
    if (runs(section)) rows.push({ section, tool, operation, error: why, skipped: true });
  };
  process.stderr.write(`bench/run.mjs: ${label(n)} records, ${(text.length / 1e6).toFixed(1)} M characters\n`);

  // The package refuses a document over its size limit (256 MiB by default, by
  // design). A caller can raise the limits on purpose (`Dataset.fromJSON(text,
  // { limits })`), as the Rust benchmarks do: then the calls that take limits
  // are timed with them, and the calls that do not (`Dataset.parse`,
  // `validate(text)`) say so. Only when even raised limits do not help is the
  // size skipped, every row saying why.
  let loadOptions;
  let limitsRaised = null;
  let refused = null;
  try {
    Dataset.fromJSON(text).free();
  } catch (e) {
    if (e?.code !== "document-too-large") throw e;
    limitsRaised = { maxBytes: Buffer.byteLength(text, "utf8") };
    loadOptions = { limits: limitsRaised };
    try {
      Dataset.fromJSON(text, loadOptions).free();
      process.stderr.write(`  ${label(n).padEnd(5)} over the default limits (${e.message}): read with limits raised to ${JSON.stringify(limitsRaised)}\n`);
    } catch (e2) {
      refused = `not measured: the npm package refuses this document (${e.message}), and with its limits raised (${e2?.message ?? e2})`;
    }
  }
  if (refused) {
    process.stderr.write(`  ${label(n).padEnd(5)} ${refused}\n`);
    for (const [section, tools] of TOOLS) {
      for (const tool of tools) notMeasured(section, tool, "", refused);
    }
    results.sizes.push({ records: n, label: label(n), characters: text.length, skipped: refused, rows });
    writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
    continue;
  }
  const noLimits = limitsRaised
    ? "not measured: over the default limits, and this call takes no limits (only Dataset.fromJSON and Dataset.fromObject do)"
    : null;

  // Load: the text into something that can answer queries.
  row("load", "jointwatch", "Dataset.fromJSON(text): parse + validate, held in wasm", () => Dataset.fromJSON(text, loadOptions).free());
  if (noLimits) notMeasured("load", "jointwatch (no check)", "Dataset.parse(text): parse only", noLimits);
  else row("load", "jointwatch (no check)", "Dataset.parse(text): parse only", () => Dataset.parse(text).free());
  row("load", "JSON.parse", "JSON.parse(text)", () => JSON.parse(text));

  const doc = JSON.parse(text);
  // The package may refuse a document (it has a size limit): then its rows say so and the others still run.
  let ds = null;
  let heldError = null;
  try {
    ds = Dataset.fromJSON(text, loadOptions);
  } catch (e) {
    heldError = e;
    process.stderr.write(`  ${label(n).padEnd(5)} jointwatch cannot hold this document: ${e?.message ?? e}\n`);
  }
  // After the load rows and the held dataset: the most the module's memory grew to.
  const wasmMemoryBytes = wasmMemory();
  const held = (fn) => () => {
    if (!ds) throw heldError;
    return fn();
  };
  row("load", "arquero", "arquero table from the parsed document", () => arqueroTable(doc).numRows());
  const table = runs("query") ? arqueroTable(doc) : null;

  // Re-aggregation on held data; all three must agree before they are timed.
  // The headline rows are counts only: jointwatch with `{ ids: false }`, the
  // others without collecting ids either. The `(ids)` rows list the id of
  // every counted record in each group, on all three sides.
  if (runs("query")) {
    for (const ids of [false, true]) {
      const plain = plainAggregate(doc, seriesQuery, { ids });
      const arq = arqueroAggregate(table, seriesQuery, { ids });
      const plainCounts = countsOf(plain.points, (p) => p.key.join("|"), (p) => p.count);
      sameCounts(plainCounts, countsOf(arq.points.objects(), (p) => `FY${p.fy}|${p.states}`, (p) => p.count), "arquero vs plain JavaScript");
      check(plain.unplaced.length === arq.unplaced, "unplaced records differ (arquero vs plain JavaScript)");
      if (ds) {
        const ours = ds.series(seriesQuery, { ids });
        sameAnswers(ours, plain, "query");
        const idsOf = (points) => points.reduce((sum, p) => sum + p.ids.length, 0);
        check(idsOf(ours.points) === idsOf(plain.points), `ids listed differ (ids: ${ids})`);
      }
    }
  }
  row("query", "jointwatch", "ds.series(fiscal year × participant, { ids: false })", held(() => ds.series(seriesQuery, { ids: false }).points.length));
  row("query", "plain JavaScript", "loop + Map over the parsed document, counts only", () => plainAggregate(doc, seriesQuery, { ids: false }).points.length);
  row("query", "arquero", "filter/derive/unroll/groupby/rollup/join, counts only", () => arqueroAggregate(table, seriesQuery, { ids: false }).points.numRows());
  row("query", "jointwatch (ids)", "ds.series(fiscal year × participant): with the ids of every counted record", held(() => ds.series(seriesQuery).points.length));
  row("query", "plain JavaScript (ids)", "loop + Map over the parsed document, with ids", () => plainAggregate(doc, seriesQuery).points.length);
  row("query", "arquero (ids)", "the same, with array_agg of the ids", () => arqueroAggregate(table, seriesQuery).points.numRows());

  // Interactive: 20 successive filter changes on the held dataset (a slider
  // moving a five-year window), each answered in full; counts only.
  const moves = windows(seriesQuery);
  if (runs("interactive") && ds) {
    for (const q of moves) sameAnswers(ds.series(q, { ids: false }), plainAggregate(doc, q, { ids: false }), `window ${q.filter.from}–${q.filter.to}`);
  }
  const all = (fn) => () => moves.reduce((sum, q) => sum + fn(q), 0);
  row("interactive", "jointwatch", "20 × ds.series(query, { ids: false }), the window moved a year each time", held(all((q) => ds.series(q, { ids: false }).points.length)));
  row("interactive", "plain JavaScript", "20 × loop + Map over the parsed document, counts only", all((q) => plainAggregate(doc, q, { ids: false }).points.length));

  // Validation of the same document: ours checks the schema's rules and more (references, dates, counts).
  let findings = null;
  if (ds) findings = ds.validate().findings.length;
  if (runs("validate")) {
    check(!ds || !ds.validate().findings.some((f) => f.severity === "error"), "jointwatch finds errors in generated data");
    check(ajvValidate(doc), `ajv rejects the generated data: ${JSON.stringify(ajvValidate.errors?.slice(0, 3))}`);
  }
  // A document it refuses outright (too large, say) comes back as an error finding: that is no validation to time.
  const jwValidateChecked = () => {
    const r = jwValidate(text);
    const refused = r.findings.find((f) => f.severity === "error");
    if (refused) throw new Error(`error[${refused.code}]: ${refused.message}`);
    return r.findings.length;
  };
  if (noLimits) notMeasured("validate", "jointwatch", "validate(text): parse + every check", noLimits);
  else row("validate", "jointwatch", "validate(text): parse + every check", jwValidateChecked);
  row("validate", "ajv", "JSON.parse + ajv(schema)", () => ajvValidate(JSON.parse(text)));
  row("validate", "jointwatch (held)", "ds.validate()", held(() => ds.validate().findings.length));
  row("validate", "ajv (held)", "ajv(schema) on the parsed object", () => ajvValidate(doc));

  // Closest approach of every patrol route to the polygon.
  const withRoutes = (doc.patrols ?? []).filter((p) => p.route && p.route.length > 0);
  const routes = withRoutes.map((p) => p.route);
  const ids = withRoutes.map((p) => p.id);
  if (runs("geography")) {
    const a = jwClosest(routes, target);
    const t = turfClosest(routes, turfPolygon);
    // Ours measures whole great-circle segments, turf only the route's points: ours can only be closer.
    check(a.min <= t.min + 0.5, `closest approach: ours ${a.min} km, turf ${t.min} km`);
    if (ds) {
      const h = jwClosestHeld(ds, ids, target).total;
      check(Math.abs(h - a.total) < 1e-6 * Math.max(1, a.total), "held and plain closest approach differ");
    }
  }
  row("geography", "jointwatch", "closestApproach(route, polygon) per route", () => jwClosest(routes, target).min);
  row("geography", "jointwatch (held)", "ds.patrolClosestApproach(id, polygon) per route", held(() => jwClosestHeld(ds, ids, target).min));
  row("geography", "turf", "pointToPolygonDistance per route point", () => turfClosest(routes, turfPolygon).min);

  results.sizes.push({
    records: n,
    label: label(n),
    characters: text.length,
    routes: routes.length,
    routePoints: routes.reduce((s, r) => s + r.length, 0),
    findings,
    limitsRaised,
    wasmMemoryBytes,
    rows,
  });
  ds?.free();
  // Written after every size, so that a long run that fails late keeps what it measured.
  writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
}

process.stderr.write(`bench/run.mjs: wrote ${args.out} (checksum ${sink})\n`);
