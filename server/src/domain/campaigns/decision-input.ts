import type { CustomerPrediction } from "../timing/prediction.js";
import type { CampaignConfig } from "./campaign.js";
import type { StorefrontLinks } from "./cta.js";

/** A per-customer code this app issued (or is issuing). */
export interface CustomerCoupon {
  code: string;
  campaign: string;
  /** The occasion the code was issued for (ISO date of its start, e.g. the last order); one code per occasion. */
  occasion: string;
  percentOff: number;
  issuedAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export const EVENT_KINDS = ["assignment", "impression", "click", "dismiss", "conversion", "visit"] as const;
export type CampaignEventKind = (typeof EVENT_KINDS)[number];

export interface CampaignEventFact {
  kind: CampaignEventKind;
  campaign: string | null;
  occurredAt: Date;
}

export interface DecisionInput {
  shop: string;
  customer: { id: string; firstName: string | null };
  /** Null when the timing engine has nothing for this customer yet. */
  prediction: CustomerPrediction | null;
  coupons: CustomerCoupon[];
  events: CampaignEventFact[];
  campaigns: CampaignConfig[];
  now: Date;
  /** Whose storefront the links are for (default Shopify's); Cafe24 links never carry a code. */
  links?: StorefrontLinks;
}
