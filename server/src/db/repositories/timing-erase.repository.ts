import type { Db } from "../database.js";

/** Everything the timing engine and the dashboard derived for a shop (uninstall, shop/redact). */
export async function deleteShopTimingData(db: Db, shop: string): Promise<void> {
  await db.deleteFrom("customer_predictions").where("shop_domain", "=", shop).execute();
  await db.deleteFrom("product_cycles").where("shop_domain", "=", shop).execute();
  await db.deleteFrom("model_fits").where("shop_domain", "=", shop).execute();
  await db.deleteFrom("segment_snapshots").where("shop_domain", "=", shop).execute();
  await db.deleteFrom("dashboard_summaries").where("shop_domain", "=", shop).execute();
}

/**
 * One customer's prediction (customers/redact), and the shop's dashboard figures, which counted them (rebuilt on the
 * next view). Store-level norms hold no personal data and stay.
 */
export async function deleteCustomerTimingData(db: Db, shop: string, customerId: string): Promise<void> {
  await db
    .deleteFrom("customer_predictions")
    .where("shop_domain", "=", shop)
    .where("customer_id", "=", customerId)
    .execute();
  await db.deleteFrom("dashboard_summaries").where("shop_domain", "=", shop).execute();
}
