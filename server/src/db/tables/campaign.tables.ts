// Owned by the campaign feature (migration 2026_11_22_0400_campaigns). Portable types: ISO text dates,
// 0/1 integers for booleans, JSON as text. Every row carries shop_domain; repositories always filter by it.

/** One row per shop and preset; JSON columns mirror CampaignConfig (domain/campaigns/campaign.ts). */
export interface CampaignsTable {
  shop_domain: string;
  campaign_key: string;
  enabled: number;
  priority: number;
  holdout_share: number;
  /** JSON FrequencyCap. */
  cap: string;
  /** JSON TargetSegment. */
  segment: string;
  /** JSON CampaignContent. */
  content: string;
  /** JSON CampaignSettings. */
  settings: string;
  updated_at: string;
}

/** Per-customer codes issued through CommercePlatform; (customer, campaign, occasion) is unique so a code is issued once. */
export interface CouponsTable {
  shop_domain: string;
  code: string;
  customer_id: string;
  campaign_key: string;
  /** ISO start of the occasion the code belongs to (e.g. the last order before going overdue). */
  occasion: string;
  percent_off: number;
  /** Null while the platform call is in flight ("pending"). */
  discount_id: string | null;
  status: "pending" | "active";
  issued_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Storefront beacons (impression/click/dismiss/visit) and engine facts (assignment/conversion). */
export interface CampaignEventsTable {
  id: string;
  shop_domain: string;
  customer_id: string | null;
  campaign_key: string | null;
  kind: string;
  /** 1 when the customer is in the campaign's holdout arm. */
  holdout: number;
  /** The converting order, for conversions. */
  order_id: string | null;
  occurred_at: string;
  /** The storefront page view that sent a beacon (unique per shopper, kind and campaign); null for engine facts. */
  page_view_id?: string | null;
  /** The A/B/n variant a beacon's banner showed, verified against the customer's assignment; null otherwise. */
  variant?: string | null;
}

/** Storefront beacons past their retention period, counted per shop, campaign ("" for none), kind and UTC day. */
export interface CampaignEventDailyTable {
  shop_domain: string;
  campaign_key: string;
  kind: string;
  day: string;
  events: number;
}

/** Each shopper's latest visit whose raw beacon the retention job has deleted (the visit axis needs only the latest). */
export interface CustomerLastVisitsTable {
  shop_domain: string;
  customer_id: string;
  last_visit_at: string;
}

/** The last StorefrontDecision per customer, with the verdicts that explain it. */
export interface PublishedDecisionsTable {
  shop_domain: string;
  customer_id: string;
  /** JSON StorefrontDecision. */
  decision: string;
  /** JSON Verdict[]. */
  verdicts: string;
  /** JSON Assignment[]. */
  assignments: string;
  decided_at: string;
  /** When the metafield write succeeded; null if it has not (yet). */
  published_at: string | null;
  /** Why the platform refused the last write ("unknown_customer" | "invalid"); null once one succeeds. */
  publish_error?: string | null;
  publish_error_message?: string | null;
  publish_failed_at?: string | null;
  /** JSON SegmentFieldValues last written to the customer's segment metafields; null before the first write. */
  segment_fields?: string | null;
}

export interface CampaignTables {
  campaigns: CampaignsTable;
  coupons: CouponsTable;
  campaign_events: CampaignEventsTable;
  campaign_event_daily: CampaignEventDailyTable;
  customer_last_visits: CustomerLastVisitsTable;
  published_decisions: PublishedDecisionsTable;
}
