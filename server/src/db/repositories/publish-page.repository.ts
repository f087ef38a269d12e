// A full recompute's pending publish pages (issue 11): each row names a range of customer ids, never the ids.
import type { Db } from "../database.js";

export interface PublishPage {
  id: string;
  shop: string;
  /** Exclusive lower bound in customer-id order; null for the shop's first page. */
  afterId: string | null;
  /** Inclusive upper bound. */
  throughId: string;
}

export async function insertPublishPage(db: Db, page: PublishPage, at: Date): Promise<void> {
  await db
    .insertInto("publish_pages")
    .values({
      id: page.id,
      shop_domain: page.shop,
      after_id: page.afterId,
      through_id: page.throughId,
      created_at: at.toISOString(),
    })
    .execute();
}

export async function findPublishPage(db: Db, id: string): Promise<PublishPage | undefined> {
  const row = await db.selectFrom("publish_pages").selectAll().where("id", "=", id).executeTakeFirst();
  return row && { id: row.id, shop: row.shop_domain, afterId: row.after_id, throughId: row.through_id };
}

export async function deletePublishPage(db: Db, id: string): Promise<void> {
  await db.deleteFrom("publish_pages").where("id", "=", id).execute();
}

/**
 * Pending pages of every shop stored before `storedBefore`, after `afterPageId` in page-id order: the resume scan
 * re-queues them a batch at a time.
 */
export async function listPublishPages(
  db: Db,
  storedBefore: Date,
  afterPageId: string | null,
  limit: number,
): Promise<PublishPage[]> {
  let query = db.selectFrom("publish_pages").selectAll().where("created_at", "<", storedBefore.toISOString());
  if (afterPageId !== null) query = query.where("id", ">", afterPageId);
  const rows = await query.orderBy("id").limit(limit).execute();
  return rows.map((r) => ({ id: r.id, shop: r.shop_domain, afterId: r.after_id, throughId: r.through_id }));
}

export async function deleteShopPublishPages(db: Db, shop: string): Promise<void> {
  await db.deleteFrom("publish_pages").where("shop_domain", "=", shop).execute();
}

/** Up to `limit` of a shop's customer ids with a prediction in (afterId, throughId], in id order (bounds compared in SQL). */
export async function listPredictionIdsInRange(
  db: Db,
  shop: string,
  afterId: string | null,
  throughId: string,
  limit: number,
): Promise<string[]> {
  let query = db
    .selectFrom("customer_predictions")
    .select("customer_id")
    .where("shop_domain", "=", shop)
    .where("customer_id", "<=", throughId);
  if (afterId !== null) query = query.where("customer_id", ">", afterId);
  const rows = await query.orderBy("customer_id").limit(limit).execute();
  return rows.map((r) => r.customer_id);
}
