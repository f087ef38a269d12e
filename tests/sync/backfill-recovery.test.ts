// Issue 9.4, service level: interrupted backfills resume by themselves (reconcile job path), a bulk operation lost
// or failed while the app was down is replaced by a new one, a failed run resumes from its cursor, and one shop's
// backfill never runs twice at once in a process. The child-process restart test is backfill-restart.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSyncWiring } from "../../server/src/main/sync-wiring.js";
import * as orders from "../../server/src/db/repositories/order.repository.js";
import * as syncState from "../../server/src/db/repositories/sync-state.repository.js";
import type { CommercePlatform } from "../../server/src/platforms/commerce-platform.js";
import { createOrderSyncService } from "../../server/src/services/order-sync.service.js";
import { syncWith } from "./sync-with.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { startHarness, type Harness } from "./harness.js";
import { registryOf } from "../helpers/platforms.js";
import { createdRanges } from "../../server/src/services/bulk-order-ranges.js";

const SEED = { until: new Date("2009-12-08T00:00:00Z"), maxCustomers: 25, includeGuests: false };
const SHOPS = {
  reconcile: "rec-a.myshopify.com",
  lost: "rec-b.myshopify.com",
  expired: "rec-c.myshopify.com",
  failed: "rec-d.myshopify.com",
  twice: "rec-e.myshopify.com",
};

async function waitForPhase(h: Harness, shop: string, phase: string, timeoutMs: number): Promise<syncState.SyncState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await syncState.findSyncState(h.t.db, shop);
    if (state?.phase === phase) return state;
    if (Date.now() > deadline) throw new Error(`${shop} still in phase ${state?.phase} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A backfill run that dies (like kill -9: nothing written after) at the first bulk status poll. */
async function killDuringBulk(h: Harness, shop: string): Promise<void> {
  const controller = new AbortController();
  const killable = syncWith(h, {
    getBulkExport: async () => {
      controller.abort(new Error("killed"));
      return controller.signal.throwIfAborted() as never;
    },
  });
  await expect(killable.backfill(shop, { signal: controller.signal })).rejects.toThrow();
  const state = await syncState.findSyncState(h.t.db, shop);
  expect(state?.phase).toBe("bulk");
  expect(state?.bulk_operation_id).toBeTruthy();
}

describe.each(DB_KINDS)("interrupted backfills recover by themselves on %s", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ kind, sim: { shops: Object.values(SHOPS).map((domain) => ({ domain, seed: SEED })) } });
    for (const shop of Object.values(SHOPS)) await h.install(shop);
  });
  afterAll(async () => h?.close());

  it("the reconcile job resumes a backfill killed in its bulk phase, once, then runs the first fit", async () => {
    const shop = SHOPS.reconcile;
    await killDuringBulk(h, shop);
    // The production wiring (what main.ts builds), over the same database: a restarted process.
    const backfilled: string[] = [];
    const feature = createSyncWiring({
      db: h.t.db,
      platforms: h.platforms,
      onBackfilled: async (s) => void backfilled.push(s),
    });
    const reconcile = feature.jobs.find((job) => job.name === "reconcile-orders")!;
    await Promise.all([reconcile.run(), reconcile.run()]); // a second run while it resumes starts nothing more
    const live = await waitForPhase(h, shop, "live", 15_000);
    await feature.recovery.idle();
    const total = h.sim.store(shop).orders.size;
    expect(live.method).toBe("bulk");
    expect((await orders.countOrders(h.t.db, shop)).total).toBe(total);
    expect(live.orders_done).toBe(total);
    expect(backfilled).toEqual([shop]);
    // Live now: the next run reconciles it instead of backfilling again.
    await reconcile.run();
    expect((await syncState.findSyncState(h.t.db, shop))?.last_reconciled_at).toBeTruthy();
    expect(backfilled).toEqual([shop]);
    await feature.recovery.stop();
  });

  it.each([
    ["lost (Shopify no longer knows it)", "lost" as const],
    ["expired or failed while the app was down", "expired" as const],
  ])("a stored bulk operation that is %s is replaced by a new bulk export, not by paging", async (_name, key) => {
    const shop = SHOPS[key];
    let storedId = "987654321";
    if (key === "expired") {
      h.sim.failBulkOperations(shop, "TIMEOUT");
      storedId = (await h.stack.platform.startBulkExport(shop, {})).id;
      for (
        let s = await h.stack.platform.getBulkExport(shop, storedId);
        s.state !== "failed";
        s = await h.stack.platform.getBulkExport(shop, storedId)
      ) {
        await new Promise((r) => setTimeout(r, 10));
      }
      h.sim.failBulkOperations(shop, null);
    }
    await syncState.saveSyncState(
      h.t.db,
      shop,
      { phase: "bulk", method: "bulk", bulk_operation_id: storedId, orders_done: 0 },
      new Date(),
    );
    const result = await h.sync.backfill(shop);
    expect(result.method).toBe("bulk");
    expect(result.orders).toBe(h.sim.store(shop).orders.size);
    const state = await syncState.findSyncState(h.t.db, shop);
    expect(state?.bulk_operation_id).not.toBe(storedId);
  });

  it("a failed backfill resumes from its stored cursor instead of starting over", async () => {
    const shop = SHOPS.failed;
    h.sim.failBulkOperations(shop, "TIMEOUT"); // paging, so there is a cursor
    let pages = 0;
    const failing = syncWith(
      h,
      {
        listOrders: async (s, o) => {
          if (++pages === 3) throw new Error("Shopify answered 503");
          return h.stack.platform.listOrders(s, o);
        },
      },
      { pageSize: 10 },
    );
    await expect(failing.backfill(shop)).rejects.toThrow("503");
    const failed = await syncState.findSyncState(h.t.db, shop);
    expect(failed).toMatchObject({ phase: "failed", method: "pages" });
    expect(failed?.cursor).toBeTruthy();
    const storedBefore = (await orders.countOrders(h.t.db, shop)).total;
    expect(storedBefore).toBeGreaterThan(0);
    expect(storedBefore).toBeLessThan(h.sim.store(shop).orders.size);

    let reread = 0;
    const resumer = syncWith(
      h,
      {
        listOrders: async (s, o) => {
          const p = await h.stack.platform.listOrders(s, o);
          reread += p.items.length;
          return p;
        },
      },
      { pageSize: 10 },
    );
    const total = h.sim.store(shop).orders.size;
    const result = await resumer.backfill(shop);
    expect(result).toMatchObject({ method: "pages", orders: total });
    expect(reread).toBe(total - storedBefore);
    h.sim.failBulkOperations(shop, null);
  });

  it("never runs the same shop's backfill twice at once in one process", async () => {
    const shop = SHOPS.twice;
    const starts: string[] = [];
    const platform: CommercePlatform = {
      ...h.stack.platform,
      startBulkExport: async (s, o) => {
        starts.push(s);
        return h.stack.platform.startBulkExport(s, o);
      },
    };
    const sync = createOrderSyncService({
      db: h.t.db,
      platforms: registryOf(h.t.db, platform),
      bulkPollMs: 10,
      log: () => undefined,
    });
    const first = sync.backfill(shop);
    expect(sync.isBackfilling(shop)).toBe(true);
    const [a, b] = await Promise.all([first, sync.backfill(shop)]);
    expect(a).toEqual(b);
    // One run: one export per created_at range, none for the joined call.
    expect(starts).toEqual(createdRanges(new Date()).map(() => shop));
    expect(sync.isBackfilling(shop)).toBe(false);
    expect((await orders.countOrders(h.t.db, shop)).total).toBe(h.sim.store(shop).orders.size);
  });
});
