// `npm start` builds the admin UI when web/dist is missing or older than its sources, so a fresh clone needs
// only install + start, and a pulled change to web/ is never served stale.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const web = new URL("../web/", import.meta.url).pathname;
const builtAt = existsSync(path.join(web, "dist/index.html")) ? statSync(path.join(web, "dist/index.html")).mtimeMs : 0;
const newestSource = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(max, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }, 0);
// vite.config.ts too: it decides the chunks and writes the precompressed .br/.gz files the server sends.
const sourcesAt = Math.max(
  newestSource(path.join(web, "src")),
  ...["index.html", "vite.config.ts"].map((f) => statSync(path.join(web, f)).mtimeMs),
);

if (sourcesAt > builtAt) {
  console.log(builtAt ? "Rebuilding the admin UI (sources changed)…" : "Building the admin UI (first start only)…");
  const result = spawnSync("npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], {
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
