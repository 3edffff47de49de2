// Options that ask a call to do less, or more, than by default (issue 17):
// `ds.series(query, { ids: false })` and `Dataset.fromJSON(text, { limits })`.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Dataset, isJointwatchError } from "jointwatch";

const query = {
  filter: { kinds: ["exercise", "patrol"] },
  groupBy: [{ by: "period", granularity: { type: "year" } }, { by: "participant" }],
};

test("series without ids: the same points, each with an empty ids list", () => {
  const seed = Dataset.seed();
  const full = seed.series(query);
  assert.ok(full.points.some((p) => p.ids.length > 0), "the seed counts some records");
  for (const ids of [undefined, null, {}, { ids: true }]) {
    assert.deepEqual(seed.series(query, ids), full, `options ${JSON.stringify(ids)} keep the ids`);
  }
  const counts = seed.series(query, { ids: false });
  assert.deepEqual(
    counts,
    { ...full, points: full.points.map((p) => ({ ...p, ids: [] })) },
    "only ids differ",
  );
});

test("series options are checked like every argument", () => {
  const seed = Dataset.seed();
  for (const [options, path] of [
    [{ ids: "no" }, "options.ids"],
    [{ ids: false, id: false }, "options.id"],
    ["ids", "options"],
  ]) {
    assert.throws(
      () => seed.series(query, options),
      (e) => isJointwatchError(e) && e.code === "invalid-argument" && e.path === path,
      JSON.stringify(options),
    );
  }
});

// A document of 300 exercises, about 40 KB.
const document = JSON.stringify({
  formatVersion: "2.0",
  sources: [{ id: "s", title: "A source", reliability: "B", credibility: 2 }],
  exercises: Array.from({ length: 300 }, (_, i) => ({
    id: `e${i}`,
    name: `Exercise ${i}`,
    participants: ["CHN", "RUS"],
    dates: `${2000 + (i % 25)}`,
    sources: ["s"],
  })),
});

test("fromJSON reads a document over the default limits when they are raised on purpose", () => {
  // The defaults refuse what tight limits refuse; raised limits read it.
  const tight = { maxBytes: 10_000 };
  assert.throws(
    () => Dataset.fromJSON(document, { limits: tight }),
    (e) => e.name === "ParseError" && e.code === "document-too-large",
  );
  const raised = Dataset.fromJSON(document, { limits: { maxBytes: 1_000_000 }, ignore: ["no-source"] });
  assert.equal(raised.recordCount, 300);
  raised.free();
  // A record limit below the document's count refuses it; one above reads it.
  assert.throws(
    () => Dataset.fromJSON(document, { limits: { maxRecords: 299 } }),
    (e) => e.name === "ParseError" && e.code === "too-many-records",
  );
  assert.equal(Dataset.fromJSON(document, { limits: { maxRecords: 300 } }).recordCount, 300);
  assert.equal(Dataset.fromObject(JSON.parse(document), { limits: { maxBytes: 1_000_000 } }).recordCount, 300);
});

test("the default limits refuse a document that raised limits read", () => {
  // 256 MiB of text is too much for a unit test; the string limit (1 MiB) is the same rule.
  const long = JSON.stringify({
    formatVersion: "2.0",
    exercises: [{ id: "e", name: "x".repeat(1_100_000), participants: ["CHN", "RUS"], dates: "2024", sources: [] }],
  });
  assert.throws(
    () => Dataset.fromJSON(long),
    (e) => e.name === "ParseError" && e.code === "string-too-long",
  );
  const ds = Dataset.fromJSON(long, { limits: { maxStringBytes: 2_000_000 } });
  assert.equal(ds.recordCount, 1);
  ds.free();
});

test("bad limits are argument errors with a code and a path", () => {
  for (const [options, path] of [
    [{ limits: { maxBytes: -1 } }, "options.limits.maxBytes"],
    [{ limits: { maxBytes: 1.5 } }, "options.limits.maxBytes"],
    [{ limits: { maxBytes: "1GB" } }, "options.limits.maxBytes"],
    [{ limits: { maxBytes: 2 ** 40 } }, "options.limits.maxBytes"],
    [{ limits: { maxDepth: 100_000 } }, "options.limits.maxDepth"],
    [{ limits: { maxSize: 1 } }, "options.limits.maxSize"],
    [{ limits: 5 }, "options.limits"],
    [{ limit: {} }, "options.limit"],
  ]) {
    for (const load of [(o) => Dataset.fromJSON(document, o), (o) => Dataset.fromObject(JSON.parse(document), o)]) {
      assert.throws(
        () => load(options),
        (e) => isJointwatchError(e) && e.name === "JointwatchError" && e.code === "invalid-argument" && e.path === path,
        JSON.stringify(options),
      );
    }
  }
  // A lower depth is fine, and is applied.
  assert.throws(
    () => Dataset.fromJSON(document, { limits: { maxDepth: 2 } }),
    (e) => e.name === "ParseError" && e.code === "nesting-too-deep",
  );
});
