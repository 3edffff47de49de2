import { Dataset, estimativeTerm, formatQuantity, isJointwatchError } from "jointwatch";

// The seed dataset ships with the package; your own file loads the same way
// with Dataset.fromJSON(text).
const seed = Dataset.seed();

// China–Russia joint exercises per year: counted from the records held,
// or the figure a statistic reports ("four to ten a year").
const perYear = seed.series({
  filter: { kinds: ["exercise"], participantsAll: ["CHN", "RUS"], from: "2014", to: "2024" },
  groupBy: [{ by: "period", granularity: { type: "year" } }],
  reported: "jointExercises",
});
for (const point of perYear.points) {
  // A period with no figure is missing (no value), never 0; a count outside
  // declared coverage is "uncovered".
  console.log(point.key[0], point.value ? formatQuantity(point.value) : "missing", point.status);
}

// The scenarios, with the catalogue's illustrative priors, in ICD 203 terms.
for (const s of seed.withCatalogue().assess().scenarios) {
  // estimativeTerm is undefined for a number outside 0–1 (never for these).
  console.log(`${s.name}: ${estimativeTerm(s.probability)?.words ?? s.term} (${s.confidence} confidence)`);
}

// A flawed document: every problem comes with a stable code and a path.
const text = `{"formatVersion": "1.0", "exercises": [{"id": "x", "name": "X",
  "participants": ["CHN", "RUS"], "dates": {"start": "2024-05", "end": "2024-04"}, "sources": []}]}`;
try {
  Dataset.fromJSON(text);
} catch (e) {
  if (!isJointwatchError(e)) throw e;
  console.log(e.name, e.code); // ValidationError end-before-start
  for (const f of e.findings) console.log(f.severity, f.code, f.path);
}
