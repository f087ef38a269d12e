import type { Db } from "../database.js";
import type { VisitSummary } from "../../domain/segments/visit-purchase-grid.js";
import { loadPixelLastVisits, shopHasPixelVisits } from "./pixel.repository.js";

/**
 * Last storefront visit per customer, from visit beacons (campaign_events kind "visit") and, for beacons the
 * retention job has folded away, customer_last_visits, and the web pixel's page views on a client our own orders
 * tie to the customer (pixel.repository.ts): the latest of them counts.
 * Null when the shop has never sent a visit: the segment grid then falls back to purchases only.
 * Otherwise every asked-for customer gets a summary, with lastVisitAt null when they never visited.
 */
export async function loadVisitSummaries(
  db: Db,
  shop: string,
  customerIds: string[] | null,
): Promise<Map<string, VisitSummary> | null> {
  const [raw, folded, pixel] = await Promise.all([
    db
      .selectFrom("campaign_events")
      .select("id")
      .where("shop_domain", "=", shop)
      .where("kind", "=", "visit")
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom("customer_last_visits")
      .select("customer_id")
      .where("shop_domain", "=", shop)
      .limit(1)
      .executeTakeFirst(),
    shopHasPixelVisits(db, shop),
  ]);
  if (!raw && !folded && !pixel) return null;
  if (customerIds?.length === 0) return new Map();
  let rawQuery = db
    .selectFrom("campaign_events")
    .select(["customer_id", (eb) => eb.fn.max("occurred_at").as("last_visit")])
    .where("shop_domain", "=", shop)
    .where("kind", "=", "visit")
    .where("customer_id", "is not", null)
    .groupBy("customer_id");
  let foldedQuery = db
    .selectFrom("customer_last_visits")
    .select(["customer_id", "last_visit_at as last_visit"])
    .where("shop_domain", "=", shop);
  if (customerIds) {
    rawQuery = rawQuery.where("customer_id", "in", customerIds);
    foldedQuery = foldedQuery.where("customer_id", "in", customerIds);
  }
  const last = new Map<string, string>();
  for (const r of [...(await foldedQuery.execute()), ...(await rawQuery.execute())]) {
    const at = r.last_visit as string;
    const id = r.customer_id as string;
    if (!last.has(id) || last.get(id)! < at) last.set(id, at);
  }
  for (const [id, at] of await loadPixelLastVisits(db, shop, customerIds)) {
    if (!last.has(id) || new Date(last.get(id)!) < new Date(at)) last.set(id, at);
  }
  const ids = customerIds ?? [...last.keys()];
  return new Map<string, VisitSummary>(
    ids.map((id) => [id, { lastVisitAt: last.has(id) ? new Date(last.get(id)!) : null }]),
  );
}
