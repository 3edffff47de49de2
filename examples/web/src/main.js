// The tracker page: the public record (or the reader's own file) as a
// timeline, a map, Japan's scrambles, counted-versus-reported, scenarios
// and an about panel, with filters kept in the URL. Everything is computed
// by the jointwatch package; these modules only draw.
import init, { Dataset } from "jointwatch";
import recordUrl from "jointwatch/public-record.json?url";
import { renderTimeline } from "./timeline.js";
import { renderMap } from "./map.js";
import { makeSources, showDetails } from "./sources.js";
import { renderAbout } from "./about.js";
import { setupFile } from "./file.js";
import { formats } from "./formats.js";
import * as scrambles from "./panels/scrambles.js";
import * as counted from "./panels/counted.js";
import * as scenarios from "./panels/scenarios.js";

/** The record kinds the timeline, the map and the filters deal in (statistics are not events). */
export const EVENT_KINDS = ["exercise", "patrol", "activity", "incident"];
const KIND_LABELS = { exercise: "Exercises", patrol: "Joint patrols", activity: "Single-state activity", incident: "Incidents" };

const $ = (id) => document.getElementById(id);

/** The view shown: the filters, as in the URL. */
let view = { kinds: [...EVENT_KINDS], participants: [], areas: [] };
/** What every panel gets: `{ ds, geo, seed, view, filter, sources }` (`geo`: the dataset as GeoJSON). */
const ctx = { ds: null, geo: null, seed: null, view, filter: {}, sources: () => document.createElement("div") };
/** The second module (`jointwatch/formats`), once loaded. */
let fmt = null;
let recordDs = null;

/** A view from a URL query (`?from=2019&to=2025&kinds=patrol,incident&participants=CHN&areas=sea-of-japan`). */
export function viewFromQuery(search) {
  const q = new URLSearchParams(search);
  const list = (k) => (q.get(k) ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const year = (k) => (/^\d{4}$/.test(q.get(k) ?? "") ? q.get(k) : undefined);
  const kinds = q.has("kinds") ? list("kinds").filter((k) => EVENT_KINDS.includes(k)) : [...EVENT_KINDS];
  return { from: year("from"), to: year("to"), kinds, participants: list("participants"), areas: list("areas") };
}

/** The URL query of a view; the default view has none. */
export function queryOfView(v) {
  const q = new URLSearchParams();
  if (v.from) q.set("from", v.from);
  if (v.to) q.set("to", v.to);
  const allKinds = v.kinds.length === EVENT_KINDS.length && EVENT_KINDS.every((k) => v.kinds.includes(k));
  if (!allKinds) q.set("kinds", v.kinds.join(","));
  if (v.participants.length) q.set("participants", v.participants.join(","));
  if (v.areas.length) q.set("areas", v.areas.join(","));
  const s = q.toString().replaceAll("%2C", ",");
  return s ? `?${s}` : "";
}

/** The jointwatch `Filter` of a view. No kind ticked means every event kind. */
export function filterOf(v) {
  const f = { kinds: v.kinds.length ? [...v.kinds] : [...EVENT_KINDS] };
  if (v.participants.length) f.participantsAny = [...v.participants];
  if (v.areas.length) f.areas = [...v.areas];
  if (v.from) f.from = v.from;
  if (v.to) f.to = v.to;
  return f;
}

const participantCodes = (p) => (typeof p === "string" ? p : p.country);

/** The countries and areas the dataset's events name, for the filter choices. */
function choicesOf(ds) {
  const sel = ds.select({ kinds: EVENT_KINDS });
  const countries = new Set();
  const areas = new Set();
  for (const r of [...sel.exercises, ...sel.patrols, ...sel.activities]) {
    for (const p of r.participants ?? []) countries.add(participantCodes(p));
  }
  for (const r of sel.incidents) for (const c of [...(r.by ?? []), ...(r.against ?? [])]) countries.add(c);
  for (const r of [...sel.exercises, ...sel.patrols, ...sel.activities, ...sel.incidents]) {
    for (const a of r.areas ?? []) areas.add(a);
    for (const leg of r.legs ?? []) for (const a of [...(leg.areas ?? []), ...(leg.straits ?? [])]) areas.add(a);
  }
  const names = new Map();
  for (const f of ctx.geo.features) {
    if (f.properties?.recordType === "area") names.set(f.properties.id, f.properties.name ?? f.properties.id);
  }
  return {
    countries: [...countries].sort(),
    areas: [...areas].map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function checkbox(name, value, label, checked) {
  const l = document.createElement("label");
  l.className = "check";
  const i = document.createElement("input");
  i.type = "checkbox";
  i.name = name;
  i.value = value;
  i.checked = checked;
  l.append(i, ` ${label}`);
  return l;
}

/** Builds the filter controls for the dataset shown, set to the view. */
function buildFilters(ds) {
  const { countries, areas } = choicesOf(ds);
  const kinds = $("filter-kinds");
  kinds.replaceChildren(kinds.querySelector("legend"));
  for (const k of EVENT_KINDS) kinds.append(checkbox("kinds", k, KIND_LABELS[k], view.kinds.includes(k)));
  const parts = $("filter-participants");
  parts.replaceChildren(parts.querySelector("legend"));
  for (const c of new Set([...countries, ...view.participants])) {
    parts.append(checkbox("participants", c, c, view.participants.includes(c)));
  }
  const sel = $("filter-areas");
  sel.replaceChildren();
  const known = new Set(areas.map((a) => a.id));
  for (const a of [...areas, ...view.areas.filter((id) => !known.has(id)).map((id) => ({ id, name: id }))]) {
    const o = document.createElement("option");
    o.value = a.id;
    o.textContent = a.name;
    o.selected = view.areas.includes(a.id);
    sel.append(o);
  }
  $("filter-from").value = view.from ?? "";
  $("filter-to").value = view.to ?? "";
}

/** Reads the view from the filter controls. */
function viewFromForm() {
  const form = $("filter-form");
  const checked = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
  const year = (id) => {
    const v = $(id).value.trim();
    return /^\d{4}$/.test(v) ? v : undefined;
  };
  return {
    from: year("filter-from"),
    to: year("filter-to"),
    kinds: checked("kinds"),
    participants: checked("participants"),
    areas: [...$("filter-areas").selectedOptions].map((o) => o.value),
  };
}

const PANELS = [
  ["scrambles", scrambles],
  ["counted", counted],
  ["scenarios", scenarios],
];

/** Draws one panel; a panel that fails says so in place and the others still draw. */
function draw(id, fn) {
  const el = $(id);
  try {
    fn(el, ctx);
    el.removeAttribute("data-error");
  } catch (e) {
    el.dataset.error = "true";
    const p = document.createElement("p");
    p.className = "panel-error";
    p.textContent = `This panel could not be drawn: ${e?.message ?? e}`;
    el.append(p);
    console.warn(id, e);
  }
}

/** Re-renders every panel for the current view (and the dataset shown). */
function renderAll() {
  ctx.view = view;
  ctx.filter = filterOf(view);
  const sel = ctx.ds.select(ctx.filter);
  const shown = sel.exercises.length + sel.patrols.length + sel.activities.length + sel.incidents.length;
  $("count-shown").value = String(shown);
  $("count-shown").textContent = String(shown);
  const onSelect = (id) => showDetails($("details"), ctx, id);
  draw("timeline", (el) => renderTimeline(el.querySelector(".timeline-body"), ctx, sel, onSelect));
  draw("map", (el) => renderMap(el.querySelector(".map-body"), ctx, sel, onSelect));
  for (const [id, panel] of PANELS) draw(id, panel.render);
  draw("about", renderAbout);
}

/** Puts the view into the URL (without a new history entry) and the share link. */
function syncUrl() {
  const url = `${location.pathname}${queryOfView(view)}${location.hash}`;
  history.replaceState(null, "", url);
  $("share-link").href = url;
}

function onFilterChange() {
  view = viewFromForm();
  syncUrl();
  renderAll();
}

/** Shows a dataset on the whole page (the public record, or the reader's file). */
function showDataset(ds, label) {
  ctx.ds = ds;
  ctx.geo = fmt.toGeoJSON(ds);
  ctx.sources = makeSources(ds);
  $("title").textContent = ds.title ?? label;
  document.title = `jointwatch: ${ds.title ?? label}`;
  buildFilters(ds);
  showDetails($("details"), ctx, null);
  renderAll();
}

async function start() {
  view = viewFromQuery(location.search);
  // The second module downloads while the core starts and the record is fetched.
  const loadingFormats = formats();
  await init();
  ctx.seed = Dataset.seed();
  const response = await fetch(recordUrl);
  if (!response.ok) throw new Error(`the public record could not be fetched (HTTP ${response.status})`);
  recordDs = Dataset.fromJSON(await response.text());
  fmt = await loadingFormats;
  showDataset(recordDs, "The public record");
  syncUrl();

  const form = $("filter-form");
  form.addEventListener("change", onFilterChange);
  form.addEventListener("submit", (e) => e.preventDefault());
  $("filter-reset").addEventListener("click", () => {
    view = { kinds: [...EVENT_KINDS], participants: [], areas: [] };
    buildFilters(ctx.ds);
    syncUrl();
    renderAll();
  });
  setupFile({
    input: $("file-input"),
    summary: $("file-summary"),
    list: $("findings"),
    reset: $("file-reset"),
    onLoad(ds, name) {
      if (ctx.ds && ctx.ds !== recordDs) ctx.ds.free();
      showDataset(ds, name);
      $("status").textContent = `Showing your file ${name} (${ds.recordCount} records).`;
    },
    onReset() {
      if (ctx.ds && ctx.ds !== recordDs) ctx.ds.free();
      showDataset(recordDs, "The public record");
      $("status").textContent = readyText(recordDs);
    },
  });
  $("status").textContent = readyText(recordDs);
  $("status").dataset.state = "ready";
}

const readyText = (ds) =>
  `Showing the public record shipped with the package: ${ds.recordCount} records, ${ds.counts.sources} sources, up to ${ds.latestDate ?? "no date"}.`;

start().catch((e) => {
  $("status").textContent = `Could not start: ${e?.message ?? e}`;
  $("status").dataset.state = "error";
  console.error(e);
});
