// The API through ESM: `import ... from "jointwatch"` resolves the Node ESM
// entry, which shares one module instance with `require`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

import init, * as jw from "jointwatch";
import api from "./api.cjs";

api.apiSuite(jw, "import");

test("import and require share one instance, and init() is a no-op in Node", async () => {
  const cjs = createRequire(import.meta.url)("jointwatch");
  assert.equal(jw.Dataset, cjs.Dataset);
  assert.equal(jw.validate, cjs.validate);
  await init();
  jw.initSync();
  const ds = jw.Dataset.seed();
  assert.ok(ds instanceof cjs.Dataset);
  assert.equal(ds.recordCount, 6);
});
