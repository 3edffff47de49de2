import {
  Dataset,
  formatQuantity,
  isParseError,
  isValidationError,
  type Finding,
  type SeriesQuery,
} from "jointwatch";

// Japan reports scrambles by fiscal year (April to March).
const scramblesByFiscalYear: SeriesQuery = {
  filter: { kinds: ["statistic"] },
  groupBy: [{ by: "period", granularity: { type: "fiscalYear", firstMonth: 4 } }],
  reported: "scrambles",
};
const seed: Dataset = Dataset.seed();
for (const point of seed.series(scramblesByFiscalYear).points) {
  const shown = point.value ? formatQuantity(point.value) : "no figure (missing, not zero)";
  console.log(`${point.key[0]}: ${shown} scrambles`);
}

// Every finding of a document, whether it is unreadable or only invalid.
function findingsOf(text: string): Finding[] {
  try {
    Dataset.fromJSON(text).free();
    return [];
  } catch (e) {
    if (isParseError(e)) console.log(`unreadable at line ${e.line}, column ${e.column}`);
    if (isParseError(e) || isValidationError(e)) return e.findings;
    throw e;
  }
}
console.log(findingsOf('{"formatVersion": "1.0",\n}').map((f) => f.code));

// A Dataset lives in WebAssembly memory: `using` frees it at the end of the
// block (or call `free()` when done with it).
{
  using scratch = Dataset.fromJSON('{"formatVersion": "1.0"}');
  console.log(`a scratch dataset of ${scratch.recordCount} records`);
}
