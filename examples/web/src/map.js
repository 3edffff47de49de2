// The map: East Asia and the North Pacific on an equal-area conic projection
// centred on the Pacific, so that the Bering Sea and Alaska are continuous.
// The basemap is Natural Earth land (world-atlas, 1:110m) served with the
// page: no tile server, no network beyond the page's own files.
// Everything drawn comes from `toGeoJSON(ds)` (the package's `jointwatch/formats`): routes and legs as spherical
// lines (d3-geo cuts them at the antimeridian), area outlines as their
// (approximate) bounding boxes, incidents as marks.
import { geoArea, geoCentroid, geoConicEqualArea, geoGraticule10, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import landUrl from "world-atlas/land-110m.json?url";
import { ROWS } from "./timeline.js";

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 960;
const HEIGHT = 600;
/** The frame: East Asia and the North Pacific, from Central Asia to Alaska. */
const FRAME = {
  type: "MultiPoint",
  coordinates: [[95, 18], [125, 10], [160, 15], [-160, 25], [-140, 55], [-150, 72], [170, 74], [110, 62], [90, 45]],
};
const AREA_KINDS = new Set(["strait", "adiz", "territorialAirspace"]);

let land = null;
let landLoading = null;
let last = null;

function loadLand() {
  landLoading ??= fetch(landUrl)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((topo) => {
      land = feature(topo, topo.objects.land);
      if (last) renderMap(...last);
    })
    .catch((e) => {
      land = { error: String(e?.message ?? e) };
      if (last) renderMap(...last);
    });
}

function node(tag, attrs = {}) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) e.setAttribute(k, String(v));
  return e;
}

/** A ring with points every 2° along its edges, so that a box follows its parallels on the sphere. */
function densify(ring) {
  const out = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    const n = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) / 2));
    for (let k = 0; k < n; k++) out.push([x0 + ((x1 - x0) * k) / n, y0 + ((y1 - y0) * k) / n]);
  }
  out.push(ring[ring.length - 1]);
  return out;
}

/**
 * A GeoJSON (RFC 7946) polygon geometry made ready for d3-geo: densified,
 * and wound clockwise as d3 wants (RFC 7946 winds counter-clockwise; read
 * as is, d3 would fill the rest of the globe).
 */
function forD3(geometry) {
  if (!geometry) return null;
  const fix = (polygon) => {
    const rings = polygon.map(densify);
    const g = { type: "Polygon", coordinates: rings };
    return geoArea(g) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
  };
  if (geometry.type === "Polygon") return { type: "Polygon", coordinates: fix(geometry.coordinates) };
  if (geometry.type === "MultiPolygon") return { type: "MultiPolygon", coordinates: geometry.coordinates.map(fix) };
  if (geometry.type === "GeometryCollection") return { type: "GeometryCollection", geometries: geometry.geometries.map(forD3) };
  return geometry;
}

/**
 * The outline of a (d3-ready) polygon geometry as lines, leaving out the
 * edges along the antimeridian where RFC 7946 cut it: on a map centred on the
 * Pacific those cuts are not edges of the area.
 */
function outlineOf(geometry) {
  const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  const out = [];
  const seam = (a, b) => Math.abs(a[0]) === 180 && Math.abs(b[0]) === 180;
  for (const poly of polys) {
    for (const ring of poly) {
      let line = [ring[0]];
      for (let i = 1; i < ring.length; i++) {
        if (seam(ring[i - 1], ring[i])) {
          if (line.length > 1) out.push(line);
          line = [ring[i]];
        } else line.push(ring[i]);
      }
      if (line.length > 1) out.push(line);
    }
  }
  return { type: "MultiLineString", coordinates: out };
}

/** A filled shape without a stroke, and its outline without the antimeridian cuts. */
function shape(path, geometry, attrs) {
  const g = forD3(geometry);
  const group = node("g", attrs);
  group.append(node("path", { d: path(g), class: "fill" }), node("path", { d: path(outlineOf(g)), class: "outline" }));
  return group;
}

const isLine = (g) => g && (g.type === "LineString" || g.type === "MultiLineString" || g.type === "Point" || g.type === "MultiPoint");
const lines = (gs) => ({
  type: "MultiLineString",
  coordinates: gs.flatMap((g) => (g.type === "LineString" ? [g.coordinates] : g.type === "MultiLineString" ? g.coordinates : [])),
});
const rowOf = (type, kind) =>
  ROWS.find((r) => r.key === (type === "patrol" ? kind : type)) ?? ROWS[0];

/**
 * Draws the records of `sel` (a `ds.select(filter)` result) on the map in
 * `el`; `onSelect(id)` opens a record.
 */
export function renderMap(el, ctx, sel, onSelect) {
  last = [el, ctx, sel, onSelect];
  if (!land) loadLand();
  const features = ctx.geo.features;
  const shown = new Set([...sel.exercises, ...sel.patrols, ...sel.activities, ...sel.incidents].map((r) => r.id));
  const recordOf = (f) => f.properties?.id;

  const projection = geoConicEqualArea().parallels([25, 65]).rotate([-175, 0]).center([0, 45]);
  projection.fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], FRAME);
  projection.clipExtent([[0, 0], [WIDTH, HEIGHT]]);
  const path = geoPath(projection);

  const svg = node("svg", {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    class: "map-svg",
    role: "group",
    "aria-labelledby": "map-title",
    "aria-describedby": "map-alt-summary",
  });
  svg.append(node("path", { d: path({ type: "Sphere" }), class: "sphere", "aria-hidden": "true" }));
  svg.append(node("path", { d: path(geoGraticule10()), class: "graticule", "aria-hidden": "true" }));
  if (land && !land.error) svg.append(node("path", { d: path(land), class: "land", "aria-hidden": "true" }));

  const alt = [];
  const focusable = (e, id, words) => {
    e.setAttribute("tabindex", "0");
    e.setAttribute("role", "button");
    e.setAttribute("aria-label", words);
    const t = node("title");
    t.textContent = words;
    e.append(t);
    e.addEventListener("click", () => onSelect(id));
    e.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        onSelect(id);
      }
    });
    return e;
  };

  // Straits, air-defence zones and territorial airspace: outlines (approximate boxes).
  const areas = node("g", { class: "areas" });
  for (const f of features) {
    const p = f.properties ?? {};
    if (p.recordType !== "area" || !AREA_KINDS.has(p.kind) || !f.geometry) continue;
    const e = shape(path, f.geometry, { class: `area area-${p.kind}`, "data-testid": "area-outline", "data-area": p.id });
    const t = node("title");
    t.textContent = `${p.name ?? p.id} (${p.kind}${p.approximate ? ", approximate outline" : ""})`;
    e.append(t);
    areas.append(e);
  }
  svg.append(areas);

  // Exercises: the outlines of the areas they name (approximate).
  const exercises = node("g", { class: "exercises" });
  for (const f of features) {
    const p = f.properties ?? {};
    if (p.recordType !== "exercise" || !shown.has(recordOf(f))) continue;
    if (!f.geometry) {
      alt.push(`${p.name ?? p.id} (exercise): not placed, no area with a geometry`);
      continue;
    }
    exercises.append(
      focusable(shape(path, f.geometry, { class: "exercise-area", "data-testid": "exercise-area", "data-id": p.id }), p.id, `${p.name ?? p.id} (exercise), approximately in ${(p.areas ?? []).join(", ")}`),
    );
    alt.push(`${p.name ?? p.id} (exercise): the approximate outline of ${(p.areas ?? []).join(", ") || "its areas"}`);
  }
  svg.append(exercises);

  // Patrols and activities: the route (and the legs' routes) when the record
  // has one, else the outline of the areas it names, drawn as a footprint.
  const legsOf = new Map();
  for (const f of features) {
    const m = /^leg:(.+):(\d+)$/.exec(String(f.id ?? ""));
    if (m && isLine(f.geometry)) legsOf.set(m[1], [...(legsOf.get(m[1]) ?? []), f.geometry]);
  }
  const tracks = node("g", { class: "tracks" });
  for (const f of features) {
    const p = f.properties ?? {};
    if ((p.recordType !== "patrol" && p.recordType !== "activity") || !shown.has(recordOf(f))) continue;
    const row = rowOf(p.recordType, p.kind);
    const kindWords = p.recordType === "patrol" ? row.label.toLowerCase().replace(/s$/, "") : `activity (${p.kind})`;
    const name = p.name ?? p.id;
    const legs = legsOf.get(p.id) ?? [];
    const own = p.geometrySource === "route" && isLine(f.geometry) ? [f.geometry] : [];
    if (own.length || legs.length) {
      const g = [...own, ...legs];
      const pts = g.filter((x) => x.type === "Point" || x.type === "MultiPoint");
      const d = path(lines(g)) || (pts.length ? path({ type: "GeometryCollection", geometries: pts }) : "");
      tracks.append(
        focusable(
          node("path", { d, class: "route", "data-testid": "route", "data-id": p.id, stroke: row.color }),
          p.id,
          `${name} (${kindWords}): route${legs.length ? ` with ${legs.length} leg(s)` : ""}`,
        ),
      );
      alt.push(`${name} (${kindWords}): its route${legs.length ? ` and ${legs.length} leg route(s)` : ""}`);
    } else if (f.geometry) {
      tracks.append(
        focusable(
          shape(path, f.geometry, { class: "footprint", "data-testid": "patrol-footprint", "data-id": p.id, stroke: row.color }),
          p.id,
          `${name} (${kindWords}): no route recorded; the approximate outline of ${(p.areas ?? []).join(", ")}`,
        ),
      );
      alt.push(`${name} (${kindWords}): no route in the record; drawn as the approximate outline of the areas it names (${(p.areas ?? []).join(", ")})`);
    } else {
      alt.push(`${name} (${kindWords}): not placed, no route and no area with a geometry`);
    }
  }
  svg.append(tracks);

  // Incidents: a mark at the reported position, or a hollow mark at the
  // centre of the areas named (the position is derived, not reported).
  const marks = node("g", { class: "incidents" });
  for (const f of features) {
    const p = f.properties ?? {};
    if (p.recordType !== "incident" || !shown.has(recordOf(f))) continue;
    const name = p.name ?? p.id;
    if (!f.geometry) {
      alt.push(`${name} (incident, ${p.kind}): not placed, no position and no area with a geometry`);
      continue;
    }
    const derived = !(f.geometry.type === "Point");
    const at = projection(derived ? geoCentroid(forD3(f.geometry)) : f.geometry.coordinates);
    if (!at || at.some((v) => !Number.isFinite(v))) continue;
    const c = node("circle", {
      cx: at[0].toFixed(1),
      cy: at[1].toFixed(1),
      r: 6,
      class: derived ? "incident derived" : "incident",
      "data-testid": "incident-mark",
      "data-id": p.id,
    });
    const words = `${name} (incident, ${p.kind}, ${p.start ?? ""}): ${derived ? `position derived from ${(p.areas ?? []).join(", ")}` : "reported position"}`;
    marks.append(focusable(c, p.id, words));
    alt.push(words);
  }
  svg.append(marks);

  const caption = document.createElement("p");
  caption.className = "note";
  caption.id = "map-alt-summary";
  caption.textContent =
    `${alt.length} records of the view. Lines are recorded routes; dashed outlines are the approximate boxes of the areas a ` +
    `record names (no route recorded); hollow incident marks are placed at the centre of the areas named. The frame is ` +
    `East Asia and the North Pacific: records elsewhere are listed below.` +
    (land?.error ? ` The basemap could not be loaded (${land.error}).` : "");
  const details = document.createElement("details");
  details.className = "map-alt";
  const summary = document.createElement("summary");
  summary.textContent = "What the map shows, as a list";
  const list = document.createElement("ul");
  for (const line of alt) {
    const li = document.createElement("li");
    li.textContent = line;
    list.append(li);
  }
  details.append(summary, list);
  el.replaceChildren(caption, svg, details);
}
