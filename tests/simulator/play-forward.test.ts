import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulatorHandle } from "../../server/src/simulator/index.js";
import { DEMO, gql, startSmall } from "./sim-helpers.js";

describe("simulator play-forward", () => {
  let sim: SimulatorHandle;
  let token: string;
  beforeAll(async () => {
    sim = await startSmall({ throttle: { maximumAvailable: 100_000, restoreRate: 100_000 } });
    token = sim.installApp(DEMO).accessToken;
  });
  afterAll(() => sim.close());

  it("creates orders for existing customers from products they bought before", () => {
    const store = sim.store(DEMO);
    const before = store.orders.size;
    const played = sim.playOrders(DEMO, 30, { guestRate: 0, refundRate: 0, cancelRate: 0 });
    expect(store.orders.size).toBe(before + 30);
    for (const order of played.created) {
      expect(store.customers.has(order.customerId!)).toBe(true);
      const history = [...store.orders.values()].filter(
        (o) => o.customerId === order.customerId && o.id !== order.id && o.id < 6e12,
      );
      const bought = new Set(history.flatMap((o) => o.lines.map((l) => l.productId)));
      expect(order.lines.every((l) => bought.has(l.productId))).toBe(true);
    }
  });

  it("refunds and cancels recent orders so updates show up in updated_at queries", async () => {
    const at = new Date(Math.ceil(sim.clock.now() / 1000) * 1000 + 60_000);
    const played = sim.playOrders(DEMO, 20, { refundRate: 1, cancelRate: 0.5, at });
    expect(played.refunded.length).toBe(20);
    expect(played.cancelled.length).toBeGreaterThan(0);
    const { body } = await gql(
      sim,
      token,
      `query($q: String) { orders(first: 250, query: $q) { nodes { id cancelledAt displayFinancialStatus } } }`,
      { q: `updated_at:>='${at.toISOString()}'` },
    );
    const ids = new Set(body.data.orders.nodes.map((n: { id: string }) => n.id));
    for (const order of [...played.created, ...played.refunded, ...played.cancelled])
      expect(ids.has(`gid://shopify/Order/${order.id}`)).toBe(true);
    const cancelled = body.data.orders.nodes.find(
      (n: { id: string }) => n.id === `gid://shopify/Order/${played.cancelled[0].id}`,
    );
    expect(cancelled.cancelledAt).not.toBeNull();
    expect(cancelled.displayFinancialStatus).toBe("REFUNDED");
  });

  it("redeems a personal code the app created", async () => {
    const store = sim.store(DEMO);
    const customerId = [...store.customers.keys()][3];
    const now = sim.clock.now();
    const created = await gql(
      sim,
      token,
      `mutation($d: DiscountCodeBasicInput!) { discountCodeBasicCreate(basicCodeDiscount: $d) { userErrors { message } } }`,
      {
        d: {
          title: "t",
          code: "DGL-REDEEM",
          startsAt: new Date(now - 1000).toISOString(),
          endsAt: new Date(now + 86_400_000).toISOString(),
          context: { customers: { add: [`gid://shopify/Customer/${customerId}`] } },
          customerGets: { value: { percentage: 0.2 }, items: { all: true } },
          usageLimit: 1,
        },
      },
    );
    expect(created.body.data.discountCodeBasicCreate.userErrors).toEqual([]);
    let redeemed: string[] = [];
    for (let i = 0; i < 300 && redeemed.length === 0; i++)
      redeemed = sim.playOrders(DEMO, 5, { redeemRate: 1, guestRate: 0, refundRate: 0, cancelRate: 0 }).redeemedCodes;
    expect(redeemed).toEqual(["DGL-REDEEM"]);
    const order = [...store.orders.values()].find((o) => o.discountCodes.includes("DGL-REDEEM"))!;
    expect(order.customerId).toBe(customerId);
    expect(order.discountAmount).toBeGreaterThan(0);
    expect(store.findDiscountByCode("DGL-REDEEM")!.usageCount).toBe(1);
  });
});
