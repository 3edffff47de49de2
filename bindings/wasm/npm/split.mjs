// Splits the optimised core module in two (called by scripts/build-npm):
//
//   jointwatch_bg.wasm        the core part: what reads, validates and holds a
//                             document (CORE_EXPORTS below), and everything it can reach
//   jointwatch_part2_bg.wasm  the rest (series, the assessment, the brief, the writers,
//                             geography, helpers), loaded on first use
//
// Both parts share one memory and one table: the second part is not a second
// copy of the library (as `jointwatch/formats` is) but the functions the core
// part cannot reach, moved out by Binaryen's `wasm-split`. Until it is loaded, the
// core part holds a placeholder for each of them; loading it (assemble.mjs
// writes the loaders: on first use in Node, with `init()` or `loadAll()` in
// the browser) puts the real functions in their places.
//
// Which functions stay is decided here, not by a profile: every function an
// export of CORE_EXPORTS (or one of wasm-bindgen's own, `__…`) can reach by a
// direct call, `ref.func`, or an indirect call (every function in the table of
// the called type). A call of the core part therefore never needs the second
// part; tests/js/split.test.mjs checks that on every fixture.
//
// Usage: node split.mjs IN.wasm OUT_DIR
// Writes OUT_DIR/{jointwatch_bg.wasm, jointwatch_part2_bg.wasm, split.json}.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

/**
 * The exports of the core part (wasm-bindgen's names: `dataset_x` is the
 * method or getter `x` of `Dataset`). wasm-bindgen's own exports (`__…`,
 * `__wbg_dataset_free` included) always stay. docs/size.md lists these calls.
 */
export const CORE_EXPORTS = [
  "dataset_fromJSON",
  "dataset_fromObject",
  "dataset_parse",
  "dataset_seed",
  "dataset_validate",
  "dataset_counts",
  "dataset_formatVersion",
  "dataset_recordCount",
  "dataset_title",
  "validate",
  "formatVersion",
  "version",
  "isJointwatchError",
  "isParseError",
  "isValidationError",
];

/** The wasm features the module uses (as in scripts/build-npm's wasm-opt). */
const FEATURES = [
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
];

/** A name in Binaryen's text format: `$name` or `$"name with spaces"`. */
const NAME = String.raw`\$("(?:[^"\\]|\\.)*"|[^\s()]+)`;

/** A function signature written as text, from `(param …)`/`(result …)` groups. */
function signature(text) {
  const params = [];
  const results = [];
  for (const [, kind, types] of text.matchAll(/\((param|result)((?: [^()]+)?)\)/g)) {
    let words = types.trim().split(/\s+/).filter(Boolean);
    if (kind === "param" && words[0]?.startsWith("$")) words = words.slice(1);
    (kind === "param" ? params : results).push(...words);
  }
  return `${params.join(" ")} -> ${results.join(" ")}`;
}

/**
 * The functions reachable from the exports for which `isRoot` holds, read
 * from the module's text (Binaryen's `wasm-dis`), and the other exports.
 */
export function reachable(wat, isRoot) {
  const types = new Map();
  const sig = new Map();
  const imported = new Set();
  const exported = new Map();
  const elements = [];
  const starts = [];
  const calls = new Map();
  const indirect = new Map();
  let current = null;
  for (const line of wat.split("\n")) {
    let m;
    if (line.startsWith(" (type ")) {
      m = line.match(new RegExp(String.raw`^ \(type ${NAME} \(func(.*)\)\)$`));
      if (m) types.set(m[1], signature(m[2]));
      current = null;
    } else if (line.startsWith(" (func ")) {
      m = line.match(new RegExp(String.raw`^ \(func ${NAME}`));
      current = m[1];
      sig.set(current, signature(line.slice(m[0].length)));
      calls.set(current, new Set());
      indirect.set(current, new Set());
    } else if (line.startsWith(" (import ")) {
      m = line.match(new RegExp(String.raw`\(func ${NAME}`));
      if (m) {
        imported.add(m[1]);
        sig.set(m[1], signature(line.slice(m.index + m[0].length)));
      }
      current = null;
    } else if (line.startsWith(" (export ")) {
      m = line.match(new RegExp(String.raw`^ \(export "([^"]+)" \(func ${NAME}`));
      if (m) exported.set(m[1], m[2]);
      current = null;
    } else if (line.startsWith(" (elem ")) {
      // \`(elem [$name] [(table $t)] (i32.const n) [func] $f …)\`: Binaryen writes
      // \`(table …)\` and \`func\` only when the module has more than one table.
      const list = line
        .slice(" (elem ".length)
        .replace(/^\$\S+ /, "")
        .replace(/\(table [^()]*\) /, "");
      const names = [...list.matchAll(new RegExp(NAME, "g"))].map((e) => e[1]);
      if (names.length === 0) throw new Error(`split.mjs: cannot read the table segment ${line.slice(0, 80)}`);
      elements.push(...names);
      current = null;
    } else if (line.startsWith(" (start ")) {
      starts.push(line.match(new RegExp(NAME))[1]);
      current = null;
    } else if (line.startsWith(" (global ")) {
      for (const r of line.matchAll(new RegExp(String.raw`ref\.func ${NAME}`, "g"))) starts.push(r[1]);
      current = null;
    } else if (line.startsWith(" (")) {
      current = null;
    } else if (current !== null) {
      for (const c of line.matchAll(new RegExp(String.raw`\((?:call|return_call|ref\.func) ${NAME}`, "g"))) {
        calls.get(current).add(c[1]);
      }
      for (const c of line.matchAll(new RegExp(String.raw`\((?:call_indirect|return_call_indirect) (?:\$\S+ )?\(type ${NAME}`, "g"))) {
        indirect.get(current).add(c[1]);
      }
    }
  }
  if (elements.length === 0 && [...indirect.values()].some((t) => t.size > 0)) {
    throw new Error("split.mjs: indirect calls but no table segment read");
  }
  const inTable = new Map();
  for (const e of elements) {
    const s = sig.get(e);
    if (!inTable.has(s)) inTable.set(s, []);
    inTable.get(s).push(e);
  }
  const todo = [...starts];
  const roots = [...exported.keys()].filter(isRoot);
  for (const r of roots) todo.push(exported.get(r));
  const seen = new Set();
  const seenTypes = new Set();
  while (todo.length > 0) {
    const f = todo.pop();
    if (seen.has(f)) continue;
    seen.add(f);
    for (const c of calls.get(f) ?? []) todo.push(c);
    for (const t of indirect.get(f) ?? []) {
      if (seenTypes.has(t)) continue;
      seenTypes.add(t);
      if (!types.has(t)) throw new Error(`split.mjs: unknown type ${t}`);
      todo.push(...(inTable.get(types.get(t)) ?? []));
    }
  }
  return {
    keep: [...seen].filter((f) => !imported.has(f)).map((f) => f.replace(/^"|"$/g, "")),
    part2: [...exported.keys()].filter((e) => !isRoot(e)),
  };
}

/**
 * Points the export `__wbindgen_externrefs` at the module's externref table.
 * `wasm-split` 108 (Debian's Binaryen) writes it as the function table, the
 * first of the module's two tables; V8 then refuses wasm-bindgen's first
 * `table.set` of a JavaScript value.
 */
function fixExternrefExport(bytes) {
  const b = Uint8Array.from(bytes);
  const leb = (i) => {
    let r = 0;
    let s = 0;
    for (;;) {
      const x = b[i++];
      r |= (x & 0x7f) << s;
      s += 7;
      if (x < 0x80) return [r, i];
    }
  };
  let externref = null;
  let fixed = false;
  let i = 8;
  while (i < b.length) {
    const id = b[i++];
    const [n, start] = leb(i);
    if (id === 2) {
      // Table indices below count the module's own tables only.
      let [count, j] = leb(start);
      for (let k = 0; k < count; k++) {
        for (let str = 0; str < 2; str++) {
          const [len, next] = leb(j);
          j = next + len;
        }
        const kind = b[j++];
        if (kind === 1) throw new Error("split.mjs: the module imports a table");
        if (kind === 0) [, j] = leb(j);
        else if (kind === 2) {
          const flags = b[j++];
          [, j] = leb(j);
          if (flags & 1) [, j] = leb(j);
        } else if (kind === 3) j += 2;
        else throw new Error(`split.mjs: unknown import kind ${kind}`);
      }
    } else if (id === 4) {
      let [count, j] = leb(start);
      for (let t = 0; t < count; t++) {
        const type = b[j++];
        if (type === 0x6f) externref = t;
        const flags = b[j++];
        [, j] = leb(j);
        if (flags & 1) [, j] = leb(j);
      }
    } else if (id === 7) {
      let [count, j] = leb(start);
      for (let e = 0; e < count; e++) {
        let len;
        [len, j] = leb(j);
        const name = new TextDecoder().decode(b.subarray(j, j + len));
        j += len;
        const kind = b[j++];
        const [index, next] = leb(j);
        if (name === "__wbindgen_externrefs") {
          if (kind !== 1 || externref === null || next !== j + 1 || externref > 127) {
            throw new Error("split.mjs: cannot point __wbindgen_externrefs at the externref table");
          }
          if (index !== externref) b[j] = externref;
          fixed = true;
        }
        j = next;
      }
    }
    i = start + n;
  }
  if (!fixed) throw new Error("split.mjs: no export __wbindgen_externrefs");
  return b;
}

// Run as a script (not imported): a path with spaces or other characters
// escaped in URLs must still match.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [input, out] = process.argv.slice(2);
  const tmp = mkdtempSync(join(tmpdir(), "jointwatch-split-"));
  try {
    execFileSync("wasm-dis", [...FEATURES, input, "-o", join(tmp, "core.wat")]);
    const wat = readFileSync(join(tmp, "core.wat"), "utf8");
    const { keep, part2 } = reachable(wat, (e) => e.startsWith("__") || CORE_EXPORTS.includes(e));
    const missing = CORE_EXPORTS.filter((e) => !wat.includes(` (export "${e}" `));
    if (missing.length > 0) throw new Error(`split.mjs: the module exports no ${missing.join(", ")}`);
    writeFileSync(join(tmp, "keep.txt"), keep.join("\n") + "\n");
    execFileSync("wasm-split", [
      ...FEATURES,
      input,
      `--keep-funcs=@${join(tmp, "keep.txt")}`,
      "--export-prefix=%",
      "--placeholdermap",
      "-o1",
      join(tmp, "core.wasm"),
      "-o2",
      join(tmp, "part2.wasm"),
    ]);
    writeFileSync(join(out, "jointwatch_bg.wasm"), fixExternrefExport(readFileSync(join(tmp, "core.wasm"))));
    writeFileSync(join(out, "jointwatch_part2_bg.wasm"), readFileSync(join(tmp, "part2.wasm")));
    const placeholders = readFileSync(join(tmp, "core.wasm.placeholders"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => Number(l.split(":")[0]));
    // The module before the split, for docs/size.md.
    const whole = readFileSync(input);
    const unsplit = { raw: whole.length, gzip: gzipSync(whole, { level: 9 }).length };
    writeFileSync(join(out, "split.json"), JSON.stringify({ core: CORE_EXPORTS, part2, placeholders, unsplit }, null, 1) + "\n");
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
