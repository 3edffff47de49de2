// Counted versus reported: what others say (the seed document's statements,
// the counts governments and researchers published) beside what the dataset
// holds, with the numbering conflicts between authorities shown — China's
// count of joint air patrols is not Japan's, nor Russia's of naval patrols
// China's — and counts outside declared coverage given as "≥n".
import { formatPeriod, periodDays, quantityBounds } from "jointwatch";
import { absent, attempt, countryName, fq, h, ordinal, reset, sourcesFor } from "./common.js";

const JOINT = ["CHN", "RUS"];
/** The records a measure counts. */
const MEASURES = {
  jointAirPatrols: { what: "joint air patrols", filter: { kinds: ["patrol"], domains: ["air"], participantsAll: JOINT }, kind: "jointAirPatrol" },
  jointNavalPatrols: { what: "joint naval patrols", filter: { kinds: ["patrol"], domains: ["naval"], participantsAll: JOINT }, kind: "jointNavalPatrol" },
  jointExercises: { what: "joint exercises", filter: { kinds: ["exercise"], participantsAll: JOINT } },
};
const FIELDS = ["ships", "aircraft", "personnel"];

export function render(el, ctx) {
  reset(el, "Counted versus reported");
  const { ds, seed } = ctx;
  el.append(
    h(
      "p",
      { class: "jw-lede" },
      "What was said or published, beside what this dataset holds. A count outside the dataset's declared coverage is a floor (“≥n”): ",
      "events may be missing. Where two governments number the same patrols differently, both counts are shown.",
    ),
  );

  const table = h("table", { class: "jw-counted", "data-testid": "counted-table" });
  table.append(
    h("caption", {}, "Statements and published counts, and what this dataset holds"),
    h("thead", {}, h("tr", {}, ...["Statement", "Says", "This dataset holds", "Reading"].map((t) => h("th", { scope: "col" }, t)))),
  );
  const body = h("tbody");
  table.append(body);
  let n = 0;

  // 1. The seed document's statements: its statistics and claims.
  const seedStats = attempt(() => seed.select({ kinds: ["statistic"] }).statistics, []) ?? [];
  const seedSel = attempt(() => seed.select(), {}) ?? {};
  const seedClaims = [...(seedSel.exercises ?? []), ...(seedSel.patrols ?? [])].flatMap((r) =>
    (r.claims ?? []).map((c, i) => ({ record: r, claim: c, id: `${r.id}#claim-${i + 1}` })),
  );
  if (seedStats.length || seedClaims.length) {
    body.append(groupRow("The seed document's statements (2024)"));
    for (const st of seedStats) body.append(statRow(ds, st, ctx, "seed")), n++;
    for (const c of seedClaims) body.append(claimRow(ds, c, ctx)), n++;
  }

  // 2. The counts published (statistics of the joint measures in the dataset shown), in the view's window.
  const windowFilter = { kinds: ["statistic"] };
  if (ctx.filter?.from) windowFilter.from = ctx.filter.from;
  if (ctx.filter?.to) windowFilter.to = ctx.filter.to;
  const published = (attempt(() => ds.select(windowFilter).statistics, []) ?? []).filter(
    (st) => MEASURES[st.measure] && (st.asOf || st.period),
  );
  const order = ["jointAirPatrols", "jointNavalPatrols", "jointExercises"];
  published.sort((a, b) => order.indexOf(a.measure) - order.indexOf(b.measure) || dateOf(a).localeCompare(dateOf(b)));
  if (published.length) {
    let last;
    for (const st of published) {
      if (st.measure !== last) body.append(groupRow(`Published counts of ${MEASURES[st.measure].what}`)), (last = st.measure);
      body.append(statRow(ds, st, ctx, "record"));
      n++;
    }
  }

  el.append(numbering(ds, ctx));
  if (n) el.append(h("div", { class: "jw-scroll" }, table));
  else absent(el, "Statements and published counts of joint activity");
}

function groupRow(text) {
  return h("tr", { class: "jw-group" }, h("th", { colspan: 4, scope: "colgroup" }, text));
}

function dateOf(st) {
  if (st.asOf) return st.asOf;
  return attempt(() => periodDays(st.period).lastDay, "") ?? "";
}

function whenText(st) {
  if (st.period) {
    const p = attempt(() => formatPeriod(st.period), "");
    return st.rate === "perYear" ? `a year, ${p}` : `in ${p}`;
  }
  return st.asOf ? `by ${st.asOf}` : "";
}

/** The window a statistic covers: its period's days, or everything up to `asOf`. */
function windowOf(st) {
  if (st.period) {
    const d = attempt(() => periodDays(st.period));
    return d ? { from: d.firstDay, to: d.lastDay } : {};
  }
  return st.asOf ? { to: st.asOf } : {};
}

/** A count as "n" (inside declared coverage) or "≥n" (outside it). */
function countText(p) {
  if (!p || p.counted === undefined) return "—";
  if (p.counted === 0) return "none held";
  return `${p.status === "uncovered" ? "≥" : ""}${fq(p.counted)}`;
}

function statRow(ds, st, ctx, origin) {
  const m = MEASURES[st.measure];
  const who = st.reporter ? st.reporter.name : origin === "seed" ? "the seed document" : "unattributed";
  const says = h("td", {}, h("strong", {}, fq(st.quantity)), ` ${whenText(st)}`, h("br"), h("small", {}, who));
  let holds = "—";
  let reading = "";
  if (m) {
    ({ holds, reading } = compareCount(ds, st, m));
  } else {
    // A measure the records do not count (scrambles): the figures the dataset reports for the same period.
    const same = (attempt(() => ds.select({ kinds: ["statistic"] }).statistics, []) ?? []).filter(
      (o) => o.measure === st.measure && JSON.stringify(o.period) === JSON.stringify(st.period) && o.id !== st.id,
    );
    holds = same.length ? same.map((o) => `${fq(o.quantity)} (${o.id})`).join("; ") : "no figure for this period";
    reading = !same.length
      ? "not in this dataset"
      : same.every((o) => JSON.stringify(o.quantity) === JSON.stringify(st.quantity))
        ? "agrees"
        : "differs";
  }
  return h(
    "tr",
    { "data-testid": "counted-row", dataset: { id: st.id, origin } },
    h("th", { scope: "row" }, st.label ?? st.id, sourcesFor(ctx, st.sources)),
    says,
    h("td", {}, holds),
    h("td", { class: "jw-reading" }, reading),
  );
}

function compareCount(ds, st, m) {
  const win = windowOf(st);
  const filter = { ...m.filter, ...win };
  if (st.rate === "perYear" && st.period) {
    const s = attempt(() => ds.series({ filter, groupBy: [{ by: "period", granularity: { type: "year" } }] }));
    const pts = s?.points ?? [];
    if (!pts.some((p) => (quantityBounds(p.counted ?? 0).point ?? 0) > 0)) return { holds: "none held", reading: "not in this dataset" };
    const b = quantityBounds(st.quantity);
    const outside = pts.filter((p) => (p.counted ?? 0) > (b.high ?? Infinity) || (p.status !== "uncovered" && (p.counted ?? 0) < (b.low ?? 0)));
    const below = pts.filter((p) => (p.counted ?? 0) < (b.low ?? 0));
    return {
      holds: `per year: ${pts.map((p) => `${p.key[0]} ${countText(p)}`).join(", ")}`,
      reading: outside.length
        ? `differs in ${outside.map((p) => p.key[0]).join(", ")}`
        : below.length
          ? `fewer held than reported in ${below.length} of ${pts.length} years — the dataset is not complete there`
          : "within the reported range",
    };
  }
  const s = attempt(() => ds.series({ filter }));
  const p = s?.points?.[0];
  if (!p || !p.counted) return { holds: "none held", reading: "not in this dataset" };
  const held = p.counted === undefined ? undefined : quantityBounds(p.counted).point;
  const b = quantityBounds(st.quantity);
  let reading;
  if (!held) reading = "none held";
  else if (b.high !== null && held > b.high) reading = "the dataset holds more than reported (another count, or a different scope)";
  else if (b.low !== null && held < b.low) reading = p.status === "uncovered" ? "fewer held: the dataset is not complete here" : "fewer held";
  else reading = "agrees";
  let extra = "";
  if (m.kind && st.reporter?.country && st.asOf) extra = numberedAs(ds, m.kind, st.reporter.country, st.asOf);
  return {
    holds: h("span", {}, `${countText(p)} ${m.what}`, p.coveredBy ? h("small", {}, ` (complete per ${p.coveredBy})`) : "", extra ? h("br") : "", extra ? h("small", {}, extra) : ""),
    reading,
  };
}

/** "the last patrol to then with Japan's number: jap-2024-11-29, its 8th": the authority's number for the last patrol up to a date. */
function numberedAs(ds, kind, by, asOf) {
  const run = attempt(() => ds.patrolCadence(kind).numbering, [])?.find((r) => r.by === by);
  if (!run) return "";
  const upTo = run.sequence.filter(([, id]) => (startOf(ds, id) ?? "9999") <= asOf.padEnd(10, "-99"));
  const lastNum = upTo.at(-1);
  if (!lastNum) return "";
  return `the last patrol to then with ${countryName(by)}'s number: ${lastNum[1]}, its ${ordinal(lastNum[0])}`;
}

function startOf(ds, id) {
  const r = attempt(() => ds.record(id))?.record;
  const d = r?.dates;
  return typeof d === "string" ? d : d?.start;
}

function claimRow(ds, { record, claim, id }, ctx) {
  const start = typeof record.dates === "string" ? record.dates : record.dates?.start;
  const toYear = Number(String(start ?? "").slice(0, 4));
  const years = claim.windowYears ?? 30;
  let holds = "—";
  let reading = "not checked";
  if (claim.kind === "largest" && toYear) {
    const checks = FIELDS.map((f) => attempt(() => ds.largest(f, toYear, years))).filter((c) => c && c.compared > 0);
    if (checks.length) {
      holds = h(
        "ul",
        { class: "jw-inline" },
        checks.map((c) =>
          h(
            "li",
            { title: `${c.compared} compared, ${c.withoutFigure.length} without the figure${c.contenders.length ? `; could be as large: ${c.contenders.join(", ")}` : ""}` },
            `${c.field}: ${c.leader ?? "—"} `,
            h("small", {}, `(${judgement(c)})`),
          ),
        ),
      );
      const ok = checks.filter((c) => c.leader === record.id);
      reading = ok.length === checks.length ? (checks.every((c) => c.certain) ? "borne out" : "possibly: not certain on the figures held") : ok.length ? "partly" : "not borne out by the figures held";
    } else {
      holds = "no exercise with the figures in the window";
      reading = "not in this dataset";
    }
  }
  return h(
    "tr",
    { "data-testid": "counted-row", dataset: { id, origin: "seed" } },
    h("th", { scope: "row" }, `${record.name ?? record.id}: claim`, sourcesFor(ctx, claim.sources ?? record.sources)),
    h("td", {}, `“${claim.text}”`),
    h("td", {}, holds),
    h("td", { class: "jw-reading" }, reading),
  );
}

function judgement(c) {
  return { certain: "largest for certain", largestHeld: "largest of those held", possibly: `possibly; ${c.contenders.length} could be as large`, none: "none" }[c.judgement] ?? c.judgement;
}

/** The numbering of each patrol kind by each authority, and where they disagree on one patrol. */
function numbering(ds, ctx) {
  const box = h("div", { class: "jw-numbering" }, h("h3", {}, "Numbering: who counts which patrol"));
  const runs = ["jointAirPatrol", "jointNavalPatrol"].flatMap((k) => attempt(() => ds.patrolCadence(k).numbering, []) ?? []);
  if (!runs.length) {
    absent(box, "Patrol numbering");
    return box;
  }
  const list = h("ul", { class: "jw-notes" });
  for (const kind of ["jointAirPatrol", "jointNavalPatrol"]) {
    const mine = runs.filter((r) => r.kind === kind && r.by);
    // patrol id → [[authority, number], …]
    const per = new Map();
    for (const r of mine) for (const [num, id] of [...r.sequence, ...(r.undated ?? [])]) per.set(id, [...(per.get(id) ?? []), [r.by, num]]);
    const what = kind === "jointAirPatrol" ? "joint air patrol" : "joint naval patrol";
    for (const [id, nums] of per) {
      if (nums.length < 2 || new Set(nums.map(([, x]) => x)).size < 2) continue;
      const [first] = nums;
      list.append(
        h(
          "li",
          { "data-testid": "numbering", dataset: { by: first[0], id, kind } },
          `${nums.map(([by, x]) => `${countryName(by)}'s ${ordinal(x)}`).join(" = ")} ${what} (${id})`,
        ),
      );
    }
    for (const r of mine) {
      if (!r.missingNumbers?.length && !r.conflicts?.length) continue;
      list.append(
        h(
          "li",
          { dataset: { by: r.by, kind } },
          `${countryName(r.by)}'s count of ${what}s: `,
          r.missingNumbers?.length
            ? `${r.missingNumbers.length === 1 ? "number" : "numbers"} ${r.missingNumbers.join(", ")} not held with ${countryName(r.by)}'s number (the dataset holds those patrols under another authority's number, or not at all)`
            : "",
          r.conflicts?.length ? `${r.missingNumbers?.length ? "; " : ""}out of order: ${r.conflicts.join("; ")}` : "",
          ".",
        ),
      );
    }
  }
  if (!list.children.length) list.append(h("li", {}, "The numbering authorities agree on every patrol they both number."));
  box.append(list);
  return box;
}
