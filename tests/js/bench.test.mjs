// A smoke run of the Node benchmark and the report (steps 4 and 5 of
// scripts/bench) on 1,000 generated records with short measurements, so that
// the benchmark code keeps working between full runs. Nothing here is timed
// against a goal; docs/performance.md comes only from a full scripts/bench.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { root, run } from "./support.mjs";

// Every (section, tool) the Node benchmark times, as bench/report.mjs reads them.
const TOOLS = {
  load: ["jointwatch", "jointwatch (no check)", "JSON.parse", "arquero"],
  query: ["jointwatch", "plain JavaScript", "arquero", "jointwatch (ids)", "plain JavaScript (ids)", "arquero (ids)"],
  interactive: ["jointwatch", "plain JavaScript"],
  validate: ["jointwatch", "ajv", "jointwatch (held)", "ajv (held)"],
  geography: ["jointwatch", "jointwatch (held)", "turf"],
};

test("bench/run.mjs and bench/report.mjs on 1,000 generated records", () => {
  const dir = mkdtempSync(join(tmpdir(), "jw-bench-smoke-"));
  try {
    run("cargo", ["run", "--quiet", "-p", "jointwatch-bench", "--bin", "gen", "--",
      "1k", join(dir, "dataset-1k.json"), "--workload", join(dir, "workload.json")], { cwd: root });
    // run.mjs checks that every tool computes the same answer before timing it.
    run(process.execPath, ["--expose-gc", join(root, "bench", "run.mjs"), "--data", dir, "--sizes", "1k",
      "--quick", "--out", join(dir, "node.json")], { cwd: root });
    const results = JSON.parse(readFileSync(join(dir, "node.json"), "utf8"));
    assert.deepEqual(results.sizes.map((s) => s.label), ["1k"]);
    const rows = results.sizes[0].rows;
    for (const [section, tools] of Object.entries(TOOLS)) {
      for (const tool of tools) {
        const row = rows.find((r) => r.section === section && r.tool === tool);
        assert.ok(row && !row.error && row.medianMs > 0, `${section}: ${tool}: ${JSON.stringify(row)}`);
      }
    }
    assert.equal(results.sizes[0].findings >= 0, true);

    // No criterion results here: the report says so in its Rust table and still writes the rest.
    run(process.execPath, [join(root, "bench", "report.mjs"), "--criterion", join(dir, "criterion"),
      "--node", join(dir, "node.json"), "--data", dir, "--out", join(dir, "performance.md"),
      "--command", "scripts/bench --sizes 1k --quick", "--quick"], { cwd: root });
    const report = readFileSync(join(dir, "performance.md"), "utf8");
    for (const heading of ["## Machine and versions", "### Re-aggregation on a held dataset", "## Goals"]) {
      assert.ok(report.includes(heading), heading);
    }
    assert.match(report, /\| Closest approach ≥ 5× faster than turf \| [0-9.]+× \(/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
