// Read-only aggregates for the admin dashboard. Every query is scoped to one shop.
import { sql } from "kysely";
import type { Db } from "../database.js";

export interface OrderStats {
  /** Customers with at least one counted order. */
  customers: number;
  repeatCustomers: number;
  /** Customers who ordered in [prevStart, recentStart) and, of those, how many also ordered in [recentStart, now]. */
  retentionBase: number;
  retained: number;
  currency: string | null;
}

/** Counted orders only (excluded_reason null), as the model sees them. */
export async function orderStats(db: Db, shop: string, prevStart: Date, recentStart: Date): Promise<OrderStats> {
  const prev = prevStart.toISOString();
  const recent = recentStart.toISOString();
  const perCustomer = db
    .selectFrom("orders")
    .select((eb) => [
      "customer_id",
      eb.fn.countAll<number>().as("orders"),
      sql<number>`max(case when processed_at >= ${prev} and processed_at < ${recent} then 1 else 0 end)`.as("in_prev"),
      sql<number>`max(case when processed_at >= ${recent} then 1 else 0 end)`.as("in_recent"),
    ])
    .where("shop_domain", "=", shop)
    .where("customer_id", "is not", null)
    .where("excluded_reason", "is", null)
    .groupBy("customer_id")
    .as("c");
  const row = await db
    .selectFrom(perCustomer)
    .select([
      sql<number>`count(*)`.as("customers"),
      sql<number>`coalesce(sum(case when c.orders >= 2 then 1 else 0 end), 0)`.as("repeat_customers"),
      sql<number>`coalesce(sum(c.in_prev), 0)`.as("retention_base"),
      sql<number>`coalesce(sum(c.in_prev * c.in_recent), 0)`.as("retained"),
    ])
    .executeTakeFirstOrThrow();
  const currency = await shopCurrency(db, shop);
  return {
    customers: Number(row.customers),
    repeatCustomers: Number(row.repeat_customers),
    retentionBase: Number(row.retention_base),
    retained: Number(row.retained),
    currency,
  };
}

/** The currency of the shop's latest order (the shop currency for display), or null without orders. */
export async function shopCurrency(db: Db, shop: string): Promise<string | null> {
  const row = await db
    .selectFrom("orders")
    .select("currency")
    .where("shop_domain", "=", shop)
    .orderBy("processed_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.currency ?? null;
}

/** Distinct (customer, "YYYY-MM") pairs with a counted order since `since`: the input of the cohort table. */
export async function customerOrderMonths(
  db: Db,
  shop: string,
  since: Date,
): Promise<Array<{ customerId: string; month: string }>> {
  const rows = await db
    .selectFrom("orders")
    .select(["customer_id", sql<string>`substr(processed_at, 1, 7)`.as("month")])
    .distinct()
    .where("shop_domain", "=", shop)
    .where("customer_id", "is not", null)
    .where("excluded_reason", "is", null)
    .where("processed_at", ">=", since.toISOString())
    .execute();
  return rows.map((r) => ({ customerId: r.customer_id!, month: r.month }));
}

/** First counted order month per customer (for customers whose first order is on or after `since`). */
export async function firstOrderMonths(db: Db, shop: string, since: Date): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("orders")
    .select(["customer_id", sql<string>`substr(min(processed_at), 1, 7)`.as("first_month")])
    .where("shop_domain", "=", shop)
    .where("customer_id", "is not", null)
    .where("excluded_reason", "is", null)
    .groupBy("customer_id")
    .having(sql`min(processed_at)`, ">=", since.toISOString())
    .execute();
  return new Map(rows.map((r) => [r.customer_id!, r.first_month]));
}

/**
 * Latest snapshot dated within [from, to] (YYYY-MM-DD) that was taken on the day it describes: its date and
 * counts per segment key. A snapshot written later for an earlier date (rebuilt from history) is not an
 * observation and is skipped.
 */
export async function observedSnapshotBetween(
  db: Db,
  shop: string,
  from: string,
  to: string,
): Promise<{ date: string; counts: Map<string, number> } | null> {
  const latest = await db
    .selectFrom("segment_snapshots")
    .select((eb) => eb.fn.max("snapshot_date").as("d"))
    .where("shop_domain", "=", shop)
    .where("snapshot_date", ">=", from)
    .where("snapshot_date", "<=", to)
    .where(sql<boolean>`substr(created_at, 1, 10) = snapshot_date`)
    .executeTakeFirst();
  if (!latest?.d) return null;
  const rows = await db
    .selectFrom("segment_snapshots")
    .select(["segment_key", "customers"])
    .where("shop_domain", "=", shop)
    .where("snapshot_date", "=", latest.d)
    .execute();
  return { date: latest.d, counts: new Map(rows.map((r) => [r.segment_key, Number(r.customers)])) };
}

/** Stores today's counts; re-running the same day replaces them (idempotent). */
export async function saveSnapshot(
  db: Db,
  shop: string,
  date: string,
  counts: Map<string, number>,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("segment_snapshots")
      .where("shop_domain", "=", shop)
      .where("snapshot_date", "=", date)
      .execute();
    const rows = [...counts].map(([segment_key, customers]) => ({
      shop_domain: shop,
      snapshot_date: date,
      segment_key,
      customers,
      created_at: now.toISOString(),
    }));
    if (rows.length) await trx.insertInto("segment_snapshots").values(rows).execute();
  });
}
