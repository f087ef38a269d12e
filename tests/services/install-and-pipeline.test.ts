import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInstallService } from "../../server/src/services/install.service.js";
import { createPipeline } from "../../server/src/services/pipeline.service.js";
import { findShop } from "../../server/src/db/repositories/shop.repository.js";
import { saveSyncState } from "../../server/src/db/repositories/sync-state.repository.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

describe("install on first admin request", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  /**
   * A handle on the test database whose n-th query answers `ms` late, as on a loaded pool. The delay comes after the
   * connection is released (a plugin's transformResult would hold SQLite's one connection and stall every query).
   */
  function slowNthQuery(n: number, ms: number): TestDb["db"] {
    const db = t.db.withPlugin({ transformQuery: (args) => args.node, transformResult: async (args) => args.result });
    const executor = db.getExecutor();
    const execute: typeof executor.executeQuery = executor.executeQuery.bind(executor);
    let started = 0;
    executor.executeQuery = async (query) => {
      const late = ++started === n;
      const result = await execute(query);
      if (late) await new Promise((r) => setTimeout(r, ms));
      return result;
    };
    return db;
  }

  function harness(options: { failExchange?: boolean; db?: TestDb["db"] } = {}) {
    const calls: string[] = [];
    const sessions = new Set<string>();
    let synced!: () => void;
    const done = new Promise<void>((resolve) => (synced = resolve));
    const service = createInstallService({
      db: options.db ?? t.db,
      platform: "shopify",
      async exchangeToken(shop, token) {
        calls.push(`exchange ${shop} ${token}`);
        await new Promise((r) => setTimeout(r, 20));
        if (options.failExchange) throw new Error("Token exchange failed (400)");
        sessions.add(shop);
      },
      hasOfflineSession: async (shop) => sessions.has(shop),
      backfill: async (shop) => calls.push(`backfill ${shop}`),
      shopSynced: async (shop) => {
        calls.push(`synced ${shop}`);
        synced();
      },
      log: () => {},
    });
    return { service, calls, done };
  }

  it("exchanges the token once under concurrent first requests, records the shop, then backfills and refits", async () => {
    const h = harness();
    await Promise.all([1, 2, 3].map(() => h.service.ensureInstalled("new.myshopify.com", "jwt-1")));
    await h.done;
    expect(h.calls).toEqual([
      "exchange new.myshopify.com jwt-1",
      "backfill new.myshopify.com",
      "synced new.myshopify.com",
    ]);
    expect((await findShop(t.db, "new.myshopify.com"))?.uninstalled_at).toBeNull();
    await h.service.ensureInstalled("new.myshopify.com", "jwt-2");
    expect(h.calls.filter((c) => c.startsWith("exchange"))).toHaveLength(1);
  });

  it("exchanges once when a concurrent request's shop lookup answers after the first install has finished", async () => {
    // CI on PostgreSQL: the third request read "no shop" before the install, got that answer after it, found no
    // install in flight, and exchanged and backfilled a second time.
    const h = harness({ db: slowNthQuery(3, 300) });
    await Promise.all([1, 2, 3].map(() => h.service.ensureInstalled("slow.myshopify.com", "jwt-1")));
    await h.done;
    expect(h.calls).toEqual([
      "exchange slow.myshopify.com jwt-1",
      "backfill slow.myshopify.com",
      "synced slow.myshopify.com",
    ]);
  });

  it("a failed exchange fails the request and records nothing", async () => {
    const h = harness({ failExchange: true });
    await expect(h.service.ensureInstalled("bad.myshopify.com", "jwt")).rejects.toThrow("Token exchange failed");
    expect(await findShop(t.db, "bad.myshopify.com")).toBeUndefined();
    expect(h.calls).toEqual(["exchange bad.myshopify.com jwt"]);
  });
});

describe("pipeline", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  it("re-predicts a customer on an order change only once the shop's backfill is done", async () => {
    const seen: string[] = [];
    const pipeline = createPipeline({
      db: t.db,
      recompute: {
        recomputeShop: async () => ({ customers: 0 }),
        recomputeCustomer: async (shop, id) => {
          seen.push(`${shop}/${id}`);
          return null;
        },
      },
      log: () => {},
    });
    await saveSyncState(t.db, "s.myshopify.com", { phase: "bulk" }, new Date());
    await pipeline.orderChanged("s.myshopify.com", "c1");
    expect(seen).toEqual([]);
    await saveSyncState(t.db, "s.myshopify.com", { phase: "live" }, new Date());
    await pipeline.orderChanged("s.myshopify.com", "c1");
    expect(seen).toEqual(["s.myshopify.com/c1"]);
  });
});
