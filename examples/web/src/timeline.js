// The timeline: one SVG item per record passing the filter, in rows by kind.
// A date known to the year is a year-long bar, to the month a month-long bar;
// a day is a mark. Every item is focusable and opens the details panel.
import { datesWords } from "./sources.js";

const SVG = "http://www.w3.org/2000/svg";

/** The rows, top to bottom, with colour and mark shape. */
export const ROWS = [
  { key: "exercise", label: "Exercises", color: "#1b5e9e", shape: "square" },
  { key: "jointAirPatrol", label: "Joint air patrols", color: "#b3400a", shape: "triangle" },
  { key: "jointNavalPatrol", label: "Joint naval patrols", color: "#0b7a5a", shape: "diamond" },
  { key: "activity", label: "Single-state activity", color: "#6a3d9a", shape: "circle" },
  { key: "incident", label: "Incidents", color: "#a1154f", shape: "cross" },
];

/** `[start, end)` in fractional years of a fuzzy date (`2019`, `2019-07`, `2019-07-23`). */
export function bounds(date) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date ?? "");
  if (!m) return null;
  const y = +m[1];
  const frac = (yy, mo, d) => {
    const t = Date.UTC(yy, mo, d);
    const y0 = Date.UTC(yy, 0, 1);
    return yy + (t - y0) / (Date.UTC(yy + 1, 0, 1) - y0);
  };
  if (!m[2]) return [y, y + 1];
  const mo = +m[2] - 1;
  if (!m[3]) return [frac(y, mo, 1), mo === 11 ? y + 1 : frac(y, mo + 1, 1)];
  const d = +m[3];
  const start = frac(y, mo, d);
  const next = new Date(Date.UTC(y, mo, d + 1));
  return [start, frac(next.getUTCFullYear(), next.getUTCMonth(), next.getUTCDate()) || start];
}

/** The span of a record's dates; `precise` when it is one day. */
export function spanOf(dates) {
  if (dates == null) return null;
  const [a, b] = typeof dates === "string" ? [dates, dates] : [dates.start, dates.end];
  const s = bounds(a);
  const e = bounds(b);
  if (!s || !e) return null;
  const day = typeof dates === "string" && /^\d{4}-\d{2}-\d{2}/.test(dates);
  return { start: s[0], end: Math.max(e[1], s[0]), day };
}

const who = (r) =>
  r.participants
    ? r.participants.map((p) => (typeof p === "string" ? p : p.country)).join("–")
    : [(r.by ?? []).join(", "), r.against?.length ? `against ${r.against.join(", ")}` : ""].filter(Boolean).join(" ");

function node(tag, attrs = {}) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

function mark(shape, x, y, r, color) {
  switch (shape) {
    case "triangle":
      return node("path", { d: `M${x},${y - r}L${x + r},${y + r}L${x - r},${y + r}Z`, fill: color });
    case "diamond":
      return node("path", { d: `M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`, fill: color });
    case "circle":
      return node("circle", { cx: x, cy: y, r, fill: color });
    case "cross":
      return node("path", {
        d: `M${x - r},${y - r}L${x + r},${y + r}M${x + r},${y - r}L${x - r},${y + r}`,
        stroke: color,
        "stroke-width": 2.5,
        fill: "none",
      });
    default:
      return node("rect", { x: x - r, y: y - r, width: 2 * r, height: 2 * r, fill: color });
  }
}

/** Items of the selection, each with its row, span and words. */
function itemsOf(sel) {
  const items = [];
  const push = (row, kindWords, r) => items.push({ row, kindWords, r, span: spanOf(r.dates) });
  for (const r of sel.exercises) push("exercise", "exercise", r);
  for (const r of sel.patrols) push(r.kind === "jointNavalPatrol" ? "jointNavalPatrol" : "jointAirPatrol", r.kind === "jointNavalPatrol" ? "joint naval patrol" : "joint air patrol", r);
  for (const r of sel.activities) push("activity", `activity (${r.kind})`, r);
  for (const r of sel.incidents) push("incident", `incident (${r.kind})`, r);
  return items;
}

/**
 * Draws the timeline of `sel` (a `ds.select(filter)` result) into `el`;
 * `onSelect(id)` opens a record.
 */
export function renderTimeline(el, ctx, sel, onSelect) {
  const items = itemsOf(sel);
  if (!items.length) {
    el.replaceChildren(Object.assign(document.createElement("p"), { textContent: "No record passes the filters (or none is in this dataset)." }));
    return;
  }
  // The axis covers the whole dataset's events, so the scale does not jump
  // when a filter changes; the window's years narrow it when set.
  const all = itemsOf(ctx.ds.select({ kinds: ["exercise", "patrol", "activity", "incident"] })).map((i) => i.span).filter(Boolean);
  let y0 = Math.floor(Math.min(...all.map((s) => s.start)));
  let y1 = Math.ceil(Math.max(...all.map((s) => s.end)));
  if (ctx.view.from) y0 = Math.max(y0, +ctx.view.from);
  if (ctx.view.to) y1 = Math.min(y1, +ctx.view.to + 1);
  if (!(y1 > y0)) [y0, y1] = [y0, y0 + 1];
  const width = Math.max(640, Math.floor(el.clientWidth || 900));
  const left = 150;
  const right = 16;
  const x = (t) => left + ((Math.min(Math.max(t, y0), y1) - y0) / (y1 - y0)) * (width - left - right);
  const laneH = 14;
  const minW = 8;

  // Pack each row's items into lanes so none overlaps another.
  const rows = ROWS.map((row) => ({ ...row, lanes: [], items: [] }));
  const undated = [];
  const byStart = [...items].sort((p, q) => (p.span?.start ?? 0) - (q.span?.start ?? 0));
  for (const it of byStart) {
    const row = rows.find((r) => r.key === it.row);
    if (!it.span) {
      undated.push(it);
      continue;
    }
    const a = x(it.span.start);
    const b = Math.max(x(it.span.end), a + minW);
    let lane = row.lanes.findIndex((end) => end + 2 <= a);
    if (lane < 0) {
      lane = row.lanes.length;
      row.lanes.push(b);
    } else row.lanes[lane] = b;
    row.items.push({ ...it, a, b, lane });
  }
  let top = 24;
  for (const row of rows) {
    row.top = top;
    row.height = Math.max(1, row.lanes.length) * laneH + 12;
    top += row.height;
  }
  const undatedTop = top;
  const height = top + (undated.length ? 30 : 4);

  const svg = node("svg", {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: "group",
    "aria-label": `Timeline of ${items.length} records, ${y0} to ${y1 - 1}`,
  });
  // Years.
  const axis = node("g", { class: "axis", "aria-hidden": "true" });
  const step = y1 - y0 > 30 ? 5 : y1 - y0 > 12 ? 2 : 1;
  for (let y = y0; y <= y1; y++) {
    axis.append(node("line", { x1: x(y), x2: x(y), y1: 18, y2: height - 2, class: y % step ? "tick minor" : "tick" }));
    if (y % step === 0 && y < y1) {
      const t = node("text", { x: x(y) + 2, y: 14, class: "year" });
      t.textContent = String(y);
      axis.append(t);
    }
  }
  svg.append(axis);

  for (const row of rows) {
    const g = node("g", { class: "row", "data-row": row.key, role: "list", "aria-label": row.label });
    const band = node("rect", { x: 0, y: row.top, width, height: row.height, class: "band" });
    band.setAttribute("aria-hidden", "true");
    const label = node("text", { x: 6, y: row.top + 16, class: "row-label", "aria-hidden": "true" });
    label.textContent = row.label;
    g.append(band, label);
    for (const it of row.items) g.append(item(it, row, row.top + 6 + it.lane * laneH + laneH / 2, onSelect));
    svg.append(g);
  }
  if (undated.length) {
    const g = node("g", { class: "row", role: "list", "aria-label": "Undated" });
    const label = node("text", { x: 6, y: undatedTop + 18, class: "row-label" });
    label.textContent = "Undated";
    g.append(label);
    undated.forEach((it, i) => {
      const row = rows.find((r) => r.key === it.row);
      g.append(item({ ...it, a: left + i * 14, b: left + i * 14 + minW }, row, undatedTop + 14, onSelect));
    });
    svg.append(g);
  }

  const legend = document.createElement("ul");
  legend.className = "legend";
  for (const row of ROWS) {
    const li = document.createElement("li");
    const s = node("svg", { width: 14, height: 14, viewBox: "0 0 14 14", "aria-hidden": "true" });
    s.append(mark(row.shape, 7, 7, 5, row.color));
    li.append(s, ` ${row.label}`);
    legend.append(li);
  }
  const spanLi = document.createElement("li");
  spanLi.textContent = "bar: the span a date allows (a year-only date is a year-long bar)";
  legend.append(spanLi);

  const scroller = document.createElement("div");
  scroller.className = "scroll-x";
  scroller.append(svg);
  el.replaceChildren(legend, scroller);
}

function item(it, row, cy, onSelect) {
  const { r } = it;
  const words = `${r.name ?? r.id}: ${it.kindWords}, ${datesWords(r.dates)}${who(r) ? `, ${who(r)}` : ""}`;
  const g = node("g", {
    "data-testid": "timeline-item",
    "data-id": r.id,
    "data-kind": it.row,
    class: "item",
    tabindex: 0,
    role: "button",
    "aria-label": words,
  });
  const title = node("title");
  title.textContent = words;
  g.append(title);
  const point = it.span?.day;
  if (!point) {
    g.append(node("rect", { x: it.a, y: cy - 4, width: Math.max(it.b - it.a, 2), height: 8, rx: 2, fill: row.color, "fill-opacity": 0.55, stroke: row.color }));
  }
  if (point || !it.span) g.append(mark(row.shape, (it.a + it.b) / 2, cy, 5, row.color));
  else g.append(mark(row.shape, it.a + 3, cy, 3, row.color));
  g.addEventListener("click", () => onSelect(r.id));
  g.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onSelect(r.id);
    }
  });
  return g;
}
