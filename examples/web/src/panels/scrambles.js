// Japan's scrambles by fiscal year (April to March), split by China and
// Russia: the series of the statistics the dataset holds, the split from the
// breakdown of the statistic chosen for each year, years without a figure
// drawn as gaps (never as zero), conflicting figures noted, and the trend
// test (Mann–Kendall, Sen's slope) in words, with a table as the text
// alternative.
import { formatPeriod } from "jointwatch";
import { absent, attempt, dataValue, fq, h, point, reset, s, sourcesFor } from "./common.js";

const FY = { type: "fiscalYear", firstMonth: 4 };
const PARTS = [
  ["CHN", "China"],
  ["RUS", "Russia"],
];

/** The series query of the panel, within the view's window. */
export function scrambleQuery(filter = {}) {
  const f = { kinds: ["statistic"] };
  if (filter.from) f.from = filter.from;
  if (filter.to) f.to = filter.to;
  return { filter: f, groupBy: [{ by: "period", granularity: FY }], reported: "scrambles" };
}

/** The statistic whose figure a point shows: the single reporter, or the alternative equal to the value chosen. */
function chosenStatistic(p) {
  const by = p.reportedBy ?? [];
  if (by.length <= 1) return by[0];
  const same = (p.alternatives ?? []).find((a) => JSON.stringify(a.quantity) === JSON.stringify(p.reported));
  return same?.statistic ?? by[0];
}

export function render(el, ctx) {
  reset(el, "Japan's scrambles by fiscal year");
  const { ds } = ctx;
  const query = scrambleQuery(ctx.filter);
  const series = attempt(() => ds.series(query));
  const points = (series?.points ?? []).filter((p) => p.period?.type === "fiscalYear" || /^FY/.test(p.key[0]));
  if (!points.some((p) => p.value !== undefined)) {
    const any = attempt(() => ds.series(scrambleQuery({}))?.points?.some((p) => p.value !== undefined), false);
    if (any) el.append(h("p", { class: "jw-absent", "data-testid": "absent" }, "No scramble figure in the window chosen (see the filters)."));
    else absent(el, "Scrambles by fiscal year");
    return;
  }
  const stats = new Map();
  for (const st of attempt(() => ds.select({ kinds: ["statistic"] }).statistics, []) ?? []) stats.set(st.id, st);

  const rows = points.map((p) => {
    const id = chosenStatistic(p);
    const st = stats.get(id);
    const parts = {};
    for (const [code] of PARTS) {
      const entry = st?.breakdown?.find((b) => b.category === code);
      if (entry) parts[code] = entry;
    }
    return { p, fy: p.key[0], id, st, parts, total: p.value };
  });

  el.append(
    h(
      "p",
      { class: "jw-lede" },
      "Scrambles of Japan's Air Self-Defense Force by fiscal year (April to March), as Japan's Joint Staff Office reports them, ",
      "with the part against Chinese and Russian aircraft where the report breaks the total down. A year without a figure is a gap, not zero.",
    ),
  );
  el.append(chart(rows));
  el.append(legend());
  const conflicts = rows.filter((r) => (r.p.alternatives?.length ?? 0) > 1);
  if (conflicts.length) el.append(conflictNote(conflicts, ctx));
  el.append(trend(ds, query, rows));
  el.append(partYears(stats, ctx));
  el.append(table(rows, ctx));
}

function legend() {
  return h(
    "ul",
    { class: "jw-legend", "aria-hidden": "true" },
    h("li", {}, h("span", { class: "jw-swatch jw-total" }), "total (all countries)"),
    h("li", {}, h("span", { class: "jw-swatch jw-CHN" }), "against Chinese aircraft"),
    h("li", {}, h("span", { class: "jw-swatch jw-RUS" }), "against Russian aircraft"),
    h("li", {}, h("span", { class: "jw-swatch jw-gap" }), "no figure (gap)"),
  );
}

function chart(rows) {
  const W = 640;
  const H = 280;
  const m = { top: 18, right: 8, bottom: 34, left: 44 };
  const max = Math.max(1, ...rows.map((r) => point(r.total) ?? 0));
  const scaleTop = niceCeil(max);
  const band = (W - m.left - m.right) / rows.length;
  const barW = Math.max(4, Math.min(44, band * 0.7));
  const y = (v) => m.top + (H - m.top - m.bottom) * (1 - v / scaleTop);
  const svg = s("svg", {
    class: "jw-chart",
    viewBox: `0 0 ${W} ${H}`,
    role: "img",
    "aria-label": "Bar chart of Japan's scrambles by fiscal year, split by China and Russia; the table below gives the figures.",
  });
  for (const t of ticks(scaleTop)) {
    svg.append(
      s("line", { x1: m.left, x2: W - m.right, y1: y(t), y2: y(t), class: "jw-grid" }),
      s("text", { x: m.left - 4, y: y(t) + 4, "text-anchor": "end", class: "jw-tick" }, String(t)),
    );
  }
  rows.forEach((r, i) => {
    const cx = m.left + band * i + band / 2;
    const x = cx - barW / 2;
    const label = r.fy.replace(/^FY/, "FY");
    svg.append(
      s("text", { x: cx, y: H - m.bottom + 14, "text-anchor": "middle", class: "jw-tick" }, band < 40 ? `'${label.slice(-2)}` : label),
    );
    const total = point(r.total);
    if (total === null) {
      // A gap: no bar, a hatched outline at the base, never zero.
      svg.append(
        s(
          "g",
          { class: "jw-gap-mark", "data-testid": "scramble-gap", "data-fy": r.fy },
          s("rect", { x, y: y(0) - 24, width: barW, height: 24, class: "jw-gap" }),
          s("title", {}, `${r.fy}: no figure in this dataset (a gap, not zero)`),
        ),
      );
      return;
    }
    const g = s("g", { class: "jw-bar" });
    g.append(
      s(
        "rect",
        {
          x,
          y: y(total),
          width: barW,
          height: y(0) - y(total),
          class: "jw-total",
          "data-testid": "scramble-bar",
          "data-fy": r.fy,
          "data-part": "total",
          "data-value": dataValue(r.total),
        },
        s("title", {}, `${r.fy}: ${fq(r.total)} scrambles in all (${r.id ?? "no statistic"})`),
      ),
    );
    let base = 0;
    for (const [code, name] of PARTS) {
      const entry = r.parts[code];
      const v = point(entry?.quantity);
      if (v === null) continue;
      g.append(
        s(
          "rect",
          {
            x: x + 2,
            y: y(base + v),
            width: Math.max(1, barW - 4),
            height: y(base) - y(base + v),
            class: `jw-${code}`,
            "data-testid": "scramble-bar",
            "data-fy": r.fy,
            "data-part": code,
            "data-value": dataValue(entry.quantity),
          },
          s("title", {}, `${r.fy}: ${fq(entry.quantity)} against ${name === "China" ? "Chinese" : "Russian"} aircraft`),
        ),
      );
      base += v;
    }
    const flag = (r.p.alternatives?.length ?? 0) > 1 ? " †" : "";
    svg.append(g, s("text", { x: cx, y: y(total) - 4, "text-anchor": "middle", class: "jw-value" }, `${fq(r.total)}${flag}`));
  });
  svg.append(s("line", { x1: m.left, x2: W - m.right, y1: y(0), y2: y(0), class: "jw-axis" }));
  return h("figure", { class: "jw-figure" }, svg);
}

function niceCeil(v) {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const k of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (k * p >= v) return k * p;
  return 10 * p;
}

function ticks(top) {
  const step = top / 4;
  return [0, 1, 2, 3, 4].map((i) => Math.round(i * step));
}

function grade(a) {
  return a.reliability ? `${a.reliability}${a.credibility ?? ""}` : "ungraded";
}

function conflictNote(conflicts, ctx) {
  const list = h("ul", { class: "jw-notes", "data-testid": "scramble-conflicts" });
  for (const r of conflicts) {
    const alts = r.p.alternatives
      .map((a) => `${fq(a.quantity)} (${a.statistic}, graded ${grade(a)})`)
      .join(" and ");
    const how = r.p.resolution === "span" ? "the span of the best-graded figures is shown" : "the better-graded figure is shown";
    list.append(
      h(
        "li",
        { dataset: { fy: r.fy } },
        `† ${r.fy}: the statistics disagree — ${alts}; ${how} (${fq(r.p.value)}).`,
        sourcesFor(ctx, r.p.alternatives.flatMap((a) => [a.statistic]).flatMap((id) => statSources(ctx, id))),
      ),
    );
  }
  return h("div", {}, h("h3", {}, "Conflicting figures"), list);
}

function statSources(ctx, id) {
  const found = attempt(() => ctx.ds.record(id));
  return found?.kind === "statistic" ? found.record.sources ?? [] : [];
}

function trend(ds, query, rows) {
  const box = h("div", { class: "jw-trend", "data-testid": "scramble-trend" }, h("h3", {}, "Trend test"));
  let t;
  try {
    t = ds.seriesTrends(query);
  } catch (e) {
    box.append(h("p", {}, `No trend test: ${e.message}`));
    return box;
  }
  const mk = t.mannKendall;
  const sen = t.sensSlope;
  const used = t.used ?? [];
  const first = used[0]?.key?.[0] ?? used[0]?.label ?? rows.find((r) => r.total !== undefined)?.fy;
  const last = used.at(-1)?.key?.[0] ?? used.at(-1)?.label ?? rows.findLast((r) => r.total !== undefined)?.fy;
  if (!mk) {
    box.append(h("p", {}, "No trend test: too few fiscal years with an exact figure."));
    return box;
  }
  const verdict =
    mk.trend === "increasing"
      ? "an increasing trend"
      : mk.trend === "decreasing"
        ? "a decreasing trend"
        : "no significant trend, up or down";
  const p = mk.pValue < 0.001 ? "p < 0.001" : `p = ${mk.pValue.toFixed(2)}`;
  box.append(
    h(
      "p",
      { "data-trend": mk.trend },
      h("strong", {}, `Result: ${verdict}`),
      ` over ${mk.n} fiscal years${first && last ? ` (${first}–${last})` : ""} `,
      `(Mann–Kendall S = ${minus(mk.s)}, z = ${minus(mk.z.toFixed(2))}, ${p} at α = ${mk.alpha}; Kendall's τ = ${minus(mk.tau.toFixed(2))}).`,
      sen ? ` Sen's slope: ${sen.slope > 0 ? "+" : ""}${minus(round1(sen.slope))} scrambles a year.` : "",
    ),
    h(
      "p",
      { class: "jw-method" },
      "Method: the Mann–Kendall test compares every fiscal year with every later one and asks whether rises outnumber falls by more than chance would give (two-sided, 5 % level), ",
      "without assuming a straight line; Sen's slope is the median of the slopes between all pairs of years, so one unusual year does not move it. ",
      "Totals only; years without a figure are left out, not counted as zero.",
    ),
  );
  if (t.skipped?.length) {
    box.append(h("p", { class: "jw-method" }, `Left out: ${t.skipped.map((x) => x.key?.[0] ?? x.label ?? JSON.stringify(x)).join(", ")}.`));
  }
  return box;
}

const round1 = (x) => Math.round(x * 10) / 10;
const minus = (x) => String(x).replace(/^-/, "−");

/** Scramble figures for parts of a fiscal year (a quarter, a half, months): listed, not drawn. */
function partYears(stats, ctx) {
  const parts = [...stats.values()].filter(
    (st) => st.measure === "scrambles" && st.period && st.period.type !== "fiscalYear" && inWindow(st.period, ctx.filter),
  );
  if (!parts.length) return "";
  return h(
    "p",
    { class: "jw-method" },
    "Figures for part of a year, not drawn: ",
    parts
      .map((st) => `${attempt(() => formatPeriod(st.period), "?")}: ${fq(st.quantity)}${split(st)}`)
      .join("; "),
    ".",
  );
}

function inWindow(period, filter = {}) {
  const y = period.year ?? period.start ?? 0;
  const year = typeof y === "string" ? Number(y.slice(0, 4)) : y;
  if (filter.from && year < Number(String(filter.from).slice(0, 4))) return false;
  if (filter.to && year > Number(String(filter.to).slice(0, 4))) return false;
  return true;
}

function split(st) {
  const b = (st.breakdown ?? []).filter((e) => e.category === "CHN" || e.category === "RUS");
  if (!b.length) return "";
  return ` (${b.map((e) => `${e.category} ${e.quantity !== undefined ? fq(e.quantity) : e.qualifier}`).join(", ")})`;
}

function table(rows, ctx) {
  const tbody = h("tbody");
  for (const r of rows) {
    const other = otherPart(r);
    tbody.append(
      h(
        "tr",
        { dataset: { fy: r.fy } },
        h("th", { scope: "row" }, r.fy),
        h("td", {}, r.total === undefined ? "no figure (gap)" : fq(r.total)),
        h("td", {}, partText(r.parts.CHN)),
        h("td", {}, partText(r.parts.RUS)),
        h("td", {}, other),
        h(
          "td",
          {},
          (r.p.reportedBy ?? []).join(", ") || "—",
          r.st ? sourcesFor(ctx, r.st.sources) : "",
        ),
      ),
    );
  }
  return h(
    "details",
    { class: "jw-table-alt" },
    h("summary", {}, "The figures as a table"),
    h(
      "table",
      { "data-testid": "scrambles-table" },
      h("caption", {}, "Japan's scrambles by fiscal year (April to March), with the country split where reported"),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...["Fiscal year", "Total", "China", "Russia", "Others", "Statistic"].map((t) => h("th", { scope: "col" }, t)),
        ),
      ),
      tbody,
    ),
  );
}

function partText(entry) {
  if (!entry) return "—";
  return entry.quantity !== undefined ? fq(entry.quantity) : entry.qualifier ?? "—";
}

function otherPart(r) {
  const rest = (r.st?.breakdown ?? []).filter((e) => e.category !== "CHN" && e.category !== "RUS");
  if (!rest.length) return "—";
  return rest.map((e) => `${e.category} ${e.quantity !== undefined ? fq(e.quantity) : e.qualifier ?? ""}`.trim()).join(", ");
}
