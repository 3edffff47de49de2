// Uses every export of the npm package the way an app would. It is only
// type-checked (tsc --strict --noEmit, see tests/js/types.test.mjs): against
// the browser build's declarations (bundler resolution) and against the Node
// ESM entry's (NodeNext). The checks below are compile-time checks; the
// runtime behaviour is tested in tests/js.
import init, {
  Dataset,
  addQuantities,
  closestApproach,
  estimativeTerm,
  findingCodes,
  formatPeriod,
  formatQuantity,
  formatVersion,
  initSync,
  isJointwatchError,
  isParseError,
  isValidationError,
  leastSquares,
  loadAll,
  mannKendall,
  maxQuantity,
  periodDays,
  periodOf,
  quantityBounds,
  rateComparison,
  routeLengthKm,
  sensSlope,
  sumQuantities,
  summarize,
  validate,
  validateRecord,
  version,
  yearOverYear,
} from "jointwatch";
// The second module: the export and import formats, loaded on first use.
import initFormats, { fromCSV, toCSV, toGeoJSON, toSTIX } from "jointwatch/formats";
import type { GeoJSONFeatureCollection, StixBundle, StixOptions } from "jointwatch/formats";
import type {
  MergeSummary,
  Activity,
  ActivityKind,
  Approach,
  Area,
  AreaKind,
  Assessment,
  Brief,
  Cadence,
  Change,
  Code,
  Claim,
  CodeInfo,
  DatasetCounts,
  DatasetDocument,
  ErrorCode,
  Exercise,
  Figure,
  FigureAlternative,
  FigureValue,
  Filter,
  Finding,
  FoundRecord,
  Incident,
  IncidentKind,
  JointShare,
  JointwatchError,
  Leg,
  LinearFit,
  Link,
  LinkKind,
  MannKendall,
  Numbering,
  NumberingRun,
  ParseError,
  Patrol,
  Period,
  PeriodDays,
  Quantity,
  QuantityBounds,
  RateComparison,
  RecordKind,
  RecordSetter,
  Report,
  Resolution,
  ResolvedFigure,
  ScenarioResult,
  Selection,
  SensSlope,
  Series,
  SeriesOptions,
  LoadOptions,
  Limits,
  SeriesQuery,
  SeriesSummary,
  SeriesTrend,
  Severity,
  Shares,
  Stance,
  StateForces,
  Statistic,
  Summary,
  Target,
  Term,
  TermInfo,
  TimeOfDay,
  ValidateOptions,
  ValidationError,
  Values,
  WindowComparison,
  YearMonth,
} from "jointwatch";

// --- Start-up: the browser build needs init(); in Node it is a no-op. -------
await init();
// Or the core part alone (reading, validating and holding a document), and the
// second part when first needed (in Node both are no-ops beyond loading it).
await init({ lazy: true });
await loadAll();
// initSync takes the module's bytes in the browser build; it is only named here.
void initSync;

// --- Loading, with typed errors --------------------------------------------
function load(text: string): Dataset | Finding[] {
  try {
    return Dataset.fromJSON(text, { strict: false, ignore: ["undated-record"] });
  } catch (e: unknown) {
    if (isParseError(e)) {
      const p: ParseError = e;
      const where: string = `line ${p.line ?? "?"}, column ${p.column ?? "?"} at ${p.path}`;
      const code: Code = p.code;
      console.log(where, code, p.findings[0].message);
      return p.findings;
    }
    if (isValidationError(e)) {
      const v: ValidationError = e;
      const errors = v.findings.filter((f) => f.severity === "error");
      return errors;
    }
    if (isJointwatchError(e)) {
      const j: JointwatchError = e;
      const code: ErrorCode = j.code;
      const name: "JointwatchError" | "ParseError" | "ValidationError" = j.name;
      const asError: Error = j;
      console.log(code, name, asError.message, j.path, j.findings.length);
    }
    throw e;
  }
}
const loaded = load('{"formatVersion": "1.0"}');
const ds: Dataset = loaded instanceof Dataset ? loaded : Dataset.seed();

const fromObject: Dataset = Dataset.fromObject({ formatVersion: "1.0", exercises: [] });
const lenient: Dataset = Dataset.parse('{"formatVersion": "1.0"}');
const lenient2: Dataset = Dataset.parse({ formatVersion: "1.0" });
const catalogue: Dataset = Dataset.catalogue();
const full: Dataset = ds.withCatalogue();

// --- The document ------------------------------------------------------------
const doc: DatasetDocument = ds.toJSON();
const exercises: Exercise[] = doc.exercises ?? [];
const ships: Figure | undefined = exercises[0]?.forces?.ships;
const text: string = ds.toJSONText();
const title: string | undefined = ds.title;
const fv: string = ds.formatVersion;
const n: number = ds.recordCount;
const counts: DatasetCounts = ds.counts;
const latest: string | undefined = ds.latestDate;
console.log(ships, text.length, title, fv, n, counts.exercises, latest);

// --- Adding records, all or nothing --------------------------------------------
const added: MergeSummary = full.merge({ formatVersion: "1.0" }, { strict: false });
const addedFromText: MergeSummary = full.merge('{"formatVersion": "1.0"}');
console.log(added.exercises + addedFromText.patrols);

// --- Validation ----------------------------------------------------------------
const options: ValidateOptions = { strict: true, ignore: ["no-source"] };
const report: Report = ds.validate(options);
const report2: Report = validate('{"formatVersion": "1.0"}');
const report3: Report = validate(doc, options);
const severity: Severity | undefined = report.findings[0]?.severity;
const codes: CodeInfo[] = findingCodes();
const newExercise: Exercise = {
  id: "x",
  name: "X",
  participants: ["CHN", "RUS"],
  dates: "2025",
  sources: ["seed"],
};
const recordReport: Report = validateRecord("exercise", newExercise);
const inContext: Report = ds.validateRecord("exercise", newExercise);
console.log(report2, report3, severity, codes, recordReport, inContext);

// --- Queries and series ----------------------------------------------------------
const filter: Filter = { kinds: ["exercise"], participantsAll: ["CHN", "RUS"], from: "2014" };
const selection: Selection = ds.select(filter);
const patrols: Patrol[] = ds.select().patrols;
const query: SeriesQuery = {
  filter,
  groupBy: [{ by: "period", granularity: { type: "fiscalYear", firstMonth: 4 } }],
  reported: "scrambles",
};
const series: Series = ds.series(query);
// Counts only: the same type, every point's ids empty.
const countsOnly: SeriesOptions = { ids: false };
const countsSeries: Series = ds.series(query, countsOnly);
const idsListed: number = countsSeries.points.reduce((n, p) => n + p.ids.length, 0);
// Limits raised on purpose, with the validation options beside them.
const limits: Limits = { maxBytes: 1024 * 1024 * 1024, maxRecords: 5_000_000 };
const loadOptions: LoadOptions = { ignore: ["undated-record"], limits };
const raised: Dataset = Dataset.fromJSON(JSON.stringify(ds.toJSON()), loadOptions);
void [idsListed, raised, Dataset.fromObject(ds.toJSON(), { limits: { maxDepth: 32 } })];
// A missing point has no value (never 0).
const labels: string[] = series.points.map(
  (p) => `${p.key.join("/")}: ${p.value ? formatQuantity(p.value) : "missing"} (${p.status})`,
);
const seriesSummary: SeriesSummary | undefined = ds.seriesSummary(query);
let trend: SeriesTrend | undefined;
try {
  trend = ds.seriesTrends(query);
} catch (e) {
  if (!(isJointwatchError(e) && e.code === "not-applicable")) throw e;
}
const cadence: Cadence = ds.patrolCadence("jointAirPatrol");
const perYear: Record<number, number> = cadence.perYear; // a plain object, never a Map
console.log(Object.entries(perYear));
const windows: WindowComparison = ds.compareWindows(filter, { start: "2020", end: "2023" }, "2024");
const record: RecordSetter = ds.largest("personnel", 2024, 30);
const shares: Shares = ds.shares("japan-scrambles-fy2023");
console.log(selection, patrols, labels, seriesSummary, trend, cadence, windows, record, shares);

// --- Assessment ------------------------------------------------------------------
const assessment: Assessment = full.assess({ asOf: "2024-12-31" });
const rows: ScenarioResult[] = assessment.scenarios;
const terms: Term[] = rows.map((s) => s.term);
const term: TermInfo | undefined = estimativeTerm(0.62);
const brief: Brief = full.brief({ strict: false }, {});
console.log(terms, term?.words, brief.title);

// --- Geography -------------------------------------------------------------------
await initFormats();
const geojson: GeoJSONFeatureCollection = toGeoJSON(ds);
const target: Target | undefined = ds.areaTarget("sea-of-japan");
const route = [
  { lon: 130, lat: 30 },
  { lon: 130, lat: 40 },
];
const km: number = routeLengthKm(route);
const approach: Approach = closestApproach(route, { type: "point", lon: 131, lat: 35 });
let patrolApproach: Approach | undefined;
try {
  patrolApproach = ds.patrolClosestApproach("latest-joint-air-patrol", target ?? { type: "point", lon: 0, lat: 0 });
} catch (e) {
  if (!(isJointwatchError(e) && e.code === "empty-route")) throw e;
}
console.log(geojson.features.length, km, approach.distanceKm, patrolApproach?.inside);

// --- Formats (jointwatch/formats) ---------------------------------------------------
const stixOptions: StixOptions = { timestamp: "2024-12-31T00:00:00Z", assessment: false };
const bundle: StixBundle = toSTIX(ds.toJSONText(), stixOptions);
const tables: Record<string, string> = toCSV(ds.toJSON());
const fromTables: DatasetDocument = fromCSV(tables);
const reread = Dataset.fromObject(fromTables);
console.log(bundle.objects.length, Object.keys(tables), reread.recordCount);

// --- Quantities and periods --------------------------------------------------------
const bounds: QuantityBounds = quantityBounds({ over: 400 });
const sum: Quantity = addQuantities({ over: 400 }, 120);
const total: Quantity = sumQuantities([1, { min: 2, max: 3 }]);
const most: Quantity = maxQuantity(4, { atLeast: 9 });
const fy: Period = { type: "fiscalYear", year: 2023, firstMonth: 4 };
const fyName: string = formatPeriod(fy);
const days: PeriodDays = periodDays(fy);
const containing: Period = periodOf({ type: "fiscalYear", firstMonth: 4 }, "2024-02-10");
console.log(bounds.point, sum, total, most, fyName, days.firstDay, containing);

// --- Trend statistics over plain values ------------------------------------------------
const values: Values = [4, 5, null, 7, 9];
const stats: Summary | undefined = summarize(values);
const changes: (Change | null)[] = yearOverYear(new Float64Array([4, 5, 10]));
const fit: LinearFit | undefined = leastSquares([2014, 2015, 2016], [4, 6, 8]);
const mk: MannKendall | undefined = mannKendall(values, 0.1);
const mkDefault: MannKendall | undefined = mannKendall(values);
const sen: SensSlope | undefined = sensSlope([0, 1, 2], values.length === 5 ? [1, 2, 3] : []);
const rates: RateComparison | undefined = rateComparison(10, 100, 25, 120);
console.log(stats?.median, changes, fit?.slope, mk?.trend, mkDefault?.pValue, sen?.slope, rates?.pValue);

// --- Format 2.0: incidents, activities, figures with several values, links, numbering, legs ----
const tsushima: Area = {
  id: "tsushima-east",
  name: "Tsushima Strait (eastern channel)",
  kind: "strait",
  bbox: [129.3, 33.6, 130.4, 34.6],
  notes: "box round the narrows, drawn by hand",
  approximate: true,
};
const zone: AreaKind = "adiz";
const sourcesOf = ["mod", "press"];
const personnel: Figure = {
  values: [
    { value: 300000, stance: "claimed", by: "RUS", sources: ["mod"], notes: "about 300,000" },
    { value: 297000, stance: "reported", sources: ["press"] },
  ],
};
const oneValue: Figure = { atLeast: 9 };
const chinese: StateForces = { country: "CHN", forces: { personnel: 3200, aircraft: { over: 30 } } };
const claim: Claim = { kind: "largest", text: "the largest since 1981", windowYears: 37, sources: ["mod"] };
const exercise2: Exercise = {
  id: "vostok",
  name: "Vostok",
  participants: ["RUS", "CHN"],
  dates: { start: "2018-09-11", end: "2018-09-17" },
  forces: { byState: [{ country: "RUS", forces: { personnel } }, chinese], ships: oneValue },
  claims: [claim],
  sources: sourcesOf,
};
const numbering: Numbering[] = [
  { number: 10, by: "CHN", body: "MND", sources: ["mod"] },
  { number: 9, by: "JPN", sources: ["press"] },
];
const leg: Leg = {
  dates: "2025-12-09",
  startTime: "01:30",
  endTime: "07:45:10",
  areas: ["sea-of-japan"],
  straits: ["tsushima-east"],
  route: [{ lon: 129.8, lat: 34.1 }],
  notes: "southbound",
};
const follows: Link = { rel: "follows", to: "vostok", sources: ["press"], notes: "after the exercise" };
const patrol2: Patrol = {
  id: "jap-10",
  kind: "jointAirPatrol",
  participants: ["CHN", "RUS"],
  dates: "2025-12-09",
  numbering,
  startTime: "01:00",
  legs: [leg],
  links: [follows],
  sources: sourcesOf,
};
// A 1.0 patrol's `sequence` is still accepted as input (it is read as numbering).
const patrol1: Patrol = { id: "p-old", kind: "jointNavalPatrol", participants: ["CHN", "RUS"], sequence: 3 };
const scrambleKind: IncidentKind = "scramble";
const startTime: TimeOfDay = "00:25";
const warning: Incident = {
  id: "inc-warning-shots",
  kind: "warningShots",
  by: ["KOR"],
  against: ["RUS"],
  dates: "2019-07-23",
  startTime,
  areas: ["dokdo-takeshima-airspace"],
  location: { lon: 131.87, lat: 37.24 },
  platforms: [{ model: "F-15K", country: "KOR", count: 2 }],
  rounds: { values: [{ value: 360, stance: "claimed", by: "KOR" }, { value: { atLeast: 80 }, stance: "reported" }] },
  links: [{ rel: "during", to: "jap-10" }],
  sources: sourcesOf,
};
const scramble: Incident = {
  id: "inc-scramble",
  kind: scrambleKind,
  by: [{ country: "JPN", branch: "airForce" }],
  dates: "2019-07-23",
  sorties: { min: 4, max: 8 },
  links: [{ rel: "respondsTo", to: "jap-10" }],
  sources: sourcesOf,
};
const transitKind: ActivityKind = "transit";
const transit: Activity = {
  id: "act-transit",
  kind: transitKind,
  domain: "naval",
  participants: ["RUS"],
  dates: { start: "2021-10-14", end: "2021-10-15" },
  forces: { ships: 10 },
  legs: [leg],
  adizEntered: ["JPN"],
  links: [{ rel: "partOf", to: "jap-10" }],
  sources: sourcesOf,
};
const fyQuarter: Period = { type: "fiscalQuarter", year: 2024, quarter: 1, firstMonth: 4 };
const fyHalf: Period = { type: "fiscalHalf", year: 2024, half: 1, firstMonth: 4, namedBy: "startYear" };
const from: YearMonth = "2024-04";
const threeQuarters: Period = { type: "span", start: from, end: "2024-12" };
const scrambles: Statistic = {
  id: "jp-scrambles-q1-q3",
  label: "Scrambles, FY2024 Q1–Q3",
  measure: "scrambles",
  period: threeQuarters,
  quantity: 371,
  links: [{ rel: "related", to: "inc-scramble" }],
  claims: [{ kind: "other", text: "fewer than a year earlier" }],
  sources: ["mod"],
};
const doc2: DatasetDocument = {
  formatVersion: "2.0",
  sources: [
    { id: "mod", title: "Ministry", reliability: "C", credibility: 3 },
    { id: "press", title: "Press", reliability: "B", credibility: 2 },
  ],
  areas: [tsushima],
  exercises: [exercise2],
  patrols: [patrol2, patrol1],
  incidents: [warning, scramble],
  activities: [transit],
  statistics: [scrambles],
};
const ds2: Dataset = Dataset.parse(doc2);
const counts2: DatasetCounts = ds2.counts;
const kinds: RecordKind[] = ["incident", "activity"];
const responses: Filter = {
  kinds,
  joint: false,
  incidentKinds: ["scramble", "warningShots"],
  by: ["KOR", "JPN"],
  against: ["RUS"],
  numberedBy: ["CHN"],
};
const picked: Selection = ds2.select(responses);
const pickedIncidents: Incident[] = picked.incidents;
const pickedActivities: Activity[] = picked.activities;
const found: FoundRecord | undefined = ds2.record("inc-warning-shots");
if (found?.kind === "incident") {
  const i: Incident = found.record;
  const rounds: Figure | undefined = i.rounds;
  const values: FigureValue[] = rounds !== undefined && typeof rounds === "object" && "values" in rounds ? rounds.values : [];
  const stances: (Stance | undefined)[] = values.map((v) => v.stance);
  const links: LinkKind[] = (i.links ?? []).map((l) => l.rel);
  console.log(stances, links, i.startTime);
} else if (found?.kind === "patrol") {
  const p: Patrol = found.record;
  console.log(p.numbering?.map((n) => `${n.number} by ${n.by ?? "?"}`));
} else if (found?.kind === "activity") {
  const a: Activity = found.record;
  console.log(a.legs?.[0]?.straits);
}
const resolved: ResolvedFigure | undefined = ds2.resolveFigure(personnel, sourcesOf);
const plain: ResolvedFigure | undefined = ds2.resolveFigure(3200);
if (resolved) {
  const how: Resolution | undefined = resolved.resolution;
  const alternatives: FigureAlternative[] = resolved.alternatives ?? [];
  const graded = alternatives.map((a) => `${formatQuantity(a.value)} ${a.stance ?? ""} ${a.by ?? ""} ${a.reliability ?? "?"}${a.credibility ?? "?"} ${a.sources.join(",")}`);
  console.log(formatQuantity(resolved.value), how, graded);
}
const airCadence: Cadence = ds2.patrolCadence("jointAirPatrol");
const runs: NumberingRun[] = airCadence.numbering ?? [];
const gaps: string[] = runs.map((r) => `${r.kind} ${r.by ?? "unattributed"}: ${r.missingNumbers.join(", ")} ${r.conflicts.length}`);
const jointShare: JointShare = ds2.jointShare({ areas: ["sea-of-japan"], from: "2019" });
const share: number | undefined = jointShare.share;
const responders: Series = ds2.series({ filter: { kinds: ["incident"] }, groupBy: [{ by: "responder" }, { by: "incidentKind" }] });
const splits: Series = ds2.series({ groupBy: [{ by: "joint" }, { by: "recordKind" }, { by: "numberedBy" }, { by: "target" }] });
console.log(gaps, jointShare.jointIds, jointShare.singleStateIds, jointShare.uncovered, share, responders, splits);
const incidentReport: Report = validateRecord("incident", warning);
const activityReport: Report = ds2.validateRecord("activity", transit);
console.log(zone, counts2.incidents + counts2.activities, pickedIncidents, pickedActivities, plain?.value);
console.log(formatPeriod(fyQuarter), formatPeriod(fyHalf), incidentReport, activityReport);
ds2.free();

// --- Housekeeping ------------------------------------------------------------------------
console.log(version(), formatVersion());
for (const d of [fromObject, lenient, lenient2, catalogue, full, ds]) d.free();
