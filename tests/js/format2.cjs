// Format 2.0 through the npm package (issue 14): incidents and activities,
// figures with several values, links, numbering per authority, times and
// legs, and 1.0 documents upgraded on reading. Registered by api.cjs, so it
// runs once through `require` and once through `import`.
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const ROOT = join(__dirname, "..", "..");
/** The real-world 2.0 fixture, traced record by record in real-world-2.md. */
const REAL_WORLD = readFileSync(join(ROOT, "crates", "jointwatch", "tests", "data", "real-world-2.json"), "utf8");

/** Registers the format 2.0 suite for one way of loading the package. */
function format2Suite(jw, how, { throwsCoded, isPlain }) {
  const { Dataset } = jw;
  const fixture = JSON.parse(REAL_WORLD);

  test(`${how}: format 2.0: the real-world document loads with every new collection counted`, () => {
    const ds = Dataset.fromJSON(REAL_WORLD);
    assert.equal(ds.formatVersion, "2.0");
    const counts = ds.counts;
    assert.ok(isPlain(counts));
    for (const kind of ["sources", "exercises", "patrols", "statistics", "incidents", "activities"]) {
      assert.equal(counts[kind], fixture[kind].length, kind);
    }
    // The figures of the fixture (issue 14): 30 incidents, 2 activities, 16 patrols.
    assert.deepEqual([counts.incidents, counts.activities, counts.patrols], [30, 2, 16]);
    assert.equal(
      ds.recordCount,
      counts.exercises + counts.patrols + counts.statistics + counts.incidents + counts.activities,
    );
    // toJSON gives the document back as written (with the empty lists it always writes).
    assert.deepEqual(ds.toJSON(), { ...fixture, scenarios: [], indicators: [] });
    ds.free();
  });

  test(`${how}: format 2.0: select incidents by the state that acted`, () => {
    const ds = Dataset.fromJSON(REAL_WORLD);
    const s = ds.select({ kinds: ["incident"], by: ["KOR"] });
    assert.ok(isPlain(s));
    assert.deepEqual(
      s.incidents.map((i) => i.id),
      [
        "inc-2019-07-23-kor-warning-shots",
        "inc-2021-11-19-kor-scramble",
        "inc-2023-12-14-kor-protest-chn",
        "inc-2024-11-29-kor-protest",
      ],
    );
    for (const kind of ["exercises", "patrols", "statistics", "activities"]) assert.deepEqual(s[kind], [], kind);
    // `by` and `against` are different questions: South Korea as the target.
    const against = ds.select({ kinds: ["incident"], against: ["KOR"] }).incidents;
    assert.ok(against.every((i) => i.against.includes("KOR")));
    assert.ok(against.some((i) => i.kind === "adizEntry"));
    assert.ok(!against.some((i) => i.id === "inc-2019-07-23-kor-warning-shots"));
    // Incident kinds, single-state records, and numbering authorities.
    const shots = ds.select({ incidentKinds: ["warningShots"] });
    assert.deepEqual(shots.incidents.map((i) => i.id), ["inc-2019-07-23-kor-warning-shots"]);
    assert.equal(shots.patrols.length, 0, "incidentKinds passes incidents only");
    const single = ds.select({ kinds: ["activity"], joint: false }).activities;
    assert.deepEqual(single.map((a) => a.id), ["act-2021-10-rus-tsushima-transit", "act-2022-05-24-rus-recon-flight"]);
    assert.deepEqual(ds.select({ kinds: ["activity"], joint: true }).activities, []);
    const byJapan = ds.select({ numberedBy: ["JPN"] }).patrols.map((p) => p.id);
    assert.deepEqual(byJapan, ["jap-2021-11-19", "jap-2024-11-29", "jap-2025-12-09"]);
    // A bad filter field is an argument error at its path.
    const e = throwsCoded(jw, () => ds.select({ incidentKinds: ["dogfight"] }), "JointwatchError", "invalid-argument");
    assert.equal(e.path, "filter.incidentKinds[0]");
    throwsCoded(jw, () => ds.select({ joint: "yes" }), "JointwatchError", "invalid-argument");
    ds.free();
  });

  test(`${how}: format 2.0: record(id) finds a record of any kind, with its kind`, () => {
    const ds = Dataset.fromJSON(REAL_WORLD);
    const shots = ds.record("inc-2019-07-23-kor-warning-shots");
    assert.ok(isPlain(shots));
    assert.equal(shots.kind, "incident");
    assert.deepEqual(shots.record, fixture.incidents.find((i) => i.id === "inc-2019-07-23-kor-warning-shots"));
    assert.equal(ds.record("act-2021-10-rus-tsushima-transit").kind, "activity");
    assert.equal(ds.record("jap-2019-07-23").kind, "patrol");
    assert.equal(ds.record("vostok-2018").kind, "exercise");
    assert.equal(ds.record(fixture.statistics[0].id).kind, "statistic");
    assert.equal(ds.record("no-such-record"), undefined);
    assert.equal(ds.record(""), undefined);
    const e = throwsCoded(jw, () => ds.record(42), "JointwatchError", "invalid-argument");
    assert.equal(e.path, "id");
    ds.free();
  });

  test(`${how}: format 2.0: resolveFigure weighs Vostok-2018's personnel figures by their sources`, () => {
    const ds = Dataset.fromJSON(REAL_WORLD);
    const { record: vostok } = ds.record("vostok-2018");
    const russia = vostok.forces.byState.find((s) => s.country === "RUS");
    const r = ds.resolveFigure(russia.forces.personnel, vostok.sources);
    assert.ok(isPlain(r));
    // Shoigu's "about 300,000" (wire and press, graded B2 at best) against
    // russia.hr's 297,000 (other, D3): the better-graded value is used, and
    // both are shown.
    assert.equal(r.value, 300000);
    assert.equal(r.resolution, "betterGraded");
    assert.deepEqual(
      r.alternatives.map((a) => [a.value, a.stance, a.by, a.reliability, a.credibility]),
      [
        [300000, "claimed", "RUS", "B", 2],
        [297000, "reported", undefined, "D", 3],
      ],
    );
    assert.deepEqual(r.alternatives[1].sources, ["russia-hr-vostok-2018"]);
    // One value: no conflict, no alternatives; China's part is a single figure.
    const china = vostok.forces.byState.find((s) => s.country === "CHN");
    assert.deepEqual(ds.resolveFigure(china.forces.personnel, vostok.sources), { value: 3200 });
    // A value citing no sources is graded by the record's (the second argument).
    const own = { values: [{ value: 10, sources: ["russia-hr-vostok-2018"] }, { value: 12 }] };
    assert.equal(ds.resolveFigure(own, ["chinadaily-vostok-2018"]).value, 12);
    assert.equal(ds.resolveFigure(own).resolution, "betterGraded", "ungraded loses to graded");
    // Values that agree are one value; a figure with no value is missing, not zero.
    assert.deepEqual(ds.resolveFigure({ values: [{ value: 5, stance: "claimed" }, { value: 5 }] }), { value: 5 });
    assert.equal(ds.resolveFigure({ values: [] }), undefined);
    // Bad input is an argument error with its path, never a panic.
    let e = throwsCoded(jw, () => ds.resolveFigure({ values: [{ value: "many" }] }), "JointwatchError", "invalid-argument");
    assert.equal(e.path, "figure.values[0].value");
    e = throwsCoded(jw, () => ds.resolveFigure({ values: [{ value: 1, stance: "boasted" }] }), "JointwatchError", "invalid-argument");
    assert.equal(e.path, "figure.values[0].stance");
    e = throwsCoded(jw, () => ds.resolveFigure(), "JointwatchError", "invalid-argument");
    assert.equal(e.path, "figure");
    e = throwsCoded(jw, () => ds.resolveFigure(5, "russia-hr"), "JointwatchError", "invalid-argument");
    assert.equal(e.path, "recordSources");
    e = throwsCoded(jw, () => ds.resolveFigure(5, [1]), "JointwatchError", "invalid-argument");
    assert.equal(e.path, "recordSources[0]");
    assert.equal(ds.resolveFigure(-1).value, -1, "a quantity's sign is validation's business, not resolution's");
    ds.free();
  });

  test(`${how}: format 2.0: cadence per patrol kind and numbering authority`, () => {
    const ds = Dataset.fromJSON(REAL_WORLD);
    const air = ds.patrolCadence("jointAirPatrol");
    assert.ok(isPlain(air));
    const run = (c, kind, by) => c.numbering.find((r) => r.kind === kind && r.by === by);
    // Expected, derived from the fixture: each authority's numbers of the air patrols, in date order.
    for (const by of ["CHN", "JPN"]) {
      const numbered = fixture.patrols
        .filter((p) => p.kind === "jointAirPatrol" && p.numbering.some((n) => n.by === by))
        .map((p) => [p.numbering.find((n) => n.by === by).number, p.id]);
      assert.deepEqual(run(air, "jointAirPatrol", by).sequence, numbered, by);
      assert.deepEqual(run(air, "jointAirPatrol", by).conflicts, [], by);
    }
    // China numbers all ten air patrols with no gap; Japan 3, 8 and 9, with 4–7 not held.
    assert.deepEqual(run(air, "jointAirPatrol", "CHN").sequence.map(([n]) => n), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(run(air, "jointAirPatrol", "CHN").missingNumbers, []);
    assert.deepEqual(run(air, "jointAirPatrol", "JPN").missingNumbers, [4, 5, 6, 7]);
    // China's 10th is Japan's 9th.
    assert.equal(run(air, "jointAirPatrol", "CHN").sequence[9][1], run(air, "jointAirPatrol", "JPN").sequence[2][1]);
    assert.ok(air.numbering.every((r) => r.kind === "jointAirPatrol"), "no naval run in an air cadence");
    // All kinds: runs kept apart, so China's air 1st and naval 1st are no conflict.
    const all = ds.patrolCadence();
    assert.ok(all.numbering.every((r) => r.conflicts.length === 0));
    assert.deepEqual(run(all, "jointNavalPatrol", "CHN").sequence[0], [1, "jnp-2021-10-17"]);
    throwsCoded(jw, () => ds.patrolCadence("jointLandPatrol"), "JointwatchError", "invalid-argument");
    ds.free();
  });

  test(`${how}: format 2.0: the joint share, and series by the new grouping keys`, () => {
    const ds = Dataset.fromJSON(REAL_WORLD);
    const nearJapan = { areas: ["sea-of-japan", "east-china-sea", "tsushima-strait", "japan-adiz"] };
    const s = ds.jointShare(nearJapan);
    assert.ok(isPlain(s));
    assert.equal(s.joint, s.jointIds.length);
    assert.equal(s.singleState, s.singleStateIds.length);
    assert.ok(s.joint > 0 && s.singleState > 0);
    assert.equal(s.share, s.joint / (s.joint + s.singleState));
    // The single-state records near Japan are the fixture's two Russian activities.
    assert.deepEqual([...s.singleStateIds].sort(), ["act-2021-10-rus-tsushima-transit", "act-2022-05-24-rus-recon-flight"]);
    assert.equal(typeof s.uncovered, "boolean");
    // No record passes: the share is missing, not 0.
    const none = ds.jointShare({ areas: ["bering-strait"], kinds: ["exercise"] });
    assert.deepEqual([none.joint, none.singleState, none.share], [0, 0, undefined]);
    assert.equal(ds.jointShare().joint + ds.jointShare().singleState > 0, true);
    throwsCoded(jw, () => ds.jointShare({ joint: 1 }), "JointwatchError", "invalid-argument");
    // The same split as a series, and incidents by responder.
    const split = ds.series({ filter: { ...nearJapan, kinds: ["exercise", "patrol", "activity"] }, groupBy: [{ by: "joint" }] });
    const byKey = Object.fromEntries(split.points.map((p) => [p.key[0], p.value]));
    assert.deepEqual(byKey, { joint: s.joint, "single-state": s.singleState });
    const responders = ds.series({ filter: { kinds: ["incident"], incidentKinds: ["warningShots"] }, groupBy: [{ by: "responder" }] });
    assert.deepEqual(responders.points.map((p) => [p.key[0], p.value]), [["KOR", 1]]);
    const e = throwsCoded(jw, () => ds.series({ groupBy: [{ by: "mood" }] }), "JointwatchError", "invalid-argument");
    assert.equal(e.path, "query.groupBy[0].by");
    ds.free();
  });

  test(`${how}: format 2.0: a 1.0 document is upgraded on reading`, () => {
    const v1 = {
      formatVersion: "1.0",
      sources: [{ id: "s", title: "T", reliability: "B", credibility: 2 }],
      patrols: [
        { id: "p", kind: "jointAirPatrol", participants: ["CHN", "RUS"], dates: "2024-11-29", sequence: 9, sources: ["s"] },
      ],
    };
    for (const ds of [Dataset.fromObject(v1), Dataset.fromJSON(JSON.stringify(v1)), Dataset.parse(v1)]) {
      assert.equal(ds.formatVersion, "2.0");
      const [p] = ds.toJSON().patrols;
      assert.deepEqual(p.numbering, [{ number: 9 }]);
      assert.ok(!("sequence" in p));
      assert.ok(!ds.toJSONText().includes("sequence"));
      assert.deepEqual(ds.record("p").record.numbering, [{ number: 9 }]);
      assert.deepEqual(ds.validate().findings, []);
      ds.free();
    }
    // The same document is valid without the upgrade's help: 1.0 JSON is 2.0 JSON.
    assert.deepEqual(jw.validate(v1).findings, []);
  });

  test(`${how}: format 2.0: bad times, links and figures are findings with their paths`, () => {
    const base = {
      formatVersion: "2.0",
      sources: [{ id: "s", title: "T", reliability: "B", credibility: 2 }],
    };
    const incident = { id: "i", kind: "scramble", by: ["JPN"], against: ["RUS"], dates: "2019-07-23", sources: ["s"] };
    // An invalid time cannot be read: a ParseError with code and path.
    let e = throwsCoded(jw, () => Dataset.fromObject({ ...base, incidents: [{ ...incident, startTime: "24:00" }] }),
      "ParseError", "invalid-time");
    assert.equal(e.path, "incidents[0].startTime");
    assert.equal(e.findings[0].path, "incidents[0].startTime");
    e = throwsCoded(jw, () => Dataset.fromJSON(JSON.stringify({ ...base, incidents: [{ ...incident, endTime: "7:5" }] })),
      "ParseError", "invalid-time");
    assert.equal(e.path, "incidents[0].endTime");
    assert.equal(e.line, 1);
    // validateRecord reports it at the path inside the record, and never throws.
    let r = jw.validateRecord("incident", { ...incident, startTime: "24:00" });
    assert.deepEqual(r.findings.map((f) => [f.code, f.path]), [["invalid-time", "startTime"]]);
    r = jw.validateRecord("activity", { id: "a", kind: "transit", participants: ["RUS"], dates: "2021-10",
      legs: [{ dates: "2021-10-14", startTime: "25:61" }], sources: ["s"] });
    assert.deepEqual(r.findings.map((f) => [f.code, f.path]), [["invalid-time", "legs[0].startTime"]]);
    // Records are checked in the context of a dataset: their sources resolve there.
    const ds = Dataset.fromObject({ ...base, incidents: [incident] });
    const errors = (report) => report.findings.filter((f) => f.severity === "error").map((f) => [f.code, f.path]);
    const exercise = { id: "e", name: "E", participants: ["CHN", "RUS"], dates: "2018-09", sources: ["s"] };
    assert.deepEqual(errors(ds.validateRecord("exercise", { ...exercise, sources: ["s", "elsewhere"] })),
      [["missing-source", "sources[1]"]]);
    assert.deepEqual(errors(ds.validateRecord("incident", { ...incident, id: "j" })), []);
    assert.deepEqual(errors(ds.validateRecord("activity",
      { id: "a", kind: "flight", participants: ["RUS"], dates: "2019-07-23", sources: ["s"] })), []);
    r = ds.validateRecord("incident", { ...incident, kind: "dogfight" });
    assert.deepEqual(r.findings.map((f) => [f.code, f.path]), [["unknown-variant", "kind"]]);
    throwsCoded(jw, () => ds.validateRecord("sighting", incident), "JointwatchError", "invalid-argument");
    // A figure with no value is an error at its path, in a record and in a document.
    r = ds.validateRecord("exercise", { ...exercise, forces: { personnel: { values: [] } } });
    assert.deepEqual(errors(r), [["empty-figure", "forces.personnel"]]);
    e = throwsCoded(jw, () => Dataset.fromObject({ ...base, exercises: [{ ...exercise, forces: { ships: { values: [] } } }] }),
      "ValidationError", "empty-figure");
    assert.equal(e.path, "exercises[0].forces.ships");
    // A value of a figure that is not a quantity cannot be read.
    e = throwsCoded(jw, () => Dataset.fromObject({ ...base, incidents: [{ ...incident, rounds: { values: [{ value: "360" }] } }] }),
      "ParseError", "wrong-type");
    assert.equal(e.path, "incidents[0].rounds.values[0].value");
    ds.free();
  });
}

module.exports = { format2Suite };
