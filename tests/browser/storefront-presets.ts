// One engine-made decision per banner preset, with the presets' default en/ko text (the longest a new shop shows),
// for the storefront layout tests.
import type { CampaignKey } from "../../server/src/domain/campaigns/campaign.js";
import type { CustomerCoupon } from "../../server/src/domain/campaigns/decision-input.js";
import type { StorefrontDecision } from "../../server/src/domain/campaigns/storefront-decision.js";
import type { CustomerPrediction } from "../../server/src/domain/timing/prediction.js";
import { campaigns, customerIdFor, decideFor, duePrediction } from "./engine-fixtures.js";

const DAY = 86_400_000;

export interface PresetCustomer {
  id: string;
  firstName: string;
  decision: StorefrontDecision;
}

function code(campaign: CampaignKey, occasion: Date, now: Date, validDays = 14): CustomerCoupon {
  return {
    code: "DG-7KQ2M9XHTR",
    campaign,
    occasion: occasion.toISOString(),
    percentOff: campaign === "win_back" ? 0.15 : 0.1,
    issuedAt: now,
    expiresAt: new Date(now.getTime() + validDays * DAY),
    usedAt: null,
  };
}

function only(key: CampaignKey) {
  return campaigns((c) => {
    c.enabled = c.key === key;
  });
}

/** Banner customers for replenishment, first purchase, win-back and VIP thank-you (Korean-friendly first names). */
export function bannerPresetCustomers(now: Date): Record<string, PresetCustomer> {
  const make = (
    key: CampaignKey,
    firstName: string,
    prediction: (id: string) => CustomerPrediction,
    coupon?: (p: CustomerPrediction) => CustomerCoupon,
  ) => {
    const id = customerIdFor(key, false, `${key}-`);
    const p = prediction(id);
    return {
      id,
      firstName,
      decision: decideFor({
        id,
        firstName,
        now,
        prediction: p,
        coupons: coupon ? [coupon(p)] : [],
        campaigns: only(key),
      }),
    };
  };
  const overdue = (id: string): CustomerPrediction => {
    const p = duePrediction(id, now);
    const late = new Date(now.getTime() - 20 * DAY);
    return {
      ...p,
      lastOrderAt: new Date(now.getTime() - 60 * DAY),
      dueWindow: { early: new Date(late.getTime() - 10 * DAY), likely: new Date(late.getTime() - 5 * DAY), late },
      dueProducts: [],
    };
  };
  const firstOrder = (id: string): CustomerPrediction => {
    const first = new Date(now.getTime() - DAY);
    return {
      ...duePrediction(id, now),
      orderCount: 1,
      firstOrderAt: first,
      lastOrderAt: first,
      segment: { lifecycle: "first", purchase: "active", visit: "unknown", key: "first:active" },
    };
  };
  const champion = (id: string): CustomerPrediction => ({
    ...duePrediction(id, now),
    dueProducts: [],
    rfm: { recency: 5, frequency: 5, monetary: 5, group: "Champions" },
  });
  return {
    replenishment: make("replenishment", "Minji", (id) => duePrediction(id, now)),
    first_purchase: make("first_purchase", "Seoyeon", firstOrder, (p) => code("first_purchase", p.firstOrderAt, now)),
    win_back: make("win_back", "Jiwoo", overdue, (p) => code("win_back", p.lastOrderAt, now)),
    vip_thanks: make("vip_thanks", "Haneul", champion),
  };
}
