// Open your own file: its findings (code, path, line, column, message), and,
// when it has no error, the whole page shows it instead of the public record.
// The npm package reads JSON documents only (no CSV reader is exported to
// JavaScript), so a CSV file gets a clear message rather than a home-made parse.
import { Dataset, isJointwatchError, validate } from "jointwatch";

function findingItem(f) {
  const li = document.createElement("li");
  li.dataset.code = f.code;
  li.dataset.path = f.path ?? "";
  li.dataset.severity = f.severity;
  if (f.line != null) li.dataset.line = String(f.line);
  if (f.column != null) li.dataset.column = String(f.column);
  const where = `${f.path || "(document)"}${f.line != null ? `, line ${f.line}, column ${f.column ?? "?"}` : ""}`;
  const sev = document.createElement("strong");
  sev.textContent = f.severity;
  const code = document.createElement("code");
  code.textContent = f.code;
  li.append(sev, " ", code, ` at ${where}: ${f.message}`);
  return li;
}

/** Wires the file input: `onLoad(ds, name)` when a file loads, `onReset()` to go back. */
export function setupFile({ input, summary, list, reset, onLoad, onReset }) {
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    list.replaceChildren();
    try {
      const text = await file.text();
      if (/\.csv$/i.test(file.name) || file.type === "text/csv") {
        summary.textContent =
          `${file.name}: CSV cannot be read on this page. The jointwatch npm package reads JSON documents only ` +
          `(the command line reads CSV: \`jointwatch convert exercises.csv --to json -o data.json\`, then open data.json here). The page still shows the previous dataset.`;
        summary.dataset.state = "unsupported";
        return;
      }
      const { findings } = validate(text);
      const errors = findings.filter((f) => f.severity === "error").length;
      const warnings = findings.length - errors;
      list.replaceChildren(...findings.map(findingItem));
      if (errors) {
        summary.textContent = `${file.name}: ${errors} error(s), ${warnings} warning(s). The page still shows the previous dataset.`;
        summary.dataset.state = "error";
        return;
      }
      const ds = Dataset.fromJSON(text);
      summary.textContent = `${file.name}: no error, ${warnings} warning(s). The whole page now shows this file (${ds.recordCount} records).`;
      summary.dataset.state = "loaded";
      reset.hidden = false;
      onLoad(ds, file.name);
    } catch (e) {
      summary.dataset.state = "error";
      summary.textContent = `${file.name}: ${isJointwatchError(e) ? `${e.code}: ${e.message}` : String(e?.message ?? e)}`;
      if (isJointwatchError(e) && e.findings) list.replaceChildren(...e.findings.map(findingItem));
    }
  });
  reset.addEventListener("click", () => {
    reset.hidden = true;
    input.value = "";
    list.replaceChildren();
    summary.textContent = "No file opened: the page shows the public record.";
    delete summary.dataset.state;
    onReset();
  });
}
