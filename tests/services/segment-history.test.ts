import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "../../server/src/domain/orders/order.js";
import { upsertOrders } from "../../server/src/db/repositories/order.repository.js";
import { snapshotBefore } from "../../server/src/db/repositories/dashboard.repository.js";
import { createSegmentHistoryService } from "../../server/src/services/segment-history.service.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { DB_KINDS } from "../helpers/db-kinds.js";

const NOW = new Date("2026-11-22T12:00:00Z");
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY);

function order(id: string, customerId: string, at: Date): Order {
  return {
    id, customerId, processedAt: at, updatedAt: at, cancelledAt: null, test: false, totalPrice: 20, refundedTotal: 0,
    currency: "EUR", discountCodes: [], lines: [{ productId: "p1", variantId: "v1", title: "Tea", quantity: 1, price: 20 }],
  };
}

describe.each(DB_KINDS)("segment history on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
    const orders: Order[] = [];
    // Ten regulars ordering every 14 days until today, and "late" who first ordered only 3 days ago.
    for (let c = 0; c < 10; c++) for (let d = 140; d >= 0; d -= 14) orders.push(order(`r${c}-${d}`, `r${c}`, daysAgo(d + c * 0.1)));
    orders.push(order("n1", "newcomer", daysAgo(3)));
    await upsertOrders(t.db, "a.myshopify.com", orders);
    await upsertOrders(t.db, "b.myshopify.com", [order("b1", "other", daysAgo(30))]);
  });
  afterAll(() => t.destroy());

  it("rebuilds last week's grid from orders placed before then, once", async () => {
    const service = createSegmentHistoryService({ db: t.db, clock: () => NOW });
    expect(await service.ensureLastWeekSnapshot("a.myshopify.com")).toBe(true);
    const snapshot = await snapshotBefore(t.db, "a.myshopify.com", daysAgo(7).toISOString().slice(0, 10));
    expect(snapshot?.date).toBe(daysAgo(7).toISOString().slice(0, 10));
    const total = [...snapshot!.counts.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(10); // the newcomer had not ordered yet a week ago
    expect(snapshot!.counts.get("repeat:active")).toBe(10);
    expect(await service.ensureLastWeekSnapshot("a.myshopify.com")).toBe(false);
  });

  it("counts only the shop's own customers", async () => {
    const service = createSegmentHistoryService({ db: t.db, clock: () => NOW });
    await service.ensureLastWeekSnapshot("b.myshopify.com");
    const snapshot = await snapshotBefore(t.db, "b.myshopify.com", daysAgo(7).toISOString().slice(0, 10));
    expect([...snapshot!.counts.values()].reduce((a, b) => a + b, 0)).toBe(1);
  });
});
