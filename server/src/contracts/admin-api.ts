// Request/response shapes of the admin API (/api/*), shared with web/ through `import type` only.
// Dates travel as ISO-8601 UTC strings. Owned by the admin UI (issue 6); features may add their types here.

import type { ChurnRiskBand } from "../domain/timing/churn-risk-bands.js";
import type { RfmGroupKey } from "../domain/segments/rfm-groups.js";
import type { CampaignResults } from "../services/campaign-results.service.js";
import type { FieldIssue } from "../services/campaign-input.js";
import type { CampaignPreview } from "../services/campaign-preview.service.js";
import { RFM_GROUPS } from "../domain/segments/rfm-groups.js";

export interface LocalizedText {
  en: string;
  ko: string;
}

export type Language = "en" | "ko";

/** Body of every error response (http/error-handler.ts). */
export interface ApiErrorBody {
  /** retriable: on PlatformUnavailable, whether trying again later can help. */
  error: { code: string; message: string; details?: unknown; retriable?: boolean };
}

// ---------- Dashboard: GET /api/dashboard ----------

export interface DashboardKpis {
  /** Customers with at least one counted order. */
  customers: number;
  /** Share (0..1) of those customers with two or more orders. */
  repeatPurchaseRate: number;
  /** Share (0..1) of customers who ordered in the previous 90 days and ordered again in the last 90. Null with no base. */
  retention90d: number | null;
  /** Mean predicted CLV per customer, in the shop currency. */
  averageClv: number;
  totalClv: number;
  /** Share (0..1) of predicted customers whose P(alive) is below one half. */
  churnShare: number;
  currency: string;
}

export interface SegmentCell {
  lifecycle: "first" | "repeat" | "none";
  purchase: "active" | "at_risk" | "inactive" | "never";
  visit: "active" | "at_risk" | "inactive" | "unknown";
  /** Segment key as in CustomerPrediction.segment.key. */
  key: string;
  count: number;
  /** Count in the snapshot about a week ago; null when there is none yet. */
  previousCount: number | null;
}

export interface CohortRow {
  /** First-order month, "YYYY-MM". */
  cohort: string;
  size: number;
  /** retention[k] = share (0..1) of the cohort that ordered in month k after the first (k = 1..). */
  retention: number[];
  /** The month (1-based, as in retention[partialMonth - 1]) still in progress: the current calendar month, whose
   *  share is still counting and must not read as a drop. Null when the row has no cell for it. */
  partialMonth: number | null;
}

export interface DueCustomer {
  customerId: string;
  name: string;
  email: string | null;
  dueEarly: string;
  dueLikely: string;
  dueLate: string;
  segmentKey: string;
  pAlive: number;
  clv: number;
  reason: LocalizedText;
}

export interface DashboardResponse {
  kpis: DashboardKpis;
  segments: SegmentCell[];
  /** Date (YYYY-MM-DD) of the snapshot "movement since last week" compares to, or null. */
  segmentsComparedTo: string | null;
  cohorts: CohortRow[];
  /** The first few of the customers `DUE_THIS_WEEK_QUERY` lists, in the list's order. */
  dueThisWeek: DueCustomer[];
  /** How many customers `DUE_THIS_WEEK_QUERY` lists in all (the customer list's total for it). */
  dueThisWeekTotal: number;
  /** When predictions were last computed; null when the timing engine has not run for this shop. */
  computedAt: string | null;
}

// ---------- Customers: GET /api/customers, GET /api/customers/:id ----------

export const CUSTOMER_SORTS = [
  "due",
  "churn_risk",
  "rfm",
  "spend",
  "clv",
  "p_alive",
  "last_order",
  "orders",
  "name",
] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
export type SortDirection = "asc" | "desc";
/** Each sort's natural direction: soonest due, riskiest, best RFM, biggest spender, newest order first. */
export const CUSTOMER_SORT_DIRECTIONS: Record<CustomerSort, SortDirection> = {
  due: "asc",
  churn_risk: "desc",
  rfm: "desc",
  spend: "desc",
  clv: "desc",
  p_alive: "asc",
  last_order: "desc",
  orders: "desc",
  name: "asc",
};
/**
 * Where a customer's reorder window stands: "overdue" (it closed), "open" (it opened before today and is still
 * open), "this_week" (it opens within 7 days), "next_30_days" (opens within 30 days, this week included), "later".
 */
export const CUSTOMER_DUE_WINDOWS = ["overdue", "open", "this_week", "next_30_days", "later"] as const;
export type CustomerDueWindow = (typeof CUSTOMER_DUE_WINDOWS)[number];
export { CHURN_RISK_BAND_KEYS, type ChurnRiskBand } from "../domain/timing/churn-risk-bands.js";
export { RFM_GROUP_KEYS, type RfmGroupKey } from "../domain/segments/rfm-groups.js";
export { segmentParts } from "../domain/segments/visit-purchase-grid.js";
export const CUSTOMER_PAGE_SIZE = 50;
/** The dashboard's "Due this week" card and its "View all" link both read the customer list with this query. */
export const DUE_THIS_WEEK_QUERY = { due: "this_week", sort: "due" } as const satisfies CustomerListQuery;

export interface CustomerListQuery {
  /** Exact segment key, e.g. "repeat:active". */
  segment?: string;
  lifecycle?: "first" | "repeat" | "none";
  purchase?: "active" | "at_risk" | "inactive" | "never";
  visit?: "active" | "at_risk" | "inactive" | "unknown";
  /** Shopify RFM groups (any of them). */
  rfm?: RfmGroupKey[];
  churn?: ChurnRiskBand;
  due?: CustomerDueWindow;
  sort?: CustomerSort;
  direction?: SortDirection;
  /** Matches name or email. */
  q?: string;
  /** 1-based. */
  page?: number;
}

export interface DueWindowDto {
  early: string;
  likely: string;
  late: string;
}

/**
 * The next order within `horizonDays` (issue 12), from the same model as orderChance90d, pAlive and churnRisk:
 * its 10–90 % window (today or later, inside the horizon; 80 % of past reorders fell inside) when an order is
 * more likely than not, else window null: "not expected within horizonDays days".
 */
export interface NextOrderDto {
  horizonDays: number;
  window: DueWindowDto | null;
}

export interface CustomerRow {
  customerId: string;
  name: string;
  email: string | null;
  orderCount: number;
  lastOrderAt: string | null;
  segmentKey: string | null;
  lifecycle: SegmentCell["lifecycle"] | null;
  purchase: SegmentCell["purchase"] | null;
  dueWindow: DueWindowDto | null;
  pAlive: number | null;
  churnRisk: number | null;
  clv: number | null;
  rfmGroup: RfmGroupKey | null;
  /** Net spend over the orders the model counts. */
  spent: number | null;
}

export interface CustomerListResponse {
  customers: CustomerRow[];
  page: number;
  pageSize: number;
  total: number;
  currency: string;
}

export interface OrderSummary {
  orderId: string;
  name: string | null;
  processedAt: string;
  totalPrice: number;
  refundedTotal: number;
  currency: string;
  discountCodes: string[];
  /** Why the model ignores it (cancelled, test, …), or null. */
  excludedReason: string | null;
  lines: Array<{ title: string; quantity: number; price: number }>;
}

export interface MessageSeen {
  campaign: string;
  /** e.g. "impression", "click", "dismiss". */
  kind: string;
  at: string;
}

export interface CouponSummary {
  code: string;
  campaign: string | null;
  expiresAt: string | null;
  /** e.g. "active", "used", "expired". */
  status: string;
}

/** Orders per page of a customer's timeline (GET /api/customers/:id?ordersPage=n). */
export const CUSTOMER_ORDERS_PAGE_SIZE = 10;

export interface CustomerTotals {
  spent: number;
  orders: number;
  averageOrder: number | null;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
}

export interface CustomerDetailResponse {
  customer: CustomerRow & {
    cycleDays: number | null;
    cycleSpreadDays: number | null;
    expectedOrders90d: number | null;
    /** Calibrated chance of at least one order in the next 90 days (null until a recompute has stored it). */
    orderChance90d: number | null;
    /** The next order within the horizon; null until a recompute has stored it (the page then shows dueWindow). */
    nextOrder: NextOrderDto | null;
    averageOrderValue: number | null;
    reason: LocalizedText | null;
    /**
     * overdue: the due date is already past (the replenishment campaign may still remind, up to its limit).
     * byUsualCycle: the date is inside the horizon but no order is expected within it, so it is only where their
     * usual cycle puts it, with the chance of any order within horizonDays (null otherwise, and for older rows).
     */
    dueProducts: Array<{
      productId: string;
      title: string;
      dueAt: string;
      cycleDays: number;
      overdue: boolean;
      byUsualCycle: { horizonDays: number; chance: number } | null;
    }>;
    /** Products this customer bought that have no cycle, and why. */
    productsWithoutCycle: Array<{
      productId: string;
      title: string;
      reason: "not_a_product" | "too_few_repeats" | "rarely_rebought";
    }>;
    computedAt: string | null;
  };
  currency: string;
  /** Counted orders only (cancelled, test, zero and refunded ones left out), net of refunds. */
  totals: CustomerTotals;
  /** One page of the timeline, newest first; `ordersPage` says which and how many there are in all. */
  orders: OrderSummary[];
  ordersPage: { page: number; pageSize: number; total: number };
  messages: MessageSeen[];
  coupons: CouponSummary[];
}

// ---------- Settings: GET/PUT /api/settings ----------

export interface SettingsResponse {
  shop: string;
  language: Language;
  /** IANA zone the admin writes dates in (Cafe24: the mall's, Asia/Seoul by default); null: the admin's default. */
  timeZone: string | null;
  /** Product ids or titles the merchant always treats as not a product (no restock cycle), or always as a product. */
  productOverrides: { nonProduct: string[]; product: string[] };
  /**
   * Cafe24 Flow events (issue 14): where they are POSTed, and the secret their X-Dangol-Signature is keyed with
   * (generated when a URL is first set); null when no URL is set.
   */
  flowWebhook: { url: string; secret: string } | null;
  /** N of the "coupon expires in N days" Flow event. */
  flowCouponWarningDays: number;
  /**
   * Where the shop's Flow events go: Shopify Flow's three triggers (the webhook URL is then unused), or the
   * merchant's signed webhook (Cafe24, which has no Flow). The same routing as platforms/flow-deliverer.ts.
   */
  flowEventsVia: "shopify-flow" | "signed-webhook";
}

/** Either or both; an override list replaces the stored one and takes effect at the next model fit. */
export interface SettingsUpdate {
  language?: Language;
  productOverrides?: { nonProduct: string[]; product: string[] };
  /** https (http://localhost only in the demo); null removes the webhook and its secret. */
  flowWebhookUrl?: string | null;
  /** 1..30 */
  flowCouponWarningDays?: number;
}

// ---------- Sync (issue 3): GET /api/sync/status — shape the UI expects ----------

export interface SyncStatusResponse {
  state: "idle" | "backfilling" | "syncing" | "done" | "failed";
  /** Backfill progress; null when no backfill is running or the total is unknown. */
  progress: { done: number; total: number | null } | null;
  lastWebhookAt: string | null;
  lastSyncedAt: string | null;
  orders: number;
  customers: number;
  error?: string | null;
  /** Webhook deliveries that failed all `maxAttempts` tries (newest first, at most 20 listed); `total` counts them all. */
  deadLetters: { total: number; maxAttempts: number; items: DeadLetter[] };
  /** Customers whose storefront decision Shopify refused (e.g. deleted there); each is retried on their next order or visit. */
  unpublishedCustomers: number;
  /**
   * While the first full recompute after the backfill runs (orders all in, predictions not yet): how many customers
   * are predicted so far, of the customers with a counted order, and why the last try failed, if it did (the
   * reconcile job tries again). Null (or absent) otherwise.
   */
  predicting?: { done: number; total: number; failed?: string | null } | null;
}

export interface DeadLetter {
  webhookId: string;
  topic: string;
  receivedAt: string;
  attempts: number;
  error: string | null;
}

/** POST /api/sync/dead-letters/:webhookId/retry: what the new try did ("failed" puts it back in the retry queue). */
export interface DeadLetterRetryResponse {
  outcome: "processed" | "ignored" | "failed" | "refused" | "duplicate";
}

// ---------- Model backtest (issue 4) — shape the UI expects ----------

export interface BacktestSummary {
  /** Holdout period the backtest covered. */
  from: string;
  to: string;
  /** Customers who reordered in the period. */
  reordered: number;
  /**
   * Share (0..1) of those whose reorder fell inside the predicted window; every reorderer counts, those the model
   * did not expect within the horizon scored against the window it would have stated.
   */
  insideWindowShare: number;
  /** The horizon of the windows in days (the holdout's length); a window never reaches past it. */
  horizonDays: number;
  /** Median width in days of the windows (first to last day, both included). */
  medianWindowDays: number;
  /** Share (0..1) of customers expected to order within the horizon (P ≥ ½), the ones a window is shown for. */
  windowedShare: number;
}

// ---------- Campaigns (issue 5) — shapes the UI expects (mirrors domain/campaigns/campaign.ts CampaignConfig as JSON);
// the campaigns feature owns the routes and may refine these. ----------

export interface CampaignDto {
  /** "replenishment" | "coupon_expiry" | "first_purchase" | "win_back" | "vip_thanks". */
  key: string;
  enabled: boolean;
  priority: number;
  /** Share (0 ≤ s < 1) of eligible customers held out to measure lift. */
  holdoutShare: number;
  cap: { maxImpressions: number; perDays: number };
  /** Empty lists mean "any". */
  segment: { lifecycles: string[]; purchaseStates: string[]; rfmGroups: string[] };
  content: { title: LocalizedText; body: LocalizedText; cta: LocalizedText };
  settings?: Record<string, unknown>;
}

export interface CampaignListResponse {
  campaigns: CampaignDto[];
}

export type CampaignPatch = Partial<
  Pick<CampaignDto, "enabled" | "priority" | "holdoutShare" | "cap" | "segment" | "content" | "settings">
>;

/** The settings each preset's rules read, plus the schedule; what the editor shows (domain/campaigns/knobs.ts). */
export { knobsOf as campaignKnobs, type SettingKnob } from "../domain/campaigns/knobs.js";
/** Shopify's RFM groups: `name` is what a campaign's segment.rfmGroups holds, `key` its enum value (labels). */
export const RFM_GROUP_CHOICES = Object.entries(RFM_GROUPS).map(([key, name]) => ({ key, name }));

/** A refused field of a campaign edit (400 details): services/campaign-input.ts. */
export type CampaignFieldIssue = FieldIssue;

/** POST /api/campaigns/:key/preview {draft?, customer?, lang}: the draft decided and rendered by the storefront's Liquid. */
export interface CampaignPreviewResponse extends CampaignPreview {
  lang: Language;
  /** A whole HTML document: the theme extension's blocks for this decision, for a sandboxed iframe. */
  html: string;
}

/** Exactly what the results service returns (type-only import: nothing server-side reaches the web bundle). */
export type CampaignResultsResponse = CampaignResults;
