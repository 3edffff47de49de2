// The shared hostile-input corpus (tests/hostile/manifest.json), through the
// npm package: each case is refused with its stable code in a real Error, or
// accepted for the stated reason; afterwards the same module instance still
// answers a valid call correctly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { Dataset } from "jointwatch";
import { root } from "./support.mjs";

const manifest = JSON.parse(readFileSync(join(root, "tests", "hostile", "manifest.json"), "utf8"));

/** The text a web page would hand the package: files are decoded leniently. */
function input(c) {
  if (c.text !== undefined) return c.text;
  if (c.base64 !== undefined) return new TextDecoder("utf-8").decode(Buffer.from(c.base64, "base64"));
  const g = c.generate;
  return g.prefix + g.repeat.repeat(g.times) + g.suffix;
}

test("every hostile input gets its stable code or is accepted for a reason", () => {
  assert.ok(manifest.cases.length >= 25);
  for (const c of manifest.cases) {
    const want = c.js ?? c;
    assert.ok(want.why, `${c.name}: says why`);
    let ds;
    try {
      ds = Dataset.fromJSON(input(c));
    } catch (e) {
      assert.ok(e instanceof Error, `${c.name}: threw a non-Error`);
      assert.ok(!want.accept, `${c.name}: should be accepted, got ${e.code}: ${e.message}`);
      assert.equal(e.code, want.code, `${c.name}: ${e.message}`);
      if (want.path !== undefined) assert.equal(e.path, want.path, `${c.name}: path`);
      continue;
    }
    assert.ok(want.accept, `${c.name}: should be refused with ${want.code}`);
    ds.validate();
    ds.free();
  }
  // The module is still healthy.
  const seed = Dataset.seed();
  assert.equal(seed.toJSON().exercises.length, 2);
  seed.free();
});
