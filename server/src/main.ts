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
