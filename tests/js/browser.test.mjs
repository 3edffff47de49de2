// examples/web in a real browser: a Vite production build served on
// localhost, driven in Debian's Chromium with playwright-core. Checks the
// figures on the page and the findings for a bad file, and saves
// screenshots under target/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

import { launchChromium, root, serve, targetDir, viteBuild } from "./support.mjs";

const example = join(root, "examples", "web");
const out = join(targetDir, "web-example");
let server;
let browser;
let page;
const pageErrors = [];

/** The text of every cell of the table in `#id`, row by row. */
const rows = (id) =>
  page.$$eval(`#${id} tbody tr`, (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));

before(async () => {
  viteBuild(example, join(out, "dist"), join(example, "node_modules"));
  server = await serve(join(out, "dist"));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && pageErrors.push(m.text()));
  await page.goto(server.url);
  await page.waitForSelector('#status[data-state="ready"], #status[data-state="error"]', { timeout: 30000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the page starts without errors", async () => {
  assert.equal(await page.getAttribute("#status", "data-state"), "ready", await page.textContent("#status"));
  assert.deepEqual(pageErrors, []);
  assert.match(await page.textContent("#title"), /China–Russia/);
});

test("exercises per year, with the reported range", async () => {
  const table = await rows("exercises-table");
  assert.equal(table.length, 11);
  assert.deepEqual(table[0].slice(0, 3), ["2014", "4–10", "reported"]);
  assert.deepEqual(table[9].slice(0, 3), ["2023", "4–10", "reported"]);
  // No coverage is declared for 2024, so its count is marked uncovered.
  assert.deepEqual(table[10], ["2024", "≥2", "counted (uncovered)", "northern-interaction-2024, ocean-2024"]);
  const drawn = await page.$eval("#exercises-chart", (c) => c.width > 0 && c.height > 0);
  assert.ok(drawn, "the chart is drawn");
});

test("scrambles by fiscal year", async () => {
  const table = await rows("scrambles-table");
  assert.deepEqual(table, [["FY2023", "FY2023", "669", "japan-scrambles-fy2023"]]);
});

test("the patrol list", async () => {
  const table = await rows("patrols-table");
  assert.equal(table.length, 1);
  const [name, kind, participants, platforms, , dates] = table[0];
  assert.match(name, /joint strategic air patrol/i);
  assert.deepEqual([kind, participants, dates], ["air", "CHN, RUS", "undated"]);
  assert.match(platforms, /H-6N \(bomber\)/);
});

test("the scenario table with ICD 203 terms", async () => {
  const table = await rows("scenarios-table");
  assert.equal(table.length, 9);
  const terms = ["almost no chance", "very unlikely", "unlikely", "roughly even chance", "likely", "very likely", "almost certain"];
  for (const [name, , prior, probability, term, confidence] of table) {
    assert.ok(name.length > 0);
    assert.match(prior, /^\d+ % \(illustrative\)$/);
    // Posteriors from the catalogue's illustrative numbers: marked, to 5 points.
    assert.match(probability, /^\d*[05] % \(illustrative\)$/);
    assert.ok(terms.includes(term), `${name}: ${term}`);
    assert.ok(["low", "moderate", "high"].includes(confidence));
  }
  assert.ok(table.some((r) => r[0] === "Enhanced military integration"));
  // The seed's two end states exclude each other: with the remainder they make 100 %.
  const sets = await rows("sets-table");
  assert.equal(sets.length, 1);
  assert.match(sets[0][1], /sustained-balance-of-power .*\+ escalation-through-incident/);
  assert.equal(sets[0][3], "100 %");
  mkdirSync(out, { recursive: true });
  await page.screenshot({ path: join(out, "seed.png"), fullPage: true });
});

test("a bad file shows its findings", async () => {
  const bad = JSON.stringify({
    formatVersion: "1.0",
    exercises: [
      { id: "x", name: "X", participants: ["CHN", "RUS"], dates: { start: "2024-05", end: "2024-04" }, sources: [] },
    ],
  });
  await page.setInputFiles("#file", { name: "bad.json", mimeType: "application/json", buffer: Buffer.from(bad) });
  await page.waitForFunction(() => document.querySelector("#check-summary").textContent.startsWith("bad.json"));
  assert.equal(
    await page.textContent("#check-summary"),
    "bad.json: 1 error(s), 1 warning(s); the figures above still show the previous dataset.",
  );
  assert.deepEqual((await rows("findings-table")).map((r) => r.slice(0, 4)), [
    ["error", "end-before-start", "exercises[0].dates", ""],
    ["warning", "no-source", "exercises[0].sources", ""],
  ]);
  await page.screenshot({ path: join(out, "findings.png"), fullPage: true });

  const broken = '{\n  "formatVersion": "1.0",\n  "exercises": [}\n';
  await page.setInputFiles("#file", { name: "broken.json", mimeType: "application/json", buffer: Buffer.from(broken) });
  await page.waitForFunction(() => document.querySelector("#check-summary").textContent.startsWith("broken.json"));
  const [finding] = await rows("findings-table");
  assert.deepEqual(finding.slice(0, 4), ["error", "malformed-json", "exercises[0]", "3:17"]);
  // The figures still show the seed.
  assert.equal((await rows("scrambles-table"))[0][2], "669");
  assert.deepEqual(pageErrors, []);
});
