import { describe, expect, it } from "vitest";
import { withAdminApi } from "./admin/admin-api.js";
import { createDashboardService } from "../../server/src/services/dashboard.service.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { NOW, SHOP_A } from "./admin/fixtures.js";

// Demo-mode auth (fixed shop A) over real seeded databases; the numbers below follow from fixtures.ts by hand.
describe.each(DB_KINDS)("admin read endpoints on %s", (kind) => {
  const api = withAdminApi({ kind });
  const ids = (body: { customers: Array<{ customerId: string }> }) => body.customers.map((c) => c.customerId);

  it("computes the dashboard KPIs from counted orders and predictions", async () => {
    const { status, body } = await api.get("/api/dashboard");
    expect(status).toBe(200);
    expect(body.kpis.customers).toBe(3);
    expect(body.kpis.repeatPurchaseRate).toBeCloseTo(2 / 3);
    // a1 and a2 bought 90–180 days ago; only a1 bought again since (a2's recent order was cancelled).
    expect(body.kpis.retention90d).toBeCloseTo(0.5);
    expect(body.kpis.totalClv).toBeCloseTo(370);
    expect(body.kpis.averageClv).toBeCloseTo(370 / 3);
    expect(body.kpis.churnShare).toBeCloseTo(2 / 3);
    expect(body.kpis.currency).toBe("USD");
    expect(body.computedAt).toBe(new Date(NOW.getTime() - 86_400_000).toISOString());
  });

  it("returns segment counts with movement against last week's snapshot", async () => {
    const { body } = await api.get("/api/dashboard");
    const byKey = Object.fromEntries(body.segments.map((s: { key: string }) => [s.key, s]));
    expect(byKey["repeat:active"]).toMatchObject({
      count: 1,
      previousCount: 3,
      lifecycle: "repeat",
      purchase: "active",
    });
    expect(byKey["first:at_risk"]).toMatchObject({ count: 1, previousCount: 0 });
    expect(body.segmentsComparedTo).toBe("2026-11-12");
  });

  it("builds the cohort table from first-order months", async () => {
    const { body } = await api.get("/api/dashboard");
    const cohorts = Object.fromEntries(body.cohorts.map((c: { cohort: string }) => [c.cohort, c]));
    // a1: first 2026-06-23, again 2026-08-12 (M2) and 2026-10-31 (M4); five months have passed since June.
    expect(cohorts["2026-06"]).toEqual({ cohort: "2026-06", size: 1, retention: [0, 1, 0, 1, 0], partialMonth: 5 }); // November is still running
    expect(cohorts["2026-07"].retention.every((r: number) => r === 0)).toBe(true);
    expect(Object.keys(cohorts).sort()).toEqual(["2026-01", "2026-06", "2026-07"]);
  });

  it("lists customers due this week with their reason", async () => {
    const { body } = await api.get("/api/dashboard");
    expect(body.dueThisWeek).toHaveLength(1);
    expect(body.dueThisWeek[0]).toMatchObject({
      customerId: "a1",
      name: "Jane Kim",
      reason: { en: "buys every 40 ± 8 days (Jane)" },
    });
  });

  it("sorts, filters and pages the customer list in SQL", async () => {
    expect(ids((await api.get("/api/customers")).body)).toEqual(["a3", "a2", "a1", "a4"]); // due date, no prediction last
    expect(ids((await api.get("/api/customers?sort=clv")).body)).toEqual(["a1", "a2", "a3", "a4"]);
    expect(ids((await api.get("/api/customers?sort=clv&direction=asc")).body)).toEqual(["a3", "a2", "a1", "a4"]);
    expect(ids((await api.get("/api/customers?lifecycle=repeat")).body).sort()).toEqual(["a1", "a3"]);
    expect(ids((await api.get("/api/customers?segment=first:at_risk")).body)).toEqual(["a2"]);
    expect(ids((await api.get("/api/customers?purchase=inactive")).body)).toEqual(["a3"]);
    expect(ids((await api.get("/api/customers?due=this_week")).body)).toEqual(["a1"]);
    expect(ids((await api.get("/api/customers?due=overdue")).body).sort()).toEqual(["a2", "a3"]);
    expect(ids((await api.get("/api/customers?q=PARK")).body)).toEqual(["a3"]);
    expect(ids((await api.get("/api/customers?q=minho%40")).body)).toEqual(["a2"]);
    expect(ids((await api.get("/api/customers?q=%25")).body)).toEqual([]); // a literal %, not a wildcard
    const page2 = (await api.get("/api/customers?page=2")).body;
    expect(page2).toMatchObject({ page: 2, pageSize: 50, total: 4, customers: [] });
  });

  it("shows each customer's own-cycle chance of being active, falling back to BG/NBD's P(alive)", async () => {
    const rows = (await api.get("/api/customers?sort=clv")).body.customers as Array<{
      customerId: string;
      pAlive: number | null;
    }>;
    expect(rows.find((r) => r.customerId === "a1")?.pAlive).toBe(0.6); // p_active 0.6 wins over p_alive 0.9
    expect(rows.find((r) => r.customerId === "a2")?.pAlive).toBe(0.4); // no p_active stored: BG/NBD's value
  });

  it("shows one customer's timeline, window, messages and coupons", async () => {
    const { status, body } = await api.get("/api/customers/a1");
    expect(status).toBe(200);
    expect(body.customer).toMatchObject({
      name: "Jane Kim",
      orderCount: 3,
      cycleDays: 40,
      rfmGroup: "LOYAL",
      clv: 300,
      orderChance90d: 0.42,
    });
    expect(body.customer.dueWindow.likely).toBe(new Date(NOW.getTime() + 5 * 86_400_000).toISOString());
    expect(body.orders.map((o: { name: string }) => o.name)).toEqual(["#a13", "#a12", "#a11"]);
    expect(body.orders[0].discountCodes).toEqual(["WELCOME10"]);
    expect(body.messages.map((m: { kind: string }) => m.kind).sort()).toEqual(["click", "impression"]);
    expect(body.coupons).toEqual([
      {
        code: "DANGOL-A1",
        campaign: "win_back",
        expiresAt: new Date(NOW.getTime() + 5 * 86_400_000).toISOString(),
        status: "active",
      },
    ]);
    const a2 = (await api.get("/api/customers/a2")).body;
    expect(a2.orders[0]).toMatchObject({ excludedReason: "cancelled" });
    expect(a2.customer.orderChance90d).toBeNull(); // a row from before the recompute stored it
  });

  it("answers 404 for unknown customers and 400 for bad queries", async () => {
    expect((await api.get("/api/customers/nope")).status).toBe(404);
    for (const bad of [
      "sort=price",
      "page=0",
      "page=abc",
      "lifecycle=vip",
      "due=tomorrow",
      "unknown=1",
      "direction=up",
    ]) {
      const { status, body } = await api.get(`/api/customers?${bad}`);
      expect(status, bad).toBe(400);
      expect(body.error.code).toBe("InvalidInput");
    }
  });

  it("saves the language and rejects anything but en/ko", async () => {
    expect((await api.get("/api/settings")).body).toEqual({
      shop: SHOP_A,
      language: "en",
      timeZone: null,
      productOverrides: { nonProduct: [], product: [] },
      flowWebhook: null,
      flowCouponWarningDays: 3,
      flowEventsVia: "shopify-flow",
    });
    const put = (body: unknown) =>
      fetch(`${api.url}/api/settings`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await put({ language: "ko" })).status).toBe(200);
    expect((await api.get("/api/settings")).body.language).toBe("ko");
    for (const bad of [{ language: "fr" }, {}, { language: "en", extra: 1 }]) expect((await put(bad)).status).toBe(400);
    expect((await api.get("/api/settings")).body.language).toBe("ko");
  });

  it("saves the merchant's product overrides beside the language and refuses bad lists", async () => {
    const put = (body: unknown) =>
      fetch(`${api.url}/api/settings`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const overrides = { nonProduct: ["Gift wrap", "123"], product: ["POSTAGE STAMPS"] };
    expect((await put({ productOverrides: overrides })).status).toBe(200);
    const saved = (await api.get("/api/settings")).body;
    expect(saved.productOverrides).toEqual(overrides);
    expect(saved.language).toBe("ko");
    for (const bad of [
      { productOverrides: { nonProduct: ["x"], product: ["x"] } },
      { productOverrides: { nonProduct: "x", product: [] } },
      { productOverrides: { nonProduct: [""], product: [] } },
      { productOverrides: { nonProduct: [] } },
    ]) {
      const res = await put(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await api.get("/api/settings")).body.productOverrides).toEqual(overrides);
  });

  it("records a snapshot that the next week's dashboard compares against", async () => {
    const service = createDashboardService({ db: api.db.db, now: () => NOW });
    await service.recordSnapshot(SHOP_A);
    const nextWeek = createDashboardService({ db: api.db.db, now: () => new Date(NOW.getTime() + 7 * 86_400_000) });
    const dash = await nextWeek.get(SHOP_A);
    expect(dash.segmentsComparedTo).toBe("2026-11-20");
    expect(dash.segments.find((s) => s.key === "repeat:active")).toMatchObject({ count: 1, previousCount: 1 });
  });
});
