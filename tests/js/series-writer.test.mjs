// `ds.series` writes its result by hand in the package (issue 17: points of
// the common shape as short arrays that bindings/wasm/js/series.js expands
// into objects, serde_json for the rest). The
// command line writes the same `Series` with the library's serializer
// (`jointwatch series FILE --query`). For a spread of queries on the seed,
// the public record and the test documents, both must give the same object,
// so the hand-written writer cannot drift from the model's serialized form.
// Needs the CLI built (`cargo build --bins`, as scripts/test does first).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

import { Dataset } from "jointwatch";

import { root, targetDir } from "./support.mjs";

const cli = join(targetDir, "debug", "jointwatch");

const documents = [
  "crates/jointwatch/data/seed.json",
  "crates/jointwatch/data/public-record.json",
  ...["rich", "format-2", "periods", "quantity-forms", "dates-mixed-precision", "coverage"].map(
    (n) => `tests/fixtures/valid/${n}.json`,
  ),
];

const period = (granularity) => ({ by: "period", granularity });
const queries = [
  { groupBy: [] },
  { groupBy: [period({ type: "year" })] },
  { groupBy: [period({ type: "quarter" }), { by: "participant" }] },
  { groupBy: [period({ type: "month" })], filter: { kinds: ["incident", "activity"] } },
  { groupBy: [period({ type: "fiscalYear", firstMonth: 4 }), { by: "participant" }], filter: { from: "2000", to: "2024", participantsAny: ["CHN", "RUS"] } },
  { groupBy: [period({ type: "fiscalYear", firstMonth: 10, namedBy: "endYear" })] },
  { groupBy: [{ by: "domain" }, period({ type: "year" })], aggregate: { op: "sum", field: "ships" } },
  { groupBy: [{ by: "area" }], aggregate: { op: "max", field: "platforms" } },
  { groupBy: [{ by: "recordKind" }, { by: "joint" }] },
  { groupBy: [period({ type: "year" }), { by: "incidentKind" }], filter: { kinds: ["incident"] } },
  { groupBy: [period({ type: "fiscalYear", firstMonth: 4 })], reported: "scrambles" },
  { groupBy: [period({ type: "year" })], aggregate: { op: "sum", field: "personnel" }, assumeComplete: true },
  { groupBy: [{ by: "series" }], filter: { joint: true, domains: ["naval", "air"] } },
  { groupBy: [{ by: "numberedBy" }, period({ type: "year" })], filter: { minReliability: "B", minCredibility: 2 } },
  // Declared coverage (tests/fixtures/valid/coverage.json): points observed, with `coveredBy`.
  { groupBy: [period({ type: "year" }), { by: "participant" }], filter: { kinds: ["exercise"], participantsAll: ["CHN", "RUS"] } },
];

test("ds.series gives what the library's serializer writes (jointwatch series --query)", { skip: !existsSync(cli) && `no CLI at ${cli}` }, () => {
  let compared = 0;
  let covered = 0;
  for (const doc of documents) {
    const path = join(root, doc);
    const ds = Dataset.fromJSON(readFileSync(path, "utf8"));
    try {
      for (const query of queries) {
        const text = JSON.stringify(query);
        const r = spawnSync(cli, ["series", path, "--query", text], { encoding: "utf8", maxBuffer: 64 << 20 });
        let ours;
        try {
          ours = ds.series(query);
        } catch (e) {
          assert.notEqual(r.status, 0, `${doc} ${text}: the package refused (${e.code}), the CLI did not`);
          continue;
        }
        assert.equal(r.status, 0, `${doc} ${text}: the CLI refused: ${r.stderr}`);
        assert.deepEqual(ours, JSON.parse(r.stdout), `${doc} ${text}`);
        // Property for property, in the serializer's order too.
        assert.equal(JSON.stringify(ours), JSON.stringify(JSON.parse(r.stdout)), `${doc} ${text} (order)`);
        covered += ours.points.filter((p) => p.coveredBy !== undefined).length;
        // Counts only: the same result with every point's ids left empty.
        const theirs = JSON.parse(r.stdout);
        assert.deepEqual(ds.series(query, { ids: false }), { ...theirs, points: theirs.points.map((p) => ({ ...p, ids: [] })) }, `${doc} ${text} (ids: false)`);
        compared++;
      }
    } finally {
      ds.free();
    }
  }
  assert.ok(compared >= documents.length * 10, `only ${compared} queries compared`);
  assert.ok(covered > 0, "no point had coveredBy: the coverage fixture no longer exercises it");
});
