// The scenarios: each with its horizon, probability, ICD 203 term and
// confidence; numbers resting on the catalogue's illustrative judgements
// marked "*"; each indicator's contribution as a small bar chart; what would
// change the judgement; and each set of exclusive end states as one bar
// that sums to 100 % with "none of these".
//
// A dataset without scenarios of its own (the public record, most user
// files) is assessed on the seed document's scenarios, as
// `cargo run --example public_record` does: the seed's scenarios, sets and
// indicators merged into a copy, completed from the built-in catalogue.
import { Dataset, estimativeTerm } from "jointwatch";
import { absent, attempt, h, pct, reset, s, sourcesFor } from "./common.js";

const cache = new WeakMap();

/** The assessment of a dataset (cached per dataset), and whose scenarios it uses. */
export function assessmentOf(ds, seed) {
  if (cache.has(ds)) return cache.get(ds);
  let result;
  try {
    let base = ds;
    let scenariosFrom = "this dataset";
    let scratch;
    if (!(ds.counts?.scenarios > 0)) {
      const sd = seed.toJSON();
      scratch = Dataset.fromObject(ds.toJSON());
      scratch.merge({
        formatVersion: sd.formatVersion,
        sources: sd.sources,
        scenarios: sd.scenarios,
        scenarioSets: sd.scenarioSets,
        indicators: sd.indicators ?? [],
        indicatorGroups: sd.indicatorGroups ?? [],
      });
      base = scratch;
      scenariosFrom = "the seed document";
    }
    const full = base.withCatalogue();
    const assessment = full.assess();
    const doc = full.toJSON();
    const names = new Map([...(doc.indicators ?? []), ...(doc.scenarios ?? [])].map((x) => [x.id, x.name]));
    const scenarioDocs = new Map((doc.scenarios ?? []).map((x) => [x.id, x]));
    full.free();
    scratch?.free();
    result = { assessment, names, scenarioDocs, scenariosFrom };
  } catch (e) {
    result = { error: e };
  }
  cache.set(ds, result);
  return result;
}

const TERM_WORDS = {
  almostNoChance: "almost no chance",
  veryUnlikely: "very unlikely",
  unlikely: "unlikely",
  roughlyEvenChance: "roughly even chance",
  likely: "likely",
  veryLikely: "very likely",
  almostCertain: "almost certain",
};
const words = (term, p) => attempt(() => estimativeTerm(p)?.words) ?? TERM_WORDS[term] ?? term;

/** A probability as shown: to 5 points and marked when illustrative, else to 1 point. */
function prob(p, illustrative) {
  return illustrative ? `${pct(p, 5)} %*` : `${pct(p)} %`;
}

export function render(el, ctx) {
  reset(el, "Scenarios");
  const { assessment, names, scenarioDocs, scenariosFrom, error } = assessmentOf(ctx.ds, ctx.seed);
  if (error || !assessment?.scenarios?.length) {
    absent(el, "Scenarios with a probability");
    if (error) el.append(h("p", { class: "jw-method" }, `(${error.message})`));
    return;
  }
  const name = (id) => names.get(id) ?? id;
  el.append(
    h(
      "p",
      { class: "jw-lede" },
      `The scenarios of ${scenariosFrom}, assessed on the evidence of this dataset as of ${assessment.asOf}. `,
      "Each starts from a prior and moves by the indicators that bear on it (likelihood ratios); the result is stated in the ICD 203 terms of likelihood with a confidence.",
    ),
  );
  let anyIllustrative = false;

  for (const set of assessment.sets ?? []) {
    anyIllustrative ||= set.illustrative;
    el.append(endStateBar(set, name));
  }

  const list = h("div", { class: "jw-scenarios" });
  for (const sc of assessment.scenarios) {
    anyIllustrative ||= sc.illustrative;
    list.append(card(sc, name, scenarioDocs.get(sc.id), ctx));
  }
  el.append(list);
  if (anyIllustrative) {
    el.append(
      h(
        "p",
        { class: "jw-footnote", "data-testid": "illustrative-note" },
        "* Illustrative: the number rests on a judgement the built-in catalogue makes to show the method (a prior, a horizon or a likelihood ratio), not on an analyst's assessment; it is rounded to 5 points. Replace the catalogue's judgements with your own in your file.",
      ),
    );
  }
  if (assessment.skipped?.length) {
    el.append(h("p", { class: "jw-method" }, `Left out: ${assessment.skipped.map((x) => `${x.id ?? ""} ${x.reason ?? ""}`.trim()).join("; ")}.`));
  }
}

/** Percentages that sum to exactly 100: the remainder takes what rounding leaves. */
export function setPercents(set) {
  const step = set.illustrative ? 5 : 1;
  const members = set.probabilities.map((p) => pct(p, step));
  const remainder = 100 - members.reduce((a, b) => a + b, 0);
  return { members, remainder };
}

function endStateBar(set, name) {
  const { members, remainder } = setPercents(set);
  const mark = set.illustrative ? "*" : "";
  const segs = [
    ...set.members.map((id, i) => ({ id, label: name(id), percent: members[i], cls: `jw-seg-${i % 4}` })),
    { id: "none", label: "none of these", percent: remainder, cls: "jw-seg-none" },
  ];
  const bar = h("div", {
    class: "jw-endstates",
    role: "img",
    "aria-label": `${set.name}: ${segs.map((x) => `${x.label} ${x.percent} %`).join(", ")}`,
    "data-testid": "endstate-bar",
    dataset: { set: set.id },
  });
  for (const x of segs) {
    bar.append(
      h(
        "div",
        {
          class: `jw-seg ${x.cls}`,
          style: `flex-basis:${Math.max(0, x.percent)}%`,
          title: `${x.label}: ${x.percent} %${mark}`,
          "data-testid": "endstate-segment",
          dataset: { id: x.id, percent: String(x.percent) },
        },
        x.percent >= 8 ? h("span", {}, `${x.percent} %${mark}`) : "",
      ),
    );
  }
  const key = h(
    "ul",
    { class: "jw-legend" },
    segs.map((x) => h("li", {}, h("span", { class: `jw-swatch ${x.cls}` }), `${x.label}: ${x.percent} %${mark}`)),
  );
  return h(
    "figure",
    { class: "jw-figure" },
    h("figcaption", {}, `${set.name}: exclusive end states, with the chance of none of them — one bar, 100 %`),
    bar,
    key,
    set.notes?.length ? h("p", { class: "jw-method" }, set.notes.join(" ")) : "",
  );
}

function card(sc, name, doc, ctx) {
  const mark = sc.illustrative;
  const box = h("article", { class: "jw-scenario", "data-testid": "scenario", dataset: { id: sc.id, term: sc.term } });
  box.append(
    h("h3", {}, sc.name, sc.kind === "endState" ? h("small", {}, " (end state)") : ""),
    h(
      "p",
      { class: "jw-judgement" },
      h("strong", { class: "jw-term", dataset: { term: sc.term } }, words(sc.term, sc.probability)),
      ` (${prob(sc.probability, mark)}) ${sc.horizonPhrase}${sc.illustrativeHorizon ? "*" : ""}, `,
      h("span", { class: "jw-confidence" }, `${sc.confidence} confidence`),
      ".",
    ),
    h(
      "p",
      { class: "jw-method" },
      `Prior ${prob(sc.prior, sc.illustrativePrior || mark)} (${TERM_WORDS[sc.priorTerm] ?? sc.priorTerm}). Confidence: ${sc.confidenceReason}.`,
    ),
  );
  if (sc.contributions?.length) box.append(contributions(sc, name));
  if (sc.whatWouldChange) {
    const w = sc.whatWouldChange;
    box.append(
      h(
        "p",
        { class: "jw-change", "data-testid": "what-would-change" },
        h("strong", {}, "What would change it: "),
        `${name(w.indicator)} — if it fired, ${TERM_WORDS[w.ifFiredTerm] ?? w.ifFiredTerm} (${prob(w.ifFired, mark)}); `,
        `if it did not, ${TERM_WORDS[w.ifNotFiredTerm] ?? w.ifNotFiredTerm} (${prob(w.ifNotFired, mark)})`,
        w.changesTerm ? "." : "; the term would not change.",
      ),
    );
  }
  if (doc?.description) box.append(h("details", {}, h("summary", {}, "What it means"), h("p", {}, doc.description)));
  const src = sourcesFor(ctx, doc?.sources);
  if (src) box.append(src);
  return box;
}

const STATE = { fired: "observed", notFired: "not observed", unknown: "unknown" };

/** Each contribution's change in log-odds, as a diverging bar chart (SVG) with a text list. */
function contributions(sc, name) {
  const rows = sc.contributions;
  const W = 320;
  const rowH = 16;
  const left = 18;
  const mid = left + (W - left) / 2;
  const maxAbs = Math.max(0.5, ...rows.map((c) => Math.abs(c.logOdds)));
  const scale = (W - mid - 4) / maxAbs;
  const svg = s("svg", {
    class: "jw-contrib",
    viewBox: `0 0 ${W} ${rows.length * rowH + 4}`,
    role: "img",
    "aria-label": `Contributions to ${sc.name}, in log-odds; listed beside.`,
  });
  svg.append(s("line", { x1: mid, x2: mid, y1: 0, y2: rows.length * rowH + 4, class: "jw-axis" }));
  rows.forEach((c, i) => {
    const w = Math.abs(c.logOdds) * scale;
    const x = c.logOdds >= 0 ? mid : mid - w;
    const cls = c.logOdds > 0 ? "jw-up" : c.logOdds < 0 ? "jw-down" : "jw-zero";
    svg.append(s("text", { x: 2, y: i * rowH + rowH - 4, class: "jw-tick" }, String(i + 1)));
    if (!c.counted) svg.append(s("circle", { cx: mid, cy: i * rowH + rowH / 2 + 1, r: 2.5, class: "jw-zero" }));
    svg.append(
      s(
        "rect",
        { x, y: i * rowH + 3, width: Math.max(w, c.counted ? 1 : 0), height: rowH - 6, class: cls, "data-testid": "contribution", "data-indicator": c.indicator, "data-log-odds": c.logOdds.toFixed(3) },
        s("title", {}, `${name(c.indicator)}: ${c.logOdds >= 0 ? "+" : ""}${c.logOdds.toFixed(2)} log-odds`),
      ),
    );
  });
  const items = h("ol", { class: "jw-contrib-list" });
  for (const c of rows) {
    const what = c.kind === "alternatives" ? `the other end states of ${name(c.indicator)}` : name(c.indicator);
    const state = c.kind === "alternatives" ? "" : `${STATE[c.state] ?? c.state}; `;
    const note = c.counted ? "" : c.state === "unknown" ? " (not counted: unknown)" : " (not counted: pooled with dependent evidence)";
    items.append(
      h(
        "li",
        {},
        `${what}: ${state}×${round2(c.likelihoodRatio)}${c.illustrative ? "*" : ""}`,
        `, ${c.logOdds >= 0 ? "+" : "−"}${Math.abs(c.logOdds).toFixed(2)} log-odds${note}`,
      ),
    );
  }
  return h("div", { class: "jw-contribs" }, h("h4", {}, "What moved it (log-odds; right raises, left lowers)"), svg, items);
}

const round2 = (x) => Math.round(x * 100) / 100;
