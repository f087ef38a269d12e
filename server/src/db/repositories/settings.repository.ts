import type { Db } from "../database.js";

/** The merchant's settings JSON (shops.settings), or null when the shop has no row. */
export async function readShopSettings(db: Db, shop: string): Promise<Record<string, unknown> | null> {
  const row = await db.selectFrom("shops").select("settings").where("shop_domain", "=", shop).executeTakeFirst();
  if (!row) return null;
  try {
    const parsed: unknown = JSON.parse(row.settings);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Replaces the settings JSON; creates the shop row first if the shop has none yet (demo before its first sync). */
export async function writeShopSettings(
  db: Db,
  shop: string,
  settings: Record<string, unknown>,
  now: Date,
): Promise<void> {
  const json = JSON.stringify(settings);
  await db
    .insertInto("shops")
    .values({
      shop_domain: shop,
      platform: "shopify",
      installed_at: now.toISOString(),
      uninstalled_at: null,
      settings: json,
    })
    .onConflict((oc) => oc.column("shop_domain").doUpdateSet({ settings: json }))
    .execute();
}
