// Finishes pkg/ after wasm-bindgen (called by scripts/build-npm):
// checks the declarations (they need no rewriting), adds the module-type markers and the Node ESM
// entry, and writes the size report (docs/size.md), warning when the gzipped
// .wasm is over budget (tests/js/size.test.mjs checks it).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = process.argv[2];
const pkg = join(root, "pkg");
/** The budget for the gzipped core .wasm (its core part), in bytes (200 KB); tests/js/size.test.mjs has the same. */
const GZIP_BUDGET = 200_000;
/** The budget for the gzipped second part of the core module, in bytes (125 KB). */
const PART2_GZIP_BUDGET = 125_000;
/** The budget for the gzipped second module (`jointwatch/formats`), in bytes (392 KB). */
const FORMATS_GZIP_BUDGET = 392_000;

// --- Declarations -------------------------------------------------------
for (const file of ["web", "node"].flatMap((t) => [join(pkg, t, "jointwatch.d.ts"), join(pkg, "formats", t, "formats.d.ts")])) {
  const dts = readFileSync(file, "utf8");
  // The core names the document's type `DatasetDocument` in TypeScript
  // (the `Dataset` class holds one); check that it did.
  if (!/^export (interface|type) DatasetDocument\b/m.test(dts)) {
    throw new Error(`${file}: no DatasetDocument type`);
  }
  // Results cross as JSON, so a map is a plain object: tsify's default
  // `Map<K, V>` would be wrong. The core declares its maps itself
  // (`#[tsify(type = "Record<…>")]` or `hashmap_as_object`); fail if one does not.
  const map = dts.match(/\bMap<[^<>]+, [^<>]+>/);
  if (map) {
    throw new Error(`${file}: ${map[0]}: declare the map as a Record in the core (#[tsify(type = "Record<…>")])`);
  }
}

// --- One .wasm for both builds ------------------------------------------
// scripts/build-npm puts the module once at pkg/jointwatch_bg.wasm; both
// glues load it from there.
function patch(file, from, to) {
  const js = readFileSync(file, "utf8");
  if (!js.includes(from)) throw new Error(`${file}: expected ${JSON.stringify(from)} (wasm-bindgen's output changed?)`);
  writeFileSync(file, js.replace(from, to));
}
patch(join(pkg, "node", "jointwatch.js"), "`${__dirname}/jointwatch_bg.wasm`", "`${__dirname}/../jointwatch_bg.wasm`");
patch(join(pkg, "web", "jointwatch.js"), "new URL('jointwatch_bg.wasm', import.meta.url)", "new URL('../jointwatch_bg.wasm', import.meta.url)");
// The same for the second module, `jointwatch/formats` (pkg/formats/formats_bg.wasm).
patch(join(pkg, "formats", "node", "formats.js"), "`${__dirname}/formats_bg.wasm`", "`${__dirname}/../formats_bg.wasm`");
patch(join(pkg, "formats", "web", "formats.js"), "new URL('formats_bg.wasm', import.meta.url)", "new URL('../formats_bg.wasm', import.meta.url)");

// --- The second part of the core module --------------------------------------
// scripts/build-npm split the core module in two (split.mjs): the core part,
// pkg/jointwatch_bg.wasm, reads, validates and holds a document; the second,
// pkg/jointwatch_part2_bg.wasm, holds every other function, and shares the
// core part's memory and table. A call of the second part loads it first:
// in Node from disk, on first use; in the browser `init()` fetches both parts
// (`init({ lazy: true })` only the core part, and `loadAll()` the second).
// A call of the second part before it is loaded in the browser throws a
// JointwatchError with code "not-loaded" before any Rust runs.
const split = JSON.parse(readFileSync(process.argv[3], "utf8"));
/** The static methods of `Dataset` (the others are called on a dataset, `ds`), as wasm-bindgen wrote them. */
const STATICS = new Set(
  [...readFileSync(join(pkg, "web", "jointwatch.js"), "utf8").matchAll(/^ {4}static (\w+)\(/gm)].map((m) => m[1]),
);
/** The JavaScript name of a wasm-bindgen export (`dataset_x` is `Dataset.x` or `ds.x`), for messages and docs/size.md. */
const callName = (e) => {
  if (!e.startsWith("dataset_")) return e;
  const name = e.slice("dataset_".length);
  return `${STATICS.has(name) ? "Dataset" : "ds"}.${name}`;
};
const PART2_NAMES = `const __part2Calls = ${JSON.stringify(Object.fromEntries(split.part2.map((e) => [e, callName(e)])))};`;
/**
 * The placeholders the core part imports in place of the second part's
 * functions: each loads the second part (which puts the real function in
 * the table) and calls it. Every call of the second part loads it first
 * (`__part2`), so these run only if a core call reached a function of the
 * second part, which split.mjs rules out.
 */
const PLACEHOLDERS = `function __wbg_get_imports() {
    const imports = __wbg_get_imports_bindgen();
    const placeholder = { __proto__: null };
    for (const i of ${JSON.stringify(split.placeholders)}) {
        placeholder[i] = (...args) => __part2("a function of the second part")["%table"].get(i)(...args);
    }
    imports.placeholder = placeholder;
    return imports;
}`;
const NOT_LOADED = `function __notLoaded(call) {
    const e = new Error(\`\${call}: this call is in the second part of the module (jointwatch_part2_bg.wasm), which is not loaded yet: await loadAll() first (init() loads it unless { lazy: true }; initSync() takes it as part2_module)\`);
    e.name = "JointwatchError";
    e.code = "not-loaded";
    e.path = "";
    e.findings = [];
    return e;
}`;
const PART2_NODE = `
// Added by scripts/build-npm: the second part of the module, loaded from disk on first use.
${PART2_NAMES}
let __part2Loaded = false;
function __part2(call) {
    if (!__part2Loaded) {
        const bytes = require('fs').readFileSync(\`\${__dirname}/../jointwatch_part2_bg.wasm\`);
        new WebAssembly.Instance(new WebAssembly.Module(bytes), { primary: wasm });
        __part2Loaded = true;
    }
    return wasm;
}
/** Loads the second part of the module (in Node it loads on first use anyway). */
async function loadAll() {
    __part2("loadAll");
}
exports.loadAll = loadAll;
${PLACEHOLDERS}
`;
const PART2_WEB = `
// Added by scripts/build-npm: the second part of the module, fetched by init() (unless { lazy: true }) or loadAll().
${PART2_NAMES}
${NOT_LOADED}
let __part2Module;
let __part2Loaded = false;
let __part2Promise;
/** Where loadAll() looks by default: set by init() from where the core part came from. */
let __part2Where;
function __part2(call) {
    if (!__part2Loaded) {
        if (__part2Module === undefined) throw __notLoaded(call);
        new WebAssembly.Instance(__part2Module, { primary: wasm });
        __part2Loaded = true;
    }
    return wasm;
}
/**
 * Where the second part is, given where the core part came from: the
 * package's own file when init() was given nothing (or a promise); beside the core part when
 * it was given a URL (or a Request or Response); unknown (undefined) for bytes
 * or a compiled module.
 */
function __part2Beside(core) {
    if (core === undefined || core instanceof Promise) return new URL('../jointwatch_part2_bg.wasm', import.meta.url);
    try {
        const base = typeof document !== 'undefined' ? document.baseURI : typeof location !== 'undefined' ? location.href : undefined;
        if (typeof core === 'string' || (typeof URL === 'function' && core instanceof URL)) {
            return new URL('jointwatch_part2_bg.wasm', new URL(core, base));
        }
        if ((typeof Request === 'function' && core instanceof Request) || (typeof Response === 'function' && core instanceof Response && core.url)) {
            return new URL('jointwatch_part2_bg.wasm', core.url);
        }
    } catch (e) {
        // A location that is not a URL: unknown.
    }
    return undefined;
}
async function __part2Compile(input) {
    if (typeof input === 'string' || (typeof Request === 'function' && input instanceof Request) || (typeof URL === 'function' && input instanceof URL)) {
        input = fetch(input);
    }
    input = await input;
    if (input instanceof WebAssembly.Module) return input;
    if (typeof Response === 'function' && input instanceof Response) {
        if (!input.ok) throw new Error(\`failed to fetch Wasm: \${input.status} \${input.statusText} fetching '\${input.url}'\`);
        if (typeof WebAssembly.compileStreaming === 'function' && input.headers.get('Content-Type') === 'application/wasm') {
            return WebAssembly.compileStreaming(input);
        }
        input = await input.arrayBuffer();
    }
    return WebAssembly.compile(input);
}
/**
 * Loads the second part of the module: every call besides reading,
 * validating and holding a document. \`init()\` does it unless called with
 * \`{ lazy: true }\`. \`module_or_path\` is where the second part is (by default
 * where \`init()\` looked: beside the core part, or the package's own file);
 * the promise resolves once its calls can be made.
 */
function loadAll(module_or_path) {
    if (module_or_path !== undefined && Object.getPrototypeOf(module_or_path) === Object.prototype) {
        ({ module_or_path } = module_or_path);
    }
    if (__part2Promise === undefined) {
        const where = module_or_path ?? __part2Where ?? new URL('../jointwatch_part2_bg.wasm', import.meta.url);
        __part2Promise = __part2Compile(where).then(
            (m) => { __part2Module = m; },
            (e) => {
                throw new Error(\`jointwatch: the second part of the module (jointwatch_part2_bg.wasm) could not be loaded; the core part works without it. Pass its location to loadAll() or as init()'s part2_module_or_path. \${e}\`, { cause: e });
            },
        );
        __part2Promise.catch(() => { __part2Promise = undefined; });
    }
    return __part2Promise.then(async () => {
        if (wasm === undefined && __wbg_init_promise !== undefined) await __wbg_init_promise;
        if (wasm !== undefined) __part2("loadAll");
    });
}
/**
 * Loads the module: its core part and, unless \`lazy\` is true, its second part
 * (every other call), both fetched at once. With \`{ lazy: true }\` the promise
 * resolves as soon as the core part is ready, and the second part waits for
 * \`loadAll()\`. The second part is looked for beside the core part when
 * \`module_or_path\` is a URL (or a Request or Response), in the package otherwise; given the core part as
 * bytes or a compiled module, give the second part too (\`part2_module_or_path\`),
 * or it waits for \`loadAll()\`.
 */
async function init(options) {
    let core = options;
    let part2;
    let lazy = false;
    if (options !== undefined && Object.getPrototypeOf(options) === Object.prototype) {
        ({ part2_module_or_path: part2, lazy = false } = options);
        core = options.module_or_path;
    }
    __part2Where = part2 ?? __part2Beside(core);
    const first = __wbg_init(core === undefined ? undefined : { module_or_path: core });
    if (lazy || __part2Where === undefined) return first;
    const second = loadAll(__part2Where);
    // Handled here: if the core part fails first, this rejection is not the one to report.
    second.catch(() => {});
    const out = await first;
    await second;
    __part2("init");
    return out;
}
/**
 * Instantiates the module at once from the given compiled modules or bytes:
 * \`{ module }\` for the core part and, for every other call,
 * \`part2_module\` for the second (or \`loadAll()\` later).
 */
function initSync(options) {
    let core = options;
    let part2;
    if (options !== undefined && Object.getPrototypeOf(options) === Object.prototype) {
        ({ part2_module: part2 } = options);
        core = { module: options.module };
    }
    const out = __wbg_initSync(core);
    if (part2 !== undefined && !__part2Loaded) {
        __part2Module = part2 instanceof WebAssembly.Module ? part2 : new WebAssembly.Module(part2);
        __part2("initSync");
    }
    return out;
}
${PLACEHOLDERS}
`;
for (const target of ["web", "node"]) {
  const file = join(pkg, target, "jointwatch.js");
  let js = readFileSync(file, "utf8");
  for (const e of split.part2) {
    const call = `wasm.${e}(`;
    if (!js.includes(call)) throw new Error(`${file}: expected ${call} (an export of the second part)`);
    js = js.replaceAll(call, `__part2(__part2Calls.${e}).${e}(`);
  }
  // Every call into the module goes through one of these; anything else would miss the check.
  const other = [...js.matchAll(/\bwasm\.(\w+)\(/g)].map((m) => m[1]).filter((e) => !e.startsWith("__") && !split.core.includes(e));
  if (other.length > 0) throw new Error(`${file}: calls of unknown exports: ${[...new Set(other)].join(", ")}`);
  js = js.replace("function __wbg_get_imports() {", "function __wbg_get_imports_bindgen() {");
  if (target === "web") {
    js = js.replace("function initSync(module) {", "function __wbg_initSync(module) {");
    const exp = "export { initSync, __wbg_init as default };";
    if (!js.includes(exp)) throw new Error(`${file}: expected ${exp}`);
    js = js.replace(exp, `${PART2_WEB}\nexport { initSync, init, loadAll, init as default };`);
  } else {
    js += PART2_NODE;
  }
  writeFileSync(file, js);
}
// Their declarations: init's options in the web build, and loadAll in both.
{
  const file = join(pkg, "web", "jointwatch.d.ts");
  let dts = readFileSync(file, "utf8");
  const initDecl = dts.match(/\/\*\*\n \* If `module_or_path`[\s\S]*?export default function __wbg_init \([^\n]*\n/);
  const syncDecl = dts.match(/\/\*\*\n \* Instantiates the given `module`[\s\S]*?export function initSync\([^\n]*\n/);
  if (!initDecl || !syncDecl) throw new Error(`${file}: expected wasm-bindgen's declarations of init and initSync`);
  dts = dts.replace(syncDecl[0], `/**
 * Instantiates the module at once from compiled modules or bytes: \`module\`
 * for the core part (reading, validating and holding a document) and
 * \`part2_module\` for the second part (every other call), which can also be
 * loaded later with \`loadAll()\`.
 */
export function initSync(module: { module: SyncInitInput; part2_module?: SyncInitInput } | SyncInitInput): InitOutput;
`);
  dts = dts.replace(initDecl[0], `/** Options of \`init\`. */
export interface InitOptions {
  /** Where the core part is (\`jointwatch_bg.wasm\`); by default beside this file's directory. */
  module_or_path?: InitInput | Promise<InitInput>;
  /**
   * Where the second part is (\`jointwatch_part2_bg.wasm\`). By default the package's own file,
   * or beside the core part when \`module_or_path\` is a URL; when the core part is given as
   * bytes or a compiled module, the second part is loaded only if given here (or by \`loadAll()\`).
   */
  part2_module_or_path?: InitInput | Promise<InitInput>;
  /**
   * Load only the core part (reading, validating and holding a document):
   * every other call throws a \`JointwatchError\` with code \`"not-loaded"\`
   * until \`loadAll()\` has resolved. Default \`false\`: both parts, fetched at once.
   */
  lazy?: boolean;
}

/**
 * Loads the module: its core part and, unless \`lazy\`, its second part, both
 * fetched at once. Every call can be made once the promise resolves.
 *
 * \`\`\`js
 * await init();                 // everything
 * await init({ lazy: true });   // reading, validating and holding a document
 * await loadAll();              // then the rest, when first needed
 * \`\`\`
 */
export function init(options?: InitOptions | InitInput | Promise<InitInput>): Promise<InitOutput>;
export default init;

/**
 * Loads the second part of the module (every call besides reading,
 * validating and holding a document) if \`init({ lazy: true })\` left it out.
 */
export function loadAll(module_or_path?: { module_or_path?: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<void>;
`);
  writeFileSync(file, dts);
  const node = join(pkg, "node", "jointwatch.d.ts");
  writeFileSync(
    node,
    readFileSync(node, "utf8") +
      `
/** Loads the second part of the module, which in Node loads on first use anyway (the browser build's \`init({ lazy: true })\` leaves it out). */
export function loadAll(input?: unknown): Promise<void>;
`,
  );
}

// --- A freed Dataset ------------------------------------------------------
// wasm-bindgen checks the pointer before any Rust runs, and a call on a freed
// Dataset would throw a plain `Error: null pointer passed to rust`. Every
// method and getter checks first and throws a JointwatchError with the call
// code `freed` (crates/jointwatch/src/diagnostics/call.rs), like every other
// error of the package. `free()` (and `[Symbol.dispose]()`, the same function)
// does nothing on a dataset already freed, as disposal should.
const DISPOSE = "if (Symbol.dispose) Dataset.prototype[Symbol.dispose] = Dataset.prototype.free;\n";
const FREED_GUARD = `// Added by scripts/build-npm: a call on a freed Dataset throws a JointwatchError with code "freed".
(() => {
    const freed = (name) => {
        const e = new Error(\`Dataset.\${name}: this dataset was freed (by free() or at the end of its using block)\`);
        e.name = "JointwatchError";
        e.code = "freed";
        e.path = "";
        e.findings = [];
        return e;
    };
    const proto = Dataset.prototype;
    const free = proto.free;
    Object.defineProperty(proto, "free", {
        value: { free() { if (this.__wbg_ptr) free.call(this); } }.free,
        writable: true,
        configurable: true,
    });
    if (Symbol.dispose) proto[Symbol.dispose] = proto.free;
    for (const key of Object.getOwnPropertyNames(proto)) {
        if (key === "constructor" || key === "free" || key === "__destroy_into_raw") continue;
        const d = Object.getOwnPropertyDescriptor(proto, key);
        if (typeof d.value === "function") {
            const method = d.value;
            d.value = { [key](...args) { if (!this.__wbg_ptr) throw freed(key); return method.apply(this, args); } }[key];
        } else if (d.get) {
            const get = d.get;
            d.get = function () { if (!this.__wbg_ptr) throw freed(key); return get.call(this); };
        } else {
            continue;
        }
        Object.defineProperty(proto, key, d);
    }
})();
`;
for (const target of ["web", "node"]) {
  patch(join(pkg, target, "jointwatch.js"), DISPOSE, DISPOSE + FREED_GUARD);
}

// --- init() in the CommonJS build ----------------------------------------
// The README says \`init()\` exists in Node: browser code (\`await init()\`)
// runs unchanged, from \`require\` as from \`import\`, and TypeScript's CommonJS
// output of \`import init from "jointwatch"\` (\`jointwatch_1.default\`) works.
// The same holds for the second module, `jointwatch/formats`.
const INIT_DOC = "/** In Node the module is ready on load; this exists so that browser code (`await init()`) runs unchanged. */";
const INIT_SYNC_DOC = "/** In Node the module is ready on load; see `init`. */";
/** The Node builds: the core module and the second one. */
const NODE_BUILDS = [
  { dir: join(pkg, "node"), name: "jointwatch" },
  { dir: join(pkg, "formats", "node"), name: "formats" },
];
for (const { dir, name } of NODE_BUILDS) {
  writeFileSync(
    join(dir, `${name}.js`),
    readFileSync(join(dir, `${name}.js`), "utf8") +
      `
// Added by scripts/build-npm: init() and initSync() do nothing in Node.
${INIT_DOC}
async function init(input) {}
${INIT_SYNC_DOC}
function initSync(input) {}
exports.init = init;
exports.initSync = initSync;
exports.default = init;
Object.defineProperty(exports, "__esModule", { value: true });
`,
  );
  writeFileSync(
    join(dir, `${name}.d.ts`),
    readFileSync(join(dir, `${name}.d.ts`), "utf8") +
      `
${INIT_DOC}
export function init(input?: unknown): Promise<void>;
${INIT_SYNC_DOC}
export function initSync(input?: unknown): void;
export default init;
`,
  );
}

// --- Snippets in the CommonJS build -----------------------------------------
// wasm-bindgen copies the JavaScript the module imports (bindings/wasm/js/,
// written as ES modules, as the web build needs) into snippets/ for both
// builds, and the CommonJS glue `require`s them, which Node before 22 cannot do
// for an ES module. The CommonJS build gets them as CommonJS: each snippet only
// declares `export function`s, which this checks.
function snippets(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? snippets(join(dir, e.name)) : e.name.endsWith(".js") ? [join(dir, e.name)] : [],
  );
}
for (const file of snippets(join(pkg, "node", "snippets"))) {
  const js = readFileSync(file, "utf8");
  const names = [...js.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
  const rest = js.replace(/^export function /gm, "function ");
  if (names.length === 0 || /^\s*(import|export)\b/m.test(rest)) {
    throw new Error(`${file}: a snippet must only export functions (export function name(…))`);
  }
  writeFileSync(file, `"use strict";\n${rest}\nmodule.exports = { ${names.join(", ")} };\n`);
}

// --- Module types ---------------------------------------------------------
for (const dir of ["web", "formats/web"]) writeFileSync(join(pkg, dir, "package.json"), '{ "type": "module" }\n');
for (const dir of ["node", "formats/node"]) writeFileSync(join(pkg, dir, "package.json"), '{ "type": "commonjs" }\n');

// For TypeScript's `moduleResolution: node10`, which ignores `exports`:
// `jointwatch/formats` resolves to this directory's package.json.
writeFileSync(
  join(pkg, "formats", "package.json"),
  JSON.stringify({ main: "./node/formats.js", types: "./node/formats.d.ts" }, null, 2) + "\n",
);

// --- Node ESM entries -----------------------------------------------------
// One instance for `require` and `import`: the ESM entry re-exports the
// CommonJS build. It also exports a no-op `init` so that code written for
// the browser build (`await init()`) runs unchanged in Node.
const require = createRequire(import.meta.url);
for (const { dir, name } of NODE_BUILDS) {
  const names = Object.keys(require(join(dir, `${name}.js`))).filter(
    (n) => n !== "__esModule" && n !== "default",
  );
  for (const n of ["init", "initSync"]) {
    if (!names.includes(n)) throw new Error(`${dir}/${name}.js does not export ${n}`);
  }
  writeFileSync(
    join(dir, "index.mjs"),
    `// Generated by scripts/build-npm: the ESM entry for Node.
import { createRequire } from "node:module";

const ${name} = createRequire(import.meta.url)("./${name}.js");

export const {
${names.map((n) => `  ${n},`).join("\n")}
} = ${name};

export default init;
`,
  );
  writeFileSync(
    join(dir, "index.d.mts"),
    `// Generated by scripts/build-npm: the ESM entry for Node.
export * from "./${name}.js";
import { init } from "./${name}.js";
export default init;
`,
  );
}

// --- Size report ----------------------------------------------------------
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

/**
 * What 200 KB would take (docs/size.md): throwaway builds of the core module,
 * each the commit `base` changed as a row says, then this script's
 * wasm-bindgen, wasm-opt flags and gzip -9. They are measurements, not builds
 * of this tree: the builds are not in the repository, and the rows stay
 * those of `base` until they are measured again. `gzip` is in bytes.
 */
const WHAT_200_KB_TAKES = {
  base: "a0f4225",
  baseGzip: 337_033,
  stable: "1.95",
  nightly: "1.97.0-nightly (e50aa6fba 2026-05-19)",
  /** The code of (a) before wasm-opt, from its name section: serde's readers (with the strict wrapper) and all, raw bytes. */
  floorCode: { readers: 170_140, total: 442_776 },
  rows: [
    {
      key: "a",
      build: "(a) only reading and validating: one export, `validate(text)`, that reads a document (`Dataset::from_json`), validates it and returns the report as JSON text (no seed, no catalogue) — the floor of any module that reads a document",
      gzip: 190_866,
    },
    {
      key: "b",
      build: "(b) without the assessment and the brief (`assess`, `brief`, `withCatalogue`, `catalogue`, `latestDate`; the catalogue's JSON goes with them), the closest approaches (`patrolClosestApproach`, `closestApproach`) and `patrolCadence`: a second module's candidates",
      gzip: 285_859,
    },
    {
      key: "c",
      build: "(c) without the writers of the model's records (`toJSON`, `toJSONText`, `record`, `select`)",
      gzip: 328_485,
    },
    { key: "bc", build: "(b) and (c) together", gzip: 276_329 },
    {
      key: "d",
      build: "(d) nightly Rust: the standard library rebuilt with panics that abort at once and no panic locations (`-Zbuild-std=std,panic_abort -Cpanic=immediate-abort -Zlocation-detail=none`; not `-Zfmt-debug=none`, since messages print values with `Debug`)",
      gzip: 314_099,
    },
    { key: "ad", build: "(a) with (d)'s nightly flags", gzip: 171_894 },
    {
      key: "e",
      build: "(e) no reader for exercises (a `Deserialize` that skips the value and fails, instead of the derived one): what the derived reader of one large record type costs, so the most a hand-written one could save",
      gzip: 335_322,
    },
  ],
  /** Build settings tried on the same base and adopted. */
  adopted: [
    { build: "wasm-opt with `--strip-target-features` added (a custom section no engine reads)", gzip: 336_905 },
  ],
  /** Build settings tried on the same base and not adopted. */
  tried: [
    { build: "`opt-level = \"s\"` instead of `\"z\"` in the `wasm-release` profile", gzip: 371_009 },
    { build: "wasm-opt `-Oz --converge` without `--flatten --rereloop`", gzip: 338_665 },
    { build: "wasm-opt `--flatten --rereloop -Oz` twice, then `--converge` (about twice the time)", gzip: 336_970 },
    { build: "wasm-opt with `--merge-similar-functions` added", gzip: 337_033 },
    { build: "wasm-opt with `--zero-filled-memory` added", gzip: 337_033 },
    { build: "wasm-opt with `--traps-never-happen` added (unsafe here: a trap that does happen would no longer stop the call)", gzip: 336_942 },
  ],
};
/** Session 10: throwaway builds that call the library directly (no package boundary), with this script's wasm-opt flags. */
const FLOOR_AGAIN = [
  { build: "(a) reading and validating only: `Dataset::from_json`, then `validate_with`, the report as JSON text, with the flags before session 10 (without `-ocimfs 50`)", gzip: 169_527 },
  { build: "(a) the same, with this script's flags", gzip: 166_574 },
  { build: "(a) and a held dataset with its columnar copy answering a series (counts, no ids) and its trends as JSON text", gzip: 205_906 },
];
/** The measured size of a row of WHAT_200_KB_TAKES, by key. */
const row200 = (key) => WHAT_200_KB_TAKES.rows.find((r) => r.key === key).gzip;
const signedKb = (n) => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${kb(Math.abs(n))}`;
const floorTable = FLOOR_AGAIN.map((r) => `| ${r.build} | ${kb(r.gzip)} | ${signedKb(r.gzip - 200_000)} |`).join("\n");
const matrixRow = (r) =>
  r.gzip === null
    ? `| ${r.build} | not measured | | |`
    : `| ${r.build} | ${kb(r.gzip)} | ${signedKb(r.gzip - WHAT_200_KB_TAKES.baseGzip)} | ${signedKb(r.gzip - 200_000)} |`;
const whatItTakes = [
  "| build | `.wasm` gzip -9 | against the base | against 200 KB |",
  "| --- | ---: | ---: | ---: |",
  `| the base, \`${WHAT_200_KB_TAKES.base}\` | ${kb(WHAT_200_KB_TAKES.baseGzip)} | | ${signedKb(WHAT_200_KB_TAKES.baseGzip - 200_000)} |`,
  ...WHAT_200_KB_TAKES.rows.map(matrixRow),
].join("\n");
const settingsTable = (rows) =>
  [
    "| build | `.wasm` gzip -9 | against the base |",
    "| --- | ---: | ---: |",
    ...rows.map((r) => `| ${r.build} | ${kb(r.gzip)} | ${signedKb(r.gzip - WHAT_200_KB_TAKES.baseGzip)} |`),
  ].join("\n");
const rows = [];
for (const [label, file] of [
  ["`jointwatch_bg.wasm`", join(pkg, "jointwatch_bg.wasm")],
  ["`jointwatch_part2_bg.wasm` (its second part, loaded on first use)", join(pkg, "jointwatch_part2_bg.wasm")],
  ["`web/jointwatch.js` (glue)", join(pkg, "web", "jointwatch.js")],
  ["`node/jointwatch.js` (glue)", join(pkg, "node", "jointwatch.js")],
  // The JavaScript the module imports (bindings/wasm/js/), in the web build.
  ...snippets(join(pkg, "web", "snippets")).map((f) => [`\`web/${relative(join(pkg, "web"), f).split("\\").join("/")}\` (imported by the module)`, f]),
  ["`formats/formats_bg.wasm` (second module: CSV, STIX, GeoJSON)", join(pkg, "formats", "formats_bg.wasm")],
  ["`formats/web/formats.js` (glue)", join(pkg, "formats", "web", "formats.js")],
  ["`formats/node/formats.js` (glue)", join(pkg, "formats", "node", "formats.js")],
]) {
  const bytes = readFileSync(file);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  rows.push({ label, raw: bytes.length, gzip, brotli });
}
const wasm = rows[0];
const part2Wasm = rows[1];
const formatsWasm = rows.find((r) => r.label.startsWith("`formats/formats_bg.wasm`"));
const table = [
  "| file | raw | gzip -9 | brotli -11 |",
  "| --- | ---: | ---: | ---: |",
  ...rows.map((r) => `| ${r.label} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`),
].join("\n");
const within = wasm.gzip <= GZIP_BUDGET;
const formatsWithin = formatsWasm.gzip <= FORMATS_GZIP_BUDGET;
const part2Within = part2Wasm.gzip <= PART2_GZIP_BUDGET;
/** The calls of the core part, by their JavaScript names, for docs/size.md. */
const coreCalls = split.core.map((e) => `\`${callName(e)}\``).join(", ");
writeFileSync(
  join(root, "docs", "size.md"),
  `# Size of the npm package

Written by \`scripts/build-npm\` on every build; do not edit by hand. A change
in these figures shows in review, so growth is visible.

${table}

Budget: the core \`.wasm\` (its core part, \`jointwatch_bg.wasm\`: all a page
loads before it can read, validate and hold a document) at most ${kb(GZIP_BUDGET)}
gzipped (1 KB = 1,000 bytes); now ${kb(wasm.gzip)}, ${within ? "within" : "OVER"} budget. Its second part,
\`jointwatch_part2_bg.wasm\` (every other call), at most ${kb(PART2_GZIP_BUDGET)}; now
${kb(part2Wasm.gzip)}, ${part2Within ? "within" : "OVER"} budget. The second module, \`jointwatch/formats\`
(CSV in and out, STIX 2.1 and GeoJSON out), at most ${kb(FORMATS_GZIP_BUDGET)}; now
${kb(formatsWasm.gzip)}, ${formatsWithin ? "within" : "OVER"} budget. Both are
built with the \`wasm-release\` profile (\`opt-level = "z"\`, LTO, \`panic = "abort"\`)
and shrunk with \`wasm-opt --flatten --rereloop -Oz --converge
--one-caller-inline-max-function-size 50\`, which also strips the custom sections
(names, producers, target features).

The last flag (\`-ocimfs 50\`) took the core from 344.7 to 303.8 KB gzipped and
the formats module from 428.7 to 390.4 KB (session 10, on the same code; the
core was 346.0 KB before that session's faster date and country-code reading
took 1.2 KB off).
Binaryen inlines every function that has one caller, whatever its size, unless
told otherwise; with the flag only small ones are inlined. The raw module is
about as large either way (846.5 against 847.7 KB): the big functions left
whole compress better than their copies inlined into their callers. The cost
in speed is within the noise: side by side in one Node process, at 1k records,
\`validate(text)\`, \`Dataset.parse\`, \`ds.validate()\` and \`ds.series\`
moved by −2 % to +5 %. Smaller limits shrink it further but slow it down:
\`-ocimfs 20\` gave 4 KB less than 50 and reading 8 to 12 % slower (\`bench/notes.md\`,
"Size and speed, session 10").

## Two modules

The export and import formats are a second module, loaded on first use
(\`import("jointwatch/formats")\`), so that a page that never draws a map
from GeoJSON, exports STIX or reads CSV never downloads them. Moving the
GeoJSON export out of the core (\`ds.toGeoJSON()\` became
\`toGeoJSON(ds)\` of \`jointwatch/formats\`) took the core from 348.7 KB to
334.7 KB gzipped. The CSV reader and writer and the STIX writer were never in
the core; the npm package gained them with the second module. The two
modules have separate memories, so a dataset crosses from one to the other
as JSON text, and the second module carries its own copy of the document
reader, validation (text and objects are validated before export, as the
command line does) and the assessment (for STIX): that is most of its size,
and the price of a second module that works on its own.

## The core module in two parts

Since session 11 the core module is split in two after wasm-opt, by
Binaryen's \`wasm-split\` (Debian's \`binaryen\`; \`bindings/wasm/npm/split.mjs\`):

- the core part, \`jointwatch_bg.wasm\` (${kb(wasm.gzip)} gzipped), holds every
  function that reading, validating and holding a document can reach:
  ${coreCalls}. What can be reached is worked out
  from the module itself (direct calls, \`ref.func\`, and for an indirect call
  every function of that type in the table), so a call of the core part never
  needs the second part (\`tests/js/split.test.mjs\` runs them on every fixture
  and checks). All of the module's data (messages, field names, the embedded
  seed and catalogue) stays in the core part;
- the second part, \`jointwatch_part2_bg.wasm\` (${kb(part2Wasm.gzip)}), holds the
  other ${split.part2.length} calls (series, trends, the assessment, the brief,
  geography, records and \`toJSON\`, the helpers). It imports the core part's
  memory and table and the functions it calls; until it is loaded, the table
  holds a placeholder in each of its functions' places.

A dataset held by the core part is the one the second part answers about:
unlike \`jointwatch/formats\`, the second part is not a second copy of the
reader. In Node it is read from disk on its first call. In the browser,
\`init()\` fetches both parts at once (${kb(wasm.gzip + part2Wasm.gzip)} in two files,
against ${kb(split.unsplit.gzip)} for the module before the split: each file
compresses on its own, and the second part names what it imports), and
\`init({ lazy: true })\` the core part alone, the second waiting for
\`loadAll()\`.

## Against the goal of 200 KB

The product's goal is a core module of at most 200 KB gzipped. The core part
is ${kb(wasm.gzip)}, ${wasm.gzip <= 200_000 ? "within it" : `over it by ${kb(wasm.gzip - 200_000)}`}: what a page loads before it
can read, validate and hold a document. Before the split, the one module was
${kb(split.unsplit.gzip)}; the tables below (\`What 200 KB would take\`) show
why no module that reads a document and also answers a series could be
200 KB: reading and validating alone is about 167 KB, and a held series with
its trends takes it to about 206 KB before the package's boundary. So the
core part is reading, validating and holding, and every other call is in the
second part.

Measured from the name section of the module before wasm-opt (function
bodies, 840 KB raw in all, session 10), serde's derived readers of the
format-2.0 model are about 187 KB raw (including the strict wrapper that
refuses arrays for objects, 62 KB) and its writers about 79 KB; validation is
48 KB, analysis 48 KB, the assessment 26 KB. The data section is 44 KB
gzipped: the messages, field and variant names and other strings, of which
the embedded seed and catalogue are about 7 KB.

## Before the split: what the speed work cost

The figures in this section and the next were measured on the one module,
before it was split in two; "the core" there is the whole core module.

The speed work of issue 17 added 3.2 KB gzipped to the core (334.7 → 337.9
KB): \`ds.series(query, { ids })\` 0.9 KB, grouping on integer keys 0.8 KB,
and \`Dataset.fromJSON(…, { limits })\` 1.5 KB, each measured by building
without it. Writing series results with serde-wasm-bindgen instead of JSON
text was measured and not adopted: +7.1 KB (345.0 KB, over the budget), for
39 % less time at 1k records and 12 % at 100k on counts-only series
(\`bench/notes.md\`).

The series' columnar copy (\`series::Columns\`, kept by the package's
\`Dataset\` from its first series until \`merge\`) and the result written
by hand as compact JSON added 7.1 KB (337.0 → 344.1 KB, measured with this
script on the same base), for \`ds.series(query, { ids: false })\` 3 to 4
times faster at 100k records and 2 times at 1k, and 20 window moves 6 to 8
times faster at 100k (\`bench/notes.md\`). The likely-duplicate check's
new ranking (names told apart by a map of their lowered forms, only shared
keys sorted) added 0.8 KB, for load + validate about a third faster on
realistic data. The budget went from 340 to 346 KB with the two: with
200 KB out of reach while the core keeps its calls (below), the speed was
judged worth the size.

Two later speed-ups took it over that budget by 0.1 KB, and the budget to
347 KB: the series' zero-fill merged in order with the counted groups and
each period's name and coverage worked out once (+0.7 KB; \`ds.series\` about
15 % faster at 1k records, outputs unchanged), and validation's exercise names
hashed while noted and area ids remembered once looked up (+0.1 KB; native
load + validate 6 to 16 % faster). Both are in \`bench/notes.md\` (session 8).

\`ds.series\` now writes each point of the common shape as a short array
(its key, the period as three numbers, the counts, basis and status as
positions) that a 1.0 KB script the module imports,
\`bindings/wasm/js/series.js\` (in the table above), turns into the same
objects: about a third less text to parse (21 KB against 66 KB for the
benchmark's 390 points) and the objects built in JavaScript. It took the core
from 346.1 to 346.0 KB (the hand-written object writer went), for
\`ds.series\` about a third faster at 1k records (\`bench/notes.md\`, session 9).
In the same session, validation's maps keyed by the document's ids got a
faster hasher and the records counted against statistics one pass for all,
both natively only (in the \`.wasm\`, the one pass alone was +1.0 KB); what
the shared code's changes left in the core measured +0.1 KB.

## What 200 KB would take

Measured again in session 10, on the code of this build, with this script's
wasm-opt flags (throwaway crates, not in the repository; stable Rust 1.95):

| build | \`.wasm\` gzip -9 | against 200 KB |
| --- | ---: | ---: |
${floorTable}

The floor is lower than the 190.9 KB of row (a) below, and why is not known
for sure: that build is gone, and this one calls the library directly, with
nothing of the package's boundary (errors as JavaScript objects, options,
limits). With the flag above, a module that reads, validates, holds a
dataset and answers \`ds.series\` with its trends is already over 200 KB
(${kb(FLOOR_AGAIN[2].gzip)}, still without the package's boundary). A 200 KB core would be
reading and validating and not much more, every other call (the series, the
assessment, the brief, cadence, geography, the writers) loaded on first use.
The split above does that, and without giving the rest a reader of its own
(as \`jointwatch/formats\` has): the second part shares the core part's.

Earlier, throwaway builds of the core module of \`${WHAT_200_KB_TAKES.base}\` (then
${kb(WHAT_200_KB_TAKES.baseGzip)}), each changed as its row says and put through the
same wasm-bindgen, wasm-opt flags (then without \`-ocimfs 50\`) and gzip -9 as this script (stable Rust
${WHAT_200_KB_TAKES.stable} unless the row says nightly: ${WHAT_200_KB_TAKES.nightly}).
The builds are not in the repository; the rows are those of
\`${WHAT_200_KB_TAKES.base}\` until they are measured again.

${whatItTakes}

- Reading and validating a document is the floor: a module with nothing else
  is ${kb(row200("a"))}, ${kb(Math.abs(200_000 - row200("a")))} ${row200("a") <= 200_000 ? "under" : "over"} the goal, and serde's derived readers
  (with the strict wrapper) are ${Math.round((100 * WHAT_200_KB_TAKES.floorCode.readers) / WHAT_200_KB_TAKES.floorCode.total)} % of its code before wasm-opt.
  Everything else the core does (queries, series, trends, shares, cadence,
  the assessment and brief, geography, the writers, the seed) is the other
  ${kb(WHAT_200_KB_TAKES.baseGzip - row200("a"))}.
- A second module for the assessment, the brief, the closest approaches and
  cadence (b) takes ${kb(WHAT_200_KB_TAKES.baseGzip - row200("b"))} off the core; the writers (c) only
  ${kb(WHAT_200_KB_TAKES.baseGzip - row200("c"))}: reports, series and the other results are still written
  with serde_json. Both together leave ${kb(row200("bc"))}.
- Nightly Rust (d) takes ${kb(WHAT_200_KB_TAKES.baseGzip - row200("d"))} off the whole core and
  ${kb(row200("a") - row200("ad"))} off the floor, but the published module would then need a
  nightly compiler to build.
- A hand-written reader saves at most what the derived one costs: for the
  exercise, one of the largest record types, ${kb(WHAT_200_KB_TAKES.baseGzip - row200("e"))}. Replacing the
  readers type by type would save that order each, far from the
  ${kb(WHAT_200_KB_TAKES.baseGzip - 200_000)} the goal needs.

Of the ${kb(WHAT_200_KB_TAKES.baseGzip - 200_000)} to go, nightly Rust covers ${Math.round((100 * (WHAT_200_KB_TAKES.baseGzip - row200("d"))) / (WHAT_200_KB_TAKES.baseGzip - 200_000))} %, and hand-written
readers a few KB per record type; only moving calls out of the core moves it
by tens of KB. A 200 KB core would be reading and validating with little else,
the other calls in modules loaded on first use (as the formats are), each
carrying its own reader and validation as \`jointwatch/formats\` does.

core::fmt's float formatting (flt2dec, dragon and grisu) cannot be removed
by writing the messages' numbers another way: serde's type errors format the
float they found with it, and every reader carries that path.

Build settings tried on \`${WHAT_200_KB_TAKES.base}\`, adopted:

${settingsTable(WHAT_200_KB_TAKES.adopted)}

and not adopted:

${settingsTable(WHAT_200_KB_TAKES.tried)}

The budget was 250 KB until the honest-analysis work (issue 13: declared coverage,
point status, conflicting figures, trends on the time axis, exclusive scenario
sets, dependent evidence, horizons and the checks of all of them) added about
28 KB gzipped (247.7 KB before it), and 280 KB until format 2.0 (issue 14).

Format 2.0 added 72.5 KB gzipped, measured with this script (the same
wasm-bindgen, wasm-opt flags and gzip -9) at each step:

| build | \`.wasm\` gzip -9 | growth |
| --- | ---: | ---: |
| \`main\` before format 2.0 (ea244db) | 275.6 KB | |
| the 2.0 model: incidents, activities, figures, links, numbering, times and legs, claims, periods, places | 305.7 KB | +30.1 KB |
| the package's 2.0 calls (\`record\`, \`resolveFigure\`) | 307.7 KB | +2.0 KB |
| 2.0 analysis (cadence per kind and authority, grouping keys, \`sameEvent\` counted once, the joint share) and \`jointShare\` | 316.6 KB | +8.9 KB |
| 2.0 validation (incidents and activities, figures, forces by state, links and \`partOf\` cycles, numbering, legs, times, likely duplicates, \`sameEvent\` groups) and the GeoJSON of incidents, activities and legs | 348.1 KB | +31.5 KB |

Almost all of the model's growth is the readers and writers of the new record
types: comparing the function sizes of the two modules (their name sections,
before wasm-opt), serde's derived readers (inlined into
\`dataset::strict::Wrap::visit_map\`) and writers grew by 52 KB of 95 KB raw, and
the model's own code (enum names, \`Figure\`, \`TimeOfDay\`, \`YearMonth\`, the
quantity span of a figure) by 25 KB. Every new record type costs its reader and
writer, so this is the price of the format, not of one call.
`,
);
console.log(`\nnpm package size (docs/size.md)\n${table}\n`);
if (!part2Within) {
  console.error(`build-npm: WARNING: jointwatch_part2_bg.wasm is ${kb(part2Wasm.gzip)} gzipped, over the ${kb(PART2_GZIP_BUDGET)} budget`);
}
if (!formatsWithin) {
  console.error(`build-npm: WARNING: formats_bg.wasm is ${kb(formatsWasm.gzip)} gzipped, over the ${kb(FORMATS_GZIP_BUDGET)} budget`);
}
if (!within) {
  // Reported loudly here and in docs/size.md; tests/js/size.test.mjs holds the check.
  console.error(`build-npm: WARNING: the .wasm is ${kb(wasm.gzip)} gzipped, over the ${kb(GZIP_BUDGET)} budget`);
}
