import type { Lifecycle, PurchaseState } from "../timing/prediction.js";
import type { ExperimentState } from "../experiments/variant.js";
import type { LocalizedText } from "./storefront-decision.js";

/** The five preset campaigns; each is one toggle per shop. */
export const CAMPAIGN_KEYS = ["replenishment", "coupon_expiry", "first_purchase", "win_back", "vip_thanks"] as const;
export type CampaignKey = (typeof CAMPAIGN_KEYS)[number];

export function isCampaignKey(value: unknown): value is CampaignKey {
  return typeof value === "string" && (CAMPAIGN_KEYS as readonly string[]).includes(value);
}

/** Where a campaign shows: one banner slot (app block) and one notice slot (coupon-expiry bar) per page. */
export type Slot = "banner" | "notice";

/** Who a campaign may reach. An empty list means "any". */
export interface TargetSegment {
  lifecycles: Lifecycle[];
  purchaseStates: PurchaseState[];
  /** Shopify RFM group names, e.g. "Champions". */
  rfmGroups: string[];
}

/**
 * One impression budget per customer shared by all campaigns: a campaign may show only while the customer
 * has seen fewer than `maxImpressions` Dangol impressions (of any campaign) in the last `perDays` days.
 */
export interface FrequencyCap {
  maxImpressions: number;
  perDays: number;
}

/** Merchant-editable text; tokens such as {first_name}, {product}, {days_left}, {code}, {percent} are filled at render. */
export interface CampaignContent {
  title: LocalizedText;
  body: LocalizedText;
  cta: LocalizedText;
}

/** Per-preset knobs (all optional; presets supply defaults). */
export interface CampaignSettings {
  /** replenishment: show from this many days before the due date… */
  leadDays?: number;
  /** …until this many days after it. */
  maxOverdueDays?: number;
  /** coupon_expiry: show when an unused code expires within this many days. */
  withinDays?: number;
  /** first_purchase: the window after the first order, in days. */
  minDaysAfterFirstOrder?: number;
  maxDaysAfterFirstOrder?: number;
  /** win_back: days past the customer's own late due date before they count as overdue. */
  graceDays?: number;
  /** Coupon-issuing campaigns (first_purchase, win_back): discount share 0 < p ≤ 1 and validity. */
  percentOff?: number;
  couponValidDays?: number;
  /** Banner link for campaigns without a product (a relative storefront path such as "/collections/all"). */
  ctaPath?: string;
  /** Schedule (schedule.ts): first and last UTC day the campaign runs, "YYYY-MM-DD"; null or absent = open. */
  startsOn?: string | null;
  endsOn?: string | null;
}

export interface CampaignConfig {
  key: CampaignKey;
  enabled: boolean;
  /** Higher wins within a slot. */
  priority: number;
  /** Share of eligible customers kept out (0 ≤ share < 1) to measure lift. */
  holdoutShare: number;
  cap: FrequencyCap;
  segment: TargetSegment;
  content: CampaignContent;
  settings: CampaignSettings;
  /** A/B/n variants beyond the campaign's own content ("a") and the chosen winner; absent = content only. */
  experiment?: ExperimentState;
}
