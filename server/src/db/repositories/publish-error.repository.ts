// Metafield writes the platform refused, kept on the customer's published_decisions row (so an erase removes them too).
import type { Db } from "../database.js";
import { chunks } from "./order.repository.js";

export interface PublishError {
  customerId: string;
  /** "unknown_customer": the platform no longer knows them; "invalid": it refused the value. */
  reason: string;
  message: string;
  failedAt: Date;
}

/** Marks these customers' decisions as refused (their row must exist: the publisher saves decisions first). */
export async function recordPublishErrors(
  db: Db,
  shop: string,
  errors: Array<Omit<PublishError, "failedAt">>,
  at: Date,
): Promise<void> {
  for (const e of errors) {
    await db
      .updateTable("published_decisions")
      .set({ publish_error: e.reason, publish_error_message: e.message, publish_failed_at: at.toISOString() })
      .where("shop_domain", "=", shop)
      .where("customer_id", "=", e.customerId)
      .execute();
  }
}

export async function clearPublishErrors(db: Db, shop: string, customerIds: string[]): Promise<void> {
  for (const ids of chunks(customerIds, 500)) {
    await db
      .updateTable("published_decisions")
      .set({ publish_error: null, publish_error_message: null, publish_failed_at: null })
      .where("shop_domain", "=", shop)
      .where("customer_id", "in", ids)
      .where("publish_error", "is not", null)
      .execute();
  }
}

/** The shop's refused customers (or only those among `customerIds`), by customer id. */
export async function listPublishErrors(db: Db, shop: string, customerIds?: string[]): Promise<PublishError[]> {
  const query = (ids?: string[]) => {
    let q = db
      .selectFrom("published_decisions")
      .select(["customer_id", "publish_error", "publish_error_message", "publish_failed_at"])
      .where("shop_domain", "=", shop)
      .where("publish_error", "is not", null);
    if (ids) q = q.where("customer_id", "in", ids);
    return q.orderBy("customer_id").execute();
  };
  const rows = customerIds ? (await Promise.all(chunks(customerIds, 500).map(query))).flat() : await query();
  return rows.map((r) => ({
    customerId: r.customer_id,
    reason: r.publish_error!,
    message: r.publish_error_message ?? "",
    failedAt: new Date(r.publish_failed_at!),
  }));
}

/** How many of the shop's customers have a refused decision (what the admin can show). */
export async function countPublishErrors(db: Db, shop: string): Promise<number> {
  const row = await db
    .selectFrom("published_decisions")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("shop_domain", "=", shop)
    .where("publish_error", "is not", null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
