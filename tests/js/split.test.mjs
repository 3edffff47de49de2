// The core module in two parts (bindings/wasm/npm/split.mjs, docs/size.md): a
// call of the core part (reading, validating and holding a document) never
// needs the second part, whatever the document; a call of the second part
// loads it once, and then answers as it did before the split.
//
// In Node the second part loads from disk on first use, so a core call that
// reached it would still work here, silently, and only fail in a browser that
// called `init({ lazy: true })`. This test watches the file being read instead.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs, { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

import { root } from "./support.mjs";

const reads = [];
const readFileSyncBefore = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  if (String(path).endsWith("jointwatch_part2_bg.wasm")) reads.push(String(path));
  return readFileSyncBefore.call(this, path, ...rest);
};
const jw = createRequire(import.meta.url)("jointwatch");

const fixtures = (dir) =>
  readdirSync(join(root, "tests", "fixtures", dir))
    .filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json"))
    .map((f) => [`${dir}/${f}`, readFileSync(join(root, "tests", "fixtures", dir, f), "utf8")]);

/** Every call of the core part, on one input; errors are fine, loading the second part is not. */
function coreCalls(text) {
  const attempt = (f) => {
    try {
      return f();
    } catch (e) {
      assert.ok(jw.isJointwatchError(e), `a JointwatchError, not ${e}`);
      return undefined;
    }
  };
  attempt(() => jw.validate(text));
  attempt(() => jw.validate(text, { strict: true }));
  let object;
  try {
    object = JSON.parse(text);
  } catch {
    object = undefined;
  }
  for (const ds of [
    attempt(() => jw.Dataset.parse(text)),
    attempt(() => jw.Dataset.fromJSON(text)),
    attempt(() => jw.Dataset.fromJSON(text, { limits: { maxRecords: 2, maxBytes: 4_000, maxDepth: 8 } })),
    object === undefined ? undefined : attempt(() => jw.Dataset.fromObject(object)),
    object === undefined ? undefined : attempt(() => jw.Dataset.parse(object)),
  ]) {
    if (ds === undefined) continue;
    attempt(() => ds.validate());
    attempt(() => ds.validate({ strict: true, ignore: ["no-source"] }));
    void [ds.title, ds.formatVersion, ds.recordCount, ds.counts];
    ds.free();
    attempt(() => ds.recordCount); // freed
  }
}

test("no call of the core part loads the second part, on any fixture, valid or not", () => {
  const all = [...fixtures("valid"), ...fixtures("invalid")];
  assert.ok(all.length > 150, `${all.length} fixtures`);
  for (const [name, text] of all) {
    coreCalls(text);
    assert.deepEqual(reads, [], `${name}: a core call loaded the second part`);
  }
  // Arguments that are not documents at all.
  for (const bad of [undefined, null, 42, "", "{", "[]", "null", { formatVersion: 3 }, [], new Uint8Array(3)]) {
    for (const call of [() => jw.validate(bad), () => jw.Dataset.parse(bad), () => jw.Dataset.fromJSON(bad), () => jw.Dataset.fromObject(bad)]) {
      try {
        call();
      } catch (e) {
        assert.ok(jw.isJointwatchError(e) || jw.isParseError(e), String(e));
      }
    }
  }
  const seed = jw.Dataset.seed();
  void [seed.counts, seed.validate(), jw.version(), jw.formatVersion(), jw.isParseError(seed), jw.isValidationError(null)];
  assert.deepEqual(reads, [], "a core call loaded the second part");
});

test("the first call of the second part loads it, once, and it answers", async () => {
  const seed = jw.Dataset.seed();
  const series = seed.series({ filter: { kinds: ["exercise"] }, groupBy: [{ by: "period", granularity: { type: "year" } }] });
  assert.equal(reads.length, 1, "loaded once");
  assert.ok(series.points.length > 0);
  assert.equal(jw.estimativeTerm(0.62).words, "likely");
  assert.ok(seed.withCatalogue().assess().scenarios.length > 0);
  await jw.loadAll();
  assert.equal(reads.length, 1, "loaded once");
});
