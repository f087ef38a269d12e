// A made-up shopper for whom a campaign, as the editor has it, is eligible: the preview runs the real decision
// engine on it, so the sample banner carries the very discount, validity and lead days the engine would use.
import type { CampaignConfig } from "../domain/campaigns/campaign.js";
import type { CustomerCoupon, DecisionInput } from "../domain/campaigns/decision-input.js";
import { PRESET_DEFINITIONS } from "../domain/campaigns/presets.js";
import type { Locale } from "../domain/campaigns/render.js";
import type { Lifecycle, PurchaseState } from "../domain/timing/prediction.js";

const DAY = 86_400_000;
export const PREVIEW_CODE = "DANGOL-PREVIEW";
export const SAMPLE_CUSTOMER_ID = "preview";
const SAMPLE: Record<Locale, { name: string; product: string }> = {
  en: { name: "Mina", product: "Coffee beans" },
  ko: { name: "민아", product: "원두 커피" },
};

/** The code a coupon_expiry notice would remind of: one from the shop's first coupon-issuing campaign that runs. */
function expiringCoupon(c: CampaignConfig, all: CampaignConfig[], at: Date): CustomerCoupon {
  const issuers = all
    .filter((x) => PRESET_DEFINITIONS[x.key].issuesCoupon)
    .sort((a, b) => Number(b.enabled) - Number(a.enabled) || b.priority - a.priority);
  const within = c.settings.withinDays ?? 7;
  return {
    code: PREVIEW_CODE,
    campaign: issuers[0]?.key ?? "win_back",
    occasion: new Date(at.getTime() - 30 * DAY).toISOString(),
    percentOff: issuers[0]?.settings.percentOff ?? 0.1,
    issuedAt: new Date(at.getTime() - DAY),
    // The first moment the notice shows: `withinDays` before expiry.
    expiresAt: new Date(at.getTime() + within * DAY),
    usedAt: null,
  };
}

/** A shopper in the campaign's target segment who meets its rule at the earliest point it would show. */
export function sampleDecisionInput(
  shop: string,
  c: CampaignConfig,
  all: CampaignConfig[],
  lang: Locale,
  at: Date,
): DecisionInput {
  const s = c.settings;
  const ago = (days: number) => new Date(at.getTime() - days * DAY);
  const firstOrder = c.key === "first_purchase";
  const firstOrderAt = firstOrder ? ago(s.minDaysAfterFirstOrder ?? 0) : ago(120);
  const late = c.key === "win_back" ? ago((s.graceDays ?? 0) + 1) : ago(-8);
  return {
    shop,
    customer: { id: SAMPLE_CUSTOMER_ID, firstName: SAMPLE[lang].name },
    prediction: {
      customerId: SAMPLE_CUSTOMER_ID,
      orderCount: firstOrder ? 1 : 3,
      firstOrderAt,
      lastOrderAt: firstOrder ? firstOrderAt : ago(28),
      cycleDays: 30,
      cycleSpreadDays: 5,
      dueWindow: { early: ago(3), likely: ago(-2), late },
      churnRisk: 0.2,
      pAlive: 0.9,
      expectedOrders90d: 2,
      averageOrderValue: 40,
      clv: 300,
      rfm: { recency: 4, frequency: 4, monetary: 4, group: c.segment.rfmGroups[0] ?? "Loyal" },
      segment: {
        lifecycle: (c.segment.lifecycles[0] ?? (firstOrder ? "first" : "repeat")) as Lifecycle,
        purchase: (c.segment.purchaseStates[0] ?? "active") as PurchaseState,
        visit: "unknown",
        key: "sample",
      },
      reason: { en: "", ko: "" },
      dueProducts: [
        {
          productId: "gid://shopify/Product/1",
          variantId: "gid://shopify/ProductVariant/1",
          title: SAMPLE[lang].product,
          // Due `leadDays` ahead: the first day a replenishment banner shows.
          dueAt: ago(-(s.leadDays ?? 3)),
          cycleDays: 30,
        },
      ],
      computedAt: at,
    },
    coupons: c.key === "coupon_expiry" ? [expiringCoupon(c, all, at)] : [],
    events: [],
    campaigns: all,
    now: at,
  };
}
