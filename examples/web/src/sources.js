// Sources and their Admiralty grades, and the details panel of one record.
import { formatQuantity } from "jointwatch";

/** The Admiralty (NATO) scale in words. */
export const RELIABILITY = {
  A: "completely reliable",
  B: "usually reliable",
  C: "fairly reliable",
  D: "not usually reliable",
  E: "unreliable",
  F: "reliability cannot be judged",
};
export const CREDIBILITY = {
  1: "confirmed by other sources",
  2: "probably true",
  3: "possibly true",
  4: "doubtful",
  5: "improbable",
  6: "truth cannot be judged",
};

const el = (tag, props = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") e.className = v;
    else if (k in e) e[k] = v;
    else e.setAttribute(k, v);
  }
  e.append(...children.filter((c) => c != null));
  return e;
};

/** A grade as code and words: `B2 (usually reliable; probably true)`. */
export const gradeWords = (s) =>
  `${s.reliability}${s.credibility} (${RELIABILITY[s.reliability] ?? "?"}; ${CREDIBILITY[s.credibility] ?? "?"})`;

/**
 * `sources(ids)` for a dataset: an element listing those sources with title,
 * publisher, date, link and grade. An id the dataset does not hold is listed
 * as such, never dropped.
 */
export function makeSources(ds) {
  const byId = new Map((ds.toJSON().sources ?? []).map((s) => [s.id, s]));
  return function sources(ids = []) {
    const list = el("ul", { class: "sources" });
    if (!ids.length) list.append(el("li", { class: "note" }, "No source cited."));
    for (const id of ids) {
      const s = byId.get(id);
      if (!s) {
        list.append(el("li", { "data-source": id }, `${id}: not in this dataset`));
        continue;
      }
      const title = s.url
        ? el("a", { href: s.url, rel: "noopener noreferrer", target: "_blank" }, s.title)
        : el("span", {}, s.title);
      const meta = [s.publisher, s.date].filter(Boolean).join(", ");
      list.append(
        el(
          "li",
          { "data-source": id },
          title,
          meta ? ` — ${meta}` : "",
          " ",
          el("abbr", { class: `grade grade-${s.reliability}`, title: gradeWords(s) }, `${s.reliability}${s.credibility}`),
          el("span", { class: "grade-words" }, ` ${RELIABILITY[s.reliability] ?? ""}; ${CREDIBILITY[s.credibility] ?? ""}`),
          s.notes ? el("span", { class: "source-notes" }, `. ${s.notes}`) : null,
        ),
      );
    }
    return list;
  };
}

/** A date range in words: `2019-07-23`, `2021-10-17 to 2021-10-23`. */
export const datesWords = (d) => (d == null ? "undated" : typeof d === "string" ? d : `${d.start} to ${d.end}`);
const who = (ps = []) => ps.map((p) => (typeof p === "string" ? p : `${p.country}${p.branch ? ` (${p.branch})` : ""}`)).join(", ");

/** A figure (a quantity, or several values from several sources) in words. */
function figureWords(f) {
  if (f == null) return "";
  if (typeof f === "object" && Array.isArray(f.values)) {
    return f.values
      .map((v) => `${formatQuantity(v.value)} (${[v.stance, v.by].filter(Boolean).join(", ")})`)
      .join(" / ");
  }
  try {
    return formatQuantity(f);
  } catch {
    return JSON.stringify(f);
  }
}

const KIND_WORDS = {
  jointAirPatrol: "joint air patrol",
  jointNavalPatrol: "joint naval patrol",
};

/** Shows one record (by id) with its sources in the details panel; `null` clears it. */
export function showDetails(panel, ctx, id) {
  const body = panel.querySelector(".details-body");
  if (id == null) {
    body.replaceChildren(el("p", { class: "note" }, "Select an item of the timeline or the map."));
    return;
  }
  const found = ctx.ds.record(id);
  if (!found) {
    body.replaceChildren(el("p", {}, `${id}: not in this dataset.`));
    return;
  }
  const r = found.record;
  const kind = KIND_WORDS[r.kind] ?? (found.kind === "incident" || found.kind === "activity" ? `${found.kind} (${r.kind})` : found.kind);
  const rows = [
    ["Kind", kind],
    ["Dates", datesWords(r.dates)],
    ["Participants", who(r.participants)],
    ["By", (r.by ?? []).join(", ")],
    ["Against", (r.against ?? []).join(", ")],
    ["Areas", (r.areas ?? []).join(", ")],
    ["Numbering", (r.numbering ?? []).map((n) => `${n.number} by ${n.by ?? "unattributed"}`).join("; ")],
    ["Platforms", (r.platforms ?? []).map((p) => `${p.model}${p.count != null ? ` × ${figureWords(p.count)}` : ""}${p.country ? ` (${p.country})` : ""}`).join(", ")],
    ["Personnel", figureWords(r.forces?.personnel)],
    ["Ships", figureWords(r.forces?.ships)],
    ["Aircraft", figureWords(r.forces?.aircraft)],
    ["Legs", (r.legs ?? []).map((l, i) => `${i + 1}: ${[datesWords(l.dates ?? null), ...(l.straits ?? []), ...(l.areas ?? [])].join(", ")}${l.notes ? ` — ${l.notes}` : ""}`).join(" | ")],
    ["Claims", (r.claims ?? []).map((c) => c.text).join(" | ")],
    ["Notes", r.notes ?? ""],
  ].filter(([, v]) => v);
  const dl = el("dl", { class: "record" });
  for (const [k, v] of rows) dl.append(el("dt", {}, k), el("dd", {}, v));
  body.replaceChildren(
    el("h3", { "data-record": id }, r.name ?? r.label ?? id),
    dl,
    el("h4", {}, "Sources"),
    ctx.sources(r.sources ?? []),
  );
}
