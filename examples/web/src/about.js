// About the data: a summary of docs/public-record.md, with the counts
// computed from the dataset shown (never typed in).

function p(text) {
  const e = document.createElement("p");
  e.textContent = text;
  return e;
}

/** Renders the about panel for `ctx.ds`. */
export function renderAbout(el, ctx) {
  const ds = ctx.ds;
  const c = ds.counts;
  const doc = ds.toJSON();
  const grades = {};
  for (const s of doc.sources ?? []) grades[s.reliability] = (grades[s.reliability] ?? 0) + 1;
  const gradeText = Object.keys(grades)
    .sort()
    .map((g) => `${grades[g]} graded ${g}`)
    .join(", ");
  const coverage = doc.coverage ?? [];
  const heading = el.querySelector("h2") ?? Object.assign(document.createElement("h2"), { textContent: "About the data" });
  const isRecord = (ds.title ?? "").startsWith("The public record");
  const parts = [
    p(
      `${ds.title ?? "This dataset"}: ${ds.recordCount} records — ${c.exercises} exercises, ${c.patrols} joint patrols, ` +
        `${c.activities} single-state activities, ${c.incidents} incidents and ${c.statistics} statistics — citing ` +
        `${c.sources} sources${gradeText ? ` (${gradeText})` : ""}, up to ${ds.latestDate ?? "no date"}.`,
    ),
  ];
  if (isRecord) {
    parts.push(
      p(
        "How it was compiled: from one source only, the project's research sheet of open reporting (every fact with its " +
          "outlet, date, URL and grade, and the conflicts between sources); nothing from memory. Where sources conflict, " +
          "every value is kept with its sources and stance, never averaged, and numbering conflicts are kept per " +
          "numbering authority (China's defence ministry's count of joint air patrols is not Japan's).",
      ),
      p(
        "The grading rule: every source is graded on the Admiralty scale. Official and wire sources are B (usually " +
          "reliable), reputable press C, other sites D, and a text seen only through a mirror one step lower. " +
          "Credibility is 2 when an independent source confirms it, 3 when it stands alone, 4 when unconfirmed and 5 " +
          "when shown wrong.",
      ),
      p(
        `Coverage: ${coverage.length} declaration(s) of completeness` +
          (coverage.length ? ` (${coverage.map((x) => x.id).join(", ")})` : "") +
          ". Only the numbered joint air and naval patrols are declared complete. Exercises are not: published totals " +
          "since 2003 range from 66 to 113 and far fewer are held, so a year with few exercises is “at least”, never " +
          "“only”. A fiscal year without a scramble figure is missing, never zero.",
      ),
    );
    const more = document.createElement("p");
    const code = document.createElement("code");
    code.textContent = "docs/public-record.md";
    more.append("The full account, with every conflict and what is known to be missing, is ", code, " in the repository.");
    parts.push(more);
  } else {
    parts.push(p(`Your file, format ${ds.formatVersion}; ${coverage.length} coverage declaration(s).`));
  }
  el.replaceChildren(heading, ...parts);
}
