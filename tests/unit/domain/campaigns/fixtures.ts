import type { CustomerPrediction } from "../../../../server/src/domain/timing/prediction.js";
import type { CampaignConfig, CampaignKey } from "../../../../server/src/domain/campaigns/campaign.js";
import type { DecisionInput } from "../../../../server/src/domain/campaigns/decision-input.js";
import { defaultCampaigns } from "../../../../server/src/domain/campaigns/presets.js";
import { isInHoldout } from "../../../../server/src/domain/campaigns/holdout.js";

export const NOW = new Date("2026-11-22T12:00:00Z");
export const DAY = 86_400_000;
export const SHOP = "demo.myshopify.com";
export const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY);

export function prediction(overrides: Partial<CustomerPrediction> = {}): CustomerPrediction {
  return {
    customerId: "c1",
    orderCount: 3,
    firstOrderAt: daysAgo(120),
    lastOrderAt: daysAgo(28),
    cycleDays: 30,
    cycleSpreadDays: 5,
    dueWindow: { early: daysAgo(3), likely: daysAgo(-2), late: daysAgo(-8) },
    churnRisk: 0.2,
    pAlive: 0.9,
    expectedOrders90d: 3,
    averageOrderValue: 40,
    clv: 300,
    rfm: { recency: 4, frequency: 4, monetary: 4, group: "Loyal" },
    segment: { lifecycle: "repeat", purchase: "active", visit: "unknown", key: "repeat:active" },
    reason: { en: "r", ko: "r" },
    dueProducts: [
      {
        productId: "gid://shopify/Product/1",
        variantId: "gid://shopify/ProductVariant/4711",
        title: "Coffee beans",
        dueAt: daysAgo(-2),
        cycleDays: 30,
      },
    ],
    computedAt: NOW,
    ...overrides,
  };
}

/** All presets, with only `keys` switched on and no holdout unless asked. */
export function campaigns(keys: CampaignKey[], patch: (c: CampaignConfig) => void = () => {}): CampaignConfig[] {
  return defaultCampaigns().map((c) => {
    const out = { ...c, enabled: keys.includes(c.key), holdoutShare: 0 };
    patch(out);
    return out;
  });
}

export function input(overrides: Partial<DecisionInput> = {}): DecisionInput {
  return {
    shop: SHOP,
    customer: { id: "c1", firstName: "Mina" },
    prediction: prediction(),
    coupons: [],
    events: [],
    campaigns: campaigns(["replenishment"]),
    now: NOW,
    ...overrides,
  };
}

/** The first customer id (c0, c1, …) that the stable hash puts on the wanted side of a holdout line. */
export function customerOnSide(campaign: CampaignKey, share: number, holdout: boolean): string {
  for (let i = 0; i < 10_000; i++) {
    if (isInHoldout(SHOP, campaign, `c${i}`, share) === holdout) return `c${i}`;
  }
  throw new Error("no customer found");
}
