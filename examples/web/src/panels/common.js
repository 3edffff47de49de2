// Helpers shared by the three analysis panels (scrambles, counted versus
// reported, scenarios): element building, SVG, number formatting, and the
// sources of a figure shown on demand.
import { formatQuantity, quantityBounds } from "jointwatch";
import "./panels.css";

const SVG = "http://www.w3.org/2000/svg";

/** An HTML element: `h("p", { class: "x", dataset: { id } }, "text", child, …)`. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  return fill(el, attrs, children);
}

/** An SVG element, as `h`. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  return fill(el, attrs, children);
}

function fill(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "dataset") for (const [d, dv] of Object.entries(v)) dv !== undefined && (el.dataset[d] = dv);
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** A quantity as readers see it ("over 400", "4–10", "669"); "—" for none. */
export function fq(q) {
  if (q === undefined || q === null) return "—";
  try {
    return formatQuantity(q);
  } catch {
    return String(q);
  }
}

/** The single value to plot for a quantity (null when it has none). */
export function point(q) {
  if (q === undefined || q === null) return null;
  if (typeof q === "number") return q;
  try {
    return quantityBounds(q).point ?? null;
  } catch {
    return null;
  }
}

/** The value of a quantity for a data attribute: the number when exact, else its words. */
export function dataValue(q) {
  return typeof q === "number" ? String(q) : fq(q);
}

export const COUNTRY = { CHN: "China", RUS: "Russia", JPN: "Japan", KOR: "South Korea", USA: "the United States", TWN: "Taiwan" };
export const countryName = (c) => COUNTRY[c] ?? c ?? "unattributed";

/** English ordinal: 1st, 2nd, 3rd, 11th, 22nd. */
export function ordinal(n) {
  const t = n % 100;
  if (t >= 11 && t <= 13) return `${n}th`;
  return n + ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th");
}

/** A percentage of a probability, rounded to `step` points. */
export const pct = (p, step = 1) => Math.round((p * 100) / step) * step;

/**
 * A "sources" disclosure for these ids: the details panel's list (from
 * src/sources.js through `ctx.sources`), built only when opened.
 */
export function sourcesFor(ctx, ids, label = "sources") {
  const list = [...new Set((ids ?? []).filter(Boolean))];
  if (!list.length || typeof ctx?.sources !== "function") return null;
  const d = h("details", { class: "jw-sources" }, h("summary", {}, `${label} (${list.length})`));
  d.addEventListener(
    "toggle",
    () => {
      if (!d.open || d.dataset.filled) return;
      d.dataset.filled = "1";
      try {
        const el = ctx.sources(list);
        if (el) d.append(el);
      } catch (e) {
        d.append(h("p", {}, `sources unavailable: ${e.message}`));
      }
    },
  );
  return d;
}

/** Replaces the panel's content, keeping its first heading (placed by the page) if any. */
export function reset(el, title) {
  const heading = el.querySelector(":scope > h2");
  el.replaceChildren();
  el.append(heading ?? h("h2", {}, title));
  el.classList.add("jw-panel");
  return el;
}

/** The "not in this dataset" notice. */
export function absent(el, what) {
  el.append(h("p", { class: "jw-absent", "data-testid": "absent" }, `${what}: not in this dataset.`));
}

/** Runs a package call, returning `fallback` when it throws. */
export function attempt(fn, fallback = undefined) {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
