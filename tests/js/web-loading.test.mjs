// How the browser build loads the module's two parts (README, "Loading: the
// core part first"), run in Node: the web glue is given the parts as bytes,
// which is what a Worker or a test passes. Each test file runs in its own
// process, and each case below imports its own copy of the glue (a query
// string makes a new module instance), so no case sees another's state.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import { root } from "./support.mjs";

const core = readFileSync(join(root, "pkg", "jointwatch_bg.wasm"));
const part2 = readFileSync(join(root, "pkg", "jointwatch_part2_bg.wasm"));
const glue = pathToFileURL(join(root, "pkg", "web", "jointwatch.js")).href;
let copies = 0;
/** A fresh instance of the web build. */
const fresh = () => import(`${glue}?copy=${copies++}`);
const query = { filter: { kinds: ["exercise"] }, groupBy: [{ by: "period", granularity: { type: "year" } }] };

/** Fails the test on any promise rejection nobody handled (Node would only warn or crash later). */
function noUnhandledRejections() {
  const seen = [];
  const on = (e) => seen.push(e);
  process.on("unhandledRejection", on);
  return async () => {
    await new Promise((r) => setTimeout(r, 50));
    process.off("unhandledRejection", on);
    assert.deepEqual(seen.map(String), [], "unhandled rejections");
  };
}

test("init with both parts: every call works", async () => {
  const jw = await fresh();
  await jw.default({ module_or_path: core, part2_module_or_path: part2 });
  const ds = jw.Dataset.seed();
  assert.ok(ds.series(query).points.length > 0);
  assert.equal(jw.estimativeTerm(0.62).words, "likely");
});

test("init({ lazy: true }): core calls work, the others throw not-loaded until loadAll()", async () => {
  const jw = await fresh();
  await jw.default({ module_or_path: core, lazy: true });
  const ds = jw.Dataset.seed();
  assert.ok(ds.recordCount > 0);
  assert.equal(ds.validate().findings.filter((f) => f.severity === "error").length, 0);
  for (const call of [() => ds.series(query), () => jw.estimativeTerm(0.5), () => ds.latestDate, () => JSON.stringify(ds)]) {
    assert.throws(call, (e) => jw.isJointwatchError(e) && e.name === "JointwatchError" && e.code === "not-loaded" && /loadAll\(\)/.test(e.message));
  }
  // Nothing was left half-done: the dataset still answers, then everything does.
  assert.ok(ds.counts.exercises > 0);
  await jw.loadAll(part2);
  assert.ok(ds.series(query).points.length > 0);
  assert.equal(typeof ds.latestDate, "string");
});

test("the core part given as bytes, no second part: init resolves with the core part, loadAll() adds the rest", async () => {
  const jw = await fresh();
  await jw.default({ module_or_path: core });
  const ds = jw.Dataset.seed();
  assert.throws(() => ds.series(query), (e) => e.code === "not-loaded");
  await jw.loadAll({ module_or_path: part2 });
  assert.ok(ds.series(query).points.length > 0);
});

test("a second part that cannot be loaded: init rejects with a clear message, and nothing is left unhandled", async () => {
  const done = noUnhandledRejections();
  const jw = await fresh();
  await assert.rejects(
    jw.default({ module_or_path: core, part2_module_or_path: new Uint8Array([0, 97, 115, 109, 9, 9]) }),
    /the second part of the module \(jointwatch_part2_bg\.wasm\) could not be loaded; the core part works without it/,
  );
  // The core part works, and the second part can be loaded again.
  assert.ok(jw.Dataset.seed().recordCount > 0);
  await jw.loadAll(part2);
  assert.ok(jw.Dataset.seed().series(query).points.length > 0);
  await done();
});

test("both parts failing: one rejection, none unhandled", async () => {
  const done = noUnhandledRejections();
  const jw = await fresh();
  await assert.rejects(jw.default({ module_or_path: new Uint8Array([1, 2, 3]), part2_module_or_path: new Uint8Array([4, 5, 6]) }));
  await done();
});

test("loadAll() called before init: it resolves once the calls can be made", async () => {
  const jw = await fresh();
  const all = jw.loadAll(part2);
  const ready = jw.default({ module_or_path: core, lazy: true });
  await all;
  await ready;
  assert.ok(jw.Dataset.seed().series(query).points.length > 0);
});

test("initSync with both parts, or with the core part and loadAll() later", async () => {
  const a = await fresh();
  a.initSync({ module: core, part2_module: part2 });
  assert.ok(a.Dataset.seed().series(query).points.length > 0);
  const b = await fresh();
  b.initSync({ module: core });
  assert.throws(() => b.Dataset.seed().series(query), (e) => e.code === "not-loaded" && /part2_module/.test(e.message));
  await b.loadAll(part2);
  assert.ok(b.Dataset.seed().series(query).points.length > 0);
});
