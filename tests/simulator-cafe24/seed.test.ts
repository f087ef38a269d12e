// The Cafe24 mall holds the same retail data as the Shopify simulator's shop, in won and KST.
import { describe, expect, it } from "vitest";
import { KRW_PER_GBP, memberIdOf, seedCafe24FromOnlineRetail } from "../../server/src/simulator-cafe24/index.js";
import { ShopStore } from "../../server/src/simulator/store.js";
import { seedOnlineRetail } from "../../server/src/simulator/index.js";
import { orderTotal } from "../../server/src/simulator/records.js";

const WEEK = { since: new Date("2009-12-01T00:00:00Z"), until: new Date("2009-12-08T00:00:00Z") };

describe("Cafe24 seed", () => {
  it("re-expresses the Shopify seed: same orders and members, whole won, KST order ids", async () => {
    const shopify = new ShopStore("s", 1);
    await seedOnlineRetail(shopify, WEEK);
    const cafe24 = await seedCafe24FromOnlineRetail(WEEK);
    expect(cafe24.orders.length).toBe(shopify.orders.size);
    expect(new Set(cafe24.orders.map((o) => o.orderId)).size).toBe(cafe24.orders.length);
    expect(cafe24.customers.map((c) => c.memberId).sort()).toEqual(
      [...shopify.customers.keys()].map(memberIdOf).sort(),
    );
    const wonTotal = cafe24.orders.reduce(
      (s, o) => s + o.items.reduce((t, i) => t + i.quantity * i.price, 0) - o.couponDiscount,
      0,
    );
    const poundTotal = [...shopify.orders.values()].reduce((s, o) => s + orderTotal(o), 0);
    expect(Math.abs(wonTotal / KRW_PER_GBP - poundTotal) / poundTotal).toBeLessThan(0.001);
    for (const o of cafe24.orders) {
      for (const i of o.items) expect(Number.isInteger(i.price)).toBe(true);
      // The id's day is the order's day in Seoul (UTC+9).
      const kstDay = new Date(o.orderDate + 9 * 3_600_000).toISOString().slice(0, 10).replaceAll("-", "");
      expect(o.orderId.startsWith(kstDay)).toBe(true);
    }
    expect(
      cafe24.orders.some((o) => o.orderId.startsWith("20091202") && new Date(o.orderDate).getUTCDate() === 1),
    ).toBe(true);
  }, 60_000);
});
