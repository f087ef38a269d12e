// Counts the sync status shows on every check, each answered from an index (never the orders' rows).
import type { Db } from "../database.js";

/** Orders stored (an index-only count) and how many are excluded (the orders_excluded partial index). */
export async function countStoredOrders(db: Db, shop: string): Promise<{ total: number; excluded: number }> {
  const [total, excluded] = await Promise.all([
    db
      .selectFrom("orders")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("shop_domain", "=", shop)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("orders")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("shop_domain", "=", shop)
      .where("excluded_reason", "is not", null)
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(total.n), excluded: Number(excluded.n) };
}

/** Customers with a stored prediction (an index-only count): the first recompute's progress. */
export async function countPredictedCustomers(db: Db, shop: string): Promise<number> {
  const row = await db
    .selectFrom("customer_predictions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("shop_domain", "=", shop)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
