import type { Db } from "../database.js";
import type { ShopifySessionsTable } from "../tables/core.tables.js";

export type SessionRow = ShopifySessionsTable;

export async function upsertSession(db: Db, row: SessionRow): Promise<void> {
  const { id: _id, ...rest } = row;
  await db
    .insertInto("shopify_sessions")
    .values(row)
    .onConflict((oc) => oc.column("id").doUpdateSet(rest))
    .execute();
}

export async function findSessionById(db: Db, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom("shopify_sessions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findSessionsByShop(db: Db, shop: string): Promise<SessionRow[]> {
  return db.selectFrom("shopify_sessions").selectAll().where("shop", "=", shop).orderBy("id").execute();
}

/** Returns how many rows were deleted. */
export async function deleteSessionsById(db: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.deleteFrom("shopify_sessions").where("id", "in", ids).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteSessionsByShop(db: Db, shop: string): Promise<number> {
  const result = await db.deleteFrom("shopify_sessions").where("shop", "=", shop).executeTakeFirst();
  return Number(result.numDeletedRows);
}
