// The size of the .wasm: at most 350 KB gzipped (250 KB before issue 13, 280 KB
// before format 2.0; the product goal is 200 KB, see docs/size.md), and docs/size.md shows the
// figures of the module in pkg/ (scripts/build-npm writes both).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

import { root } from "./support.mjs";

const GZIP_BUDGET = 350_000;
const wasm = readFileSync(join(root, "pkg", "jointwatch_bg.wasm"));
const gzip = gzipSync(wasm, { level: 9 }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

test("docs/size.md shows the figures of the built module", () => {
  const report = readFileSync(join(root, "docs", "size.md"), "utf8");
  assert.ok(report.includes(`| \`jointwatch_bg.wasm\` | ${kb(wasm.length)} | ${kb(gzip)} |`), "run scripts/build-npm");
});

test("the web and node builds load the one module, which ships once", () => {
  for (const build of ["web", "node"]) {
    assert.ok(!existsSync(join(root, "pkg", build, "jointwatch_bg.wasm")), `no second copy in pkg/${build}`);
  }
  assert.match(readFileSync(join(root, "pkg", "node", "jointwatch.js"), "utf8"), /`\$\{__dirname\}\/\.\.\/jointwatch_bg\.wasm`/);
  assert.match(readFileSync(join(root, "pkg", "web", "jointwatch.js"), "utf8"), /new URL\('\.\.\/jointwatch_bg\.wasm', import\.meta\.url\)/);
});

test(`the .wasm is at most ${kb(GZIP_BUDGET)} gzipped`, () => {
  assert.ok(gzip <= GZIP_BUDGET, `the .wasm is ${kb(gzip)} gzipped`);
});
