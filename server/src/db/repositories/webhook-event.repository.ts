import type { Db } from "../database.js";
import type { PrivacyRequestsTable, WebhookEventsTable } from "../tables/sync.tables.js";

export type WebhookEventRow = WebhookEventsTable;
/** A new delivery: no failed tries yet, and (unless told otherwise) due for a retry from the moment it arrived. */
export type NewWebhookEvent = Omit<WebhookEventRow, "attempts" | "next_attempt_at"> &
  Partial<Pick<WebhookEventRow, "attempts" | "next_attempt_at">>;

/** Stores a delivery once. Returns false when this X-Shopify-Webhook-Id was already stored (a duplicate). */
export async function insertWebhookEvent(db: Db, row: NewWebhookEvent): Promise<boolean> {
  const inserted = await db
    .insertInto("webhook_events")
    .values({
      ...row,
      attempts: row.attempts ?? 0,
      next_attempt_at: row.next_attempt_at === undefined ? row.received_at : row.next_attempt_at,
    })
    .onConflict((oc) => oc.columns(["shop_domain", "webhook_id"]).doNothing())
    .returning("webhook_id")
    .execute();
  return inserted.length === 1;
}

export async function findWebhookEvent(db: Db, shop: string, webhookId: string): Promise<WebhookEventRow | undefined> {
  return db
    .selectFrom("webhook_events")
    .selectAll()
    .where("shop_domain", "=", shop)
    .where("webhook_id", "=", webhookId)
    .executeTakeFirst();
}

/** Marks a delivery done and drops its payload (the data now lives in the domain tables). */
export async function markWebhookProcessed(db: Db, shop: string, webhookId: string, now: Date): Promise<void> {
  await db
    .updateTable("webhook_events")
    .set({ status: "processed", processed_at: now.toISOString(), payload: null, error: null, next_attempt_at: null })
    .where("shop_domain", "=", shop)
    .where("webhook_id", "=", webhookId)
    .execute();
}

/** A failed try: `nextAttemptAt` null makes it a dead letter (kept, with its payload, for the merchant to retry). */
export async function markWebhookFailed(
  db: Db,
  shop: string,
  webhookId: string,
  failure: { error: string; attempts: number; nextAttemptAt: Date | null },
): Promise<void> {
  await db
    .updateTable("webhook_events")
    .set({
      status: failure.nextAttemptAt ? "failed" : "dead",
      error: failure.error.slice(0, 1000),
      attempts: failure.attempts,
      next_attempt_at: failure.nextAttemptAt?.toISOString() ?? null,
    })
    .where("shop_domain", "=", shop)
    .where("webhook_id", "=", webhookId)
    .execute();
}

/** A delivery we will never apply (e.g. an order body another shop owns): nothing written, payload dropped. */
export async function markWebhookRefused(
  db: Db,
  shop: string,
  webhookId: string,
  reason: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable("webhook_events")
    .set({
      status: "refused",
      processed_at: now.toISOString(),
      payload: null,
      error: reason.slice(0, 1000),
      next_attempt_at: null,
    })
    .where("shop_domain", "=", shop)
    .where("webhook_id", "=", webhookId)
    .execute();
}

/**
 * Takes one delivery to apply, atomically: status becomes "applying" and next_attempt_at the end of the lease
 * (a worker that dies mid-apply leaves it due again then). Undefined when it is not there to take: applied,
 * refused, dead, or already taken by another worker (two paths racing apply it once). `fresh` takes a
 * delivery nobody has started ("received"), however recent; otherwise only one that is due.
 */
export async function claimWebhookEvent(
  db: Db,
  shop: string,
  webhookId: string,
  claim: { now: Date; leaseUntil: Date; fresh: boolean },
): Promise<WebhookEventRow | undefined> {
  const take = db
    .updateTable("webhook_events")
    .set({ status: "applying", next_attempt_at: claim.leaseUntil.toISOString() })
    .where("shop_domain", "=", shop)
    .where("webhook_id", "=", webhookId);
  const claimable = claim.fresh
    ? take.where("status", "=", "received")
    : take
        .where("status", "in", ["received", "failed", "applying"])
        .where("next_attempt_at", "<=", claim.now.toISOString());
  return claimable.returningAll().executeTakeFirst();
}

/** Deliveries stored and never started (e.g. by a process that died after answering), oldest first: keys only. */
export async function listUnstartedWebhookEvents(
  db: Db,
  limit: number,
): Promise<Array<Pick<WebhookEventRow, "shop_domain" | "webhook_id">>> {
  return db
    .selectFrom("webhook_events")
    .select(["shop_domain", "webhook_id"])
    .where("status", "=", "received")
    .orderBy("received_at")
    .limit(limit)
    .execute();
}

/**
 * Deliveries due for another try (including one whose worker's lease ran out), soonest due first. A delivery that keeps failing moves its own due time out
 * (backoff), so it never holds back the others. Across shops: a worker query.
 */
export async function listDueWebhookEvents(db: Db, now: Date, limit: number): Promise<WebhookEventRow[]> {
  return db
    .selectFrom("webhook_events")
    .selectAll()
    .where("status", "in", ["received", "failed", "applying"])
    .where("next_attempt_at", "<=", now.toISOString())
    .orderBy("next_attempt_at")
    .limit(limit)
    .execute();
}

export type DeadWebhookEvent = Pick<WebhookEventRow, "webhook_id" | "topic" | "received_at" | "attempts" | "error">;

/** One shop's dead letters, newest first. */
export async function listDeadWebhookEvents(
  db: Db,
  shop: string,
  limit: number,
): Promise<{ total: number; items: DeadWebhookEvent[] }> {
  const dead = db.selectFrom("webhook_events").where("shop_domain", "=", shop).where("status", "=", "dead");
  const items = await dead
    .select(["webhook_id", "topic", "received_at", "attempts", "error"])
    .orderBy("received_at", "desc")
    .orderBy("webhook_id")
    .limit(limit)
    .execute();
  const count = await dead.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return { total: Number(count.n), items };
}

/** Puts one of the shop's dead letters back in the queue with a fresh set of tries. False when there is none by that id. */
export async function requeueDeadWebhookEvent(db: Db, shop: string, webhookId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("webhook_events")
    .set({ status: "failed", attempts: 0, next_attempt_at: now.toISOString() })
    .where("shop_domain", "=", shop)
    .where("webhook_id", "=", webhookId)
    .where("status", "=", "dead")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countWebhookEvents(db: Db, shop: string): Promise<number> {
  const r = await db
    .selectFrom("webhook_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("shop_domain", "=", shop)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Forgets one delivery, so the same body delivered again is stored and applied afresh. */
export async function deleteWebhookEvent(db: Db, shop: string, webhookId: string): Promise<void> {
  await db.deleteFrom("webhook_events").where("shop_domain", "=", shop).where("webhook_id", "=", webhookId).execute();
}

export async function deleteShopWebhookEvents(db: Db, shop: string): Promise<void> {
  await db.deleteFrom("webhook_events").where("shop_domain", "=", shop).execute();
}

export async function insertPrivacyRequest(db: Db, row: PrivacyRequestsTable): Promise<void> {
  await db
    .insertInto("privacy_requests")
    .values(row)
    .onConflict((oc) => oc.columns(["shop_domain", "webhook_id"]).doNothing())
    .execute();
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

/** When each of these customers was last erased (customers/redact, ISO), for those who were. */
export async function customersRedactedAt(db: Db, shop: string, customerIds: string[]): Promise<Map<string, string>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("privacy_requests")
    .select(["customer_id", (eb) => eb.fn.max("received_at").as("at")])
    .where("shop_domain", "=", shop)
    .where("topic", "=", "customers/redact")
    .where("customer_id", "in", customerIds)
    .groupBy("customer_id")
    .execute();
  return new Map(rows.map((r) => [r.customer_id as string, String(r.at)]));
}

export async function deleteShopPrivacyRequests(db: Db, shop: string): Promise<void> {
  await db.deleteFrom("privacy_requests").where("shop_domain", "=", shop).execute();
}
