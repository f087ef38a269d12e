import type { Db } from "../database.js";
import type { PrivacyRequestsTable, WebhookEventsTable } from "../tables/sync.tables.js";

export type WebhookEventRow = WebhookEventsTable;

/** Stores a delivery once. Returns false when this X-Shopify-Webhook-Id was already stored (a duplicate). */
export async function insertWebhookEvent(db: Db, row: WebhookEventRow): Promise<boolean> {
  const inserted = await db
    .insertInto("webhook_events")
    .values(row)
    .onConflict((oc) => oc.columns(["shop_domain", "webhook_id"]).doNothing())
    .returning("webhook_id")
    .execute();
  return inserted.length === 1;
}

export async function findWebhookEvent(db: Db, shop: string, webhookId: string): Promise<WebhookEventRow | undefined> {
  return db.selectFrom("webhook_events").selectAll().where("shop_domain", "=", shop).where("webhook_id", "=", webhookId).executeTakeFirst();
}

/** Marks a delivery done and drops its payload (the data now lives in the domain tables). */
export async function markWebhookProcessed(db: Db, shop: string, webhookId: string, now: Date): Promise<void> {
  await db
    .updateTable("webhook_events")
    .set({ status: "processed", processed_at: now.toISOString(), payload: null, error: null })
    .where("shop_domain", "=", shop)
    .where("webhook_id", "=", webhookId)
    .execute();
}

export async function markWebhookFailed(db: Db, shop: string, webhookId: string, error: string): Promise<void> {
  await db.updateTable("webhook_events").set({ status: "failed", error: error.slice(0, 1000) }).where("shop_domain", "=", shop).where("webhook_id", "=", webhookId).execute();
}

/** Deliveries stored but not processed (e.g. the process died in between), oldest first. Across shops: a worker query. */
export async function listPendingWebhookEvents(db: Db, olderThan: Date, limit: number): Promise<WebhookEventRow[]> {
  return db
    .selectFrom("webhook_events")
    .selectAll()
    .where("status", "in", ["received", "failed"])
    .where("received_at", "<", olderThan.toISOString())
    .orderBy("received_at")
    .limit(limit)
    .execute();
}

export async function countWebhookEvents(db: Db, shop: string): Promise<number> {
  const r = await db.selectFrom("webhook_events").select((eb) => eb.fn.countAll<number>().as("n")).where("shop_domain", "=", shop).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function deleteShopWebhookEvents(db: Db, shop: string): Promise<void> {
  await db.deleteFrom("webhook_events").where("shop_domain", "=", shop).execute();
}

export async function insertPrivacyRequest(db: Db, row: PrivacyRequestsTable): Promise<void> {
  await db.insertInto("privacy_requests").values(row).onConflict((oc) => oc.columns(["shop_domain", "webhook_id"]).doNothing()).execute();
}

export async function listPrivacyRequests(db: Db, shop: string): Promise<PrivacyRequestsTable[]> {
  return db.selectFrom("privacy_requests").selectAll().where("shop_domain", "=", shop).orderBy("received_at").execute();
}

/** Whether a customers/redact for this customer arrived at or after `since` (ISO): older deliveries must not revive them. */
export async function customerRedactedSince(db: Db, shop: string, customerId: string, since: string): Promise<boolean> {
  const row = await db
    .selectFrom("privacy_requests")
    .select("webhook_id")
    .where("shop_domain", "=", shop)
    .where("topic", "=", "customers/redact")
    .where("customer_id", "=", customerId)
    .where("received_at", ">=", since)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteShopPrivacyRequests(db: Db, shop: string): Promise<void> {
  await db.deleteFrom("privacy_requests").where("shop_domain", "=", shop).execute();
}
