import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StorefrontDecision } from "../../server/src/domain/campaigns/storefront-decision.js";
import { savePublishedDecisions } from "../../server/src/db/repositories/decision.repository.js";
import { createStorefrontService } from "../../server/src/services/storefront.service.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const decision = (customerId: string, code: string): StorefrontDecision => ({
  version: 1,
  customerId,
  banner: null,
  notice: { campaign: "coupon_expiry", text: { en: code, ko: code }, coupon: { code, expiresAt: "2026-12-01T00:00:00.000Z" } },
  decidedAt: "2026-11-22T00:00:00.000Z",
});

async function publish(t: TestDb, shop: string, customerId: string, code: string) {
  await savePublishedDecisions(t.db, shop, [{ customerId, decision: decision(customerId, code), verdicts: [], assignments: [], decidedAt: new Date(), publishedAt: new Date() }]);
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
    const code = async (shop: string, id: string | null) => (await storefront.decisionFor(shop, id)).notice?.coupon.code ?? null;
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
