// Writes docs/performance.md from one run of both benchmarks: criterion's raw
// samples (target/bench/criterion/<operation>/<size>/new/sample.json) and the
// Node benchmark's results (target/bench/node-results.json). Every number in the
// document comes from those files or from the machine at the time of the run.
//
//   node bench/report.mjs --criterion DIR --node FILE --data DIR --out FILE --command "..." \
//     [--load-before N] [--load-after N] [--quick]
//
// scripts/bench calls it; see there.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { gzipSync, brotliCompressSync, constants as zlib } from "node:zlib";
import { parseArgs } from "node:util";

import { spread } from "./stats.mjs";

const here = new URL(".", import.meta.url).pathname;
const root = `${here}..`;
const { values: args } = parseArgs({
  options: {
    criterion: { type: "string" },
    node: { type: "string" },
    data: { type: "string" },
    out: { type: "string" },
    command: { type: "string", default: "scripts/bench" },
    "load-before": { type: "string", default: "" },
    // The load when the run ended; read now when not given (give it when writing the report again later).
    "load-after": { type: "string", default: "" },
    quick: { type: "boolean", default: false },
  },
});

// ------------------------------------------------------------------ numbers

/** Per-iteration times (ms) of one criterion benchmark, summarised. */
function criterionStats(group, id) {
  const file = `${args.criterion}/${group}/${id}/new/sample.json`;
  if (!existsSync(file)) return null;
  const { iters, times } = JSON.parse(readFileSync(file, "utf8"));
  const per = times.map((t, i) => t / iters[i] / 1e6);
  return { ...spread(per), runs: per.length };
}

const fmtMs = (ms) => {
  if (ms == null || !Number.isFinite(ms)) return "–";
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 1 : 2)} s`;
  if (ms >= 1) return `${ms.toFixed(ms >= 100 ? 0 : ms >= 10 ? 1 : 2)} ms`;
  if (ms >= 0.001) return `${(ms * 1000).toFixed(ms >= 0.1 ? 0 : 1)} µs`;
  return `${(ms * 1e6).toFixed(0)} ns`;
};
const fmtTime = (s) =>
  s?.skipped ? "not measured (see below)" : s?.error ? `failed: ${s.error.replace(/\|/g, "/")}` : s ? `${fmtMs(s.medianMs)} (${fmtMs(s.p25Ms)}–${fmtMs(s.p75Ms)})` : "–";
const fmtX = (x) => (x == null || !Number.isFinite(x) ? "–" : x >= 100 ? `${x.toFixed(0)}×` : x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`);

/** How many times slower `other` is than `ours`, with a conservative spread. */
function ratio(other, ours) {
  if (!other?.medianMs || !ours?.medianMs) return null;
  return {
    median: other.medianMs / ours.medianMs,
    low: other.p25Ms / ours.p75Ms,
    high: other.p75Ms / ours.p25Ms,
  };
}
const fmtRatio = (r) => (r ? `${fmtX(r.median)} (${fmtX(r.low)}–${fmtX(r.high)})` : "–");

// --------------------------------------------------------------- the machine

const sh = (cmd, ...a) => {
  try {
    return execFileSync(cmd, a, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
};
const cpuModel = (() => {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    return m ? m[1].trim() : os.cpus()[0]?.model ?? "unknown";
  } catch {
    return os.cpus()[0]?.model ?? "unknown";
  }
})();
const lockVersion = (name) => {
  const lock = readFileSync(`${root}/Cargo.lock`, "utf8");
  const m = new RegExp(`name = "${name}"\\nversion = "([^"]+)"`).exec(lock);
  return m ? m[1] : "unknown";
};

// ------------------------------------------------------------------- inputs

const node = JSON.parse(readFileSync(args.node, "utf8"));
const sizes = node.sizes.map((s) => s.label);
const workload = JSON.parse(readFileSync(`${args.data}/workload.json`, "utf8"));

const OPS = [
  ["load_validate", "Load + validate (`Dataset::load`)"],
  ["parse_floor", "Bare `serde_json::from_str::<Dataset>` (the floor)"],
  ["validate", "Validate a held dataset"],
  ["query", "Query: fiscal year × participant, filtered"],
  ["trends", "Trends: yearly series + YoY, OLS, Mann–Kendall, Sen"],
  ["closest_approach", "Closest approach of every route to a polygon"],
  ["assess", "Scenario assessment (17 indicators, 9 scenarios)"],
];
const rust = Object.fromEntries(OPS.map(([op]) => [op, Object.fromEntries(sizes.map((s) => [s, criterionStats(op, s)]))]));
const nodeRow = (size, section, tool) =>
  node.sizes.find((s) => s.label === size)?.rows.find((r) => r.section === section && r.tool === tool) ?? null;

/** Sizes of a built .wasm (raw, gzip -9, brotli -11), or null when it is not built. */
const sizesOf = (file) => {
  if (!existsSync(file)) return null;
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
// The core module's two parts (docs/size.md): the core part has the 200 KB goal.
const wasmSizes = sizesOf(`${root}/pkg/jointwatch_bg.wasm`);
const part2Sizes = sizesOf(`${root}/pkg/jointwatch_part2_bg.wasm`);
const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;

// ---------------------------------------------------------------- document

const out = [];
const p = (...lines) => out.push(...lines);
const table = (head, rows, align = "right") => {
  p(`| ${head.join(" | ")} |`, `| ${head.map((h, i) => (i === 0 || align === "left" ? "---" : "---:")).join(" | ")} |`);
  for (const r of rows) p(`| ${r.join(" | ")} |`);
  p("");
};
const largest = sizes[sizes.length - 1];
const smallest = sizes[0];

p(
  "# Performance",
  "",
  "<!-- Written by scripts/bench (bench/report.mjs) from one run of both benchmarks. Do not edit by hand. -->",
  "",
  `How fast jointwatch is on the work its users do, measured side by side with the tools they would otherwise pick, on the same generated data, in one run${args.quick ? " — **a quick run: short measurements, numbers indicative only**" : ""}.`,
  "Times are the median of several runs, with the 25th–75th percentile in brackets. A ratio is the other tool's time divided by jointwatch's (above 1× jointwatch is faster), with the spread from the percentiles of both.",
  "",
  "Reproduce (after `scripts/test` has set up the toolchain):",
  "",
  "```sh",
  args.command,
  "```",
  "",
  "## Machine and versions",
  "",
);
table(
  ["", ""],
  [
    ["CPU", `${cpuModel}, ${os.cpus().length} logical cores (\`nproc\`: ${sh("nproc")})`],
    ["Memory", `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
    ["Load average (1 min) before / after", `${args["load-before"] || "?"} / ${args["load-after"] || os.loadavg()[0].toFixed(2)}`],
    ["OS", `${os.type()} ${os.release()}`],
    ["Source tree", `commit ${sh("git", "-C", root, "rev-parse", "--short", "HEAD")}${sh("git", "-C", root, "status", "--porcelain", "--untracked-files=no") ? " with uncommitted changes" : ""}`],
    ["rustc", sh("rustc", "--version")],
    ["Rust profile", "`bench` (= release: LTO, one codegen unit, opt-level 3)"],
    ["criterion", lockVersion("criterion")],
    ["serde_json", lockVersion("serde_json")],
    ["Node", `${node.node} (V8 ${node.v8})`],
    ["npm packages", Object.entries(node.packages).map(([k, v]) => `${k} ${v}`).join(", ")],
  ],
  "left",
);
p(
  "The machine is shared: other work running at the same time slows every tool alike, but makes single numbers noisier. The spreads show how much.",
  "",
  "## The data",
  "",
  `Generated by \`crates/jointwatch-bench\` (\`generate(seed ${workload.seed ?? "?"}, n)\`): invented records with the shape of a real collection — about 60 % exercises, 35 % joint patrols with routes, 5 % reported statistics, 1995–2024, dates at day, month and year precision, quantities in every uncertainty form, graded sources, the seed's scenarios with the catalogue's indicators. Every document validates without errors.`,
  "",
);
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
table(
  ["records", "JSON", "patrol routes", "route points", "validation findings (warnings)", "WebAssembly memory after loading (Node)"],
  node.sizes.map((s) => [
    s.label,
    `${(s.characters / 1e6).toFixed(1)} M characters`,
    String(s.routes ?? "–"),
    String(s.routePoints ?? "–"),
    s.skipped ? "– (not read in Node: over the package's document limit)" : s.findings == null ? "– (jointwatch could not read it)" : String(s.findings),
    s.wasmMemoryBytes == null ? "–" : `${mib(s.wasmMemoryBytes)}${s.limitsRaised ? " (limits raised)" : ""}`,
  ]),
);
for (const s of node.sizes.filter((x) => x.limitsRaised)) {
  p(
    `At ${s.label} records the document is over the package's default limits; the benchmark reads it with \`Dataset.fromJSON(text, { limits: ${JSON.stringify(s.limitsRaised)} })\`, as a caller who trusts the document can. \`Dataset.parse(text)\` and \`validate(text)\` take no limits, so their rows at that size are not measured.`,
    "",
  );
}
p(
  "The WebAssembly memory is the size of the module's memory after the load rows ran and the dataset was held (`memory.buffer.byteLength`): the most it grew to while reading, since WebAssembly memory never shrinks.",
  "",
);
p(
  `The query is \`${JSON.stringify(workload.seriesQuery)}\`.`,
  "",
  `The polygon for closest approach is the built-in area \`${workload.approachArea}\` (${workload.target.points.length} vertices).`,
  "",
  "## Native (Rust, criterion)",
  "",
);
table(
  ["operation", ...sizes],
  OPS.map(([op, name]) => [name, ...sizes.map((s) => fmtTime(rust[op][s]))]),
);
if (sizes.length > 1) {
  p(
    `How each cost grows from ${smallest} to ${largest} records (${fmtX(node.sizes.at(-1).records / node.sizes[0].records)} the records); 1.00× per record means linear growth.`,
    "",
  );
  const n0 = node.sizes[0].records;
  const n1 = node.sizes.at(-1).records;
  table(
    ["operation", `time ${largest} / ${smallest}`, "per-record cost"],
    OPS.map(([op, name]) => {
      const a = rust[op][smallest];
      const b = rust[op][largest];
      return [name, a && b ? fmtX(b.medianMs / a.medianMs) : "–", a && b ? fmtX(b.medianMs / a.medianMs / (n1 / n0)) : "–"];
    }),
  );
}
p("Load + validate against the bare `serde_json` floor (goal: within 1.5×):", "");
table(
  ["records", "load + validate", "serde_json floor", "ratio"],
  sizes.map((s) => {
    const r = ratio(rust.load_validate[s], rust.parse_floor[s]);
    return [s, fmtTime(rust.load_validate[s]), fmtTime(rust.parse_floor[s]), fmtRatio(r)];
  }),
);

p("## In Node (the npm package, WebAssembly)", "");
const SECTIONS = [
  ["load", "Loading the document", ["jointwatch", "jointwatch (no check)", "JSON.parse", "arquero"], "jointwatch"],
  ["query", "Re-aggregation on a held dataset (fiscal year × participant, filtered)", ["jointwatch", "plain JavaScript", "arquero", "jointwatch (ids)", "plain JavaScript (ids)", "arquero (ids)"], "jointwatch"],
  ["interactive", "Interactive: 20 successive filter changes on a held dataset (a five-year window moved a year at a time)", ["jointwatch", "plain JavaScript"], "jointwatch"],
  ["validate", "Validation of the same documents", ["jointwatch", "ajv", "jointwatch (held)", "ajv (held)"], null],
  ["geography", "Closest approach of every patrol route to the polygon", ["jointwatch", "jointwatch (held)", "turf"], "jointwatch"],
];
for (const [section, title, tools, base] of SECTIONS) {
  p(`### ${title}`, "");
  const any = node.sizes[0].rows.find((r) => r.section === section);
  if (!any) continue;
  const rows = [];
  for (const tool of tools) {
    const desc = node.sizes[0].rows.find((r) => r.section === section && r.tool === tool)?.operation ?? "";
    const cells = sizes.map((s) => {
      const mine = nodeRow(s, section, tool);
      const ref =
        section === "validate"
          ? nodeRow(s, section, tool.endsWith("(held)") ? "jointwatch (held)" : "jointwatch")
          : section === "query" && tool.endsWith("(ids)")
            ? nodeRow(s, section, "jointwatch (ids)")
            : nodeRow(s, section, base);
      const isRef = ref === mine;
      return `${fmtTime(mine)}${isRef ? "" : `; ${fmtRatio(ratio(mine, ref))}`}`;
    });
    rows.push([`${tool}: ${desc}`, ...cells]);
  }
  table(["tool: operation", ...sizes], rows);
}
for (const s of node.sizes.filter((x) => x.skipped)) {
  p(`Not measured in Node at ${s.label} records: ${s.skipped.replace(/^not measured: /, "")}. The Rust tables above cover that size.`, "");
}
if (sizes.length > 1) {
  p(
    `How each cost grows in Node from ${smallest} records to the largest size it was measured at (1.00× per record means linear growth):`,
    "",
  );
  const rows = [];
  for (const [section, , tools] of SECTIONS) {
    for (const tool of tools) {
      const a = nodeRow(smallest, section, tool);
      const big = [...node.sizes].reverse().find((s) => s.records > node.sizes[0].records && nodeRow(s.label, section, tool)?.medianMs);
      const b = big && nodeRow(big.label, section, tool);
      const g = a?.medianMs && b?.medianMs ? b.medianMs / a.medianMs : null;
      rows.push([
        `${section}: ${tool}`,
        g == null ? "–" : `${fmtX(g)} (${smallest} → ${big.label})`,
        g == null ? "–" : fmtX(g / (big.records / node.sizes[0].records)),
      ]);
    }
  }
  table(["operation: tool", "time growth", "per-record cost"], rows);
}
p(
  "Notes on what is compared:",
  "",
  "- `jointwatch` load runs the full validation; `JSON.parse` and arquero check nothing. `jointwatch (no check)` is `Dataset.parse`.",
  "- All three query implementations return the same groups and counts (checked before timing); jointwatch's result also says which records could not be placed (an imprecise date straddling two fiscal years). The first three rows are counts only, on every side: jointwatch with `ds.series(query, { ids: false })` (each point's `ids` empty), plain JavaScript and arquero without collecting ids. The `(ids)` rows list the ids of the records counted in every group, on every side (jointwatch's default), and their ratios are against `jointwatch (ids)`. The plain-JavaScript version works on the parsed document; arquero on a table built once from it (its build time is in the load table).",
  "- The interactive row answers 20 queries in turn on the held dataset, the query above with its window moved a year at a time (2000–2004, 2001–2005, …, 2019–2023), counts only; both sides are checked to give the same groups and counts for each window before timing. The time is for all 20.",
  "- ajv checks the document against `schema/dataset.schema.json` (types, enums, shapes; `allErrors`); jointwatch's `validate` checks the same and also references, dates, counts against reported statistics and more.",
  "- turf measures each route *point* against the polygon's edges (`pointToPolygonDistance`, 0 inside); jointwatch measures whole great-circle route *segments*, so its answer can only be closer (checked before timing). The plain `closestApproach` passes each route across the WebAssembly boundary; `(held)` uses routes already held in the dataset.",
  "",
);

// ------------------------------------------------------------------- goals

p(
  "## Goals",
  "",
  "Each goal is judged at the largest size where both sides were measured (issue 6 sets the re-aggregation goal on a held 1M-record dataset); a failure at a larger size is named.",
  "",
);
/** The goal's ratio at the largest size where both sides have a time, and why larger sizes have none. */
function goalRow(goal, get, target, better, only = sizes) {
  let found = null;
  const failures = [];
  for (const s of [...sizes].filter((x) => only.includes(x)).reverse()) {
    const [other, ours] = get(s);
    const r = ratio(other, ours);
    if (r) {
      found = { size: s, r };
      break;
    }
    const why = [ours, other].find((x) => x?.error)?.error;
    const skipped = [ours, other].some((x) => x?.skipped);
    failures.push(`${s}: ${skipped ? `not measured in Node (${(why ?? "").replace(/^not measured: /, "").replace(/\|/g, "/")})` : why ? `failed (${why.replace(/\|/g, "/")})` : "not measured"}`);
  }
  const note = failures.length ? `; ${failures.join("; ")}` : "";
  if (!found) return [goal, "–", `not measured${note}`];
  const { size, r } = found;
  const met = better === "higher" ? r.median >= target : r.median <= target;
  const by = better === "higher" ? target / r.median : r.median / target;
  return [goal, `${fmtRatio(r)} at ${size}`, `${met ? "met" : `missed by ${fmtX(by)}`}${note}`];
}
const nodePair = (section, other, ours) => (s) => [nodeRow(s, section, other), nodeRow(s, section, ours)];
table(
  ["goal", "measured (other ÷ jointwatch; for loading, jointwatch ÷ floor)", "verdict"],
  [
    goalRow("Re-aggregation ≥ 3× faster than plain JavaScript", nodePair("query", "plain JavaScript", "jointwatch"), 3, "higher"),
    goalRow("Re-aggregation ≥ 3× faster than arquero", nodePair("query", "arquero", "jointwatch"), 3, "higher"),
    goalRow("Re-aggregation no slower than plain JavaScript at 1k", nodePair("query", "plain JavaScript", "jointwatch"), 1, "higher", ["1k"]),
    goalRow("Interactive (20 filter changes) faster than plain JavaScript", nodePair("interactive", "plain JavaScript", "jointwatch"), 1, "higher"),
    goalRow("Validation faster than ajv (from text)", nodePair("validate", "ajv", "jointwatch"), 1, "higher"),
    goalRow("Validation faster than ajv (held document)", nodePair("validate", "ajv (held)", "jointwatch (held)"), 1, "higher"),
    goalRow("Closest approach ≥ 5× faster than turf", nodePair("geography", "turf", "jointwatch"), 5, "higher"),
    goalRow("Native load + validate within 1.5× of bare serde_json", (s) => [rust.load_validate[s], rust.parse_floor[s]], 1.5, "lower"),
  ],
);
if (wasmSizes) {
  // 1 KB = 1,000 bytes here, as in docs/size.md and its test.
  const budget = 200_000;
  const kB = (b) => `${(b / 1000).toFixed(1)} KB`;
  p(
    `The core \`.wasm\`'s core part (pkg/jointwatch_bg.wasm, what a page loads before it can read, validate and hold a document): ${kB(wasmSizes.raw)} raw, **${kB(wasmSizes.gzip)} gzipped** (gzip -9), ${kB(wasmSizes.brotli)} brotli; goal at most 200 KB gzipped: ${wasmSizes.gzip <= budget ? "met" : `missed by ${fmtX(wasmSizes.gzip / budget)}`}.` +
      (part2Sizes
        ? ` Its second part (pkg/jointwatch_part2_bg.wasm, every other call, loaded on first use): ${kB(part2Sizes.raw)} raw, ${kB(part2Sizes.gzip)} gzipped.`
        : ""),
    "",
  );
}

// Beyond one process (bench/scale.py, bench/scale-report.mjs): "" when it did not run.
p((await import("./scale-report.mjs")).scaleSection(`${args.data}/../scale-results.json`));

const notes = `${here}notes.md`;
if (existsSync(notes)) {
  p(readFileSync(notes, "utf8").trim(), "");
}

writeFileSync(args.out, `${out.join("\n").replace(/\n{3,}/g, "\n\n").trim()}\n`);
process.stderr.write(`bench/report.mjs: wrote ${args.out}\n`);
