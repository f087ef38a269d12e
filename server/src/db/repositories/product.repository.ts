import type { Db } from "../database.js";

export async function deleteShopProducts(db: Db, shop: string): Promise<void> {
  await db.deleteFrom("products").where("shop_domain", "=", shop).execute();
}
