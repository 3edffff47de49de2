// tsc --strict --noEmit over tests/ts/consumer.ts, a file that uses every
// export the way an app would: once as a bundled browser app (the web
// build's declarations) and once as a Node ESM app (the Node entry's).
import { test } from "node:test";
import { join } from "node:path";

import { root, run, tools } from "./support.mjs";

const tsc = join(tools, "typescript", "bin", "tsc");

for (const config of ["tsconfig.json", "tsconfig.node.json"]) {
  test(`tests/ts/consumer.ts type-checks (${config})`, () => {
    run(process.execPath, [tsc, "-p", join(root, "tests", "ts", config)]);
  });
}
