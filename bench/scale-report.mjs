// The "Beyond one process" section of docs/performance.md, from the results bench/scale.py writes
// (target/bench/scale-results.json): the benchmark's fiscal-year × participant re-aggregation by
// jointwatch, DuckDB and Spark (local mode) at scale, with the conversion to Parquet.
// bench/report.mjs calls scaleSection(path); it returns "" when there are no results.

import { existsSync, readFileSync } from "node:fs";

const secs = (s) => (s == null ? "–" : s >= 100 ? `${s.toFixed(0)} s` : s >= 1 ? `${s.toFixed(1)} s` : `${(s * 1000).toFixed(0)} ms`);
const mb = (m) => (m == null ? "–" : m >= 1000 ? `${(m / 1000).toFixed(1)} GB` : m >= 10 ? `${m.toFixed(0)} MB` : `${m.toFixed(1)} MB`);
const x = (r) => (r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(1)}×`);

/** Markdown for the results at `path`, or "" when the file is absent. */
export function scaleSection(path) {
  if (!existsSync(path)) return "";
  const res = JSON.parse(readFileSync(path, "utf8"));
  const out = [
    "## Beyond one process: DuckDB and Spark on Parquet",
    "",
    "<!-- From bench/scale.py (target/bench/scale-results.json), rendered by bench/scale-report.mjs. -->",
    "",
    "The same fiscal-year × participant re-aggregation at larger sizes: jointwatch on the JSON document " +
      "(one process: load, validate, query), DuckDB and Spark in local mode on the Parquet tables " +
      "(`jointwatch convert --to parquet`, docs/parquet.md) with the SQL of docs/parquet.md, which " +
      "reproduces jointwatch's counts exactly (tests/python). Each step is a child process; peak memory " +
      "is its resident set (for Spark, the Python driver's plus the JVM's). Query times are the median of " +
      `${res.repeats} run${res.repeats === 1 ? "" : "s"} in one process${res.quick ? " — **a quick run**" : ""}.`,
    "",
  ];
  for (const size of res.sizes) {
    out.push(`### ${size.label} records`, "", "| tool | what is timed | time | peak memory | notes |", "| --- | --- | ---: | ---: | --- |");
    for (const r of size.rows) {
      const notes = [];
      if (r.note) notes.push(r.note);
      if (r.parquet_mb != null) notes.push(`tables: ${mb(r.parquet_mb)} on disk`);
      if (r.json_mb != null) notes.push(`document: ${mb(r.json_mb)}`);
      if (r.startup_seconds != null) notes.push(`session start-up ${secs(r.startup_seconds)}, not in the time`);
      if (r.process_seconds != null && r.tool !== "jointwatch") notes.push(`whole process ${secs(r.process_seconds)}`);
      if (r.version) notes.push(`version ${r.version}`);
      out.push(`| ${r.tool} | ${r.what} | ${secs(r.seconds)} | ${mb(r.peak_mb)} | ${notes.join("; ").replace(/\|/g, "/")} |`);
    }
    out.push("");
    const find = (tool) => size.rows.find((r) => r.tool === tool && r.seconds != null);
    const [jw, held, duck, spark] = [find("jointwatch"), find("jointwatch (held)"), find("DuckDB"), find("Spark (local)")];
    const said = [];
    // "A is N× faster than B", whichever is faster.
    const faster = (a, an, b, bn) =>
      a.seconds <= b.seconds ? `${an} is ${x(b.seconds / a.seconds)} faster than ${bn}` : `${bn} is ${x(a.seconds / b.seconds)} faster than ${an}`;
    if (jw && duck) said.push(faster(duck, "DuckDB's query", jw, "jointwatch's load + validate + query of the JSON document"));
    if (held && duck) said.push(faster(held, "jointwatch's query on the held dataset", duck, "DuckDB's"));
    if (duck && spark) said.push(faster(duck, "DuckDB's query", spark, "Spark's"));
    const gen = size.rows.find((r) => r.tool === "gen --parquet" && r.peak_mb != null);
    if (gen) said.push(`writing the tables streamed peaked at ${mb(gen.peak_mb)}`);
    const counts = [...new Set(size.rows.filter((r) => r.points != null).map((r) => r.points))];
    if (counts.length === 1) said.push(`every tool gives the same ${counts[0]} points`);
    if (counts.length > 1) said.push(`**the tools disagree on the number of points (${counts.join(", ")})**`);
    if (said.length) out.push(`At ${size.label}: ${said.join("; ")}.`, "");
  }
  out.push(
    "Which tool from which size, and how to move from one to the next: docs/parquet.md, " +
      "\"Which tool, from which size\".",
    "",
  );
  return out.join("\n");
}
