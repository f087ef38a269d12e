// The sync status's order counts come from indexes now (issue 13): the same totals, per shop. Between "every order
// in" and "every customer predicted" it says the first recompute is running, with how many customers are done.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "../../server/src/domain/orders/order.js";
import { upsertOrders } from "../../server/src/db/repositories/order.repository.js";
import { clearFirstRecomputePending, saveSyncState } from "../../server/src/db/repositories/sync-state.repository.js";
import { createPipeline } from "../../server/src/services/pipeline.service.js";
import { createRecomputeService } from "../../server/src/services/recompute.service.js";
import { createSyncStatusService } from "../../server/src/services/sync-status.service.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const at = new Date("2026-03-01T00:00:00Z");
const order = (id: string, customerId: string | null, extra: Partial<Order> = {}): Order => ({
  id,
  customerId,
  processedAt: at,
  updatedAt: at,
  cancelledAt: null,
  test: false,
  totalPrice: 10,
  refundedTotal: 0,
  currency: "EUR",
  discountCodes: [],
  lines: [{ productId: "p", variantId: null, title: "Tea", quantity: 1, price: 10 }],
  ...extra,
});

describe.each(DB_KINDS)("sync status: stored and excluded orders on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
    await upsertOrders(t.db, "a.myshopify.com", [
      order("1", "c1"),
      order("2", "c1", { cancelledAt: at }),
      order("3", null, { test: true }),
      order("4", null),
    ]);
    await upsertOrders(t.db, "b.myshopify.com", [order("1", "c1", { test: true })]);
  });
  afterAll(() => t?.destroy());

  it("counts each shop's orders and the excluded ones (cancelled, test)", async () => {
    const status = createSyncStatusService({ db: t.db });
    expect(await status.status("a.myshopify.com")).toMatchObject({ orders: 4, excludedOrders: 2 });
    expect(await status.status("b.myshopify.com")).toMatchObject({ orders: 1, excludedOrders: 1 });
    expect(await status.status("c.myshopify.com")).toMatchObject({ orders: 0, excludedOrders: 0 });
  });

  it("says the first recompute is running, and how far it got, until it completes", async () => {
    const shop = "a.myshopify.com";
    const status = createSyncStatusService({ db: t.db });
    await saveSyncState(t.db, shop, { phase: "bulk", orders_done: 2, orders_total: 4 }, at);
    expect((await status.status(shop)).predicting).toBeNull(); // still importing: the progress bar says so
    await saveSyncState(t.db, shop, { phase: "live", first_recompute_pending: 1 }, at);
    expect((await status.status(shop)).predicting).toEqual({ done: 0, total: 1, failed: null }); // c1: its other order is cancelled
    await createRecomputeService({ db: t.db, clock: () => at, log: () => {} }).recomputeCustomer(shop, "c1");
    expect(await status.status(shop)).toMatchObject({ state: "done", predicting: { done: 1, total: 1 } });
    await clearFirstRecomputePending(t.db, shop);
    expect((await status.status(shop)).predicting).toBeNull();
    expect((await status.status("b.myshopify.com")).predicting).toBeNull();
  });

  it("says why the first recompute failed, instead of computing forever, until a retry completes", async () => {
    const shop = "a.myshopify.com";
    const status = createSyncStatusService({ db: t.db });
    await saveSyncState(t.db, shop, { phase: "live", first_recompute_pending: 1 }, at);
    let fails = true;
    let open = () => {};
    let entered = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const pipeline = createPipeline({
      db: t.db,
      log: () => {},
      recompute: {
        recomputeShop: async () => {
          if (fails) throw new Error("out of memory");
          entered();
          await gate;
          return { customers: 1 };
        },
        recomputeCustomer: async () => null,
      },
    });
    await expect(pipeline.shopSynced(shop)).rejects.toThrow("out of memory");
    expect(await status.status(shop)).toMatchObject({ error: null, predicting: { failed: "out of memory" } });
    fails = false;
    const retry = pipeline.shopSynced(shop);
    await inside; // the retry is inside recomputeShop, held by the gate
    // While the retry runs it says "computing", not the last try's failure.
    expect((await status.status(shop)).predicting).toMatchObject({ failed: null });
    open();
    await retry;
    expect(await status.status(shop)).toMatchObject({ state: "done", error: null, predicting: null });
  });
});
