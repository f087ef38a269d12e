import type { Db } from "../database.js";
import type { VisitSummary } from "../../domain/segments/visit-purchase-grid.js";

/**
 * Last storefront visit per customer, from visit beacons (campaign_events kind "visit").
 * Null when the shop has never sent a visit: the segment grid then falls back to purchases only.
 * Otherwise every asked-for customer gets a summary, with lastVisitAt null when they never visited.
 */
export async function loadVisitSummaries(db: Db, shop: string, customerIds: string[] | null): Promise<Map<string, VisitSummary> | null> {
  const any = await db.selectFrom("campaign_events").select("id").where("shop_domain", "=", shop).where("kind", "=", "visit").limit(1).executeTakeFirst();
  if (!any) return null;
  let query = db
    .selectFrom("campaign_events")
    .select(["customer_id", (eb) => eb.fn.max("occurred_at").as("last_visit")])
    .where("shop_domain", "=", shop)
    .where("kind", "=", "visit")
    .where("customer_id", "is not", null)
    .groupBy("customer_id");
  if (customerIds) {
    if (customerIds.length === 0) return new Map();
    query = query.where("customer_id", "in", customerIds);
  }
  const last = new Map((await query.execute()).map((r) => [r.customer_id as string, r.last_visit as string]));
  const ids = customerIds ?? [...last.keys()];
  const summaries = new Map<string, VisitSummary>(ids.map((id) => [id, { lastVisitAt: last.has(id) ? new Date(last.get(id)!) : null }]));
  return summaries;
}
