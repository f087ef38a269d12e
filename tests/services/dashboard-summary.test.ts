// The dashboard's stored figures (issue 11): built page by page, they must equal the figures the single whole-shop
// queries computed from the rows, and be rebuilt when an order or a recompute changes what they were built from.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "../../server/src/domain/orders/order.js";
import { findSummary } from "../../server/src/db/repositories/dashboard-summary.repository.js";
import { upsertOrders } from "../../server/src/db/repositories/order.repository.js";
import { COHORT_MONTHS, computeDashboardFigures } from "../../server/src/services/dashboard-figures.js";
import { createDashboardService } from "../../server/src/services/dashboard.service.js";
import { createPrivacyService } from "../../server/src/services/privacy.service.js";
import { createRecomputeService } from "../../server/src/services/recompute.service.js";
import { timingEraser } from "../../server/src/services/timing-eraser.js";
import { dashboardFiguresFromRows } from "../helpers/dashboard-oracle.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const NOW = new Date("2026-11-22T12:00:00Z");
const DAY = 86_400_000;
const SHOP = "figures.myshopify.com";
const OTHER = "other.myshopify.com";

function order(id: string, customerId: string | null, daysAgo: number, extra: Partial<Order> = {}): Order {
  const at = new Date(NOW.getTime() - daysAgo * DAY);
  return {
    id,
    customerId,
    processedAt: at,
    updatedAt: at,
    cancelledAt: null,
    test: false,
    totalPrice: 20 + (daysAgo % 17),
    refundedTotal: 0,
    currency: "EUR",
    discountCodes: [],
    lines: [{ productId: `p${daysAgo % 3}`, variantId: null, title: "Tea", quantity: 1, price: 20 }],
    ...extra,
  };
}

/** 40 customers with 1-8 orders over two years (some cancelled or test), guest orders, the latest one in KRW. */
function shopOrders(): Order[] {
  const orders: Order[] = [];
  let seed = 7;
  const next = () => {
    seed = (seed * 48_271) % 2_147_483_647; // Park-Miller: the same shop on every run
    return seed / 2_147_483_647;
  };
  for (let c = 0; c < 40; c++) {
    const count = 1 + Math.floor(next() * 8);
    for (let i = 0; i < count; i++) {
      const daysAgo = Math.floor(next() * 700);
      const r = next();
      const flags =
        r < 0.08 ? { cancelledAt: new Date(NOW.getTime() - daysAgo * DAY) } : r < 0.12 ? { test: true } : {};
      orders.push(order(`o${c}-${i}`, `c${String(c).padStart(2, "0")}`, daysAgo, flags));
    }
  }
  orders.push(order("g1", null, 30), order("g2", null, 0.5, { currency: "KRW" }));
  return orders;
}

/** Cells in one defined order: by key, then by the rest (one key can have cells of several states). */
const byKey = <T extends { key: string }>(cells: T[]) => {
  const sortKey = (c: T) => JSON.stringify(Object.entries(c).sort(([a], [b]) => (a < b ? -1 : 1)));
  return [...cells].sort((a, b) => (a.key !== b.key ? (a.key < b.key ? -1 : 1) : sortKey(a) < sortKey(b) ? -1 : 1));
};

/** The figures counted from all the shop's rows at once (tests/helpers/dashboard-oracle.ts). */
const figuresFromRows = (db: TestDb["db"], shop: string, now: Date) =>
  dashboardFiguresFromRows(db, shop, now, COHORT_MONTHS);

describe.each(DB_KINDS)("dashboard figures on %s", (kind) => {
  let t: TestDb;
  let clock = NOW;
  const recompute = () => createRecomputeService({ db: t.db, clock: () => clock, log: () => {} });
  const dashboard = () => createDashboardService({ db: t.db, now: () => clock, log: () => {} });

  beforeAll(async () => {
    t = await createTestDb(kind);
    await upsertOrders(t.db, SHOP, shopOrders());
    await upsertOrders(t.db, OTHER, [order("x1", "c01", 3), order("x2", "c01", 40)]);
    await recompute().recomputeShop(SHOP);
    await recompute().recomputeShop(OTHER);
  });
  afterAll(() => t?.destroy());

  it.each([1, 6, 10_000])("built in pages of %i orders, equal the figures computed from all the rows", async (size) => {
    const expected = await figuresFromRows(t.db, SHOP, NOW);
    expect(expected.orders.customers).toBeGreaterThan(30);
    expect(expected.cohorts.length).toBeGreaterThan(3);
    expect(expected.currency).toBe("KRW"); // a guest's order, in no customer's page
    const { predictions, ...figures } = await computeDashboardFigures(t.db, SHOP, NOW, size);
    const { predictions: expectedPredictions, ...rest } = expected;
    expect({ ...figures, segments: byKey(figures.segments) }).toEqual({ ...rest, segments: byKey(rest.segments) });
    expect(predictions.customers).toBe(expectedPredictions.customers);
    expect(predictions.likelyLost).toBe(expectedPredictions.likelyLost);
    expect(predictions.totalClv).toBeCloseTo(expectedPredictions.totalClv, 6);
  });

  it("are rebuilt after an order and after the customer's recompute", async () => {
    clock = NOW;
    const before = await dashboard().get(SHOP);
    expect(await findSummary(t.db, SHOP)).toBeDefined();
    await upsertOrders(t.db, SHOP, [order("new-1", "c99", 0)]);
    const afterOrder = await dashboard().get(SHOP);
    expect(afterOrder.kpis.customers).toBe(before.kpis.customers + 1);
    expect(afterOrder.cohorts.at(-1)).toMatchObject({ cohort: NOW.toISOString().slice(0, 7) });
    clock = new Date(NOW.getTime() + 60_000); // the order's recompute, a minute later
    await recompute().recomputeCustomer(SHOP, "c99");
    const afterRecompute = await dashboard().get(SHOP);
    const count = (d: typeof before) => d.segments.reduce((n, s) => n + s.count, 0);
    expect(count(afterRecompute)).toBe(count(before) + 1);
    expect(afterRecompute.computedAt).toBe(clock.toISOString());
    const rows = await figuresFromRows(t.db, SHOP, clock);
    expect(afterRecompute.kpis.customers).toBe(rows.orders.customers);
    expect(afterRecompute.cohorts).toEqual(rows.cohorts);
  });

  it("a large shop's view shows the stored figures at once and rebuilds them after it; a recompute's snapshot rebuilds them", async () => {
    clock = new Date(NOW.getTime() + 120_000);
    const service = dashboard();
    const before = await service.get(SHOP);
    // As if the last rebuild had taken 5 s: the request no longer waits for one.
    await t.db.updateTable("dashboard_summaries").set({ refresh_ms: 5_000 }).where("shop_domain", "=", SHOP).execute();
    await upsertOrders(t.db, SHOP, [order("new-2", "c98", 0, { updatedAt: clock })]);
    expect((await service.get(SHOP)).kpis.customers).toBe(before.kpis.customers);
    await expect.poll(async () => (await service.get(SHOP)).kpis.customers).toBe(before.kpis.customers + 1);

    await upsertOrders(t.db, SHOP, [order("new-3", "c97", 0, { updatedAt: new Date(clock.getTime() + 1) })]);
    await t.db.updateTable("dashboard_summaries").set({ refresh_ms: 5_000 }).where("shop_domain", "=", SHOP).execute();
    await dashboard().recordSnapshot(SHOP); // what the pipeline runs after a shop's recompute
    expect((await service.get(SHOP)).kpis.customers).toBe(before.kpis.customers + 2);
  });
});

describe.each(DB_KINDS)("erasure removes the stored dashboard figures on %s", (kind) => {
  let t: TestDb;
  const stored = async (shop: string) => Boolean(await findSummary(t.db, shop));
  beforeAll(async () => {
    t = await createTestDb(kind);
    for (const shop of [SHOP, OTHER]) {
      await upsertOrders(t.db, shop, [order(`${shop}-1`, "c1", 3), order(`${shop}-2`, "c2", 40)]);
      await createDashboardService({ db: t.db, now: () => NOW }).get(shop);
    }
  });
  afterAll(() => t?.destroy());

  it("customers/redact drops the shop's figures (they counted the customer), shop/redact only that shop's", async () => {
    const privacy = createPrivacyService({ db: t.db, erasers: [timingEraser] });
    expect([await stored(SHOP), await stored(OTHER)]).toEqual([true, true]);
    await privacy.eraseCustomer(SHOP, { webhookId: "w1", topic: "customers/redact", customerId: "c1", orderIds: [] });
    expect([await stored(SHOP), await stored(OTHER)]).toEqual([false, true]);
    await createDashboardService({ db: t.db, now: () => NOW }).get(SHOP);
    await privacy.eraseShop(OTHER);
    expect([await stored(SHOP), await stored(OTHER)]).toEqual([true, false]);
  });
});
