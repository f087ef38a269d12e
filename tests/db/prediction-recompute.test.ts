import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "../../server/src/domain/orders/order.js";
import { upsertOrders } from "../../server/src/db/repositories/order.repository.js";
import { findPrediction, listPredictions } from "../../server/src/db/repositories/prediction.repository.js";
import type { PublishPage } from "../../server/src/db/repositories/publish-page.repository.js";
import { loadStoreModel } from "../../server/src/db/repositories/model-fit.repository.js";
import { createRecomputeService } from "../../server/src/services/recompute.service.js";
import { createRecomputeJob } from "../../server/src/jobs/recompute.job.js";
import { ValidationError } from "../../server/src/domain/shared/errors.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const SHOP = "timing.myshopify.com";
const OTHER = "other.myshopify.com";
const NOW = new Date("2026-06-01T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

function anOrder(id: string, customerId: string, ago: number, overrides: Partial<Order> = {}): Order {
  return {
    id,
    customerId,
    processedAt: daysAgo(ago),
    updatedAt: daysAgo(ago),
    cancelledAt: null,
    test: false,
    totalPrice: 24,
    refundedTotal: 0,
    currency: "KRW",
    discountCodes: [],
    lines: [
      {
        productId: customerId.startsWith("s") ? "shampoo" : "coffee",
        variantId: null,
        title: "Beans",
        quantity: 1,
        price: 24,
      },
    ],
    ...overrides,
  };
}

/** 30 coffee customers every ~21 days and 30 shampoo customers every ~60 days. */
function storeOrders(): Order[] {
  const out: Order[] = [];
  for (let c = 0; c < 30; c++)
    for (let k = 0; k < 3 + (c % 4); k++) {
      out.push(anOrder(`c${c}-${k}`, `c${c}`, (c % 10) + k * (21 + (k % 3) - 1)));
      if (k < 2 + (c % 3)) out.push(anOrder(`s${c}-${k}`, `s${c}`, (c % 30) + k * (60 + (k % 5) - 2)));
    }
  return out;
}

describe.each(DB_KINDS)("timing recompute and prediction repository on %s", (kind) => {
  let t: TestDb;
  const queued: PublishPage[] = [];
  const log: string[] = [];
  let service: ReturnType<typeof createRecomputeService>;

  beforeAll(async () => {
    t = await createTestDb(kind);
    await upsertOrders(t.db, SHOP, storeOrders());
    await upsertOrders(t.db, OTHER, [anOrder("o1", "c0", 3)]);
    service = createRecomputeService({
      db: t.db,
      clock: () => NOW,
      log: (m) => log.push(m),
      publishPages: { enqueue: async (page) => queued.push(page) },
    });
  });
  afterAll(() => t.db.destroy());

  it("full recompute stores one prediction per customer, the model and product cycles", async () => {
    const r = await service.recomputeShop(SHOP);
    expect(r.customers).toBe(60);
    const all = await listPredictions(t.db, SHOP);
    expect(all).toHaveLength(60);
    // One page of 60 (the default page is 1,000): its publish is queued as a range, not a list of ids.
    expect(queued.map((p) => [p.shop, p.afterId])).toEqual([[SHOP, null]]);
    const model = await loadStoreModel(t.db, SHOP);
    expect(model!.customers).toBe(60);
    expect(model!.productCycles.get("coffee")!.cycleDays!).toBeGreaterThan(15);
    expect(await listPredictions(t.db, OTHER)).toHaveLength(0);
  });

  it("round-trips a prediction exactly", async () => {
    const p = (await findPrediction(t.db, SHOP, "c3"))!;
    expect(p.customerId).toBe("c3");
    expect(p.dueWindow!.early.getTime()).toBeLessThan(p.dueWindow!.late.getTime());
    expect(p.reason.ko).toMatch(/일/);
    expect(p.computedAt.toISOString()).toBe(NOW.toISOString());
    expect(p.pActive).toBeGreaterThan(0);
    expect(p.pOrder90d).toBeGreaterThan(0);
    expect(p.pOrder90d).toBeLessThan(1);
  });

  it("incremental recompute updates one customer from the stored model", async () => {
    const before = (await findPrediction(t.db, SHOP, "c1"))!;
    await upsertOrders(t.db, SHOP, [anOrder("c1-new", "c1", 0)]);
    const started = performance.now();
    const p = (await service.recomputeCustomer(SHOP, "c1"))!;
    expect(performance.now() - started).toBeLessThan(500);
    expect(p.orderCount).toBe(before.orderCount + 1);
    expect((await findPrediction(t.db, SHOP, "c1"))!.orderCount).toBe(p.orderCount);
    expect(p.lastOrderAt.getTime()).toBeGreaterThan(before.lastOrderAt.getTime());
  });

  it("a brand-new one-order customer gets a window from product norms", async () => {
    await upsertOrders(t.db, SHOP, [anOrder("n1", "new-coffee", 2)]);
    const p = (await service.recomputeCustomer(SHOP, "new-coffee"))!;
    expect(p.orderCount).toBe(1);
    expect(p.cycleDays!).toBeLessThan(40);
    expect(p.segment.lifecycle).toBe("first");
  });

  it("leaves an order placed after the run began to the next run instead of failing the whole shop", async () => {
    // A webhook's order stored while a refit reads the shop is newer than the refit's clock: it used to fail the
    // refit as "dated in the future", leaving the shop without new predictions.
    const before = (await findPrediction(t.db, SHOP, "c3"))!;
    await upsertOrders(t.db, SHOP, [anOrder("mid-run", "c3", -0.01), anOrder("newcomer-1", "late-newcomer", -0.01)]);
    await service.recomputeShop(SHOP);
    expect((await findPrediction(t.db, SHOP, "c3"))!.orderCount).toBe(before.orderCount);
    expect(await findPrediction(t.db, SHOP, "late-newcomer")).toBeUndefined();
  });

  it("bad input fails the whole recompute and leaves the stored results untouched", async () => {
    const before = await listPredictions(t.db, SHOP);
    const line = { productId: "coffee", variantId: null, title: "Beans", quantity: -2, price: 24 };
    await upsertOrders(t.db, SHOP, [anOrder("negative", "c2", 3, { lines: [line] })]);
    await expect(service.recomputeShop(SHOP)).rejects.toThrow(ValidationError);
    await expect(service.recomputeShop(SHOP)).rejects.toThrow(/Invalid quantity/);
    expect(await listPredictions(t.db, SHOP)).toEqual(before);
  });

  it("the nightly job recomputes every shop and survives one failing", async () => {
    const jobLog: string[] = [];
    const job = createRecomputeJob({
      recompute: service,
      listShops: async () => [SHOP, OTHER],
      log: (m) => jobLog.push(m),
    });
    expect(job.schedule).toBe("30 3 * * *");
    expect(await job.run()).toEqual({ shops: 2, ok: 1 });
    expect(jobLog.join()).toMatch(new RegExp(`${SHOP.replace(/\./g, "\\.")} failed: .*Invalid quantity`));
    expect(await listPredictions(t.db, OTHER)).toHaveLength(1);
  });
});
