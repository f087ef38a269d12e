// Issue 9.4: the real app in Shopify mode, as a child process pointed at the store simulator, is killed with
// SIGKILL while its install's bulk backfill runs, then started again. With no admin request after the restart it
// must reach "live" by itself within a minute, with every one of the simulator's orders and no duplicate.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "../../server/src/db/create-db.js";
import { findSyncState } from "../../server/src/db/repositories/sync-state.repository.js";
import { startSimulator, type SimulatorHandle } from "../../server/src/simulator/index.js";
import { type AppProcess, killHard, startAppProcess, waitFor } from "../helpers/app-processes.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { PG_URL } from "../helpers/test-db.js";

const APP_PROCESS = "tests/sync/fixtures/shopify-app-process.ts";
const APP = { apiKey: "restart-api-key", apiSecret: "restart-secret-0123456789" };
const SHOP = "restart.myshopify.com";
const SEED = { until: new Date("2010-03-01T00:00:00Z"), maxCustomers: 120, includeGuests: false };
const RESUME_DEADLINE_MS = 60_000;

/** A database the child processes open through DATABASE_URL, and the test reads alongside them. */
async function createAppDatabase(
  kind: "sqlite" | "postgres",
): Promise<{ url: string; handle: DbHandle; drop(): Promise<void> }> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "dangol-restart-"));
    const filename = path.join(dir, "dangol.sqlite");
    const handle = createDb({ kind: "sqlite", filename });
    return {
      url: `sqlite:${filename}`,
      handle,
      drop: async () => {
        await handle.db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  // Its own database (not a schema): the app migrates as it would in production, into public.
  const name = `dangol_restart_${randomBytes(5).toString("hex")}`;
  const admin = createDb({ kind: "postgres", url: PG_URL! });
  await sql.raw(`create database ${name}`).execute(admin.db);
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  const handle = createDb({ kind: "postgres", url: url.href });
  return {
    url: url.href,
    handle,
    async drop() {
      await handle.db.destroy();
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
      await admin.db.destroy();
    },
  };
}

describe.each(DB_KINDS)("a Shopify-mode backfill killed during its bulk phase, on %s", (kind) => {
  let sim: SimulatorHandle;
  let database: Awaited<ReturnType<typeof createAppDatabase>>;
  const apps: AppProcess[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    // The bulk export takes a few seconds, so the kill lands while its operation is still running on "Shopify".
    sim = await startSimulator({
      app: APP,
      bulkDelayMs: 3000,
      throttle: { maximumAvailable: 2000, restoreRate: 1000 },
      shops: [{ domain: SHOP, seed: SEED }],
    });
    database = await createAppDatabase(kind);
    env = {
      SHOPIFY_API_KEY: APP.apiKey,
      SHOPIFY_API_SECRET: APP.apiSecret,
      SHOPIFY_APP_URL: "https://dangol.example.com",
      DATABASE_URL: database.url,
      TEST_SHOP: SHOP,
      TEST_SIMULATOR_URL: sim.url,
    };
  });

  afterAll(async () => {
    for (const app of apps) await killHard(app);
    await database?.drop();
    await sim?.close();
  });

  it("resumes by itself after a restart and reaches live with every order, once", async () => {
    const db = database.handle.db;
    const first = await startAppProcess(APP_PROCESS, env);
    apps.push(first);
    // The shop's first admin request installs it (token exchange) and starts the backfill in the background.
    const res = await fetch(`http://127.0.0.1:${first.port}/api/sync/status`, {
      headers: { authorization: `Bearer ${sim.mintSessionToken(SHOP)}` },
    });
    expect(res.status).toBe(200);
    const killedAt = await waitFor(
      "the bulk operation to be stored",
      async () => {
        const state = await findSyncState(db, SHOP);
        return state?.phase === "bulk" && state.bulk_operation_id ? state : undefined;
      },
      30_000,
      20,
    );
    await killHard(first);
    const afterKill = await findSyncState(db, SHOP);
    expect(afterKill?.phase).toBe("bulk");
    expect(afterKill?.bulk_operation_id).toBe(killedAt.bulk_operation_id);

    const restartedAt = Date.now();
    const second = await startAppProcess(APP_PROCESS, env);
    apps.push(second);
    const listeningMs = Date.now() - restartedAt;
    // No request reaches the restarted app: it has to pick the backfill up on its own.
    const live = await waitFor(
      "phase live after the restart",
      async () => {
        const state = await findSyncState(db, SHOP);
        return state?.phase === "live" ? state : undefined;
      },
      RESUME_DEADLINE_MS,
      100,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\nrestarted app said:\n${second.output.join("")}`);
    });
    const resumedMs = Date.now() - restartedAt;
    const store = sim.store(SHOP);
    console.log(
      `[backfill-restart ${kind}] ${store.orders.size} orders: restart → listening ${listeningMs} ms, → live ${resumedMs} ms`,
    );

    const rows = await db
      .selectFrom("orders")
      .select((eb) => [eb.fn.countAll<number>().as("rows"), eb.fn.count<number>("order_id").distinct().as("ids")])
      .where("shop_domain", "=", SHOP)
      .executeTakeFirstOrThrow();
    expect(Number(rows.rows)).toBe(store.orders.size);
    expect(Number(rows.ids)).toBe(store.orders.size);
    const lines = await db
      .selectFrom("order_lines")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("shop_domain", "=", SHOP)
      .executeTakeFirstOrThrow();
    expect(Number(lines.n)).toBe([...store.orders.values()].reduce((n, o) => n + o.lines.length, 0));
    expect(live.method).toBe("bulk"); // the stored operation was picked up, not abandoned for paging
    expect(live.orders_done).toBe(store.orders.size);

    // As after a first install: the fit and publish follow the finished backfill.
    const predicted = await waitFor(
      "predictions after the resumed backfill",
      async () => {
        const n = await db
          .selectFrom("customer_predictions")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("shop_domain", "=", SHOP)
          .executeTakeFirstOrThrow();
        return Number(n.n) > 0 ? Number(n.n) : undefined;
      },
      30_000,
      200,
    );
    expect(predicted).toBeGreaterThan(0);
  }, 150_000);
});
