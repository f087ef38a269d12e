// Dashboard aggregates over the timing engine's customer_predictions (read-only). Scoped to one shop.
import { sql } from "kysely";
import type { SegmentCell } from "../../http/contracts.js";
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
  return { customers: Number(row.customers), totalClv: Number(row.total_clv), likelyLost: Number(row.likely_lost), computedAt: row.computed_at ?? null };
}

/** Customers whose due window opens in [from, to), earliest first, with their names. */
export async function dueSoon(db: Db, shop: string, from: Date, to: Date, limit: number) {
  const rows = await db
    .selectFrom("customer_predictions as p")
    .leftJoin("customers as c", (join) => join.onRef("c.shop_domain", "=", "p.shop_domain").onRef("c.customer_id", "=", "p.customer_id"))
    .select(["p.customer_id", "c.first_name", "c.last_name", "c.email", "p.due_early", "p.due_likely", "p.due_late", "p.segment_key", "p.p_alive", "p.p_active", "p.clv", "p.reason_en", "p.reason_ko"])
    .where("p.shop_domain", "=", shop)
    .where("p.due_early", ">=", from.toISOString())
    .where("p.due_early", "<", to.toISOString())
    .orderBy("p.due_early")
    .orderBy("p.customer_id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, first_name: r.first_name ?? null, last_name: r.last_name ?? null, email: r.email ?? null, due_early: r.due_early!, due_likely: r.due_likely!, due_late: r.due_late! }));
}
