// The shop currency and the segment snapshots behind the dashboard's movement. Every query is scoped to one shop.
import { sql } from "kysely";
import type { Db } from "../database.js";

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
