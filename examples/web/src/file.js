// Open your own file: its findings (code, path, line, column, message), and,
// when it has no error, the whole page shows it instead of the public record.
// A JSON document is read by the core module; CSV tables (one file per table,
// one or several files at once) by the package's second module
// (`jointwatch/formats`, `fromCSV`), whose findings name the file, row and
// column; the document they make is then validated like a JSON one.
import { Dataset, isJointwatchError, validate } from "jointwatch";
import { formats } from "./formats.js";

const isCsv = (file) => /\.csv$/i.test(file.name) || file.type === "text/csv";

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
    const files = [...(input.files ?? [])];
    if (!files.length) return;
    const name = files.map((f) => f.name).join(", ");
    list.replaceChildren();
    try {
      let text;
      if (files.every(isCsv)) {
        // CSV: read into a document (all or nothing: a bad cell throws with every finding).
        const { fromCSV } = await formats();
        const tables = Object.fromEntries(await Promise.all(files.map(async (f) => [f.name, await f.text()])));
        text = JSON.stringify(fromCSV(tables));
      } else if (files.length === 1) {
        text = await files[0].text();
      } else {
        summary.textContent = `${name}: open one JSON document, or one or more CSV tables. The page still shows the previous dataset.`;
        summary.dataset.state = "error";
        return;
      }
      const { findings } = validate(text);
      const errors = findings.filter((f) => f.severity === "error").length;
      const warnings = findings.length - errors;
      list.replaceChildren(...findings.map(findingItem));
      if (errors) {
        summary.textContent = `${name}: ${errors} error(s), ${warnings} warning(s). The page still shows the previous dataset.`;
        summary.dataset.state = "error";
        return;
      }
      const ds = Dataset.fromJSON(text);
      summary.textContent = `${name}: no error, ${warnings} warning(s). The whole page now shows ${files.length > 1 ? "these files" : "this file"} (${ds.recordCount} records).`;
      summary.dataset.state = "loaded";
      reset.hidden = false;
      onLoad(ds, name);
    } catch (e) {
      summary.dataset.state = "error";
      summary.textContent = `${name}: ${isJointwatchError(e) ? `${e.code}: ${e.message}` : String(e?.message ?? e)}`;
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
