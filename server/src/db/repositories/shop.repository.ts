import type { Db } from "../database.js";
import type { ShopsTable } from "../tables/core.tables.js";

/** Records an install (or a re-install: clears uninstalled_at, keeps settings). */
export async function upsertInstalledShop(db: Db, shop: string, platform: string, now: Date): Promise<void> {
  await db
    .insertInto("shops")
    .values({ shop_domain: shop, platform, installed_at: now.toISOString(), uninstalled_at: null, settings: "{}" })
    .onConflict((oc) => oc.column("shop_domain").doUpdateSet({ uninstalled_at: null }))
    .execute();
}

export async function findShop(db: Db, shop: string): Promise<ShopsTable | undefined> {
  return db.selectFrom("shops").selectAll().where("shop_domain", "=", shop).executeTakeFirst();
}

/** Shops with the app installed, e.g. for the reconcile job. */
export async function listInstalledShops(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom("shops")
    .select("shop_domain")
    .where("uninstalled_at", "is", null)
    .orderBy("shop_domain")
    .execute();
  return rows.map((r) => r.shop_domain);
}

export async function deleteShop(db: Db, shop: string): Promise<void> {
  await db.deleteFrom("shops").where("shop_domain", "=", shop).execute();
}
