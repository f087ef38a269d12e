// The daily Flow events job sends what became due since, through the shop's platform, once per occasion.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertPredictions } from "../../server/src/db/repositories/prediction.repository.js";
import { upsertInstalledShop } from "../../server/src/db/repositories/shop.repository.js";
import { createFlowEventsJob } from "../../server/src/jobs/flow-events.job.js";
import type { GraphqlCaller } from "../../server/src/platforms/shopify/throttled-graphql.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { daysAgo, NOW, prediction, SHOP } from "../unit/domain/campaigns/fixtures.js";

describe("flow-events job", () => {
  let t: TestDb;
  const calls: Array<{ shop: string; variables: Record<string, unknown> | undefined }> = [];
  const graphql: GraphqlCaller = {
    async request<T>(shop: string, _query: string, variables?: Record<string, unknown>): Promise<T> {
      calls.push({ shop, variables });
      return { flowTriggerReceive: { userErrors: [] } } as T;
    },
  };
  beforeAll(async () => {
    t = await createTestDb();
    await upsertInstalledShop(t.db, SHOP, "shopify", NOW);
    const later = { early: daysAgo(-5), likely: daysAgo(-7), late: daysAgo(-9) };
    await upsertPredictions(t.db, SHOP, [
      prediction({ customerId: "101" }),
      prediction({ customerId: "102", dueWindow: later }),
    ]);
    const coupon = (
      code: string,
      expiresInDays: number,
      over: { status?: "pending" | "active"; used?: boolean } = {},
    ) => ({
      shop_domain: SHOP,
      code,
      customer_id: "102",
      campaign_key: `winback-${code}`,
      occasion: daysAgo(40).toISOString(),
      percent_off: 0.1,
      discount_id: "d1",
      status: over.status ?? "active",
      issued_at: daysAgo(20).toISOString(),
      expires_at: daysAgo(-expiresInDays).toISOString(),
      used_at: over.used ? daysAgo(1).toISOString() : null,
    });
    await t.db
      .insertInto("coupons")
      .values([
        coupon("SOON", 2),
        coupon("LATER", 10),
        coupon("USED", 1, { used: true }),
        coupon("PENDING", 1, { status: "pending" }),
      ])
      .execute();
  });
  afterAll(() => t.destroy());

  it("sends 101's open window and 102's one unused coupon near expiry, and nothing on a rerun", async () => {
    const job = createFlowEventsJob({
      db: t.db,
      listShops: async () => [SHOP],
      log: () => {},
      shopifyGraphql: graphql,
      demo: false,
      now: () => NOW,
    });
    expect(await job.run()).toEqual({ shops: 1, ok: 1 });
    await job.run();
    expect(calls).toEqual([
      {
        shop: SHOP,
        variables: {
          handle: "dangol-reorder-window-opened",
          payload: { customer_id: 101, "Due window opens": "2026-11-19", "Due window closes": "2026-11-30" },
        },
      },
      {
        shop: SHOP,
        variables: {
          handle: "dangol-coupon-expiring",
          payload: { customer_id: 102, "Coupon code": "SOON", "Days left": 2 },
        },
      },
    ]);
  });
});
