import { spawnSync } from "node:child_process";
import path from "node:path";

// Once, before any worker starts: the browser tests serve web/dist, which must match web/src (the same check as
// `npm start`). Building here rather than per file keeps parallel workers from racing on one dist folder.
export default function buildAdminUi(): void {
  const root = path.join(import.meta.dirname, "..");
  const r = spawnSync(process.execPath, ["scripts/ensure-web-build.mjs"], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`Building the admin UI failed:\n${r.stdout}\n${r.stderr}`);
}
