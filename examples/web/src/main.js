// The jointwatch seed dataset as charts and tables, and the validation
// findings of a file the reader opens. Everything is computed by the
// package; this file only draws.
import init, {
  Dataset,
  estimativeTerm,
  formatPeriod,
  formatQuantity,
  isJointwatchError,
  quantityBounds,
  validate,
} from "jointwatch";
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const EXERCISES_PER_YEAR = {
  filter: { kinds: ["exercise"], participantsAll: ["CHN", "RUS"], from: "2014", to: "2024" },
  groupBy: [{ by: "period", granularity: { type: "year" } }],
  reported: "jointExercises",
};
const SCRAMBLES_BY_FISCAL_YEAR = {
  filter: { kinds: ["statistic"] },
  groupBy: [{ by: "period", granularity: { type: "fiscalYear", firstMonth: 4 } }],
  reported: "scrambles",
};

const $ = (id) => document.getElementById(id);
const charts = new Map();

/** Replaces the contents of `container` with a table (text only, never HTML). */
function table(container, headers, rows, rowClass = () => "") {
  const t = document.createElement("table");
  const head = t.createTHead().insertRow();
  for (const h of headers) {
    const th = document.createElement("th");
    th.textContent = h;
    head.appendChild(th);
  }
  const body = t.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    const cls = rowClass(row);
    if (cls) tr.className = cls;
    for (const cell of row) {
      const td = tr.insertCell();
      td.textContent = cell == null ? "" : String(cell);
      if (typeof cell === "number") td.className = "num";
    }
  }
  container.replaceChildren(t);
  return t;
}

/**
 * A bar chart whose bars span each value's bounds (floating bars for ranges).
 * A missing point (no figure) is a gap, never a bar of zero; a count outside
 * declared coverage is drawn apart, lighter, and labelled as possibly short.
 */
function rangeChart(canvasId, points, label) {
  const labels = points.map((p) => p.key[0]);
  // A range floats from its low to its high bound; an exact figure or a
  // lower bound stands on zero.
  const span = (p) => {
    const b = quantityBounds(p.value);
    return b.high == null || b.high === b.low ? [0, b.low] : [b.low, b.high];
  };
  const counted = (p) => p.value && p.basis === "counted";
  const reported = points.map((p) => (p.value && !counted(p) ? span(p) : null));
  const observed = points.map((p) => (counted(p) && p.status === "observed" ? span(p)[1] : null));
  const uncovered = points.map((p) => (counted(p) && p.status === "uncovered" ? span(p)[1] : null));
  charts.get(canvasId)?.destroy();
  charts.set(
    canvasId,
    new Chart($(canvasId), {
      type: "bar",
      data: {
        labels,
        datasets: [
          { label: `${label}, reported`, data: reported, backgroundColor: "#9ecae1", grouped: false },
          { label: `${label}, counted`, data: observed, backgroundColor: "#3182bd", grouped: false },
          {
            label: `${label}, counted where the dataset claims no completeness (may be short)`,
            data: uncovered,
            backgroundColor: "rgba(49, 130, 189, 0.35)",
            borderColor: "#3182bd",
            borderWidth: 1,
            borderDash: [4, 2],
            grouped: false,
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true } },
      },
    }),
  );
}

const basisWords = {
  counted: "counted",
  reported: "reported",
  both: "reported (records counted too)",
  none: "no figure",
};

/**
 * A point's value in words: a missing point says so rather than showing 0, and
 * a count outside declared coverage is a lower bound ("≥2"), not a number of events.
 */
const valueWords = (p) =>
  !p.value ? "missing" : p.status === "uncovered" ? `≥${quantityBounds(p.value).low}` : formatQuantity(p.value);

/** A count outside declared coverage is marked: it may be short. */
const basisOf = (p) => `${basisWords[p.basis]}${p.status === "uncovered" ? " (uncovered)" : ""}`;

function showExercises(ds) {
  const points = ds.series(EXERCISES_PER_YEAR).points;
  rangeChart("exercises-chart", points, "Joint exercises");
  table(
    $("exercises-table"),
    ["Year", "Exercises", "Basis", "Records"],
    points.map((p) => [p.key[0], valueWords(p), basisOf(p), p.ids.join(", ")]),
  );
}

function showScrambles(ds) {
  const points = ds.series(SCRAMBLES_BY_FISCAL_YEAR).points;
  rangeChart("scrambles-chart", points, "Scrambles");
  table(
    $("scrambles-table"),
    ["Fiscal year", "Period", "Scrambles", "Reported by"],
    points.map((p) => [p.key[0], p.period ? formatPeriod(p.period) : "", valueWords(p), p.reportedBy?.join(", ") ?? ""]),
  );
}

function showPatrols(ds) {
  const { patrols } = ds.select({ kinds: ["patrol"] });
  const when = (d) => (d == null ? "undated" : typeof d === "string" ? d : `${d.start} to ${d.end}`);
  table(
    $("patrols-table"),
    ["Patrol", "Kind", "Participants", "Platforms", "Areas", "Dates"],
    patrols.map((p) => [
      p.name ?? p.id,
      p.kind === "jointAirPatrol" ? "air" : "naval",
      p.participants.map((x) => (typeof x === "string" ? x : x.country)).join(", "),
      (p.platforms ?? []).map((x) => `${x.model}${x.role ? ` (${x.role})` : ""}`).join(", "),
      (p.areas ?? []).join(", "),
      when(p.dates),
    ]),
  );
}

function showScenarios(ds) {
  const full = ds.withCatalogue();
  const { scenarios, sets, asOf } = full.assess();
  full.free();
  const percent = (p) => `${Math.round(p * 100)} %`;
  // A posterior that rests on an illustrative number is marked and shown to
  // the nearest 5 points: more digits would claim a precision it lacks.
  const posterior = (p, illustrative) =>
    illustrative ? `${Math.round(p * 20) * 5} % (illustrative)` : percent(p);
  table(
    $("scenarios-table"),
    ["Scenario", "Kind", "Prior", "Probability", "Term", "Confidence", "Horizon", "Set"],
    scenarios.map((s) => [
      s.name,
      s.kind === "endState" ? "end state" : "scenario",
      `${percent(s.prior)}${s.illustrativePrior ? " (illustrative)" : ""}`,
      posterior(s.probability, s.illustrative),
      estimativeTerm(s.probability)?.words ?? "",
      s.confidence,
      s.horizonPhrase,
      s.set ?? "",
    ]),
  );
  // Each exclusive set with its remainder: together they make 100 %.
  table(
    $("sets-table"),
    ["Exclusive set", "Alternatives", "None of these", "Together"],
    sets.map((set) => [
      set.name,
      set.members.map((m, i) => `${m} ${posterior(set.probabilities[i], set.illustrative)}`).join(" + "),
      posterior(set.remainder, set.illustrative),
      percent(set.probabilities.reduce((a, b) => a + b, 0) + set.remainder),
    ]),
  );
  $("scenarios").dataset.asOf = asOf;
}

function show(ds, name) {
  $("title").textContent = ds.title ?? name;
  showExercises(ds);
  showScrambles(ds);
  showPatrols(ds);
  showScenarios(ds);
}

async function checkFile(file) {
  const text = await file.text();
  const { findings } = validate(text);
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  $("check-summary").textContent =
    `${file.name}: ${errors} error(s), ${warnings} warning(s)` +
    (errors ? "; the figures above still show the previous dataset." : "; shown above.");
  table(
    $("findings-table"),
    ["Severity", "Code", "Where", "Line", "Message"],
    findings.map((f) => [f.severity, f.code, f.path || "(document)", f.line ? `${f.line}:${f.column}` : "", f.message]),
    (row) => row[0],
  );
  if (!errors) {
    const ds = Dataset.fromJSON(text);
    show(ds, file.name);
    ds.free();
  }
}

init()
  .then(() => {
    const seed = Dataset.seed();
    show(seed, "Seed dataset");
    seed.free();
    $("file").addEventListener("change", (event) => {
      const file = event.target.files?.[0];
      if (!file) return;
      checkFile(file).catch((e) => {
        $("check-summary").textContent = isJointwatchError(e) ? `${e.code}: ${e.message}` : String(e);
      });
    });
    $("status").textContent = "Showing the seed dataset embedded in the package.";
    $("status").dataset.state = "ready";
  })
  .catch((e) => {
    $("status").textContent = `Could not start: ${e}`;
    $("status").dataset.state = "error";
  });
