// Row types for the timing engine (migration 2026_11_22_0200_timing). Dates are ISO-8601 UTC text, JSON is text.

/** One row per customer: the latest CustomerPrediction, flattened. */
export interface CustomerPredictionsTable {
  shop_domain: string;
  customer_id: string;
  order_count: number;
  first_order_at: string;
  last_order_at: string;
  cycle_days: number | null;
  cycle_spread_days: number | null;
  due_early: string | null;
  due_likely: string | null;
  due_late: string | null;
  churn_risk: number;
  p_alive: number;
  p_active: number | null;
  expected_orders_90d: number;
  /** Migration 2026_11_23_0100_order_chance; null for rows written before it. */
  p_order_90d: number | null;
  /**
   * Migration 2026_12_02_1100_next_order_window. The horizon of the next-order outlook (null on rows written before
   * it); with a horizon, null ends mean "not expected within that many days".
   */
  next_order_horizon_days: number | null;
  next_order_early: string | null;
  next_order_likely: string | null;
  next_order_late: string | null;
  average_order_value: number;
  clv: number;
  rfm_recency: number;
  rfm_frequency: number;
  rfm_monetary: number;
  rfm_group: string;
  segment_key: string;
  lifecycle: string;
  purchase_state: string;
  visit_state: string;
  reason_en: string;
  reason_ko: string;
  /** JSON array of DueProduct (dates as ISO text). */
  due_products: string;
  computed_at: string;
}

/** Per-product norms learned by the last full recompute. */
export interface ProductCyclesTable {
  shop_domain: string;
  product_id: string;
  variant_id: string | null;
  title: string;
  cycle_days: number | null;
  typical_quantity: number;
  repeat_pairs: number;
  next_order_log_mean: number;
  next_order_gaps: number;
  /** Why cycle_days is null (NoCycleReason); null on rows written before it was stored. */
  no_cycle_reason: string | null;
  computed_at: string;
}

/** The store-level model (everything but the product cycles) as JSON, one current row per shop. */
export interface ModelFitsTable {
  shop_domain: string;
  fitted_at: string;
  customers: number;
  /** JSON: gap prior, retention, BG/NBD and Gamma-Gamma fits with diagnostics, RFM cut points. */
  model: string;
}

export interface TimingTables {
  customer_predictions: CustomerPredictionsTable;
  product_cycles: ProductCyclesTable;
  model_fits: ModelFitsTable;
}
