// The admin UI (built web/dist) + admin API on 127.0.0.1:0 over a real seeded test DB, for Chromium tests.
import { existsSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import type { RequestHandler } from "express";
import type { Db, DbKind } from "../../server/src/db/database.js";
import { createApp, type Mount } from "../../server/src/http/app.js";
import { adminRoutes } from "../../server/src/http/routes/admin/index.js";
import { webUiRoutes } from "../../server/src/http/web-ui.js";
import { listen } from "../http/admin/fixtures.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIST = path.join(ROOT, "web/dist");

export { CHROMIUM, CHROMIUM_ARGS } from "./chromium.js";

/** Builds the admin UI once if web/dist is missing (a fresh checkout). */
export function ensureWebBuild(): void {
  if (existsSync(path.join(DIST, "index.html"))) return;
  const r = spawnSync("npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr}`);
}

export async function serveAdmin(deps: {
  db: Db;
  dbKind: DbKind;
  auth: RequestHandler;
  now?: () => Date;
  extraMounts?: Mount[];
}) {
  const app = createApp({
    db: deps.db,
    dbKind: deps.dbKind,
    mounts: [
      { path: "/api", handler: adminRoutes({ db: deps.db, auth: deps.auth, now: deps.now }) },
      ...(deps.extraMounts ?? []),
    ],
    staticMounts: [{ path: "/", handler: webUiRoutes(DIST) }],
  });
  return listen(app);
}
