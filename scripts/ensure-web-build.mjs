// `npm start` builds the admin UI once if web/dist is missing, so a fresh clone needs only install + start.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

if (!existsSync(new URL("../web/dist/index.html", import.meta.url))) {
  console.log("Building the admin UI (first start only)…");
  const result = spawnSync("npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
