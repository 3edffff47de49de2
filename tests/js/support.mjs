// Shared helpers of the JavaScript tests: paths, child processes, a static
// file server on the loopback address, and Debian's Chromium driven by
// playwright-core.
import { execFileSync, spawnSync } from "node:child_process";
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const tools = join(root, "tests", "js", "node_modules");
export const targetDir = process.env.CARGO_TARGET_DIR || join(root, "target");

/** Runs a command, failing with its output when it exits non-zero. */
export function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 << 20, ...options });
  if (r.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
};

/** Serves a directory on 127.0.0.1 (an ephemeral port) until `close()`. */
export async function serve(dir) {
  const base = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base + sep) && file !== base) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** The Chromium to drive: `command -v chromium` (Debian's package). */
export function chromiumPath() {
  try {
    return execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("chromium not found: run scripts/setup (apt-get install -y chromium)");
  }
}

/** Launches headless Chromium with the flags this machine needs. */
export async function launchChromium() {
  const { chromium } = await import(join(tools, "playwright-core", "index.mjs"));
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Builds a Vite project (production) with the Vite installed in `viteHome`. */
export function viteBuild(projectDir, outDir, viteHome = tools) {
  const vite = join(viteHome, "vite", "bin", "vite.js");
  return run(process.execPath, [vite, "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"], {
    cwd: projectDir,
  });
}
