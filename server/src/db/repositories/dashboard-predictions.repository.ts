// Dashboard aggregates over the timing engine's customer_predictions (read-only). Scoped to one shop.
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
