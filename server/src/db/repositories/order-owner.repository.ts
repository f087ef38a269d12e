import type { Db } from "../database.js";

/** The shops that hold an order with this id (Shopify's order ids are global, so at most one legitimately). */
export async function listShopsHoldingOrder(db: Db, orderId: string): Promise<string[]> {
  const rows = await db.selectFrom("orders").select("shop_domain").where("order_id", "=", orderId).execute();
  return rows.map((r) => r.shop_domain);
}
