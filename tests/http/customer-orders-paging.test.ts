import { describe, expect, it } from "vitest";
import { withAdminApi } from "./admin/admin-api.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { NOW, SHOP_A, SHOP_B } from "./admin/fixtures.js";
import { FREQUENT_BUYER, FREQUENT_ORDERS, frequentOrder, seedFrequentBuyer } from "./admin/frequent-buyer.js";

// GET /api/customers/:id answers a summary over every counted order and one page of the timeline, newest first.
describe.each(DB_KINDS)("customer page API: totals and a paged timeline on %s", (kind) => {
  const api = withAdminApi({ kind, seed: (db) => seedFrequentBuyer(db, SHOP_A) });
  const all = Array.from({ length: FREQUENT_ORDERS }, (_, i) => frequentOrder(i));
  const counted = all.filter((o) => !o.cancelled);

  it("sums spend, orders, average and first/last order over counted orders, net of refunds", async () => {
    const { status, body } = await api.get(`/api/customers/${FREQUENT_BUYER}`);
    expect(status).toBe(200);
    const spent = counted.reduce((s, o) => s + o.total - o.refunded, 0);
    expect(body.totals.orders).toBe(counted.length);
    expect(body.totals.spent).toBeCloseTo(spent, 6);
    expect(body.totals.averageOrder).toBeCloseTo(spent / counted.length, 6);
    const iso = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();
    expect(body.totals.firstOrderAt).toBe(iso(counted[0].days));
    expect(body.totals.lastOrderAt).toBe(iso(counted[counted.length - 1].days));
  });

  it("pages the timeline newest first with its total, every order once", async () => {
    const first = (await api.get(`/api/customers/${FREQUENT_BUYER}`)).body;
    expect(first.ordersPage).toEqual({ page: 1, pageSize: 10, total: FREQUENT_ORDERS });
    expect(first.orders.map((o: { name: string }) => o.name)).toEqual(
      all
        .slice(-10)
        .reverse()
        .map((o) => o.name),
    );
    expect(first.orders[0].lines).toHaveLength(4);
    const seen: string[] = [];
    for (let page = 1; page <= FREQUENT_ORDERS / 10; page++) {
      const body = (await api.get(`/api/customers/${FREQUENT_BUYER}?ordersPage=${page}`)).body;
      seen.push(...body.orders.map((o: { orderId: string }) => o.orderId));
    }
    expect(seen).toEqual(all.map((o) => o.id).reverse());
    const past = (await api.get(`/api/customers/${FREQUENT_BUYER}?ordersPage=${FREQUENT_ORDERS / 10 + 1}`)).body;
    expect(past.orders).toEqual([]);
    expect(past.ordersPage.total).toBe(FREQUENT_ORDERS);
  });

  it("a customer without orders has zero totals and an empty first page", async () => {
    const { body } = await api.get("/api/customers/a4");
    expect(body.totals).toEqual({ spent: 0, orders: 0, averageOrder: null, firstOrderAt: null, lastOrderAt: null });
    expect(body.ordersPage).toEqual({ page: 1, pageSize: 10, total: 0 });
  });

  it("refuses a bad page with 400 and another shop's customer with 404", async () => {
    for (const bad of ["ordersPage=0", "ordersPage=abc", "ordersPage=1.5", "page=2", "ordersPage=1&x=1"]) {
      const { status, body } = await api.get(`/api/customers/${FREQUENT_BUYER}?${bad}`);
      expect(status, bad).toBe(400);
      expect(body.error.code).toBe("InvalidInput");
    }
    expect(SHOP_B).not.toBe(SHOP_A);
    expect((await api.get("/api/customers/b1?ordersPage=1")).status).toBe(404);
  });
});
