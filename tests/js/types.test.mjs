// tsc --strict --noEmit over tests/ts/consumer.ts, a file that uses every
// export the way an app would: once as a bundled browser app (the web
// build's declarations) and once as a Node ESM app (the Node entry's).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { root, run, tools } from "./support.mjs";

const tsc = join(tools, "typescript", "bin", "tsc");

for (const config of ["tsconfig.json", "tsconfig.node.json"]) {
  test(`tests/ts/consumer.ts type-checks (${config})`, () => {
    run(process.execPath, [tsc, "-p", join(root, "tests", "ts", config)]);
  });
}

test('the code of a call on a freed Dataset ("freed", thrown by the glue) is a declared CallCode', () => {
  for (const build of ["web", "node"]) {
    const dts = readFileSync(join(root, "pkg", build, "jointwatch.d.ts"), "utf8");
    const union = dts.match(/export type CallCode =([^;]*);/);
    assert.ok(union && union[1].includes('"freed"'), `pkg/${build}: CallCode has "freed"`);
    assert.match(readFileSync(join(root, "pkg", build, "jointwatch.js"), "utf8"), /e\.code = "freed";/);
  }
});

test('the code of a call of the second part before it is loaded ("not-loaded", thrown by the web glue) is a declared CallCode', () => {
  const dts = readFileSync(join(root, "pkg", "web", "jointwatch.d.ts"), "utf8");
  const union = dts.match(/export type CallCode =([^;]*);/);
  assert.ok(union && union[1].includes('"not-loaded"'), 'CallCode has "not-loaded"');
  assert.match(readFileSync(join(root, "pkg", "web", "jointwatch.js"), "utf8"), /e\.code = "not-loaded";/);
  // The declarations of init's options and loadAll, in both builds.
  assert.match(dts, /export interface InitOptions \{[\s\S]*lazy\?: boolean;/);
  for (const build of ["web", "node"]) {
    assert.match(readFileSync(join(root, "pkg", build, "jointwatch.d.ts"), "utf8"), /export function loadAll\(/);
  }
});
