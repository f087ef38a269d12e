// Composition root: the only module that wires config, database, platforms, services, HTTP and jobs together.
import path from "node:path";
import type { Server } from "node:http";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createDb } from "./db/create-db.js";
import { migrateToLatest } from "./db/migrate.js";
import { createApp, type Mount } from "./http/app.js";
import { webUiRoutes } from "./http/web-ui.js";
import { startScheduler, type Scheduler } from "./jobs/scheduler.js";
import type { Job } from "./jobs/job.js";
import { createSyncFeature } from "./demo/sync-feature.js";
import { startDemoStore } from "./demo/demo-store.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface RunningApp {
  server: Server;
  config: Config;
  close(): Promise<void>;
}

export async function startApp(config: Config): Promise<RunningApp> {
  const { db, kind } = createDb(config.database);
  await migrateToLatest(db);

  const rawMounts: Mount[] = [];
  const mounts: Mount[] = [];
  const jobs: Job[] = [];
  const stops: Array<() => Promise<void>> = [];

  // Order sync (issue 3): Shopify adapter, POST /api/webhooks (raw body), GET /api/sync/status, reconcile job.
  const syncFeature = createSyncFeature({ db, config });
  rawMounts.push(...syncFeature.rawMounts);
  mounts.push(...syncFeature.mounts);
  jobs.push(...syncFeature.jobs);

  const app = createApp({
    db,
    dbKind: kind,
    rawMounts,
    mounts,
    staticMounts: [{ path: "/", handler: webUiRoutes(path.join(ROOT, "web/dist")) }],
  });
  const scheduler: Scheduler = startScheduler(jobs);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(config.port, () => resolve(s));
  });
  if (config.mode === "demo") {
    // Simulator + install + background backfill + orders played forward; see server/src/demo/demo-store.ts.
    const port = (server.address() as import("node:net").AddressInfo).port;
    const demo = await startDemoStore({
      db,
      stack: syncFeature.stack,
      sync: syncFeature.sync,
      credentials: syncFeature.credentials,
      appBaseUrl: `http://127.0.0.1:${port}`,
      playEverySeconds: config.demoPlayEverySeconds,
    });
    stops.push(() => demo.stop());
  }
  return {
    server,
    config,
    async close() {
      await scheduler.stop();
      for (const stop of stops.reverse()) await stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const running = await startApp(config);
  console.log(`Dangol (${config.mode} mode, ${config.database.kind}) listening on http://localhost:${config.port}`);
  const shutdown = () => void running.close().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
