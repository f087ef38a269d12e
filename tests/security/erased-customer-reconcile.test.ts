// An erased customer (Shopify customers/redact, a Cafe24 member's withdrawal) came back at the next reconcile: the
// platform still lists their orders (Cafe24 re-reads 30 days of orders on every reconcile, having no updated-since
// filter; Shopify lists an order changed later), and the sync upserted them. Orders placed before the erase now stay
// out; an order placed after it (the customer came back) is stored.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { saveSyncState } from "../../server/src/db/repositories/sync-state.repository.js";
import type { Order } from "../../server/src/domain/orders/order.js";
import { createOrderSyncService } from "../../server/src/services/order-sync.service.js";
import { createPrivacyService } from "../../server/src/services/privacy.service.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createFakePlatform, FAKE_CAFE24_CAPABILITIES } from "../helpers/fake-platform.js";
import { installedOn } from "../helpers/platforms.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const MALL = "erasemall";
const NOW = new Date("2026-12-01T12:00:00Z");
const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * 3_600_000);
const order = (id: string, customerId: string, placed: Date): Order => ({
  id,
  customerId,
  processedAt: placed,
  updatedAt: NOW, // listed again by the reconcile (changed since the watermark, or inside Cafe24's re-scan)
  cancelledAt: null,
  test: false,
  totalPrice: 12_300,
  refundedTotal: 0,
  currency: "KRW",
  discountCodes: [],
  lines: [],
});

describe.each(DB_KINDS)("reconcile after an erase (%s)", (kind) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb(kind);
  });
  afterEach(async () => t.destroy());

  it("does not bring back the orders of a customer erased after they were placed", async () => {
    const fake = createFakePlatform({ id: "cafe24", capabilities: FAKE_CAFE24_CAPABILITIES });
    fake.install(MALL, {
      customers: ["m1", "m2"],
      orders: [order("o1", "m1", at(48)), order("o2", "m2", at(48))],
    });
    const platforms = await installedOn(t.db, fake.platform, [MALL]);
    await saveSyncState(t.db, MALL, { phase: "live", watermark: at(24).toISOString() }, at(24));
    // m1 withdrew an hour ago (after o1 was placed), then placed o3 with a new account of the same id.
    await createPrivacyService({ db: t.db, now: () => at(1) }).eraseCustomer(MALL, {
      webhookId: "w1",
      topic: "90147",
      customerId: "m1",
      orderIds: [],
    });
    fake.addOrders(MALL, [order("o3", "m1", at(0.5))]);
    const sync = createOrderSyncService({ db: t.db, platforms, now: () => NOW, log: () => {} });
    await sync.reconcile(MALL);
    const rows = await t.db.selectFrom("orders").select(["order_id", "customer_id"]).orderBy("order_id").execute();
    expect(rows).toEqual([
      { order_id: "o2", customer_id: "m2" },
      { order_id: "o3", customer_id: "m1" },
    ]);
    await sync.stop?.();
  });
});
