import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "../../server/src/domain/orders/order.js";
import { upsertCustomers } from "../../server/src/db/repositories/customer.repository.js";
import { upsertOrders } from "../../server/src/db/repositories/order.repository.js";
import { createCampaignService } from "../../server/src/services/campaign.service.js";
import { createDecisionPublisher, predictionsFromDb } from "../../server/src/services/decision-publisher.service.js";
import { createRecomputeService } from "../../server/src/services/recompute.service.js";
import { createCustomerInsightsService } from "../../server/src/services/customer-insights.service.js";
import { createSettingsService } from "../../server/src/services/settings.service.js";
import { listProductCycles } from "../../server/src/db/repositories/product-cycle.repository.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { createFakePlatform } from "../helpers/fake-platform.js";
import { installedOn } from "../helpers/platforms.js";

const SHOP = "postage.myshopify.com";
const NOW = new Date("2026-06-01T12:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

/** As in the Online Retail seed: POSTAGE (listed first) rides on every order of these overseas buyers. */
function anOrder(customerId: string, k: number, ago: number): Order {
  return {
    id: `${customerId}-${k}`,
    customerId,
    processedAt: daysAgo(ago),
    updatedAt: daysAgo(ago),
    cancelledAt: null,
    test: false,
    totalPrice: 58,
    refundedTotal: 0,
    currency: "GBP",
    discountCodes: [],
    lines: [
      { productId: "POST", variantId: "post-v", title: "POSTAGE", quantity: 1, price: 18 },
      { productId: "tea", variantId: "tea-v", title: "Tea", quantity: 2, price: 20 },
    ],
  };
}

describe.each(DB_KINDS)("replenishment and non-product lines on %s", (kind) => {
  let t: TestDb;
  const customers = Array.from({ length: 40 }, (_, c) => `c${c}`);

  beforeAll(async () => {
    t = await createTestDb(kind);
    await upsertCustomers(
      t.db,
      SHOP,
      customers.map((id) => ({
        id,
        email: null,
        firstName: null,
        lastName: null,
        locale: null,
        createdAt: daysAgo(300),
        updatedAt: daysAgo(1),
      })),
    );
    // Every ~15 days, the last order 14-16 days ago: both lines would be due today on a cycle of 15 days.
    const orders = customers.flatMap((id, c) =>
      Array.from({ length: 5 }, (_, k) => anOrder(id, k, 14 + (c % 3) + (4 - k) * (15 + (k % 2)))),
    );
    await upsertOrders(t.db, SHOP, orders);
    await createRecomputeService({ db: t.db, clock: () => NOW, log: () => {} }).recomputeShop(SHOP);
  }, 60_000);
  afterAll(async () => {
    await t.destroy();
  });

  it("sends restock banners for the tea and never for POSTAGE", async () => {
    await createCampaignService({ db: t.db, now: () => NOW }).update(SHOP, "replenishment", {
      enabled: true,
      holdoutShare: 0,
    });
    const fake = createFakePlatform();
    fake.install(SHOP, { customers });
    const publisher = createDecisionPublisher({
      db: t.db,
      platforms: await installedOn(t.db, fake.platform, [SHOP]),
      loadPredictions: predictionsFromDb(t.db),
      now: () => NOW,
      log: () => {},
    });
    await publisher.publishShop(SHOP);
    const banners = fake.metafieldCalls
      .flat()
      .map((w) => JSON.parse(w.value).banner)
      .filter((b) => b?.campaign === "replenishment");
    expect(banners.length).toBeGreaterThan(0);
    for (const b of banners) expect(JSON.stringify(b)).not.toMatch(/POSTAGE|post-v/);
    expect(banners.some((b) => JSON.stringify(b).includes("Tea"))).toBe(true);
  });

  it("shows on the customer page that POSTAGE has no cycle and why, and flags an overdue product", async () => {
    const insights = createCustomerInsightsService({ db: t.db, now: () => new Date(NOW.getTime() + 40 * 86_400_000) });
    const detail = await insights.get(SHOP, "c0");
    expect(detail.customer.productsWithoutCycle).toEqual([
      { productId: "POST", title: "POSTAGE", reason: "not_a_product" },
    ]);
    expect(detail.customer.dueProducts.map((d) => [d.productId, d.overdue])).toEqual([["tea", true]]);
    const today = await createCustomerInsightsService({ db: t.db, now: () => daysAgo(20) }).get(SHOP, "c0");
    expect(today.customer.dueProducts[0].overdue).toBe(false);
  });

  it("follows the merchant's override from the settings at the next fit", async () => {
    await createSettingsService({ db: t.db }).update(SHOP, {
      productOverrides: { nonProduct: [], product: ["postage"] },
    });
    await createRecomputeService({ db: t.db, clock: () => NOW, log: () => {} }).recomputeShop(SHOP);
    const cycles = await listProductCycles(t.db, SHOP);
    expect(cycles.get("POST")!.cycleDays).not.toBeNull();
  });
});
