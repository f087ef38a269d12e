import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "../../server/src/domain/orders/order.js";
import { upsertOrders } from "../../server/src/db/repositories/order.repository.js";
import { findPrediction } from "../../server/src/db/repositories/prediction.repository.js";
import { loadStoreModel } from "../../server/src/db/repositories/model-fit.repository.js";
import { createRecomputeService } from "../../server/src/services/recompute.service.js";
import { createPrivacyService } from "../../server/src/services/privacy.service.js";
import { timingEraser } from "../../server/src/services/timing-eraser.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { DB_KINDS } from "../helpers/db-kinds.js";

const NOW = new Date("2026-11-22T12:00:00Z");
const order = (id: string, customerId: string, daysAgo: number): Order => {
  const at = new Date(NOW.getTime() - daysAgo * 86_400_000);
  return {
    id,
    customerId,
    processedAt: at,
    updatedAt: at,
    cancelledAt: null,
    test: false,
    totalPrice: 30,
    refundedTotal: 0,
    currency: "EUR",
    discountCodes: [],
    lines: [{ productId: "p", variantId: null, title: "Tea", quantity: 1, price: 30 }],
  };
};

describe.each(DB_KINDS)("uninstall and redact erase timing data on %s", (kind) => {
  let t: TestDb;
  const recompute = () => createRecomputeService({ db: t.db, clock: () => NOW, log: () => {} });
  beforeAll(async () => {
    t = await createTestDb(kind);
    for (const shop of ["a.myshopify.com", "b.myshopify.com"]) {
      const orders = ["c1", "c2", "c3"].flatMap((c, i) => [40, 25, 10].map((d) => order(`${c}-${d}`, c, d + i)));
      await upsertOrders(t.db, shop, orders);
      await recompute().recomputeShop(shop);
    }
  });
  afterAll(() => t.destroy());

  it("customers/redact removes only that customer's prediction", async () => {
    expect(await findPrediction(t.db, "a.myshopify.com", "c1")).toBeDefined();
    await createPrivacyService({ db: t.db, erasers: [timingEraser] }).eraseCustomer("a.myshopify.com", {
      webhookId: "w1",
      topic: "customers/redact",
      customerId: "c1",
      orderIds: [],
    });
    expect(await findPrediction(t.db, "a.myshopify.com", "c1")).toBeUndefined();
    expect(await findPrediction(t.db, "a.myshopify.com", "c2")).toBeDefined();
    expect(await findPrediction(t.db, "b.myshopify.com", "c1")).toBeDefined();
  });

  it("shop/redact removes the shop's predictions and fitted model, and leaves other shops alone", async () => {
    await createPrivacyService({ db: t.db, erasers: [timingEraser] }).eraseShop("a.myshopify.com");
    expect(await findPrediction(t.db, "a.myshopify.com", "c2")).toBeUndefined();
    expect(await loadStoreModel(t.db, "a.myshopify.com")).toBeNull();
    expect(await loadStoreModel(t.db, "b.myshopify.com")).not.toBeNull();
    expect(await findPrediction(t.db, "b.myshopify.com", "c2")).toBeDefined();
  });
});
