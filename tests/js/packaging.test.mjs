// The package as users get it: `npm pack` the built pkg/, install the
// tarball into a fresh project, and use it from CommonJS, from ESM, and in
// a Vite production build loaded in Chromium; publint and
// @arethetypeswrong/cli check the packed package.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { launchChromium, root, run, serve, tools, viteBuild } from "./support.mjs";

let project;
let tarball;

before(() => {
  project = mkdtempSync(join(tmpdir(), "jointwatch-pack-"));
  const packed = JSON.parse(
    run("npm", ["pack", join(root, "pkg"), "--json", "--pack-destination", project], { cwd: project }),
  );
  tarball = join(project, packed[0].filename);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  // The tarball has no dependencies: installing it needs no registry.
  run("npm", ["install", "--no-audit", "--no-fund", "--offline", tarball], { cwd: project });
});

after(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

test("the tarball holds the web and node builds, their types, and the README", () => {
  const files = JSON.parse(run("npm", ["pack", join(root, "pkg"), "--dry-run", "--json"], { cwd: project }))[0]
    .files.map((f) => f.path)
    .sort();
  for (const f of [
    "README.md", "package.json", "LICENSE-MIT", "LICENSE-APACHE", "jointwatch_bg.wasm", "jointwatch_part2_bg.wasm", "public-record.json",
    "node/index.d.mts", "node/index.mjs", "node/jointwatch.d.ts", "node/jointwatch.js", "node/package.json",
    "web/jointwatch.d.ts", "web/jointwatch.js", "web/package.json",
    "formats/formats_bg.wasm", "formats/package.json", "formats/node/formats.js", "formats/node/formats.d.ts",
    "formats/node/index.mjs", "formats/node/index.d.mts", "formats/web/formats.js", "formats/web/formats.d.ts",
  ]) {
    assert.ok(files.includes(f), `${f} is packed (packed: ${files.join(", ")})`);
  }
  // Each .wasm ships once, loaded by both builds (the core module in its two parts).
  assert.deepEqual(files.filter((f) => f.endsWith(".wasm")), ["formats/formats_bg.wasm", "jointwatch_bg.wasm", "jointwatch_part2_bg.wasm"]);
  assert.ok(!files.some((f) => f.endsWith(".tgz") || f.includes("node_modules")));
  const manifest = JSON.parse(readFileSync(join(project, "node_modules", "jointwatch", "package.json"), "utf8"));
  // No placeholder repository (there is no public URL to give).
  assert.equal(manifest.repository, undefined);
  // Nor in the crates' manifests, which crates.io would publish.
  for (const toml of ["Cargo.toml", ...["jointwatch", "jointwatch-cli", "jointwatch-bench"].map((c) => `crates/${c}/Cargo.toml`),
    "bindings/wasm/Cargo.toml", "bindings/wasm-formats/Cargo.toml"]) {
    assert.doesNotMatch(readFileSync(join(root, toml), "utf8"), /^repository|example\.invalid/m, `${toml}: placeholder repository`);
  }
  // Types first in every condition.
  for (const entry of [".", "./formats"]) {
    const e = manifest.exports[entry];
    for (const cond of [e.node.import, e.node.require, e.browser, e.default]) {
      assert.equal(Object.keys(cond)[0], "types");
    }
  }
});

test("CommonJS: require works", () => {
  writeFileSync(
    join(project, "cjs.cjs"),
    `const { Dataset, isValidationError } = require("jointwatch");
const ds = Dataset.seed();
let code;
try { Dataset.fromJSON('{"formatVersion": "1.0", "exercises": [{"id": "e", "name": "X", "participants": ["CHN", "RUS"], "dates": {"start": "2024-05", "end": "2024-04"}, "sources": []}]}'); }
catch (e) { code = isValidationError(e) && e.code; }
console.log(JSON.stringify({ records: ds.recordCount, code }));`,
  );
  const out = JSON.parse(run(process.execPath, ["cjs.cjs"], { cwd: project }));
  assert.deepEqual(out, { records: 6, code: "end-before-start" });
});

test("CommonJS and ESM: the second module (jointwatch/formats) loads, and takes a core Dataset", () => {
  writeFileSync(
    join(project, "formats.cjs"),
    `const { Dataset } = require("jointwatch");
const { toGeoJSON, fromCSV, toCSV } = require("jointwatch/formats");
const ds = Dataset.seed();
console.log(JSON.stringify({ geo: toGeoJSON(ds).type, records: Dataset.fromObject(fromCSV(toCSV(ds))).recordCount }));`,
  );
  writeFileSync(
    join(project, "formats.mjs"),
    `import { Dataset } from "jointwatch";
import init, { toGeoJSON } from "jointwatch/formats";
import { createRequire } from "node:module";
await init();
const same = createRequire(import.meta.url)("jointwatch/formats").toGeoJSON === toGeoJSON;
console.log(JSON.stringify({ geo: toGeoJSON(Dataset.seed()).type, same }));`,
  );
  assert.deepEqual(JSON.parse(run(process.execPath, ["formats.cjs"], { cwd: project })), { geo: "FeatureCollection", records: 6 });
  assert.deepEqual(JSON.parse(run(process.execPath, ["formats.mjs"], { cwd: project })), { geo: "FeatureCollection", same: true });
});

/** How many records the public record holds, read from the shipped file itself. */
function publicRecordCount() {
  const doc = JSON.parse(readFileSync(join(root, "pkg", "public-record.json"), "utf8"));
  return ["exercises", "patrols", "statistics", "incidents", "activities"]
    .map((k) => (doc[k] ?? []).length)
    .reduce((a, b) => a + b, 0);
}

test("Node: the public record loads from the package (require.resolve, Dataset.fromJSON) with no error", () => {
  writeFileSync(
    join(project, "record.cjs"),
    `const { readFileSync } = require("node:fs");
const { Dataset } = require("jointwatch");
const ds = Dataset.fromJSON(readFileSync(require.resolve("jointwatch/public-record.json"), "utf8"));
console.log(JSON.stringify({ records: ds.recordCount, errors: ds.validate().findings.filter((f) => f.severity === "error").length }));`,
  );
  const out = JSON.parse(run(process.execPath, ["record.cjs"], { cwd: project }));
  assert.deepEqual(out, { records: publicRecordCount(), errors: 0 });
});

test("ESM: import works, with the same instance as require", () => {
  writeFileSync(
    join(project, "esm.mjs"),
    `import init, { Dataset, formatQuantity } from "jointwatch";
import { createRequire } from "node:module";
await init();
const cjs = createRequire(import.meta.url)("jointwatch");
const s = Dataset.seed().series({ filter: { kinds: ["exercise"] }, groupBy: [{ by: "period", granularity: { type: "year" } }], reported: "jointExercises" });
console.log(JSON.stringify({ same: cjs.Dataset === Dataset, first: formatQuantity(s.points[0].value) }));`,
  );
  const out = JSON.parse(run(process.execPath, ["esm.mjs"], { cwd: project }));
  assert.deepEqual(out, { same: true, first: "4–10" });
});

test("Vite: a production build runs in Chromium", async () => {
  const app = join(project, "app");
  mkdirSync(app);
  writeFileSync(
    join(app, "index.html"),
    `<!doctype html><html><body><p id="out">loading</p><script type="module" src="./main.js"></script></body></html>`,
  );
  writeFileSync(
    join(app, "main.js"),
    `import init, { Dataset, estimativeTerm, loadAll } from "jointwatch";
import recordUrl from "jointwatch/public-record.json?url";
// The core part alone first: reading, validating and holding a document.
init({ lazy: true }).then(async () => {
  const ds = Dataset.seed();
  const record = Dataset.fromJSON(await (await fetch(recordUrl)).text());
  const checked = record.validate().findings.length;
  // Any other call waits for the second part, and says so.
  let notLoaded = "";
  try { estimativeTerm(0.62); } catch (e) { notLoaded = e.name + " " + e.code; }
  window.part2Requested = performance.getEntriesByType("resource").some((r) => r.name.includes("part2"));
  await loadAll();
  // The second module, loaded on first use: its own chunk and .wasm.
  const formats = await import("jointwatch/formats");
  await formats.default();
  const features = formats.toGeoJSON(record).features.length;
  document.getElementById("out").textContent =
    ds.recordCount + " records; " + estimativeTerm(0.62).words + "; public record " + record.recordCount +
    " (" + checked + " findings); " + notLoaded + "; " + (features > 0 ? "map" : "no map");
}, (e) => { document.getElementById("out").textContent = "failed: " + e; });`,
  );
  const dist = join(project, "dist");
  viteBuild(app, dist);
  const assets = readdirSync(join(dist, "assets"));
  assert.equal(assets.filter((f) => f.endsWith(".wasm")).length, 3, `every .wasm (the core module's two parts, the formats module) is emitted as an asset: ${assets}`);
  const js = assets.filter((f) => f.endsWith(".js")).map((f) => readFileSync(join(dist, "assets", f), "utf8")).join("\n");
  assert.ok(!/\bawait\s+__wbg_init\b|^await /m.test(js), "no top-level await in the bundle");

  const server = await serve(dist);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(server.url);
    await page.waitForFunction(() => document.getElementById("out").textContent !== "loading");
    assert.equal(
      await page.textContent("#out"),
      `6 records; likely; public record ${publicRecordCount()} (0 findings); JointwatchError not-loaded; map`,
      errors.join("\n"),
    );
    // init({ lazy: true }) fetched the core part only; loadAll() the second.
    assert.equal(await page.evaluate(() => window.part2Requested), false, "the second part was not fetched before loadAll()");
  } finally {
    await browser.close();
    await server.close();
  }
});

test("publint finds nothing to report (errors, warnings or suggestions) in the packed package", async () => {
  const { publint } = await import("publint");
  const { messages } = await publint({ pkgDir: join(project, "node_modules", "jointwatch"), pack: false, level: "suggestion" });
  assert.deepEqual(messages.map((m) => `${m.type} ${m.code} ${m.path.join(".")}`), []);
});

test("@arethetypeswrong/cli reports no problem for the package entry and jointwatch/formats in the tarball", () => {
  const attw = join(tools, "@arethetypeswrong", "cli", "dist", "index.js");
  // Exits non-zero on any problem; the table says which.
  run(process.execPath, [attw, tarball, "--entrypoints", ".", "./formats", "--format", "table-flipped"], { cwd: project });
});

test("TypeScript node10 + CommonJS: `import init` type-checks against what runs, and runs", () => {
  const dir = join(project, "node10");
  mkdirSync(dir);
  writeFileSync(
    join(dir, "main.ts"),
    `import init, { Dataset, estimativeTerm } from "jointwatch";
import * as jw from "jointwatch";
import initFormats, { toGeoJSON } from "jointwatch/formats";
async function main(): Promise<void> {
  await init();
  await jw.init();
  await initFormats();
  const ds = Dataset.seed();
  console.log(JSON.stringify({ records: ds.recordCount, term: estimativeTerm(0.62)?.words, geo: toGeoJSON(ds).type }));
}
main();
`,
  );
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true, target: "ES2022", module: "CommonJS", moduleResolution: "node10", esModuleInterop: true,
        lib: ["ES2022", "DOM", "ESNext.Disposable"], types: [], outDir: "dist",
      },
      files: ["main.ts"],
    }),
  );
  run(process.execPath, [join(tools, "typescript", "bin", "tsc"), "-p", dir], { cwd: dir });
  writeFileSync(join(dir, "dist", "package.json"), '{ "type": "commonjs" }');
  const out = JSON.parse(run(process.execPath, [join(dir, "dist", "main.js")], { cwd: project }));
  assert.deepEqual(out, { records: 6, term: "likely", geo: "FeatureCollection" });
});
