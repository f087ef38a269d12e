import { afterEach, describe, expect, it } from "vitest";
import { EXPIRING_DEMO_COUPONS, seedExpiringDemoCoupons } from "../../../server/src/demo/demo-campaigns.js";
import { listCustomerCoupons } from "../../../server/src/db/repositories/coupon.repository.js";
import { decide } from "../../../server/src/domain/campaigns/decide.js";
import { defaultCampaigns } from "../../../server/src/domain/campaigns/presets.js";
import { isInHoldout } from "../../../server/src/domain/campaigns/holdout.js";
import { createFakePlatform } from "../../helpers/fake-platform.js";
import { DB_KINDS } from "../../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../../helpers/test-db.js";

const SHOP = "demo-coupons.myshopify.com";
const DAY = 86_400_000;
const ids = Array.from({ length: 40 }, (_, i) => String(12_000 + i));

describe.each(DB_KINDS)("demo: shoppers with a code about to expire (%s)", (kind) => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.destroy();
    t = undefined;
  });

  it("gives a few shoppers outside the notice's holdout a code with 4 days left, so the expiry notice shows", async () => {
    t = await createTestDb(kind);
    const fake = createFakePlatform();
    fake.install(SHOP, { customers: ids });
    const now = new Date("2026-11-22T12:00:00Z");
    const seeded = await seedExpiringDemoCoupons({ db: t.db, platform: fake.platform, log: () => {} }, SHOP, ids, now);

    expect(seeded).toHaveLength(EXPIRING_DEMO_COUPONS.customers);
    expect(seeded.some((id) => isInHoldout(SHOP, "coupon_expiry", id, 0.1))).toBe(false);
    // Created on the platform as well, starting 10 days ago.
    expect(fake.coupons.map((c) => [c.customerId, c.startsAt.toISOString()])).toEqual(
      seeded.map((id) => [id, new Date(now.getTime() - 10 * DAY).toISOString()]),
    );

    const campaigns = defaultCampaigns().map((c) => ({ ...c, enabled: true }));
    const coupons = await listCustomerCoupons(t.db, SHOP, seeded);
    for (const id of seeded) {
      const own = coupons.filter((c) => c.customerId === id);
      expect(own.map((c) => (c.expiresAt.getTime() - now.getTime()) / DAY)).toEqual([4]);
      const { decision } = decide({
        shop: SHOP,
        customer: { id, firstName: "Demo" },
        prediction: null,
        coupons: own,
        events: [],
        campaigns,
        now,
      });
      expect(decision.notice?.campaign).toBe("coupon_expiry");
      expect(decision.notice?.coupon.code).toBe(own[0].code);
    }
  });

  it("adds no second code when the demo restarts", async () => {
    t = await createTestDb(kind);
    const fake = createFakePlatform();
    fake.install(SHOP, { customers: ids });
    const now = new Date("2026-11-22T12:00:00Z");
    const deps = { db: t.db, platform: fake.platform, log: () => {} };
    const first = await seedExpiringDemoCoupons(deps, SHOP, ids, now);
    expect(await seedExpiringDemoCoupons(deps, SHOP, ids, new Date(now.getTime() + 3_600_000))).toEqual([]);
    expect(await listCustomerCoupons(t.db, SHOP, first)).toHaveLength(first.length);
  });
});
