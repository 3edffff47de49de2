// The size of the core .wasm: at most 305 KB gzipped (250 KB before issue 13, 280 KB
// before format 2.0, 350 KB until the export formats moved to the second module, 340 KB
// until the series' columnar copy and hand-written result (issue 17: +7.1 KB for a
// series 3–4× faster at 100k records) and the likely-duplicate ranking (+0.8 KB for a
// load + validate a third faster on realistic data), 346 KB until series at 1k records
// (+0.7 KB, about 15 % faster) and validation (+0.1 KB, 6–16 % faster natively) in session 8,
// 347 KB until wasm-opt inlined only small functions with one caller (session 10: 346.0 →
// 303.8 KB), and 200 KB, the product's goal, since the module was split in two parts
// (session 11): the core part (reading, validating and holding a document: what a page
// loads before anything works) and the second part (every other call, 125 KB; it shares
// the core part's memory, bindings/wasm/npm/split.mjs). The second module (`jointwatch/formats`: CSV, STIX, GeoJSON) at
// most 392 KB (450 KB until session 10); and docs/size.md shows the figures of both
// modules in pkg/ (scripts/build-npm writes both).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

import { root } from "./support.mjs";

const GZIP_BUDGET = 200_000;
const PART2_GZIP_BUDGET = 125_000;
const FORMATS_GZIP_BUDGET = 392_000;
const wasm = readFileSync(join(root, "pkg", "jointwatch_bg.wasm"));
const gzip = gzipSync(wasm, { level: 9 }).length;
const part2Wasm = readFileSync(join(root, "pkg", "jointwatch_part2_bg.wasm"));
const part2Gzip = gzipSync(part2Wasm, { level: 9 }).length;
const formatsWasm = readFileSync(join(root, "pkg", "formats", "formats_bg.wasm"));
const formatsGzip = gzipSync(formatsWasm, { level: 9 }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

test("docs/size.md shows the figures of the built module", () => {
  const report = readFileSync(join(root, "docs", "size.md"), "utf8");
  assert.ok(report.includes(`| \`jointwatch_bg.wasm\` | ${kb(wasm.length)} | ${kb(gzip)} |`), "run scripts/build-npm");
  assert.ok(report.includes(`| ${kb(part2Wasm.length)} | ${kb(part2Gzip)} |`), "run scripts/build-npm");
  assert.ok(report.includes(`| ${kb(formatsWasm.length)} | ${kb(formatsGzip)} |`), "run scripts/build-npm");
});

test("the web and node builds load the one module, which ships once", () => {
  for (const build of ["web", "node"]) {
    assert.ok(!existsSync(join(root, "pkg", build, "jointwatch_bg.wasm")), `no second copy in pkg/${build}`);
    assert.ok(!existsSync(join(root, "pkg", build, "jointwatch_part2_bg.wasm")), `no second copy in pkg/${build}`);
  }
  assert.match(readFileSync(join(root, "pkg", "node", "jointwatch.js"), "utf8"), /`\$\{__dirname\}\/\.\.\/jointwatch_part2_bg\.wasm`/);
  assert.match(readFileSync(join(root, "pkg", "web", "jointwatch.js"), "utf8"), /new URL\('\.\.\/jointwatch_part2_bg\.wasm', import\.meta\.url\)/);
  assert.match(readFileSync(join(root, "pkg", "node", "jointwatch.js"), "utf8"), /`\$\{__dirname\}\/\.\.\/jointwatch_bg\.wasm`/);
  assert.match(readFileSync(join(root, "pkg", "web", "jointwatch.js"), "utf8"), /new URL\('\.\.\/jointwatch_bg\.wasm', import\.meta\.url\)/);
  // The same for the second module.
  for (const build of ["web", "node"]) {
    assert.ok(!existsSync(join(root, "pkg", "formats", build, "formats_bg.wasm")), `no second copy in pkg/formats/${build}`);
  }
  assert.match(readFileSync(join(root, "pkg", "formats", "node", "formats.js"), "utf8"), /`\$\{__dirname\}\/\.\.\/formats_bg\.wasm`/);
  assert.match(readFileSync(join(root, "pkg", "formats", "web", "formats.js"), "utf8"), /new URL\('\.\.\/formats_bg\.wasm', import\.meta\.url\)/);
});

test(`the second module (jointwatch/formats) is at most ${kb(FORMATS_GZIP_BUDGET)} gzipped`, () => {
  assert.ok(formatsGzip <= FORMATS_GZIP_BUDGET, `formats_bg.wasm is ${kb(formatsGzip)} gzipped`);
});

test(`the core .wasm (its core part) is at most ${kb(GZIP_BUDGET)} gzipped`, () => {
  assert.ok(gzip <= GZIP_BUDGET, `the .wasm is ${kb(gzip)} gzipped`);
});

test(`the second part of the core module is at most ${kb(PART2_GZIP_BUDGET)} gzipped`, () => {
  assert.ok(part2Gzip <= PART2_GZIP_BUDGET, `jointwatch_part2_bg.wasm is ${kb(part2Gzip)} gzipped`);
});
