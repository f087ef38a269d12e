// Fixture decisions made by the real decision engine (domain/campaigns/decide.ts) from small hand-built inputs.
import { decide } from "../../server/src/domain/campaigns/decide.js";
import { defaultCampaigns } from "../../server/src/domain/campaigns/presets.js";
import { isInHoldout } from "../../server/src/domain/campaigns/holdout.js";
import type { CampaignConfig, CampaignKey } from "../../server/src/domain/campaigns/campaign.js";
import type { CustomerCoupon } from "../../server/src/domain/campaigns/decision-input.js";
import type { StorefrontDecision } from "../../server/src/domain/campaigns/storefront-decision.js";
import type { CustomerPrediction } from "../../server/src/domain/timing/prediction.js";

export const SHOP = "preview-test.myshopify.com";
const DAY = 86_400_000;

/** Replenishment and coupon-expiry on (default 10 % holdout); `edit` changes the merchant's content. */
export function campaigns(edit: (c: CampaignConfig) => void = () => {}): CampaignConfig[] {
  return defaultCampaigns().map((c) => {
    const on = { ...c, enabled: c.key === "replenishment" || c.key === "coupon_expiry" };
    edit(on);
    return on;
  });
}

/** A repeat buyer whose coffee beans are due tomorrow. */
export function duePrediction(customerId: string, now: Date): CustomerPrediction {
  const last = new Date(now.getTime() - 13 * DAY);
  return {
    customerId,
    orderCount: 4,
    firstOrderAt: new Date(now.getTime() - 120 * DAY),
    lastOrderAt: last,
    cycleDays: 14,
    cycleSpreadDays: 3,
    dueWindow: {
      early: new Date(now.getTime() - 2 * DAY),
      likely: new Date(now.getTime() + DAY),
      late: new Date(now.getTime() + 5 * DAY),
    },
    churnRisk: 0.3,
    pAlive: 0.9,
    expectedOrders90d: 6,
    averageOrderValue: 30,
    clv: 400,
    rfm: { recency: 5, frequency: 4, monetary: 4, group: "Loyal" },
    segment: { lifecycle: "repeat", purchase: "active", visit: "unknown", key: "repeat:core_active" },
    reason: { en: "Buys every 14 days", ko: "14일마다 구매" },
    dueProducts: [
      {
        productId: "p1",
        variantId: "gid://shopify/ProductVariant/4411",
        title: "Coffee beans",
        dueAt: new Date(now.getTime() + DAY),
        cycleDays: 14,
      },
    ],
    computedAt: now,
  };
}

export function unusedCoupon(now: Date, expiresInDays = 3): CustomerCoupon {
  return {
    code: "SAVE10-XYZ",
    campaign: "win_back",
    occasion: new Date(now.getTime() - 20 * DAY).toISOString(),
    percentOff: 0.1,
    issuedAt: new Date(now.getTime() - 11 * DAY),
    expiresAt: new Date(now.getTime() + expiresInDays * DAY),
    usedAt: null,
  };
}

/** The first id of the form `${prefix}N` that lands on the wanted side of the campaign's holdout line. */
export function customerIdFor(campaign: CampaignKey, inHoldout: boolean, prefix: string): string {
  for (let n = 1; n < 10_000; n++) {
    if (isInHoldout(SHOP, campaign, `${prefix}${n}`, 0.1) === inHoldout) return `${prefix}${n}`;
  }
  throw new Error("no id found");
}

export interface DecideArgs {
  id: string;
  firstName: string;
  now: Date;
  prediction?: CustomerPrediction | null;
  coupons?: CustomerCoupon[];
  campaigns?: CampaignConfig[];
}

export function decideFor(a: DecideArgs): StorefrontDecision {
  return decide({
    shop: SHOP,
    customer: { id: a.id, firstName: a.firstName },
    prediction: a.prediction ?? null,
    coupons: a.coupons ?? [],
    events: [],
    campaigns: a.campaigns ?? campaigns(),
    now: a.now,
  }).decision;
}
