// The shared hostile-input corpus (tests/hostile/manifest.json), through the
// npm package: each case is refused with its stable code in a real Error, or
// accepted for the stated reason; afterwards the same module instance still
// answers a valid call correctly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { Dataset } from "jointwatch";
import { root } from "./support.mjs";

const manifest = JSON.parse(readFileSync(join(root, "tests", "hostile", "manifest.json"), "utf8"));

/** The text a web page would hand the package: files are decoded leniently. */
function input(c) {
  if (c.text !== undefined) return c.text;
  if (c.base64 !== undefined) return new TextDecoder("utf-8").decode(Buffer.from(c.base64, "base64"));
  const g = c.generate;
  return g.prefix + g.repeat.repeat(g.times) + g.suffix;
}

test("every hostile input gets its stable code or is accepted for a reason", () => {
  assert.ok(manifest.cases.length >= 25);
  for (const c of manifest.cases) {
    const want = c.js ?? c;
    assert.ok(want.why, `${c.name}: says why`);
    let ds;
    try {
      ds = Dataset.fromJSON(input(c));
    } catch (e) {
      assert.ok(e instanceof Error, `${c.name}: threw a non-Error`);
      assert.ok(!want.accept, `${c.name}: should be accepted, got ${e.code}: ${e.message}`);
      assert.equal(e.code, want.code, `${c.name}: ${e.message}`);
      if (want.path !== undefined) assert.equal(e.path, want.path, `${c.name}: path`);
      continue;
    }
    assert.ok(want.accept, `${c.name}: should be refused with ${want.code}`);
    ds.validate();
    ds.free();
  }
  // The module is still healthy.
  const seed = Dataset.seed();
  assert.equal(seed.toJSON().exercises.length, 2);
  seed.free();
});

// --- Format 2.0's new parts ----------------------------------------------------
const BASE = { formatVersion: "2.0", sources: [{ id: "s", title: "T", reliability: "B", credibility: 2 }] };
const INCIDENT = { id: "i", kind: "scramble", by: ["JPN"], against: ["RUS"], dates: "2019-07-23", sources: ["s"] };
const PATROL = { id: "p", kind: "jointAirPatrol", participants: ["CHN", "RUS"], dates: "2019-07-23", sources: ["s"] };

/** Reads a document and returns the code it is refused with, or "accepted". */
function outcome(doc) {
  try {
    const ds = Dataset.fromJSON(typeof doc === "string" ? doc : JSON.stringify(doc));
    ds.validate();
    ds.free();
    return "accepted";
  } catch (e) {
    assert.ok(e instanceof Error, `a real Error: ${e}`);
    if (typeof e.code !== "string") throw e;
    assert.equal(typeof e.code, "string");
    return e.code;
  }
}

test("hostile times of day are invalid-time, never a crash", () => {
  for (const t of ["24:00", "23:60", "12:00:60", "1:00", "12:0", "12:00Z", "12:00+09:00", "１２:００", "-1:00",
    "12:00:00.5", "", " 12:00", "99999999999:00", "12".repeat(50_000)]) {
    assert.equal(outcome({ ...BASE, incidents: [{ ...INCIDENT, startTime: t }] }), "invalid-time", JSON.stringify(t).slice(0, 40));
  }
  assert.equal(outcome({ ...BASE, incidents: [{ ...INCIDENT, startTime: 1200 }] }), "wrong-type");
  assert.equal(outcome({ ...BASE, incidents: [{ ...INCIDENT, startTime: "00:00", endTime: "23:59:59" }] }), "accepted");
});

test("hostile figures, numbering and links are refused with a code or read safely", () => {
  // A figure nested inside a figure's value, a bare array, and a value of every wrong type.
  const nested = { values: [{ value: { values: [{ value: 1 }] } }] };
  assert.equal(outcome({ ...BASE, incidents: [{ ...INCIDENT, rounds: nested }] }), "invalid-quantity");
  for (const bad of [[1, 2], "many", true, { values: {} }, { values: [{}] }, { values: [{ value: 1, extra: 1 }] }]) {
    assert.notEqual(outcome({ ...BASE, incidents: [{ ...INCIDENT, rounds: bad }] }), "accepted", JSON.stringify(bad));
  }
  // 100,000 values of one figure: read, resolved, without a crash.
  const many = { values: Array.from({ length: 100_000 }, (_, i) => ({ value: i + 1, sources: ["s"] })) };
  assert.equal(outcome({ ...BASE, incidents: [{ ...INCIDENT, sorties: many }] }), "accepted");
  const ds = Dataset.fromObject(BASE);
  const r = ds.resolveFigure(many);
  assert.deepEqual(r.value, { min: 1, max: 100_000 }); // equally graded values that disagree: their span
  assert.equal(r.alternatives.length, 100_000);
  // Numbers out of range for a patrol's number, and a 1.0 sequence of the wrong type.
  for (const number of [-1, 2 ** 32, 1.5, 1e300, "9"]) {
    assert.notEqual(outcome({ ...BASE, patrols: [{ ...PATROL, numbering: [{ number }] }] }), "accepted", String(number));
    assert.notEqual(outcome({ formatVersion: "1.0", ...BASE, patrols: [{ ...PATROL, sequence: number }] }), "accepted", String(number));
  }
  // A chain of 20,000 partOf links, and a cycle through all of them: no stack overflow.
  const chain = Array.from({ length: 20_000 }, (_, i) => ({
    ...INCIDENT, id: `i${i}`, links: [{ rel: "partOf", to: `i${(i + 1) % 20_000}` }],
  }));
  const code = outcome({ ...BASE, incidents: chain });
  assert.equal(typeof code, "string");
  // Forces by state nested 400 deep (1,200 levels of JSON): refused or read, never a crash.
  let forces = { personnel: 1 };
  for (let i = 0; i < 400; i++) forces = { byState: [{ country: "CHN", forces }] };
  assert.notEqual(outcome({ ...BASE, exercises: [{ id: "e", name: "E", participants: ["CHN", "RUS"], forces, sources: ["s"] }] }),
    "accepted");
  ds.free();
});

test("hostile arguments to the new calls are invalid-argument errors, and the module stays usable", () => {
  const ds = Dataset.fromObject({ ...BASE, incidents: [INCIDENT] });
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const throwing = new Proxy({}, { get() { throw new Error("trap"); }, ownKeys() { throw new Error("trap"); } });
  const cyclic = { values: [] };
  cyclic.values.push({ value: cyclic });
  const big = 10n;
  for (const bad of [revoked.proxy, throwing, cyclic, big, Symbol("x"), () => 1, new Map(), "3200"]) {
    for (const call of [() => ds.resolveFigure(bad), () => ds.resolveFigure(1, bad), () => ds.record(bad),
      () => ds.select({ incidentKinds: bad }), () => ds.validateRecord("incident", bad)]) {
      let caught;
      try {
        call();
      } catch (e) {
        caught = e;
      }
      if (caught === undefined) continue; // e.g. record("3200") is simply not found
      assert.ok(caught instanceof Error, String(caught));
      assert.equal(caught.name, "JointwatchError", caught.message);
      assert.equal(caught.code, "invalid-argument", caught.message);
    }
  }
  assert.equal(ds.record("x".repeat(1_000_000)), undefined);
  assert.equal(ds.record("i").kind, "incident");
  assert.equal(ds.resolveFigure(3200).value, 3200);
  ds.free();
});
