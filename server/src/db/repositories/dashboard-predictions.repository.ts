// Dashboard aggregates over the timing engine's customer_predictions (read-only). Scoped to one shop.
import { sql } from "kysely";
import type { SegmentCell } from "../../contracts/admin-api.js";
import type { Db } from "../database.js";

export async function segmentCounts(db: Db, shop: string): Promise<Array<Omit<SegmentCell, "previousCount">>> {
  const rows = await db
    .selectFrom("customer_predictions")
    .select(["segment_key", "lifecycle", "purchase_state", "visit_state", (eb) => eb.fn.countAll<number>().as("n")])
    .where("shop_domain", "=", shop)
    .groupBy(["segment_key", "lifecycle", "purchase_state", "visit_state"])
    .orderBy("segment_key")
    .execute();
  return rows.map((r) => ({
    key: r.segment_key,
    lifecycle: r.lifecycle as SegmentCell["lifecycle"],
    purchase: r.purchase_state as SegmentCell["purchase"],
    visit: r.visit_state as SegmentCell["visit"],
    count: Number(r.n),
  }));
}

export interface PredictionTotals {
  customers: number;
  totalClv: number;
  /** Past the late (90th-percentile) end of their own cycle: churn risk ≥ 0.9. BG/NBD P(alive) is 1 for every one-time buyer, so it can't judge them. */
  likelyLost: number;
  computedAt: string | null;
}

export async function predictionTotals(db: Db, shop: string): Promise<PredictionTotals> {
  const row = await db
    .selectFrom("customer_predictions")
    .select([
      sql<number>`count(*)`.as("customers"),
      sql<number>`coalesce(sum(clv), 0)`.as("total_clv"),
      sql<number>`coalesce(sum(case when churn_risk >= 0.9 then 1 else 0 end), 0)`.as("likely_lost"),
      sql<string | null>`max(computed_at)`.as("computed_at"),
    ])
    .where("shop_domain", "=", shop)
    .executeTakeFirstOrThrow();
  return {
    customers: Number(row.customers),
    totalClv: Number(row.total_clv),
    likelyLost: Number(row.likely_lost),
    computedAt: row.computed_at ?? null,
  };
}
