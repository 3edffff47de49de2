// examples/web in a real browser: a Vite production build served on
// localhost, driven in Debian's Chromium with playwright-core. Everything is
// checked from the page against what the record says, derived here in Node
// from pkg/public-record.json (and from the package itself where the page
// shows a computation): the timeline, the routes, the scramble bars, the
// numbering conflicts, the end-state bar, the filters and the shared URL, a
// bad file's findings, a good file replacing the record on the whole page,
// CSV tables loading (and a bad cell's finding), no console errors, and the
// size of the page's JavaScript.
//
// Screenshots of the whole page and of each panel, at desktop (1280×900) and
// phone (390×844) widths, are written to target/web-example/{desktop,phone}/
// on every run. Those committed under docs/ (docs/web-desktop.png and
// docs/web-phone.png, shown in the README: the first screen of the page at
// each width; and docs/screenshots/<panel>.png, one of each panel at desktop
// width) are written only when JOINTWATCH_UPDATE_SCREENSHOTS=1
// is set: pixels differ between Chromium and font versions, so an ordinary
// run must not rewrite tracked files.
//   JOINTWATCH_UPDATE_SCREENSHOTS=1 node --test tests/js/browser.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

import { launchChromium, root, serve, targetDir, viteBuild } from "./support.mjs";

const example = join(root, "examples", "web");
const out = join(targetDir, "web-example");
const dist = join(out, "dist");
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const PANELS = ["filters", "timeline", "details", "map", "scrambles", "counted", "scenarios", "open-file", "about"];
const JS_BUDGET = 150 * 1024;

const recordText = readFileSync(join(root, "pkg", "public-record.json"), "utf8");
const record = JSON.parse(recordText);
let jw; // the package, in Node: for what the page computes through it
let fmt; // its second module (jointwatch/formats), in Node
let server;
let browser;
let page;
const pageErrors = [];

const EVENT_LISTS = ["exercises", "patrols", "activities", "incidents"];
const eventsOf = (doc) => EVENT_LISTS.flatMap((k) => doc[k] ?? []);
const hasRoute = (r) => (r.route?.length ?? 0) >= 2 || (r.legs ?? []).some((l) => (l.route?.length ?? 0) >= 2);
/** Ids of the patrols and activities with a route (or a leg with one). */
const routedOf = (doc) => [...(doc.patrols ?? []), ...(doc.activities ?? [])].filter(hasRoute).map((r) => r.id);
const sorted = (xs) => [...xs].sort();
const ordinal = (n) => (n % 100 >= 11 && n % 100 <= 13 ? `${n}th` : n + ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th"));

function watch(p) {
  p.on("pageerror", (e) => pageErrors.push(String(e)));
  p.on("console", (m) => m.type() === "error" && pageErrors.push(m.text()));
  p.on("requestfailed", (r) => pageErrors.push(`request failed: ${r.url()}`));
  p.on("response", (r) => r.status() >= 400 && pageErrors.push(`HTTP ${r.status()}: ${r.url()}`));
}

async function open(p, query = "") {
  await p.goto(server.url + query);
  await p.waitForSelector('#status[data-state="ready"], #status[data-state="error"]', { timeout: 30000 });
  assert.equal(await p.getAttribute("#status", "data-state"), "ready", await p.textContent("#status"));
}

const ids = (p, selector) => p.$$eval(selector, (els) => els.map((e) => e.dataset.id));
const countShown = (p) => p.$eval("#count-shown", (o) => Number(o.value || o.textContent));

/** Screenshots of the whole page and each panel, into target/web-example/<width>/. */
async function screenshots(p, name) {
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  await p.screenshot({ path: join(dir, "page.png"), fullPage: true, animations: "disabled" });
  for (const id of PANELS) {
    const el = await p.$(`#${id}`);
    if (el && (await el.isVisible())) await el.screenshot({ path: join(dir, `${id}.png`), animations: "disabled" });
  }
  if (process.env.JOINTWATCH_UPDATE_SCREENSHOTS === "1") {
    // The README shows the first screen of the page (the whole page is several
    // screens tall and several megabytes as a PNG).
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.screenshot({ path: join(root, "docs", `web-${name}.png`), animations: "disabled" });
    // And one of each panel, at desktop width, under docs/screenshots/ (the
    // panels at phone width are the same content in one column; they stay in
    // target/web-example/phone/, as do the whole pages, several megabytes each).
    if (name === "desktop") {
      const shots = join(root, "docs", "screenshots");
      mkdirSync(shots, { recursive: true });
      for (const id of PANELS) {
        const el = await p.$(`#${id}`);
        if (el && (await el.isVisible())) await el.screenshot({ path: join(shots, `${id}.png`), animations: "disabled" });
      }
    }
  }
}

before(async () => {
  jw = await import(join(root, "pkg", "node", "index.mjs"));
  fmt = await import(join(root, "pkg", "formats", "node", "index.mjs"));
  viteBuild(example, dist, join(example, "node_modules"));
  server = await serve(dist);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: DESKTOP });
  watch(page);
  await open(page);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the page starts on the public record without errors", async () => {
  assert.equal(await page.textContent("#title"), record.title);
  assert.deepEqual(pageErrors, []);
});

test("the page's JavaScript stays within 150 KB gzipped (without the .wasm)", () => {
  const assets = join(dist, "assets");
  const js = readdirSync(assets).filter((f) => f.endsWith(".js"));
  assert.ok(js.length > 0, "the build has JavaScript");
  const gz = js.reduce((n, f) => n + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
  console.log(`page JavaScript: ${(gz / 1024).toFixed(1)} KB gzipped (${js.join(", ")})`);
  assert.ok(gz <= JS_BUDGET, `${(gz / 1024).toFixed(1)} KB gzipped > 150 KB`);
});

test("one timeline item per record (exercises, patrols, activities, incidents; not statistics)", async () => {
  const expected = eventsOf(record).map((r) => r.id);
  const shown = await ids(page, '[data-testid="timeline-item"]');
  assert.equal(shown.length, expected.length);
  assert.deepEqual(sorted(shown), sorted(expected));
  assert.equal(await countShown(page), expected.length);
});

test("one route per patrol or activity with a route", async () => {
  const shown = await ids(page, 'path[data-testid="route"]');
  assert.deepEqual(sorted(shown), sorted(routedOf(record)));
  // Incidents with a reported position are marked.
  const located = record.incidents.filter((i) => i.location).length;
  assert.equal((await page.$$('[data-testid="incident-mark"]')).length >= Math.min(located, 1), true);
});

test("the scramble bars show the record's statistics", async () => {
  const bars = await page.$$eval('[data-testid="scramble-bar"]', (els) =>
    els.map((e) => ({ fy: e.dataset.fy, part: e.dataset.part, value: e.dataset.value })),
  );
  // Japan's scrambles by fiscal year (April to March), from the JSON.
  const byFy = new Map();
  for (const st of record.statistics) {
    if (st.measure !== "scrambles" || st.period?.type !== "fiscalYear") continue;
    const fy = `FY${st.period.year}`;
    byFy.set(fy, [...(byFy.get(fy) ?? []), st]);
  }
  assert.ok(byFy.size > 0);
  const totals = bars.filter((b) => b.part === "total");
  assert.deepEqual(sorted(totals.map((b) => b.fy)), sorted(byFy.keys()));
  for (const [fy, stats] of byFy) {
    const total = totals.find((b) => b.fy === fy);
    // One figure: that one; conflicting figures: one of them, and the conflict is noted.
    const chosen = stats.find((st) => String(st.quantity) === total.value);
    assert.ok(chosen, `${fy}: ${total.value} is not one of ${stats.map((st) => st.quantity)}`);
    if (new Set(stats.map((st) => JSON.stringify(st.quantity))).size > 1) {
      const note = await page.textContent(`[data-testid="scramble-conflicts"] li[data-fy="${fy}"]`);
      for (const st of stats) assert.ok(note.includes(String(st.quantity)), `${fy} note names ${st.quantity}: ${note}`);
    }
    // The split is the chosen statistic's breakdown.
    for (const part of ["CHN", "RUS"]) {
      const entry = chosen.breakdown?.find((b) => b.category === part && typeof b.quantity === "number");
      const bar = bars.find((b) => b.fy === fy && b.part === part);
      assert.equal(bar?.value, entry ? String(entry.quantity) : undefined, `${fy} ${part}`);
    }
  }
  // The trend test's result and method, in words.
  const trend = await page.textContent('[data-testid="scramble-trend"]');
  assert.match(trend, /Mann–Kendall/);
  assert.match(trend, /Sen's slope/);
  // And the table as the text alternative.
  assert.equal(await page.$$eval('[data-testid="scrambles-table"] tbody tr', (r) => r.length), totals.length);
});

test("counted versus reported: the statements, the published counts, and the numbering conflicts", async () => {
  const rows = await ids(page, '[data-testid="counted-row"]');
  const seed = jw.Dataset.seed();
  for (const st of seed.select({ kinds: ["statistic"] }).statistics) assert.ok(rows.includes(st.id), st.id);
  const joint = ["jointAirPatrols", "jointNavalPatrols", "jointExercises"];
  for (const st of record.statistics.filter((s) => joint.includes(s.measure) && (s.asOf || s.period))) {
    assert.ok(rows.includes(st.id), st.id);
  }
  // Where China's number for a patrol is not another authority's, both are said.
  const ds = jw.Dataset.fromJSON(recordText);
  const texts = await page.$$eval('[data-testid="numbering"][data-by="CHN"]', (els) => els.map((e) => e.textContent));
  const names = { JPN: "Japan", RUS: "Russia" };
  let conflicts = 0;
  for (const kind of ["jointAirPatrol", "jointNavalPatrol"]) {
    const runs = ds.patrolCadence(kind).numbering ?? [];
    const chn = new Map((runs.find((r) => r.by === "CHN")?.sequence ?? []).map(([n, id]) => [id, n]));
    for (const run of runs.filter((r) => r.by && r.by !== "CHN")) {
      for (const [n, id] of run.sequence) {
        if (!chn.has(id) || chn.get(id) === n) continue;
        conflicts++;
        const said = `China's ${ordinal(chn.get(id))} = ${names[run.by] ?? run.by}'s ${ordinal(n)}`;
        assert.ok(texts.some((t) => t.includes(said) && t.includes(id)), `${said} (${id}) in ${JSON.stringify(texts)}`);
      }
    }
  }
  assert.ok(conflicts > 0, "the record has numbering conflicts to show");
  // Counts outside declared coverage are floors.
  assert.match(await page.textContent("#counted"), /≥\d/);
  ds.free();
  seed.free();
});

test("the scenarios, and the end states as one bar summing to 100 %", async () => {
  const seed = jw.Dataset.seed();
  const scenarios = await ids(page, '[data-testid="scenario"]');
  assert.deepEqual(sorted(scenarios), sorted(seed.toJSON().scenarios.map((s) => s.id)));
  const sets = seed.toJSON().scenarioSets ?? [];
  const segments = await page.$$eval('[data-testid="endstate-segment"]', (els) =>
    els.map((e) => ({ id: e.dataset.id, percent: Number(e.dataset.percent) })),
  );
  const bars = await page.$$('[data-testid="endstate-bar"]');
  assert.equal(bars.length, sets.length);
  for (const bar of bars) {
    const pcts = await bar.$$eval('[data-testid="endstate-segment"]', (els) => els.map((e) => Number(e.dataset.percent)));
    assert.equal(pcts.reduce((a, b) => a + b, 0), 100, JSON.stringify(segments));
    assert.ok(pcts.every((x) => x >= 0));
  }
  for (const set of sets) for (const id of set.scenarios) assert.ok(segments.some((s) => s.id === id), id);
  assert.ok(segments.some((s) => s.id === "none"), "the remainder is a segment");
  // Illustrative numbers are marked, with the footnote.
  const text = await page.textContent("#scenarios");
  assert.match(text, /\d+ %\*/);
  assert.ok(await page.$('[data-testid="illustrative-note"]'));
  assert.ok((await page.$$('[data-testid="what-would-change"]')).length > 0);
  seed.free();
});

test("screenshots at desktop width", async () => {
  await screenshots(page, "desktop");
});

test("a filter change changes the counts shown, and the URL restores the view", async () => {
  const before = await countShown(page);
  // Patrols only: tick "patrol" alone.
  await page.$$eval('#filter-kinds input[type="checkbox"]', (boxes) => {
    for (const b of boxes) b.checked = b.value === "patrol";
  });
  await page.dispatchEvent("#filter-kinds input[value=patrol]", "change");
  await page.waitForFunction((n) => Number(document.querySelector("#count-shown").value || document.querySelector("#count-shown").textContent) !== n, before);
  const after = await countShown(page);
  assert.equal(after, record.patrols.length);
  assert.deepEqual(sorted(await ids(page, '[data-testid="timeline-item"]')), sorted(record.patrols.map((p) => p.id)));
  // A window too.
  await page.fill("#filter-from", "2023");
  await page.dispatchEvent("#filter-from", "change");
  await page.waitForFunction((n) => Number(document.querySelector("#count-shown").value || document.querySelector("#count-shown").textContent) !== n, after);
  const url = page.url();
  assert.match(url, /kinds=patrol/);
  assert.match(url, /from=2023/);
  const shown = sorted(await ids(page, '[data-testid="timeline-item"]'));
  const count = await countShown(page);
  assert.equal(shown.length, count);
  // The package's own selection for the same filter.
  const ds = jw.Dataset.fromJSON(recordText);
  const sel = ds.select({ kinds: ["patrol"], from: "2023" });
  assert.deepEqual(shown, sorted(sel.patrols.map((p) => p.id)));
  ds.free();

  // The shared link, opened in a fresh page, shows the same view.
  const other = await browser.newPage({ viewport: DESKTOP });
  watch(other);
  await open(other, new URL(url).search);
  assert.equal(await countShown(other), count);
  assert.deepEqual(sorted(await ids(other, '[data-testid="timeline-item"]')), shown);
  assert.equal(await other.inputValue("#filter-from"), "2023");
  const ticked = await other.$$eval('#filter-kinds input[type="checkbox"]:checked', (b) => b.map((x) => x.value));
  assert.deepEqual(ticked, ["patrol"]);
  await other.close();

  // Back to everything.
  await page.click("#filter-reset");
  await page.waitForFunction((n) => Number(document.querySelector("#count-shown").value || document.querySelector("#count-shown").textContent) === n, before);
  assert.equal(new URL(page.url()).search, "");
});

test("a bad file shows its findings, and the page keeps the record", async () => {
  const bad = JSON.stringify({
    formatVersion: "2.0",
    exercises: [
      { id: "x", name: "X", participants: ["CHN", "RUS"], dates: { start: "2024-05", end: "2024-04" }, sources: [] },
    ],
  });
  await page.setInputFiles("#file-input", { name: "bad.json", mimeType: "application/json", buffer: Buffer.from(bad) });
  await page.waitForSelector('#findings li[data-code="end-before-start"]');
  const findings = await page.$$eval("#findings li", (lis) => lis.map((li) => [li.dataset.code, li.dataset.path]));
  assert.deepEqual(findings.find(([c]) => c === "end-before-start"), ["end-before-start", "exercises[0].dates"]);
  assert.ok(findings.some(([c, p]) => c === "no-source" && p === "exercises[0].sources"));
  assert.equal(await page.textContent("#title"), record.title);

  // Unreadable JSON: the finding has its line and column.
  const broken = '{\n  "formatVersion": "2.0",\n  "exercises": [}\n';
  await page.setInputFiles("#file-input", { name: "broken.json", mimeType: "application/json", buffer: Buffer.from(broken) });
  await page.waitForSelector('#findings li[data-code="malformed-json"]');
  assert.equal(await page.getAttribute('#findings li[data-code="malformed-json"]', "data-line"), "3");
  assert.equal(await countShown(page), eventsOf(record).length);
  await page.screenshot({ path: join(out, "findings.png"), fullPage: true });
});

test("CSV tables load, and a bad cell is named by its file, row and column", async () => {
  // The tables are written by the package itself (jointwatch/formats, toCSV) from a
  // small document with a patrol across the antimeridian, then opened together.
  const doc = {
    formatVersion: "2.0",
    sources: [{ id: "s1", title: "A source", reliability: "B", credibility: 2 }],
    exercises: [{ id: "ex-csv", name: "Exercise from CSV", participants: ["CHN", "RUS"], dates: "2024-05", sources: ["s1"] }],
    patrols: [
      { id: "p-csv", kind: "jointAirPatrol", participants: ["CHN", "RUS"], dates: "2024-07-24",
        route: [{ lon: 175, lat: 55 }, { lon: -178, lat: 58 }], sources: ["s1"] },
    ],
  };
  const tables = fmt.toCSV(doc);
  const files = Object.entries(tables)
    .filter(([, text]) => text.trim().includes("\n"))
    .map(([name, text]) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text) }));
  assert.ok(files.length >= 3, Object.keys(tables).join(", "));
  await page.setInputFiles("#file-input", files);
  await page.waitForFunction(() => document.querySelector("#file-summary").dataset.state === "loaded");
  assert.deepEqual(sorted(await ids(page, '[data-testid="timeline-item"]')), sorted(eventsOf(doc).map((r) => r.id)));
  assert.deepEqual(await ids(page, 'path[data-testid="route"]'), routedOf(doc));
  assert.equal(await countShown(page), eventsOf(doc).length);
  await page.click("#file-reset");
  await page.waitForFunction((t) => document.querySelector("#title").textContent === t, record.title);

  // A bad cell: nothing is imported, and the finding says where.
  const bad = "id,name,participants,sources\nx,X,CHN;Russia,s1\n";
  await page.setInputFiles("#file-input", { name: "exercises.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.waitForSelector('#findings li[data-code="invalid-country-code"]');
  assert.equal(await page.getAttribute('#findings li[data-code="invalid-country-code"]', "data-line"), "2");
  assert.match(await page.textContent("#findings"), /exercises\.csv: row 2, column "participants"/);
  assert.equal(await page.getAttribute("#file-summary", "data-state"), "error");
  assert.equal(await page.textContent("#title"), record.title);
  assert.equal(await countShown(page), eventsOf(record).length);
});

test("a good file replaces the record on the whole page", async () => {
  const doc = {
    formatVersion: "2.0",
    title: "A test file",
    sources: [{ id: "s1", title: "A source", reliability: "B", credibility: 2 }],
    exercises: [{ id: "ex-1", name: "Exercise One", participants: ["CHN", "RUS"], dates: "2024-07", sources: ["s1"] }],
    patrols: [
      // Across the antimeridian, as the July 2024 patrol near Alaska.
      { id: "p-alaska", kind: "jointAirPatrol", participants: ["CHN", "RUS"], dates: "2024-07-24",
        route: [{ lon: 175, lat: 55 }, { lon: -178, lat: 58 }, { lon: -170, lat: 60 }], sources: ["s1"] },
      { id: "p-noroute", kind: "jointNavalPatrol", participants: ["CHN", "RUS"], dates: "2024-09", sources: ["s1"] },
    ],
    statistics: [
      { id: "sc-14", label: "scrambles", measure: "scrambles", reporter: { name: "JSO", country: "JPN" },
        period: { type: "fiscalYear", year: 2014, firstMonth: 4 }, quantity: 943,
        breakdown: [{ category: "CHN", quantity: 464 }, { category: "RUS", quantity: 473 }], sources: ["s1"] },
      { id: "sc-16", label: "scrambles", measure: "scrambles", reporter: { name: "JSO", country: "JPN" },
        period: { type: "fiscalYear", year: 2016, firstMonth: 4 }, quantity: 1168,
        breakdown: [{ category: "CHN", quantity: 851 }], sources: ["s1"] },
    ],
  };
  await page.setInputFiles("#file-input", { name: "mine.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(doc)) });
  await page.waitForFunction(() => document.querySelector("#title").textContent === "A test file");
  assert.equal(await countShown(page), eventsOf(doc).length);
  assert.deepEqual(sorted(await ids(page, '[data-testid="timeline-item"]')), sorted(eventsOf(doc).map((r) => r.id)));
  assert.deepEqual(await ids(page, 'path[data-testid="route"]'), routedOf(doc));
  // FY2015 has no figure: a gap, never a zero bar.
  const bars = await page.$$eval('[data-testid="scramble-bar"]', (els) => els.map((e) => `${e.dataset.fy} ${e.dataset.part} ${e.dataset.value}`));
  assert.deepEqual(sorted(bars), sorted(["FY2014 total 943", "FY2014 CHN 464", "FY2014 RUS 473", "FY2016 total 1168", "FY2016 CHN 851"]));
  assert.ok(await page.$('[data-testid="scramble-gap"][data-fy="FY2015"]'));
  // The panels without data for this file say so; the scenarios are the seed's, on this file's evidence.
  assert.match(await page.textContent("#counted"), /not in this dataset/);
  const segs = await page.$$eval('[data-testid="endstate-segment"]', (els) => els.map((e) => Number(e.dataset.percent)));
  assert.equal(segs.reduce((a, b) => a + b, 0), 100);
  await page.screenshot({ path: join(out, "own-file.png"), fullPage: true });

  // And back.
  await page.click("#file-reset");
  await page.waitForFunction((t) => document.querySelector("#title").textContent === t, record.title);
  assert.equal(await countShown(page), eventsOf(record).length);
});

test("the page at phone width", async () => {
  const phone = await browser.newPage({ viewport: PHONE });
  watch(phone);
  await open(phone);
  assert.equal((await ids(phone, '[data-testid="timeline-item"]')).length, eventsOf(record).length);
  // Nothing wider than the screen.
  const wide = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= PHONE.width + 1, `the page is ${wide}px wide at ${PHONE.width}px`);
  await screenshots(phone, "phone");
  await phone.close();
});

test("no console errors", () => {
  assert.deepEqual(pageErrors, []);
});
