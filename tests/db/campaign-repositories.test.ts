import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import {
  listStoredCampaigns,
  saveCampaign,
  deleteShopCampaignData,
  deleteCustomerCampaignData,
} from "../../server/src/db/repositories/campaign.repository.js";
import {
  activateCoupon,
  listCustomerCoupons,
  markCouponsUsed,
  releasePendingCoupon,
  reserveCoupon,
  type CouponRow,
} from "../../server/src/db/repositories/coupon.repository.js";
import {
  countCampaignEvents,
  insertCampaignEvents,
  listAssignments,
  listCustomerEventFacts,
} from "../../server/src/db/repositories/campaign-event.repository.js";
import {
  findPublishedDecision,
  listPublishedDecisions,
  markDecisionsPublished,
  savePublishedDecisions,
} from "../../server/src/db/repositories/decision.repository.js";
import { claimCustomers } from "../../server/src/db/repositories/publish-claim.repository.js";
import { defaultCampaign } from "../../server/src/domain/campaigns/presets.js";

const A = "a.myshopify.com";
const B = "b.myshopify.com";
const NOW = new Date("2026-11-22T12:00:00.000Z");

const coupon = (over: Partial<CouponRow> = {}): CouponRow => ({
  shop_domain: A,
  code: "DG-1",
  customer_id: "1",
  campaign_key: "win_back",
  occasion: "2026-10-01T00:00:00.000Z",
  percent_off: 0.15,
  discount_id: null,
  status: "pending",
  issued_at: NOW.toISOString(),
  expires_at: "2026-12-06T12:00:00.000Z",
  used_at: null,
  ...over,
});

describe.each(DB_KINDS)("campaign repositories on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(async () => {
    await t.destroy();
  });

  it("saves and reads campaigns per shop, upserting edits", async () => {
    const c = { ...defaultCampaign("win_back"), enabled: true, holdoutShare: 0.2 };
    await saveCampaign(t.db, A, c, NOW);
    await saveCampaign(t.db, A, { ...c, priority: 5 }, NOW);
    expect(await listStoredCampaigns(t.db, A)).toEqual([{ ...c, priority: 5 }]);
    expect(await listStoredCampaigns(t.db, B)).toEqual([]);
  });

  it("reserves one coupon per customer, campaign and occasion, and activates or releases it", async () => {
    expect(await reserveCoupon(t.db, coupon())).toBe(true);
    expect(await reserveCoupon(t.db, coupon({ code: "DG-2" }))).toBe(false);
    expect(await reserveCoupon(t.db, coupon({ code: "DG-3", occasion: "2026-11-01T00:00:00.000Z" }))).toBe(true);
    await activateCoupon(t.db, A, "DG-1", "gid://shopify/DiscountCodeNode/9", new Date("2026-12-06T12:00:00.000Z"));
    await releasePendingCoupon(t.db, A, "DG-1"); // active: not released
    await releasePendingCoupon(t.db, A, "DG-3");
    const coupons = await listCustomerCoupons(t.db, A, ["1"]);
    expect(coupons.map((c) => [c.code, c.status, c.discountId])).toEqual([
      ["DG-1", "active", "gid://shopify/DiscountCodeNode/9"],
    ]);
    expect(await listCustomerCoupons(t.db, B, ["1"])).toEqual([]);
    await markCouponsUsed(t.db, A, "2", ["DG-1"], NOW); // someone else's code: untouched
    expect((await listCustomerCoupons(t.db, A, ["1"]))[0].usedAt).toBeNull();
    await markCouponsUsed(t.db, A, "1", ["DG-1"], NOW);
    expect((await listCustomerCoupons(t.db, A, ["1"]))[0].usedAt).toEqual(NOW);
  });

  it("stores events idempotently and counts them per arm", async () => {
    const ev = (id: string, customer: string, kindName: string, holdout = 0, shop = A) => ({
      id,
      shop_domain: shop,
      customer_id: customer,
      campaign_key: "win_back",
      kind: kindName,
      holdout,
      order_id: null,
      occurred_at: NOW.toISOString(),
    });
    await insertCampaignEvents(t.db, [
      ev("e1", "1", "assignment"),
      ev("e2", "2", "assignment", 1),
      ev("e3", "1", "impression"),
      ev("e4", "1", "impression"),
      ev("e5", "1", "conversion"),
      ev("e6", "9", "assignment", 0, B),
    ]);
    await insertCampaignEvents(t.db, [ev("e3", "1", "impression")]);
    expect(await countCampaignEvents(t.db, A, "win_back")).toEqual({ assignment: 2, impression: 2, conversion: 1 });
    const facts = await listCustomerEventFacts(t.db, A, ["1", "2"]);
    expect(
      facts
        .get("1")!
        .map((f) => f.kind)
        .sort(),
    ).toEqual(["conversion", "impression", "impression"]);
    expect(facts.get("2")).toEqual([]);
    expect((await listAssignments(t.db, A, ["1", "2", "9"])).map((a) => [a.customerId, a.holdout]).sort()).toEqual([
      ["1", false],
      ["2", true],
    ]);
  });

  it("keeps the last decision per customer and shop", async () => {
    const d = (customerId: string, campaign: string | null) => ({
      customerId,
      decision: { version: 1 as const, customerId, banner: null, notice: null, decidedAt: NOW.toISOString(), campaign },
      verdicts: [],
      assignments: campaign ? [{ campaign: "vip_thanks" as const, holdout: false }] : [],
      decidedAt: NOW,
      publishedAt: null,
    });
    await savePublishedDecisions(t.db, A, [d("1", null), d("2", null)]);
    await savePublishedDecisions(t.db, A, [d("1", "x")]);
    await markDecisionsPublished(t.db, A, ["2"], NOW);
    expect((await findPublishedDecision(t.db, A, "1"))!.assignments).toHaveLength(1);
    expect((await findPublishedDecision(t.db, A, "2"))!.publishedAt).toEqual(NOW);
    expect(await findPublishedDecision(t.db, B, "1")).toBeUndefined();
    expect([...(await listPublishedDecisions(t.db, A, ["1", "2", "3"])).keys()].sort()).toEqual(["1", "2"]);
    await deleteCustomerCampaignData(t.db, A, "2");
    expect(await findPublishedDecision(t.db, A, "2")).toBeUndefined();
    expect(await findPublishedDecision(t.db, A, "1")).toBeDefined();
    await deleteShopCampaignData(t.db, A);
    expect(await findPublishedDecision(t.db, A, "1")).toBeUndefined();
  });

  it("erases the publish claims a killed publisher left, with the customer or the shop", async () => {
    const lapses = new Date(NOW.getTime() + 120_000);
    // A claim still held refuses another token, so claiming again tells whether a claim row is left.
    const free = (shop: string, ids: string[]) => claimCustomers(t.db, shop, ids, "probe", NOW, NOW);
    expect(await claimCustomers(t.db, A, ["1", "2"], "dead", NOW, lapses)).toEqual(["1", "2"]);
    expect(await claimCustomers(t.db, B, ["1"], "dead", NOW, lapses)).toEqual(["1"]);
    await deleteCustomerCampaignData(t.db, A, "2");
    expect(await free(A, ["1", "2"])).toEqual(["2"]);
    await deleteShopCampaignData(t.db, A);
    expect((await free(A, ["1"])).length + (await free(B, ["1"])).length).toBe(1);
  });
});
