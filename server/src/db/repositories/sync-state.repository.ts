import type { Db } from "../database.js";
import type { SyncStateTable } from "../tables/sync.tables.js";

export type SyncState = SyncStateTable;
export type SyncStatePatch = Partial<Omit<SyncStateTable, "shop_domain" | "updated_at">>;

export async function findSyncState(db: Db, shop: string): Promise<SyncState | undefined> {
  return db.selectFrom("sync_state").selectAll().where("shop_domain", "=", shop).executeTakeFirst();
}

/** Creates the row in phase "pending" if missing, then applies the patch. */
export async function saveSyncState(db: Db, shop: string, patch: SyncStatePatch, now: Date): Promise<void> {
  const updated_at = now.toISOString();
  await db
    .insertInto("sync_state")
    .values({ shop_domain: shop, phase: "pending", orders_done: 0, customers_done: 0, ...patch, updated_at })
    .onConflict((oc) => oc.column("shop_domain").doUpdateSet({ ...patch, updated_at }))
    .execute();
}

/** Remembers the newest webhook time without racing: only moves forward. */
export function recordWebhookSeen(db: Db, shop: string, at: Date): Promise<void> {
  return recordWebhooksSeen(db, [{ shop, at }]);
}

/** recordWebhookSeen for several shops in one statement (the webhook intake's batches); one row per shop. */
export async function recordWebhooksSeen(db: Db, seen: Array<{ shop: string; at: Date }>): Promise<void> {
  const newest = new Map<string, string>();
  for (const { shop, at } of seen) {
    const iso = at.toISOString();
    if ((newest.get(shop) ?? "") < iso) newest.set(shop, iso);
  }
  if (!newest.size) return;
  await db
    .insertInto("sync_state")
    .values(
      // In shop order: instances upserting overlapping shops then lock their rows in one order (no deadlock).
      [...newest]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([shop, iso]) => ({
          shop_domain: shop,
          phase: "pending",
          orders_done: 0,
          customers_done: 0,
          last_webhook_at: iso,
          updated_at: iso,
        })),
    )
    .onConflict((oc) =>
      oc
        .column("shop_domain")
        .doUpdateSet({ last_webhook_at: (eb) => eb.ref("excluded.last_webhook_at") })
        .where((eb) =>
          eb.or([
            eb("sync_state.last_webhook_at", "is", null),
            eb("sync_state.last_webhook_at", "<", eb.ref("excluded.last_webhook_at")),
          ]),
        ),
    )
    .execute();
}

/** The first full recompute after a backfill completed: recovery no longer owes it (no row made if erased), and a
 *  failure recorded by an earlier try is gone with it. */
export async function clearFirstRecomputePending(db: Db, shop: string): Promise<void> {
  await db
    .updateTable("sync_state")
    .set({ first_recompute_pending: null, error: null })
    .where("shop_domain", "=", shop)
    .where("first_recompute_pending", "is not", null)
    .execute();
}

/** Why the first full recompute failed, while it is still owed (a live shop has no other error to show); null
 *  while another try runs. */
export async function recordFirstRecomputeFailure(db: Db, shop: string, reason: string | null): Promise<void> {
  await db
    .updateTable("sync_state")
    .set({ error: reason })
    .where("shop_domain", "=", shop)
    .where("first_recompute_pending", "is not", null)
    .execute();
}

export async function deleteSyncState(db: Db, shop: string): Promise<void> {
  await db.deleteFrom("sync_state").where("shop_domain", "=", shop).execute();
}
