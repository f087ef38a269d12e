// The pixel's guests reach the dashboard's visit × purchase grid: browsers no order of ours ties to a customer fill
// the "never purchased" row (visiting within 30 days, at risk within 60), a browser joined to a buyer does not,
// and the weekly snapshot counts them the same way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordPixelCheckout, recordPixelPageView } from "../../server/src/db/repositories/pixel.repository.js";
import { upsertOrders } from "../../server/src/db/repositories/order.repository.js";
import { createDashboardService } from "../../server/src/services/dashboard.service.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const SHOP = "grid-shop.myshopify.com";
const now = new Date("2026-12-01T10:00:00.000Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe.each(DB_KINDS)("guest visitors in the segment grid on %s", (kind) => {
  let t: TestDb;

  beforeAll(async () => {
    t = await createTestDb(kind);
    await recordPixelPageView(t.db, SHOP, "guest-recent-01", daysAgo(5));
    await recordPixelPageView(t.db, SHOP, "guest-lapsing-02", daysAgo(40));
    await recordPixelPageView(t.db, SHOP, "guest-gone-0003", daysAgo(90));
    // A browser that checked out: its order (ours, same shop) makes it a customer's, not a guest.
    await upsertOrders(t.db, SHOP, [
      {
        id: "501",
        customerId: "c-1",
        processedAt: daysAgo(3),
        updatedAt: daysAgo(3),
        cancelledAt: null,
        test: false,
        totalPrice: 20,
        refundedTotal: 0,
        currency: "USD",
        discountCodes: [],
        lines: [],
      },
    ]);
    await recordPixelPageView(t.db, SHOP, "buyer-client-04", daysAgo(3));
    await recordPixelCheckout(t.db, SHOP, "501", "buyer-client-04", daysAgo(3));
  });

  afterAll(() => t.destroy());

  it("fills the never-purchased row with guests by their last page view", async () => {
    const dashboard = createDashboardService({ db: t.db, now: () => now });
    const never = (await dashboard.get(SHOP)).segments.filter((c) => c.purchase === "never");
    expect(never.map(({ key, lifecycle, visit, count }) => ({ key, lifecycle, visit, count }))).toEqual([
      { key: "none:never_purchased_visit_active", lifecycle: "none", visit: "active", count: 1 },
      { key: "none:never_purchased_visit_at_risk", lifecycle: "none", visit: "at_risk", count: 1 },
    ]);
  });

  it("records the same counts in the weekly snapshot", async () => {
    await createDashboardService({ db: t.db, now: () => now }).recordSnapshot(SHOP);
    const rows = await t.db.selectFrom("segment_snapshots").selectAll().where("shop_domain", "=", SHOP).execute();
    const counts = Object.fromEntries(rows.map((r) => [r.segment_key, Number(r.customers)]));
    expect(counts["none:never_purchased_visit_active"]).toBe(1);
    expect(counts["none:never_purchased_visit_at_risk"]).toBe(1);
  });
});
