import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StorefrontDecision } from "../../server/src/domain/campaigns/storefront-decision.js";
import { savePublishedDecisions } from "../../server/src/db/repositories/decision.repository.js";
import { createStorefrontService } from "../../server/src/services/storefront.service.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { DB_KINDS } from "../helpers/db-kinds.js";

const decision = (customerId: string, code: string): StorefrontDecision => ({
  version: 1,
  customerId,
  banner: null,
  notice: {
    campaign: "coupon_expiry",
    text: { en: code, ko: code },
    coupon: { code, expiresAt: "2026-12-01T00:00:00.000Z" },
  },
  decidedAt: "2026-11-22T00:00:00.000Z",
});

async function publish(t: TestDb, shop: string, customerId: string, code: string) {
  await savePublishedDecisions(t.db, shop, [
    {
      customerId,
      decision: decision(customerId, code),
      verdicts: [],
      assignments: [],
      decidedAt: new Date(),
      publishedAt: new Date(),
    },
  ]);
}

describe("storefront decision cache", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await publish(t, "a.myshopify.com", "1", "CODE-A1");
    await publish(t, "a.myshopify.com", "2", "CODE-A2");
    await publish(t, "b.myshopify.com", "1", "CODE-B1");
  });
  afterAll(() => t.destroy());

  it("never answers one shopper (or shop) with another's cached coupon", async () => {
    const storefront = createStorefrontService({ db: t.db });
    const code = async (shop: string, id: string | null) =>
      (await storefront.decisionFor(shop, id)).notice?.coupon.code ?? null;
    for (let round = 0; round < 2; round++) {
      expect(await code("a.myshopify.com", "1")).toBe("CODE-A1");
      expect(await code("a.myshopify.com", "2")).toBe("CODE-A2");
      expect(await code("b.myshopify.com", "1")).toBe("CODE-B1");
      expect(await code("a.myshopify.com", null)).toBeNull();
      expect(await code("a.myshopify.com", "3")).toBeNull();
    }
  });

  it("serves a newly published decision once the entry expires, and drops it at once on dismissal", async () => {
    const storefront = createStorefrontService({ db: t.db, decisionCacheMs: 50 });
    expect((await storefront.decisionFor("a.myshopify.com", "1")).notice?.coupon.code).toBe("CODE-A1");
    await publish(t, "a.myshopify.com", "1", "CODE-A1-NEW");
    expect((await storefront.decisionFor("a.myshopify.com", "1")).notice?.coupon.code).toBe("CODE-A1"); // cached
    await new Promise((r) => setTimeout(r, 80));
    expect((await storefront.decisionFor("a.myshopify.com", "1")).notice?.coupon.code).toBe("CODE-A1-NEW");

    await publish(t, "a.myshopify.com", "1", "AFTER-DISMISS");
    await storefront.recordEvent("a.myshopify.com", "1", { kind: "dismiss", campaign: "coupon_expiry" });
    expect((await storefront.decisionFor("a.myshopify.com", "1")).notice?.coupon.code).toBe("AFTER-DISMISS");
  });
});

describe.each(DB_KINDS)("storefront beacons on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.destroy());
  const count = async (customerId: string) =>
    (
      await t.db
        .selectFrom("campaign_events")
        .select(["kind", "page_view_id"])
        .where("customer_id", "=", customerId)
        .execute()
    ).map((r) => `${r.kind}:${r.page_view_id}`);

  it("stores a beacon once per page view, kind and campaign; a replayed dismissal republishes nothing", async () => {
    const republished: string[] = [];
    const storefront = createStorefrontService({
      db: t.db,
      onCustomerChanged: async (_shop, id) => republished.push(id),
    });
    const view = "0b5c6f3e-9a1d-4c2b-8e7f-1a2b3c4d5e6f";
    const other = "7f6e5d4c-3b2a-4190-a8b7-c6d5e4f3a2b1";
    const outcomes = [];
    for (const body of [
      { kind: "dismiss", campaign: "win_back", pageView: view },
      { kind: "dismiss", campaign: "win_back", pageView: view },
      { kind: "impression", campaign: "win_back", pageView: view },
      { kind: "impression", campaign: "vip_thanks", pageView: view },
      { kind: "impression", campaign: "win_back", pageView: other },
      { kind: "visit", pageView: view },
      { kind: "visit", pageView: view },
    ])
      outcomes.push((await storefront.recordEvent("a.myshopify.com", "7", body)).stored);
    expect(outcomes).toEqual([true, false, true, true, true, true, false]);
    expect(republished).toEqual(["7"]);
    expect((await count("7")).sort()).toEqual(
      [`dismiss:${view}`, `impression:${other}`, `impression:${view}`, `impression:${view}`, `visit:${view}`].sort(),
    );
  });

  it("accepts only crypto.randomUUID's form as a page-view id", async () => {
    const storefront = createStorefrontService({ db: t.db });
    for (const pageView of [
      "",
      "x",
      "0B5C6F3E-9A1D-4C2B-8E7F-1A2B3C4D5E6F",
      "0b5c6f3e-9a1d-1c2b-8e7f-1a2b3c4d5e6f",
      "0b5c6f3e9a1d4c2b8e7f1a2b3c4d5e6f",
      `${"0b5c6f3e-9a1d-4c2b-8e7f-1a2b3c4d5e6f"}x`,
      12,
    ]) {
      await expect(
        storefront.recordEvent("a.myshopify.com", "8", { kind: "impression", campaign: "win_back", pageView }),
      ).rejects.toMatchObject({ code: "InvalidInput" });
    }
    expect(await count("8")).toEqual([]);
  });
});
