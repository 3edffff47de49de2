// The README's JavaScript and TypeScript examples are the files in
// examples/node, verbatim; here they are type-checked, compiled and run.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { root, run, tools } from "./support.mjs";

const examples = join(root, "examples", "node");
const readmes = {
  "pkg/README.md": readFileSync(join(root, "pkg", "README.md"), "utf8"),
  "README.md": readFileSync(join(root, "README.md"), "utf8"),
};
const tsc = join(tools, "typescript", "bin", "tsc");

for (const file of ["quickstart.mjs", "quickstart.ts"]) {
  test(`the README shows examples/node/${file} verbatim`, () => {
    const code = readFileSync(join(examples, file), "utf8").trimEnd();
    const fence = file.endsWith(".ts") ? "```ts" : "```js";
    for (const [name, readme] of Object.entries(readmes)) {
      assert.ok(readme.includes(`${fence}\n${code}\n\`\`\``), `${name} is out of date with ${file}`);
    }
  });
}

test("the JavaScript example runs and prints what it says", () => {
  const out = run(process.execPath, ["quickstart.mjs"], { cwd: examples });
  assert.match(out, /^2014 4–10 observed$/m);
  // No coverage is declared for 2024: the count of the records held may be short.
  assert.match(out, /^2024 2 uncovered$/m);
  assert.match(out, /^Enhanced military integration: \w[\w ]* \((low|moderate|high) confidence\)$/m);
  assert.match(out, /^ValidationError end-before-start$/m);
  assert.match(out, /^error end-before-start exercises\[0\]\.dates$/m);
  assert.match(out, /^warning no-source exercises\[0\]\.sources$/m);
});

test("the README shows examples/node/formats.mjs verbatim, and it runs", () => {
  const code = readFileSync(join(examples, "formats.mjs"), "utf8").trimEnd();
  assert.ok(readmes["README.md"].includes("```js\n" + code + "\n```"), "README.md is out of date with formats.mjs");
  const out = run(process.execPath, ["formats.mjs"], { cwd: examples });
  assert.match(out, /^\d+ features, \d+ STIX objects, 6 records$/m);
  assert.match(out, /^invalid-country-code line 2: exercises\.csv: row 2, column "participants"/m);
});

test("the JavaScript example type-checks under --strict too (checkJs)", () => {
  run(process.execPath, [tsc, "-p", join(examples, "tsconfig.js.json")]);
});

test("the READMEs say how to free memory, and that wasm memory does not shrink", () => {
  for (const [name, readme] of Object.entries(readmes)) {
    for (const words of ["using ", "[Symbol.dispose]()", "free()", "does not shrink"]) {
      assert.ok(readme.includes(words), `${name} mentions ${words}`);
    }
  }
});

test("the TypeScript example type-checks under --strict, compiles and runs", () => {
  run(process.execPath, [tsc, "-p", join(examples, "tsconfig.json")]);
  const out = run(process.execPath, [join("dist", "quickstart.js")], { cwd: examples });
  assert.match(out, /^FY2023: 669 scrambles$/m);
  assert.match(out, /^unreadable at line 2, column 1$/m);
  assert.match(out, /malformed-json/);
  assert.match(out, /^a scratch dataset of 0 records$/m);
});
