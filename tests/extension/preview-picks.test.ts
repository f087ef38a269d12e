import { afterEach, describe, expect, it } from "vitest";
import { upsertCustomers } from "../../server/src/db/repositories/customer.repository.js";
import { savePublishedDecisions } from "../../server/src/db/repositories/decision.repository.js";
import type { StorefrontDecision } from "../../server/src/domain/campaigns/storefront-decision.js";
import { isInHoldout } from "../../server/src/domain/campaigns/holdout.js";
import { previewDepsFromDb } from "../../server/src/storefront-preview/preview-deps.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { SHOP, campaigns, customerIdFor, decideFor, duePrediction, unusedCoupon } from "../browser/engine-fixtures.js";
import { bannerPresetCustomers } from "../browser/storefront-presets.js";

const now = new Date();
/** An id outside both the replenishment and the coupon-expiry holdout. */
function shownBoth(prefix: string): string {
  for (let n = 1; ; n++)
    if (
      !isInHoldout(SHOP, "replenishment", `${prefix}${n}`, 0.1) &&
      !isInHoldout(SHOP, "coupon_expiry", `${prefix}${n}`, 0.1)
    )
      return `${prefix}${n}`;
}

describe.each(DB_KINDS)("/preview picker on %s", (kind) => {
  let t: TestDb | undefined;
  afterEach(async () => {
    await t?.destroy();
    t = undefined;
  });

  it("offers one customer for every preset, even when the first coupon holder is already listed for its banner", async () => {
    t = await createTestDb(kind);
    const presets = bannerPresetCustomers(now);
    // "a-…" sorts first: due to re-order AND holding an expiring code (banner + notice); "z-…" holds a code only.
    const both = shownBoth("a-both-");
    const noticeOnly = customerIdFor("coupon_expiry", false, "z-notice-");
    const holdout = customerIdFor("replenishment", true, "hold-");
    const decisions: Array<[string, string, StorefrontDecision]> = [
      ...Object.values(presets).map((p): [string, string, StorefrontDecision] => [p.id, p.firstName, p.decision]),
      [
        both,
        "Both",
        decideFor({
          id: both,
          firstName: "Both",
          now,
          prediction: duePrediction(both, now),
          coupons: [unusedCoupon(now)],
        }),
      ],
      [noticeOnly, "Sora", decideFor({ id: noticeOnly, firstName: "Sora", now, coupons: [unusedCoupon(now)] })],
      [
        holdout,
        "Jisoo",
        decideFor({
          id: holdout,
          firstName: "Jisoo",
          now,
          prediction: duePrediction(holdout, now),
          campaigns: campaigns(),
        }),
      ],
    ];
    expect(decisions[4][2].banner?.campaign).toBe("replenishment");
    expect(decisions[4][2].notice?.campaign).toBe("coupon_expiry");
    await upsertCustomers(
      t.db,
      SHOP,
      decisions.map(([id, firstName]) => ({
        id,
        email: null,
        firstName,
        lastName: "Kim",
        locale: null,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await savePublishedDecisions(
      t.db,
      SHOP,
      decisions.map(([customerId, , decision]) => ({
        customerId,
        decision,
        verdicts: [],
        assignments: customerId === holdout ? [{ campaign: "replenishment" as const, holdout: true }] : [],
        decidedAt: now,
        publishedAt: now,
      })),
    );

    const picks = await previewDepsFromDb(t.db, SHOP).listPicks(SHOP);
    expect(picks.map((p) => [p.id, p.label.en])).toEqual([
      [both, "due to re-order"],
      [noticeOnly, "coupon expiring"],
      [presets.first_purchase.id, "first-purchase follow-up"],
      [presets.win_back.id, "win-back"],
      [presets.vip_thanks.id, "VIP thank-you"],
      [holdout, "holdout: sees nothing"],
    ]);
    expect(picks[1].label.ko).toBe("쿠폰 만료 임박");
  });
});
