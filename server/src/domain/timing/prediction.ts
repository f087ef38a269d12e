/**
 * The per-customer result of the timing engine: the contract between the engine (issue 4),
 * campaigns/storefront (issue 5) and the admin UI (issue 6). Extend, don't rename.
 */
export type Lifecycle = "first" | "repeat" | "none";

/** Purchase axis of the visit × purchase grid, judged against the customer's own cycle. */
export type PurchaseState = "active" | "at_risk" | "inactive" | "never";
/** Visit axis from storefront beacons; "unknown" when we have no visit data (grid falls back to purchase only). */
export type VisitState = "active" | "at_risk" | "inactive" | "unknown";

export interface Segment {
  lifecycle: Lifecycle;
  purchase: PurchaseState;
  visit: VisitState;
  /** Stable key such as "repeat:core_active", "first:purchase_at_risk_visit_active", "none:never_purchased_visit_active". */
  key: string;
}

export interface DueWindow {
  /** 10th percentile date of the next order. */
  early: Date;
  /** Most likely date (mode). */
  likely: Date;
  /** 90th percentile date. */
  late: Date;
}

export interface DueProduct {
  productId: string;
  variantId: string | null;
  title: string;
  dueAt: Date;
  cycleDays: number;
  /**
   * Set when dueAt falls inside the horizon but the customer's next order is not expected within it: the date is
   * only where their usual cycle puts it, and `chance` is P(any order within horizonDays) (due-products.ts).
   */
  byUsualCycleOnly?: { horizonDays: number; chance: number };
}

export interface Rfm {
  recency: number; // 1..5
  frequency: number; // 1..5
  monetary: number; // 1..5
  /** One of Shopify's 11 RFM group names, e.g. "Champions", "At risk". */
  group: string;
}

export interface CustomerPrediction {
  customerId: string;
  orderCount: number;
  firstOrderAt: Date;
  lastOrderAt: Date;
  /** Expected days between orders after shrinkage (null when nothing is known at all). */
  cycleDays: number | null;
  /** Spread (± days) of the cycle, for the reason line. */
  cycleSpreadDays: number | null;
  /**
   * When the next order was due by the customer's own rhythm (10th–90th percentile of their gap from the last
   * order); in the past once they are overdue (what "overdue" filters and win-back read).
   */
  dueWindow: DueWindow | null;
  /**
   * The next order within the forecast horizon: its 10–90 % window (calibrated so that 80 % of the customers who
   * reorder within the horizon do so inside it; never past the horizon), or null when it is not expected within
   * `horizonDays` (P(order within the horizon) below one half). Absent in predictions stored before it existed.
   */
  nextOrder?: { horizonDays: number; window: DueWindow | null };
  /**
   * P(the customer has stopped buying), 1 − pActive: the same model's view, so "chance active" and "churn risk"
   * always add up to 100 %. A 2-week buyer silent 40 days scores near 1.
   */
  churnRisk: number;
  /** BG/NBD probability the customer is still active, 0..1 (falls back to pActive when the store's fit is degenerate). */
  pAlive: number;
  /** Timing-model probability the customer is still buying, given store retention and their silence vs own rhythm. */
  pActive?: number;
  /** Timing-model expected orders (purchase days) in the next 90 days, calibrated on the store's recent past. */
  expectedOrders90d: number;
  /** Calibrated P(at least one order in the next 90 days): the stacked ranker the backtest's AUC measures. */
  pOrder90d?: number;
  averageOrderValue: number;
  /** Predicted customer lifetime value (Gamma-Gamma spend × BG/NBD transactions, horizon set by the engine). */
  clv: number;
  rfm: Rfm;
  segment: Segment;
  reason: { en: string; ko: string };
  dueProducts: DueProduct[];
  computedAt: Date;
}
