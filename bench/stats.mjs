// Summaries of repeated timings, shared by the Node benchmark (run.mjs) and
// the report (report.mjs, for criterion's samples), so both state a time and
// its spread the same way.

/** The q-quantile of sorted numbers, interpolated linearly between ranks. */
function quantile(sorted, q) {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

/** Median, quartiles and extremes of times in milliseconds (sorted in place). */
export function spread(ms) {
  ms.sort((a, b) => a - b);
  return {
    medianMs: quantile(ms, 0.5),
    p25Ms: quantile(ms, 0.25),
    p75Ms: quantile(ms, 0.75),
    minMs: ms[0],
    maxMs: ms[ms.length - 1],
  };
}
